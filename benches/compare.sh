#!/usr/bin/env bash
# painmap's whole-process cost, two ways:
#
# 1. callgrind instruction counts (repeatable even on a loaded machine) for the budgets:
#    `rank`, `search`, the explorer's first frame at 120x40, at 1x and 100x;
# 2. wall time paired run by run (painmap, fzf, painmap, fzf...) against `fzf --filter`
#    over the same strings: the muscle names and aliases, region names, ids and aliases
#    and symptoms of the same atlas (written by `gen_atlas --strings`). The ratio of the
#    medians is what counts; wall times on a shared machine are not repeatable, so the
#    load is printed with them.
#
# At 100x painmap reads the atlas with `--atlas FILE`; it is run once first so the
# cache (a temporary XDG_CACHE_HOME) is warm, as on any second run.
#
# Usage: benches/compare.sh [PAIRS]      (default 40 pairs per query)
# Needs: valgrind, fzf, python3, script (util-linux).
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-40}
for tool in valgrind fzf python3 script; do
    command -v "$tool" >/dev/null || { echo "compare.sh: $tool is needed" >&2; exit 2; }
done

cargo build --release --quiet --bin painmap --example gen_atlas
bin=target/release/painmap
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
export NO_COLOR=1
target/release/examples/gen_atlas --scale 1 --out "$work/atlas-1x.ron" --strings "$work/strings-1x.txt"
target/release/examples/gen_atlas --scale 100 --out "$work/atlas-100x.ron" --strings "$work/strings-100x.txt"
big=(--atlas "$work/atlas-100x.ron")
"$bin" "${big[@]}" search st >/dev/null # warm the cache

# Instructions of one run of painmap with these arguments.
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$work/vg.log" \
        "$bin" "$@" >/dev/null 2>&1 || true
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/vg.log"
}
# Instructions to the explorer's first frame in a 120x40 pty.
first_frame() {
    script -qec "stty rows 40 cols 120; PAINMAP_EXIT_AFTER_FIRST_FRAME=1 valgrind \
        --tool=callgrind --callgrind-out-file=/dev/null --log-file=$work/vg.log $bin $*" \
        /dev/null >/dev/null 2>&1 || true
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/vg.log"
}
millions() { python3 -c "print(f'{$1/1e6:.2f} M')"; }

echo "== callgrind instructions (budget: rank <= 6 M, search <= 7 M, first frame <= 20 M at 1x)"
printf '%-58s %12s %12s\n' "command" "1x" "100x (warm)"
row() {
    local what=$1; shift
    printf '%-58s %12s %12s\n' "$what" "$(millions "$(count "$@")")" \
        "$(millions "$(count "${big[@]}" "$@")")"
}
row "rank 'left temple' 'left neck-side' --json" rank 'left temple' 'left neck-side' --json
row "rank 'left temple' 'left neck-side' --by point --json" rank 'left temple' 'left neck-side' --by point --json
row "search st --json" search st --json
row "search scm --json" search scm --json
row "search 'tension headache' --json" search 'tension headache' --json
printf '%-58s %12s %12s\n' "explorer, first frame at 120x40" "$(millions "$(first_frame)")" \
    "$(millions "$(first_frame "${big[*]}")")"

echo
echo "== paired wall time against fzf --filter ($pairs pairs a query)"
echo "load before: $(uptime)"
python3 - "$bin" "$work" "$pairs" <<'EOF'
import statistics, subprocess, sys, time

binary, work, pairs = sys.argv[1], sys.argv[2], int(sys.argv[3])
queries = ["st", "scm", "temple", "tension headache", "upper trap", "infraspinatus"]

def run(cmd, stdin=None):
    with open(stdin) if stdin else open("/dev/null") as f:
        start = time.perf_counter_ns()
        subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return (time.perf_counter_ns() - start) / 1e6

print(f"{'scale':<6} {'query':<18} {'painmap ms':>11} {'fzf ms':>8} {'ratio':>7}")
for scale in ["1x", "100x"]:
    atlas = [] if scale == "1x" else ["--atlas", f"{work}/atlas-100x.ron"]
    strings = f"{work}/strings-{scale}.txt"
    ratios = []
    for q in queries:
        ours, theirs = [], []
        for _ in range(pairs):
            ours.append(run([binary, *atlas, "search", q]))
            theirs.append(run(["fzf", "--filter", q], strings))
        a, b = statistics.median(ours), statistics.median(theirs)
        ratios.append(a / b)
        print(f"{scale:<6} {q:<18} {a:>11.2f} {b:>8.2f} {a / b:>6.2f}x")
    print(f"{scale:<6} {'(median ratio)':<18} {'':>11} {'':>8} {statistics.median(ratios):>6.2f}x")
EOF
echo "load after: $(uptime)"
