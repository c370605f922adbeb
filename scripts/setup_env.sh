#!/usr/bin/env bash
# Creates .venv and installs hallapp with its test tools. Used by `make run` and `make test`.
# System packages are installed when we can (root + apt); an optional part that cannot be built
# is left out with one line saying so — the set-up never fails as a whole for it.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv

# Runtime libraries for Qt's xcb platform, a CJK font, and headers for optional C extensions.
APT_PACKAGES="libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libegl1 libgl1
  libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-wqy-microhei libpcsclite-dev libsane-dev poppler-utils"

missing_apt() {
  local pkg out=""
  for pkg in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || out="$out $pkg"
  done
  echo "$out"
}

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  need=$(missing_apt)
  if [ -n "$need" ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "setup: installing system packages:$need"
      { apt-get install -y -q --no-install-recommends $need >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q --no-install-recommends $need >/dev/null 2>&1; }; } ||
        echo "setup: could not install$need with apt-get; continuing without them"
    else
      echo "setup: not root, so not installing:$need (ask an administrator: apt-get install$need)"
    fi
  fi
fi

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: hallapp needs Python 3.11 or newer ($PYTHON is $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
PIP="$VENV/bin/python -m pip --disable-pip-version-check -q"
$PIP install -e ".[dev]"
# Optional C extensions, each on its own so one missing header never blocks the other.
# pyscard compiles against libpcsclite-dev; python-sane against libsane-dev.
if ! $PIP install -e ".[dev,pcsc]" >/tmp/hallapp-pcsc-build.log 2>&1; then
  echo "setup: PC/SC support (pyscard) not built — social security card readers disabled; install libpcsclite-dev and run make again"
fi
if ! $PIP install -e ".[dev,sane]" >/tmp/hallapp-sane-build.log 2>&1; then
  echo "setup: SANE scanning (python-sane) not built — scan from files or the watched folder; install libsane-dev and run make again"
fi
