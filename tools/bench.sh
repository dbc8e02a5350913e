#!/usr/bin/env bash
# Runs relmap's benchmarks back to back with the d3-force reference on the same graphs
# (1k, 5k, 20k and 100k nodes from ../shared/bench/d3/gen_graph.js), then prints the ratios.
# Needs node/npm (for ../shared/bench/d3) and python3 (for the summary). Prints JSON lines;
# compare medians as ratios, as this machine is shared and noisy. About 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r ../shared/bench/d3 "$work/d3"
(cd "$work/d3" && npm ci --silent >/dev/null)
cargo build --release --quiet --example layout_bench --example frame_bench --example export_bench
out="$work/results.jsonl"
for n in 1000 5000 20000 100000; do
  node "$work/d3/gen_graph.js" "$n" 4 42 > "$work/ba_$n.json"
  # d3 needs ~1 s per tick at 100k: fewer ticks there, capped at 120 s.
  ticks=300; [ "$n" -ge 20000 ] && ticks=60; [ "$n" -ge 100000 ] && ticks=15
  node "$work/d3/bench_d3.js" "$work/ba_$n.json" "$ticks" 120 | tee -a "$out"
  ./target/release/examples/layout_bench "$work/ba_$n.json" --ticks 100 | sed 's/^{/{"bench":"layout",/' | tee -a "$out"
  ./target/release/examples/frame_bench "$work/ba_$n.json" | sed 's/^{/{"bench":"frame",/' | tee -a "$out"
done
./target/release/examples/export_bench 20
cargo build --release --quiet --example document_bench
./target/release/examples/document_bench 300
python3 - "$out" <<'PY'
import json, os, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
by = {}
for r in rows:
    key = os.path.basename(r.get("file", ""))
    by.setdefault(key, {})[r.get("bench", "d3")] = r
print("graph            d3 tick   relmap tick  ratio   serial frame  frame/d3-tick  pan frame"
      "  live: UI frame  tick interval  interval/d3-tick")
for key, b in by.items():
    d3, lay, fr = b.get("d3"), b.get("layout"), b.get("frame")
    if not (d3 and lay and fr):
        continue
    line = (f"{key:15} {d3['median_ms']:8.1f} ms {lay['median_ms']:8.2f} ms {lay['median_ms']/d3['median_ms']:6.3f}x"
            f" {fr['frame_ms']:9.1f} ms {fr['frame_ms']/d3['median_ms']:9.3f}x {fr['pan_frame_ms']:9.1f} ms")
    # Maps laid out live (past 50,000 nodes plus links): frames beside the worker's ticks.
    if "live_fps" in fr:
        interval = 1000.0 / fr["live_fps"]
        line += f" {fr['live_frame_ms']:11.1f} ms {interval:10.1f} ms {interval/d3['median_ms']:12.3f}x"
    print(line)
PY
