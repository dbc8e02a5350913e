#!/usr/bin/env bash
# Builds the Debian package with cargo-deb (release build), checks what it contains, installs
# it, checks with GLib's gio that relmap is the default application for *.relmap.json, and
# purges it again (checking nothing is left). Run as root on a throwaway machine (CI).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-deb >/dev/null || cargo install cargo-deb --locked --quiet
cargo deb --quiet
deb=$(ls target/debian/relmap_*.deb | tail -n 1)
echo "== built $deb"

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for want in ./usr/bin/relmap ./usr/share/applications/relmap.desktop \
    ./usr/share/mime/packages/relmap.xml ./usr/share/icons/hicolor/256x256/apps/relmap.png \
    ./usr/share/icons/hicolor/scalable/apps/relmap.svg; do
  grep -qx "$want" <<<"$contents" || { echo "missing from the package: $want"; exit 1; }
done
# Captured first: `grep -q` closing the pipe early would fail the pipeline under pipefail.
info=$(dpkg-deb -I "$deb")
grep -q postinst <<<"$info" || { echo "no postinst (default handler)"; exit 1; }
echo "== contents OK"

apt-get install -y -qq "./$deb" >/dev/null
answer=$(env -u XDG_CONFIG_HOME -u XDG_DATA_HOME HOME="$(mktemp -d)" XDG_DATA_DIRS=/usr/share \
  gio mime application/x-relmap+json)
echo "$answer"
grep -q "Default application.*relmap.desktop" <<<"$answer" || { echo "relmap is not the default"; exit 1; }
relmap check --strict >/dev/null
dpkg --purge relmap >/dev/null
if [ -e /usr/bin/relmap ] || grep -qs relmap /etc/xdg/mimeapps.list; then
  echo "purge left relmap behind"; exit 1
fi
echo "== package installs, is the default for *.relmap.json, and purges cleanly"
