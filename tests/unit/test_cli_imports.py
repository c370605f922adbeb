"""The command line loads every command module to build its parser: the sync daemon, `hallapp
--version` and every other command must not pay for reportlab and openpyxl (≈ 1 s under load),
which only the report and export commands use."""

from __future__ import annotations

import subprocess
import sys


def test_the_command_line_does_not_load_the_report_libraries() -> None:
    code = ("import sys, hallapp.cli as c; c.build_parser(); "
            "print(sorted(n for n in ('reportlab', 'openpyxl', 'hallapp.services.reports') if n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
