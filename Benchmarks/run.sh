#!/usr/bin/env bash
# Beacon as a peer of the shared benchmark harness.
#   Benchmarks/run.sh -N 1000 -S 1 [-K 20] [-W 60] [--peer-opt endpoint=metrics] [--keep-workdir] ...
# Builds the release binary if it is missing, then hands over to ../shared/bench/lib/harness.py
# (every option: python3 ../shared/bench/lib/harness.py --help). Results go to Benchmarks/results/
# unless --results / --detail-dir are given. BENCH_DIR overrides where the shared harness is;
# BEACON_BIN which beacon binary runs.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BENCH="${BENCH_DIR:-$ROOT/../shared/bench}"
[[ -f "$BENCH/lib/harness.py" ]] || { echo "shared bench harness not found at $BENCH (set BENCH_DIR)" >&2; exit 2; }
BENCH="$(cd "$BENCH" && pwd)"

if [[ -z "${BEACON_BIN:-}" && ! -x "$ROOT/.build/release/beacon" ]]; then
  echo "building the release binary (swift build -c release --product beacon)" >&2
  (cd "$ROOT" && swift build -c release --product beacon >&2)
fi

# The harness' defaults would write into the shared bench folder; ours go to Benchmarks/results/.
# Later arguments win, so a caller's --results / --detail-dir replace these.
exec python3 "$BENCH/lib/harness.py" --peer "$HERE/peer.py" --system beacon \
  --results "$HERE/results/results.jsonl" --detail-dir "$HERE/results/runs" "$@"
