#!/usr/bin/env bash
# When does a map reach the screen? Opens FILE in the release build on a private Xvfb whose
# framebuffer is a file (-fbdir), copies that framebuffer every ~60 ms for SECONDS (default 3),
# and prints when the map area changed, next to the app's own log lines. Needs Xvfb and
# ImageMagick (convert, compare). Build first: cargo build --release.
#   tools/glass_timeline.sh GRAPH.json [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
file=$1
seconds=${2:-3}
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
display=:$(( 60 + RANDOM % 100 ))
mkdir -p "$work/fb" "$work/shots" "$work/xdg/run"
chmod 700 "$work/xdg/run"
Xvfb "$display" -screen 0 1600x1000x24 -fbdir "$work/fb" >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=$display XDG_DATA_HOME=$work/xdg/data XDG_CONFIG_HOME=$work/xdg/config \
  XDG_RUNTIME_DIR=$work/xdg/run XDG_CACHE_HOME=$work/xdg/cache
t0=$(date +%s%N)
RUST_LOG=relmap=info target/release/relmap "$file" > "$work/app.log" 2>&1 &
app=$!
end=$(( t0 + seconds * 1000000000 ))
while [ "$(date +%s%N)" -lt "$end" ]; do
  cp "$work/fb/Xvfb_screen0" "$work/shots/$(( ($(date +%s%N) - t0) / 1000000 )).xwd"
  sleep 0.05
done
kill $app 2>/dev/null || true
echo "app log (ms after launch):"
while IFS= read -r line; do
  stamp=$(echo "$line" | sed -n 's/^\[\([0-9T:.-]*\)Z .*/\1/p')
  [ -n "$stamp" ] || continue
  echo "  $(( ($(date -d "${stamp}Z" +%s%N) - t0) / 1000000 )) ms: ${line#*] }"
done < <(grep -E "first frame|read and validated|showing|first positions|ticks in" "$work/app.log")
echo "map area (900×720 from the top left, below the menu) changed on screen:"
prev=""
for shot in $(ls "$work/shots" | sort -n); do
  convert "xwd:$work/shots/$shot" -crop 900x720+0+30 +repage "$work/shots/${shot%.xwd}.png"
  if [ -n "$prev" ]; then
    changed=$(compare -metric AE "$work/shots/${prev%.xwd}.png" "$work/shots/${shot%.xwd}.png" null: 2>&1 || true)
    [ "$changed" != "0" ] && echo "  between ${prev%.xwd} and ${shot%.xwd} ms ($changed pixels)"
  fi
  prev=$shot
done
