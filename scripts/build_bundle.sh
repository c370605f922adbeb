#!/usr/bin/env bash
# Builds the PyInstaller one-folder bundle: DIST/hallapp/hallapp (hallapp.exe on Windows).
#   scripts/build_bundle.sh [DIST]        # default dist/ (ignored by git); work files in build/pyinstaller
# PyInstaller is a build tool, not a project dependency: .ci/run installs it into .venv.
set -euo pipefail
umask 022  # the bundle is installed for every user of the PC, whatever the caller's umask
cd "$(dirname "$0")/.."
DIST=${1:-dist}
WORK=${PYI_WORKPATH:-build/pyinstaller}
PYTHON=${PYTHON:-.venv/bin/python}

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "build_bundle: PyInstaller is not installed for $PYTHON;" \
       "install it with: $PYTHON -m pip install 'pyinstaller==6.22.*'" >&2
  exit 2
fi
"$PYTHON" -m PyInstaller installer/hallapp.spec --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK"
echo "bundle: $DIST/hallapp ($(du -sh "$DIST/hallapp" | cut -f1), $(find "$DIST/hallapp" -type f | wc -l) files)"
