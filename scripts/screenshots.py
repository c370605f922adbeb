"""Render the login dialog and the main pages into docs/screenshots/ (run under Xvfb by
`make screenshots`). Uses a throwaway home with the demo hall."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def main() -> int:
    os.environ.setdefault("HALLAPP_HOME", tempfile.mkdtemp(prefix="hallapp-shots-"))
    from PySide6.QtWidgets import QApplication

    from hallapp.bootstrap import open_app
    from hallapp.domain.staff import Page
    from hallapp.services import hall, staff
    from ui import i18n
    from ui.app import make_application
    from ui.dialogs.login import LoginDialog
    from ui.main_window import MainWindow
    from ui.tasks import wait_for_all

    OUT.mkdir(parents=True, exist_ok=True)
    ctx = open_app(demo=True)
    app = make_application(ctx)
    info = hall.ensure_demo_hall(ctx.db)
    hall.ensure_demo_queue(ctx.db, info.id)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
            wait_for_all()
            app.processEvents()

    def shoot(widget, name: str) -> None:
        widget.show()
        settle()
        widget.grab().save(str(OUT / name))
        print(OUT / name)

    for lang in ("zh_CN", "en"):
        i18n.install(lang)
        suffix = "" if lang == "zh_CN" else "-en"
        login = LoginDialog(ctx.db, ctx.settings.security, info.name)
        login.username.setText("clerk1")
        shoot(login, f"login{suffix}.png")
        login.close()
        admin = staff.login(ctx.db, "admin", hall.DEMO_PASSWORD, ctx.settings.security)
        window = MainWindow(ctx, info, admin)
        window.resize(1366, 768)
        for page in (Page.COUNTER, Page.SUPERVISOR, Page.DEVICES, Page.ADMIN, Page.SETTINGS):
            window.nav.setCurrentRow(list(window.pages).index(page))
            shoot(window, f"{page.value}{suffix}.png")
        # The counter after the demo reader's cards: an applicant from another province and an agent.
        window.nav.setCurrentRow(list(window.pages).index(Page.COUNTER))
        counter = window.pages[Page.COUNTER]
        for target, panel in (("applicant", counter.applicant), ("applicant", counter.applicant), ("agent", counter.agent)):
            before = panel.identity
            counter.read_card(target)
            deadline = time.monotonic() + 10
            while panel.identity is before and time.monotonic() < deadline:
                settle()
        shoot(window, f"counter-card{suffix}.png")
        # A called ticket and the intake at the checklist: item chosen, materials being captured.
        counter.queue.call_next()
        deadline = time.monotonic() + 5
        while counter.queue.current is None and time.monotonic() < deadline:
            settle()
        flow = counter.flow
        flow.go(flow.step() + 1)
        flow.search_box.setText("sbk")
        deadline = time.monotonic() + 5
        while flow.results.count() == 0 and time.monotonic() < deadline:
            settle()
        flow.advance()
        deadline = time.monotonic() + 5
        while counter.checklist.item is None and time.monotonic() < deadline:
            settle()
        flow.advance()
        counter.scan()
        deadline = time.monotonic() + 10
        while counter.checklist.lines and counter.checklist.lines[0].status != "captured" and time.monotonic() < deadline:
            settle()
        counter.checklist.set_lacking("missing")
        shoot(window, f"counter-intake{suffix}.png")
        window.card_reader.stop()
        window.hide()
    QApplication.instance().quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
