#!/usr/bin/env bash
# Runs relmap's benchmarks back to back with the d3-force reference on the same graphs.
# Needs node/npm (for ../shared/bench/d3). Prints JSON lines; compare medians as ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r ../shared/bench/d3 "$work/d3"
(cd "$work/d3" && npm ci --silent >/dev/null)
cargo build --release --quiet --example layout_bench --example frame_bench --example export_bench
for n in 1000 5000 20000; do
  node "$work/d3/gen_graph.js" "$n" 4 42 > "$work/ba_$n.json"
  ticks=300; [ "$n" -ge 20000 ] && ticks=100
  node "$work/d3/bench_d3.js" "$work/ba_$n.json" "$ticks" 60
  ./target/release/examples/layout_bench "$work/ba_$n.json" --ticks 300
done
./target/release/examples/frame_bench 1000 5000 20000
./target/release/examples/export_bench 20
