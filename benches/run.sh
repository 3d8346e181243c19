#!/usr/bin/env bash
# Benchmark of `baocao build` on generated projects (issue 7; results in docs/performance.md).
#
# Usage:
#   benches/run.sh                      # 100, 1000 and 10000 communes × 10 years, 5 runs each
#   benches/run.sh 100 1000             # only these sizes
#   RUNS=3 YEARS=10 WORK=/tmp/bench benches/run.sh 10000
#
# What it does:
#   1. builds the release binary and the generator (`cargo build --release --bin baocao
#      --example synth`) and copies both into $WORK, so that every run uses the same build;
#   2. for each size N, generates `examples/synth.rs --communes N --years $YEARS` into
#      $WORK/synth-N and checks that `baocao check` reports 0 errors and 0 warnings;
#   3. full build: $RUNS times, `baocao --root $WORK/synth-N build --output DIR` into a folder
#      that does not exist yet (a fresh one each run; the previous run's folder is deleted and
#      `sync` is run outside the timing);
#   4. no-change rebuild: $REBUILD_RUNS times, the same command again on the output of the last full
#      build. Each rebuild must report "up to date: nothing changed" (or "0 added, 0 changed,
#      0 removed") and leave every file of
#      the output untouched (no file newer than a marker written just before; same inode for
#      the output folder), otherwise the script fails;
#   5. prints, per size, the median wall time, CPU time and peak RSS of both, and pages/s and charts/s
#      computed from the binary's summary line ("built N pages, M charts, ...") and the median
#      full-build wall time. The table is also written to $WORK/results.md, every single run to
#      $WORK/runs.csv.
#
# Wall time is measured by bash around the process ($EPOCHREALTIME, microseconds); CPU time
# (user + system) and peak RSS ("Maximum resident set size") by GNU time (`/usr/bin/time -v`). Medians only: with an even
# RUNS the mean of the two middle runs.
#
# Environment:
#   RUNS   runs per measurement (default 5)
#   REBUILD_RUNS  no-change rebuilds per size (default RUNS; 0 skips them, e.g. to save time
#          at 10000 communes, where a rebuild costs about as much as a full build)
#   YEARS  years of figures per commune (default 10)
#   WORK   working folder (default: a new `mktemp -d`); generated projects already in it are
#          reused when their size matches; delete it afterwards (at 10000 communes the project
#          is 67 MB and each output 1,2 GB)
#   BIN_DIR  a folder holding already built `baocao` and `synth` binaries: benchmark those
#          instead of building (e.g. the copies a previous run left in its WORK folder)
#   KEEP   1 to keep the outputs of the last runs (default: deleted at the end)
#   QUIET_WAIT  seconds to wait before each run for the machine to be idle (CPU pressure in
#          /proc/pressure/cpu below 5 %; default 60, 0 to never wait). The pressure seen at the
#          start of each run is recorded in runs.csv: a run that started on a busy machine is
#          slower, and its CPU time (user + system) is the fairer figure to compare.
#
# Requirements: bash ≥ 5 ($EPOCHREALTIME), cargo, GNU time at /usr/bin/time
# (Debian/Ubuntu: `apt-get install time`), awk, find, stat. Nothing else; hyperfine is not
# needed (it does not report peak memory).
#
# Duration on a 2-core machine (see docs/performance.md), with the code as measured there:
# 100 and 1000 communes take one to two minutes together; at 10000 communes every run is one
# full build (about a minute on an idle machine, 9 GiB of memory), so the default needs about
# 2 × RUNS minutes more, plus the compilation. The 10000-commune build needs ~10 GiB of RAM.

set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)

RUNS=${RUNS:-5}
REBUILD_RUNS=${REBUILD_RUNS:-$RUNS}
YEARS=${YEARS:-10}
KEEP=${KEEP:-0}
QUIET_WAIT=${QUIET_WAIT:-60}
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(100 1000 10000); fi

die() { echo "error: $*" >&2; exit 1; }
[ -x /usr/bin/time ] || die "GNU time is missing: apt-get install time"
[ -n "${EPOCHREALTIME:-}" ] || die "bash 5 or later is needed (for \$EPOCHREALTIME)"
command -v cargo >/dev/null || die "cargo is missing: see https://rustup.rs"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number"

WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/baocao-bench.XXXXXX")}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

# The binaries are copied into $WORK, so that a `cargo build` run meanwhile (by you or by an
# editor) does not swap the binary between runs.
if [ -n "${BIN_DIR:-}" ]; then
    echo "== using the binaries in $BIN_DIR (no build)" >&2
    bins=(baocao synth)
    for b in "${bins[@]}"; do
        [ -x "$BIN_DIR/$b" ] || die "$BIN_DIR/$b is missing"
        [ "$BIN_DIR/$b" -ef "$WORK/$b" ] || cp "$BIN_DIR/$b" "$WORK/$b"
    done
else
    echo "== building the release binary and the generator" >&2
    cargo build --release --quiet --bin baocao --example synth
    target=$(cargo metadata --format-version 1 --no-deps 2>/dev/null |
        sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
    target=${target:-$repo/target}
    cp "$target/release/baocao" "$target/release/examples/synth" "$WORK/" ||
        die "cannot find the built binaries in $target/release"
fi
baocao=$WORK/baocao
synth=$WORK/synth

# The median of the numbers on stdin.
median() {
    sort -g | awk 'NF { v[++n] = $1 } END {
        if (n == 0) { print "nan"; exit }
        if (n % 2) print v[(n + 1) / 2]; else print (v[n / 2] + v[n / 2 + 1]) / 2 }'
}

# CPU pressure: the share of the last 10 s in which some task waited for a CPU
# (/proc/pressure/cpu, "some avg10"); "n/a" where the kernel does not report it.
pressure() {
    awk '/^some/ { sub("avg10=", "", $2); print $2; exit }' /proc/pressure/cpu 2>/dev/null || echo n/a
}

# Waits up to $QUIET_WAIT seconds for the CPU pressure to fall below 5 %, so that other work on
# the machine (a compiler, another benchmark) disturbs the runs as little as possible.
wait_quiet() {
    local waited=0 p
    while [ "$waited" -lt "$QUIET_WAIT" ]; do
        p=$(pressure)
        [ "$p" = n/a ] && return
        awk -v p="$p" 'BEGIN { exit !(p < 5) }' && return
        sleep 1
        waited=$((waited + 1))
    done
    echo "   (the machine is busy: CPU pressure $(pressure) % after ${QUIET_WAIT} s; measuring anyway)" >&2
}

# Runs baocao with $@; sets `wall` (seconds), `cpu` (user + system seconds), `rss` (KiB),
# `busy` (CPU pressure before the run) and `summary` (the last line of its stdout).
measure() {
    local log=$WORK/time.log out=$WORK/stdout.log start end
    wait_quiet
    busy=$(pressure)
    start=$EPOCHREALTIME
    if ! /usr/bin/time -v -o "$log" "$baocao" --lang en "$@" >"$out" 2>"$WORK/stderr.log"; then
        cat "$WORK/stderr.log" >&2
        die "baocao $* failed"
    fi
    end=$EPOCHREALTIME
    wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }')
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
    cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f", t }' "$log")
    summary=$(tail -n 1 "$out")
}

