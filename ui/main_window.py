"""The main window: a thin shell that composes the pages a role may open, the status bar and
the idle lock. Pages do their own work; this file only arranges them."""

from __future__ import annotations

import warnings

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QMainWindow, QStackedWidget, QWidget

from hallapp.bootstrap import AppContext
from hallapp.config import set_value
from hallapp.domain.staff import Page, Role, pages_for
from hallapp.services import staff
from hallapp.services.hall import HallInfo
from hallapp.services.staff import StaffSession
from ui import i18n
from ui.card_reader import CardReaderController
from ui.dialogs.lock import LockDialog
from ui.idle import IdleWatcher
from ui.pages.admin import AdminPage
from ui.pages.cases_page import CasesPage
from ui.pages.counter import CounterPage
from ui.pages.devices import DevicesPage
from ui.pages.settings_page import SettingsPage
from ui.pages.supervisor import SupervisorPage
from ui.pages.sync_page import SyncPage
from ui.status_bar import HallStatusBar
from ui.sync_runner import SyncRunner


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, hall: HallInfo, session: StaffSession) -> None:
        super().__init__()
        self.ctx, self.hall, self.session = ctx, hall, session
        self.setMinimumSize(1280, 720)
        self.idle = IdleWatcher(ctx.settings.security.idle_lock_minutes, self)
        self.idle.idle.connect(lambda: self.lock(idle=True))
        # The reader's controller outlives a rebuild of the pages (language change); the devices
        # themselves belong to the app's one manager (ctx.devices).
        self.card_reader = CardReaderController(ctx.devices, ctx.settings.devices.idcard_auto_read, self)
        self.sync = SyncRunner(ctx, self)
        self._build()
        if Page.COUNTER in self.pages:
            self.card_reader.start()
        self.sync.start()

    def _page_names(self) -> dict[Page, str]:
        return {
            Page.COUNTER: self.tr("Counter"), Page.SUPERVISOR: self.tr("Supervisor"),
            Page.DEVICES: self.tr("Devices"), Page.ADMIN: self.tr("Administration"), Page.SYNC: self.tr("Sync"),
            Page.CASES: self.tr("Cases"), Page.SETTINGS: self.tr("Settings"),
        }

    def _make_page(self, page: Page) -> QWidget:
        if page is Page.COUNTER:
            return CounterPage(self.ctx, self.session, self.hall, self.card_reader)
        if page is Page.SUPERVISOR:
            return SupervisorPage(self.ctx.db, self.hall.id, settings=self.ctx.settings, session=self.session)
        if page is Page.DEVICES:
            page = DevicesPage(self.ctx)
            # The reader's connect/disconnect events (the device manager's) keep its row's state live.
            self.card_reader.device_event.connect(page.device_changed)  # a bound slot: gone with the page
            return page
        if page is Page.CASES:
            return CasesPage(self.ctx, self.session)
        if page is Page.SYNC:
            return SyncPage(self.ctx.db, attention_first=self.session.role in (Role.SUPERVISOR, Role.ADMIN))
        if page is Page.SETTINGS:
            return SettingsPage(self.ctx, self.session, self.idle)
        return AdminPage(self.ctx.db, self.session)

    def _build(self) -> None:
        """(Re)build every widget; called again when the language changes."""
        demo = self.tr(" (demo)") if self.hall.demo else ""
        self.setWindowTitle(f"hallapp — {self.hall.name}{demo} — {self.session.display_name}")
        self.nav = QListWidget(objectName="navList")
        self.nav.setFixedWidth(180)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+N moves between pages; keys stay on the page
        self.stack = QStackedWidget()
        names = self._page_names()
        self.pages: dict[Page, QWidget] = {}
        for index, page in enumerate(pages_for(self.session.role)):
            widget = self._make_page(page)
            widget.setObjectName(f"page_{page.value}")
            self.pages[page] = widget
            self.stack.addWidget(widget)
            self.nav.addItem(f"{names[page]}  Ctrl+{index + 1}")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.ensurePolished()  # the stylesheet's larger font and item padding count
        self.nav.setFixedWidth(max(180, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 36))
        self._link_pages()
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.stack.currentChanged.connect(lambda _i: self.focus_page())
        self.nav.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setStatusBar(HallStatusBar(self.ctx.db, self.ctx.settings, self.card_reader, self.sync))
        self._build_menu()

    def _build_menu(self) -> None:
        self.menuBar().clear()
        for action in self.actions():
            self.removeAction(action)
        for index in range(len(self.pages)):
            go = QAction(self)
            go.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            go.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
            self.addAction(go)
        menu = self.menuBar().addMenu(self.tr("&Session"))
        lock = menu.addAction(self.tr("Lock window"))
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(lambda: self.lock(idle=False))
        quit_ = menu.addAction(self.tr("Log out and quit"))
        quit_.setShortcut(QKeySequence("Ctrl+Q"))
        quit_.triggered.connect(self.close)
        lang = self.menuBar().addMenu(self.tr("&Language"))
        for code, name in (("zh_CN", "简体中文"), ("en", "English")):
            action = lang.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.ctx.settings.ui.language)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))

    def _link_pages(self) -> None:
        """A case picked on the supervisor page opens on the cases page."""
        supervisor, cases_page = self.pages.get(Page.SUPERVISOR), self.pages.get(Page.CASES)
        if isinstance(supervisor, SupervisorPage) and isinstance(cases_page, CasesPage):
            def show(number: str) -> None:
                self.nav.setCurrentRow(list(self.pages).index(Page.CASES))
                cases_page.open_case(number)
            supervisor.case_requested.connect(show)

    def focus_page(self) -> None:
        """The shown page gets the keyboard: its own choice, else its first focusable widget."""
        page = self.stack.currentWidget()
        if page is None:
            return
        if hasattr(page, "take_focus"):
            page.take_focus()
            return
        widget = page.nextInFocusChain()
        while widget is not page:
            if page.isAncestorOf(widget) and widget.isVisibleTo(page) and widget.isEnabled() \
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _counter(self) -> CounterPage | None:
        page = self.pages.get(Page.COUNTER)
        return page if isinstance(page, CounterPage) else None

    def has_unsaved_work(self) -> bool:
        counter = self._counter()
        return counter is not None and counter.has_unsaved_work()

    def set_language(self, language: str) -> None:
        """Switch now; with an intake in progress, ask, and switch when that visit ends (the
        pages are rebuilt in the new language, which would drop the intake)."""
        if language == i18n.current():
            return
        set_value(self.ctx.home.settings_file, "ui.language", language)
        self.ctx.settings.ui.language = language  # in memory too: keep the demo's simulator address
        counter = self._counter()
        if counter is None or not counter.has_unsaved_work():
            self._apply_language()
            return
        from ui.dialogs.confirm import confirm

        confirm(self, self.tr("Change language"),
                self.tr("An intake is in progress. The language changes as soon as this visit ends (F8)."),
                self.tr("Change after this visit"), lambda: counter.visit_ended.connect(self._apply_language),
                keep_label=self.tr("Cancel"))

    def _apply_language(self) -> None:
        counter = self._counter()
        if counter is not None:
            with warnings.catch_warnings():  # connected only when the switch waited for the visit
                warnings.simplefilter("ignore", RuntimeWarning)
                try:
                    counter.visit_ended.disconnect(self._apply_language)
                except (RuntimeError, TypeError):
                    pass
        i18n.install(self.ctx.settings.ui.language)
        current = self.nav.currentRow()
        self._build()
        self.nav.setCurrentRow(current)
        self.focus_page()

    def _close_anyway(self) -> None:
        self._close_confirmed = True
        self.close()

    def current_page(self) -> Page:
        return list(self.pages)[self.stack.currentIndex()]

    def lock(self, idle: bool = False) -> None:
        """Hide the content until the same clerk's password is given (Ctrl+L, or idle)."""
        if getattr(self, "_locked", False):
            return
        self._locked = True
        self.centralWidget().setVisible(False)
        minutes = self.ctx.settings.security.idle_lock_minutes
        ctx, session = self.ctx, self.session
        from ui.tasks import Task

        Task(self, lambda: staff.record_window_locked(ctx.db, session, minutes if idle else 0)).writes().run()
        if getattr(self, "lock_dialog", None) is not None:
            self.lock_dialog.deleteLater()  # the previous lock's dialog
        self.lock_dialog = LockDialog(self.ctx.db, self.session, self.ctx.settings.security, self)
        self.lock_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.lock_dialog.accepted.connect(self._unlocked)
        self.lock_dialog.open()

    def _unlocked(self) -> None:
        self._locked = False
        self.centralWidget().setVisible(True)
        self.idle.resume()

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if self.has_unsaved_work() and not getattr(self, "_close_confirmed", False):
            event.ignore()
            from ui.dialogs.confirm import confirm

            confirm(self, self.tr("Quit"), self.tr("The intake in progress has not been saved: the applicant and every "
                                                   "scan would be lost."), self.tr("Discard and quit"), self._close_anyway)
            return
        self.card_reader.stop()
        self.sync.stop()
        counter = self.pages.get(Page.COUNTER)
        if counter is not None and counter.scan_folder is not None:
            counter.scan_folder.stop()
        staff.logout(self.ctx.db, self.session)
        super().closeEvent(event)
