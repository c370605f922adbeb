"""No start-up, whichever role signs in, loads what only a printed paper or a report needs: reportlab,
openpyxl and the report service load with the first receipt or report, not before the window is ready.
Each check runs in a new interpreter, so what other tests imported does not count."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Loaded by the first receipt, notice or report (a worker), never by a start or a page being built.
PAPERS = ("reportlab", "openpyxl", "hallapp.services.reports", "hallapp.services.case_documents")


def _said(code: str, env: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Run `code`; its lines as {first word: the other words}. It prints 'loaded' and the PAPERS in
    sys.modules at the moment it checks."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    said = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.strip()}
    assert "loaded" in said, result.stdout[-2000:]
    return said


def test_no_role_s_start_up_imports_load_the_papers() -> None:
    """What ui/start_chain.py imports before the main window (the core, then each role's first pages)."""
    code = ("import sys\n"
            "import ui.launcher, ui.app, ui.startup, ui.start_chain, ui.tasks, hallapp.bootstrap\n"
            "from hallapp.domain.staff import Role\n"
            "from ui.main_window import preload, startup_pages\n"
            "for role in Role:\n"
            "    preload(startup_pages(role))\n"
            "print('pages', *sorted(m for m in sys.modules if m.startswith('ui.pages.')))\n"
            f"print('loaded', *[m for m in {PAPERS!r} if m in sys.modules])\n")
    said = _said(code)
    assert said["loaded"] == []
    assert {"ui.pages.counter", "ui.pages.supervisor", "ui.pages.devices", "ui.pages.admin"} <= set(said["pages"])


def test_a_supervisor_s_window_is_ready_before_the_report_s_modules_load(home: Path) -> None:
    """The real start (demo hall) signed in as the supervisor: at ready, the supervisor page is shown."""
    code = ("import sys\n"
            "import ui.app, ui.start_chain as chain\n"
            "from hallapp.services import hall, staff\n"
            "def as_supervisor(ctx):\n"
            "    info = hall.ensure_demo_hall(ctx.db)\n"
            "    return info, staff.login(ctx.db, 'supervisor', hall.DEMO_PASSWORD, ctx.settings.security)\n"
            "ui.app.demo_sign_in = as_supervisor\n"
            "mark = chain.bench_mark\n"
            "def marked(name):\n"
            "    mark(name)\n"
            "    if name == 'ready':\n"
            "        from ui.main_window import MainWindow\n"
            "        shown = [w for w in chain.QApplication.topLevelWidgets() if isinstance(w, MainWindow)]\n"
            "        print('page', *[w.current_page().value for w in shown], flush=True)\n"
            f"        print('loaded', *[m for m in {PAPERS!r} if m in sys.modules], flush=True)\n"
            "chain.bench_mark = marked\n"
            "from ui.launcher import main\n"
            "sys.exit(main(['--demo']))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HALLAPP_EXIT_AFTER_PAINT": "1"}
    said = _said(code, env)
    assert said["page"] == ["supervisor"]
    assert said["loaded"] == []