{
    echo "# baocao benchmark"
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "- machine: $(nproc) cores; $(lscpu 2>/dev/null | awk -F': *' '/^Model name/ { print $2; exit }'); $(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo)"
    [ -z "${BIN_DIR:-}" ] && echo "- commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$( [ -n "$(git -C "$repo" --no-optional-locks status --porcelain 2>/dev/null)" ] && echo ' (with uncommitted changes)')"
    echo "- $("$baocao" --version), RUNS=$RUNS, YEARS=$YEARS, WORK=$WORK"
    echo
    echo "| communes | pages | charts | full build: wall | full: CPU (user+sys) | full: peak RSS | pages/s | charts/s | no-change rebuild: wall | rebuild: CPU | rebuild: peak RSS | rebuild / full |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$WORK/results.md"
echo "size,kind,run,wall_s,cpu_s,peak_rss_kib,cpu_pressure_before,summary" >"$WORK/runs.csv"

for n in "${sizes[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "sizes are numbers of communes, not \`$n\`"
    project=$WORK/synth-$n
    stamp="$n communes × $YEARS years"
    if [ ! -f "$project/.synth" ] || [ "$(cat "$project/.synth")" != "$stamp" ]; then
        rm -rf "$project"
        echo "== generating $stamp" >&2
        "$synth" --communes "$n" --years "$YEARS" "$project" >&2
        echo "$stamp" >"$project/.synth"
    fi
    checked=$("$baocao" --lang en --root "$project" check 2>&1) || { echo "$checked" >&2; die "the generated project has errors"; }
    case "$checked" in
        *"; 0 warnings"*) ;;
        *) echo "$checked" >&2; die "the generated project has warnings" ;;
    esac

    echo "== $n communes: $RUNS full builds" >&2
    full_walls=() ; full_rss=() ; full_cpu=()
    out=
    for run in $(seq 1 "$RUNS"); do
        [ -n "$out" ] && rm -rf "$out"
        out=$WORK/out-$n-$run
        rm -rf "$out"
        sync
        measure --root "$project" build --output "$out"
        full_walls+=("$wall"); full_rss+=("$rss"); full_cpu+=("$cpu")
        echo "$n,full,$run,$wall,$cpu,$rss,$busy,\"$summary\"" >>"$WORK/runs.csv"
        echo "   run $run: ${wall} s wall, ${cpu} s CPU, $((rss / 1024)) MiB (pressure before: $busy %): $summary" >&2
    done
    pages=$(sed -n 's/^built \([0-9]*\) pages\{0,1\}, .*/\1/p' <<<"$summary")
    charts=$(sed -n 's/^built [0-9]* pages\{0,1\}, \([0-9]*\) charts\{0,1\}, .*/\1/p' <<<"$summary")
    [ -n "$pages" ] && [ -n "$charts" ] || die "cannot read pages and charts from: $summary"

    echo "== $n communes: $REBUILD_RUNS no-change rebuilds of $out" >&2
    re_walls=() ; re_rss=() ; re_cpu=()
    for run in $(seq 1 "$REBUILD_RUNS"); do
        marker=$WORK/marker
        inode=$(stat -c %i "$out")
        touch "$marker"
        sleep 0.01
        measure --root "$project" build --output "$out"
        case "$summary" in
            "up to date: nothing changed"* | *"(0 added, 0 changed, 0 removed)"*) ;;
            *) die "the no-change rebuild changed the output: $summary" ;;
        esac
        written=$(find "$out" -newer "$marker" | head -n 5)
        [ -z "$written" ] || die "the no-change rebuild wrote files, e.g. $written"
        [ "$(stat -c %i "$out")" = "$inode" ] || die "the no-change rebuild replaced the output folder"
        re_walls+=("$wall"); re_rss+=("$rss"); re_cpu+=("$cpu")
        echo "$n,rebuild,$run,$wall,$cpu,$rss,$busy,\"$summary\"" >>"$WORK/runs.csv"
        echo "   run $run: ${wall} s wall, ${cpu} s CPU, $((rss / 1024)) MiB (pressure before: $busy %; no file written)" >&2
    done
    [ "$KEEP" = 1 ] || rm -rf "$out"

    fw=$(printf '%s\n' "${full_walls[@]}" | median)
    fr=$(printf '%s\n' "${full_rss[@]}" | median)
    fc=$(printf '%s\n' "${full_cpu[@]}" | median)
    rw=$(printf '%s\n' "${re_walls[@]:-}" | median)
    rr=$(printf '%s\n' "${re_rss[@]:-}" | median)
    rc=$(printf '%s\n' "${re_cpu[@]:-}" | median)
    awk -v n="$n" -v p="$pages" -v c="$charts" -v fw="$fw" -v fc="$fc" -v fr="$fr" -v rw="$rw" -v rc="$rc" -v rr="$rr" 'BEGIN {
        printf "| %d | %d | %d | %.3f s | %.2f s | %.0f MiB | %.0f | %.0f |", n, p, c, fw, fc, fr / 1024, p / fw, c / fw
        if (rw == "nan") print " not measured | | | |"
        else printf " %.3f s | %.2f s | %.0f MiB | %.0f %% |\n", rw, rc, rr / 1024, 100 * rw / fw }' >>"$WORK/results.md"
done

echo >&2
cat "$WORK/results.md"
echo >&2
echo "every run: $WORK/runs.csv; projects kept in $WORK (delete the folder when done)" >&2
