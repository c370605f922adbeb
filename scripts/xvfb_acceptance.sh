#!/usr/bin/env bash
# The acceptance tests (the clerk's walk-through from the keys) once more in a real X server:
# Xvfb at a counter PC's 1366x768, the openbox window manager, Qt's xcb platform. The tests marked
# `acceptance` run: test_clerk_walkthrough.py, test_main_window.py (Ctrl+N), test_counter_queue.py,
# test_counter_identity.py (F3), test_intake_flow.py, test_sign_in_walk.py (login to receipt) and
# test_supervisor_keys.py (the supervisor's tabs, drill-downs, follow-up, report). HALLAPP_TEST_WM tells tests/ui/clerk_keys.py
# a window manager runs when xprop is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v xvfb-run >/dev/null 2>&1 || ! command -v openbox >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "acceptance under Xvfb: xvfb-run and openbox are required in CI" >&2
    exit 1
  fi
  echo "acceptance under Xvfb: skipped (install xvfb, xauth and openbox to run it)"
  exit 0
fi
exec xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
  openbox >/dev/null 2>&1 & wm=$!
  trap "kill $wm 2>/dev/null || true" EXIT
  sleep 0.5
  HALLAPP_TEST_WM=openbox QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest -m acceptance -q "$@"' acceptance "$@"
