#!/usr/bin/env bash
# Builds the .deb for UOS/Kylin/Debian from the one-folder bundle (scripts/build_bundle.sh first).
#   scripts/build_deb.sh [BUNDLE] [OUT]     # defaults dist/hallapp and dist/ -> OUT/hallapp_VERSION_ARCH.deb
# Needs only dpkg-deb. DEB_COMPRESS=gzip (default: every dpkg reads it, also the older ones of UOS 20 /
# Kylin V10) or xz (smaller, slower); DEB_LEVEL=1..9 (default 6; the tests use 1 to save CI time).
set -euo pipefail
# Modes in the package must not follow the caller's umask (hallapp itself runs with 077, and so may a
# test process that called it): what is installed in /opt and /usr is readable by every user.
umask 022
cd "$(dirname "$0")/.."
BUNDLE=${1:-dist/hallapp}
OUT=${2:-dist}
COMPRESS=${DEB_COMPRESS:-gzip}
LEVEL=${DEB_LEVEL:-6}
TEMPLATES=installer/deb

if [ ! -x "$BUNDLE/hallapp" ]; then
  echo "build_deb: no bundle at $BUNDLE (run scripts/build_bundle.sh first)" >&2
  exit 2
fi
command -v dpkg-deb >/dev/null || { echo "build_deb: dpkg-deb is missing (Debian's dpkg)" >&2; exit 2; }

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' hallapp/__init__.py)
ARCH=$(dpkg --print-architecture)
GLIBC=$(getconf GNU_LIBC_VERSION | cut -d' ' -f2)  # the bundle runs on this glibc or newer
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/hallapp-deb.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
umask 022

mkdir -p "$STAGE/opt" "$STAGE/DEBIAN"
# Hard links when the bundle is on the same file system (no 200 MiB copy), a copy otherwise.
cp -al "$BUNDLE" "$STAGE/opt/hallapp" 2>/dev/null || { rm -rf "$STAGE/opt/hallapp"; cp -a "$BUNDLE" "$STAGE/opt/hallapp"; }
chmod 0755 "$STAGE"
chmod -R u+rwX,go+rX,go-w "$STAGE/opt/hallapp"  # a bundle built under umask 077 would be root's alone
install -D -m 0755 "$TEMPLATES/hallapp.sh" "$STAGE/usr/bin/hallapp"
install -D -m 0644 "$TEMPLATES/hallapp.desktop" "$STAGE/usr/share/applications/hallapp.desktop"
install -D -m 0644 resources/icons/hallapp.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/hallapp.svg"
install -D -m 0644 resources/icons/hallapp.png "$STAGE/usr/share/icons/hicolor/256x256/apps/hallapp.png"
install -D -m 0644 "$TEMPLATES/70-hallapp.rules" "$STAGE/lib/udev/rules.d/70-hallapp.rules"
install -D -m 0644 "$TEMPLATES/hallapp-sync.service" "$STAGE/lib/systemd/system/hallapp-sync.service"
install -D -m 0644 "$TEMPLATES/default" "$STAGE/etc/default/hallapp"
install -D -m 0644 installer/README.md "$STAGE/usr/share/doc/hallapp/README.md"
for script in postinst prerm postrm; do
  install -m 0755 "$TEMPLATES/$script" "$STAGE/DEBIAN/$script"
done
echo /etc/default/hallapp > "$STAGE/DEBIAN/conffiles"
SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@GLIBC@/$GLIBC/" -e "s/@SIZE_KB@/$SIZE_KB/" \
  "$TEMPLATES/control.in" > "$STAGE/DEBIAN/control"

mkdir -p "$OUT"
DEB="$OUT/hallapp_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Z"$COMPRESS" -z"$LEVEL" --build "$STAGE" "$DEB" >/dev/null
echo "deb: $DEB ($(du -h "$DEB" | cut -f1), installed $((SIZE_KB / 1024)) MiB)"
