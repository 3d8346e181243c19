#!/usr/bin/env bash
# Nu HTML Checker (vnu.jar from the vnu-jar npm package, run with java) on every .html file
# of the built site (issue 6: 0 errors on every page). Prints every error; exits non-zero
# on any error. Needs `npm ci` in tests/e2e first.
#
#   bash tests/e2e/vnu.sh [SITE_DIR]      (default: ../../output beside this script)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
site="$(realpath "${1:-$here/../../output}")"
jar="$here/node_modules/vnu-jar/build/dist/vnu.jar"

if [[ ! -f "$jar" ]]; then
  echo "vnu: $jar is missing: run (cd tests/e2e && npm ci)" >&2
  exit 2
fi
if ! command -v java >/dev/null; then
  echo "vnu: java is missing: apt-get install -y openjdk-17-jre-headless" >&2
  exit 2
fi

mapfile -d '' files < <(find "$site" -type f -name '*.html' -print0 | sort -z)
if (( ${#files[@]} == 0 )); then
  echo "vnu: no .html file under $site" >&2
  exit 2
fi

echo "vnu: checking ${#files[@]} .html files under $site"
status=0
# -Xss: vnu's regex-based checks need a deeper stack than the default on large pages.
java -Xss16m -jar "$jar" --errors-only --skip-non-html "${files[@]}" || status=$?
if (( status == 0 )); then
  echo "vnu: 0 errors in ${#files[@]} files"
else
  echo "vnu: errors found (exit $status)" >&2
fi
exit "$status"
