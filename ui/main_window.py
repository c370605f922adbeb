"""The main window: a thin shell that composes the pages a role may open, the status bar and
the idle lock. Pages do their own work; this file only arranges them, and builds the one change
event they follow (ui/changes.py) with its one poll for other PCs' changes (ui/change_watch.py)."""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QMainWindow, QStackedWidget, QWidget

from hallapp.bootstrap import AppContext
from hallapp.config import set_value
from hallapp.domain.changes import Area
from hallapp.domain.staff import Page, Role, pages_for
from hallapp.services import staff
from hallapp.services.hall import HallInfo
from hallapp.services.staff import StaffSession
from ui import changes, i18n
from ui.card_reader import CardReaderController
from ui.change_watch import ChangeWatcher
from ui.dialogs.lock import LockDialog
from ui.idle import IdleWatcher
from ui.status_bar import HallStatusBar
from ui.sync_runner import SyncRunner

if TYPE_CHECKING:
    from ui.pages.counter import CounterPage

# Each page's module loads when that page is built (or preloaded off the GUI thread): a clerk's
# start does not pay for the supervisor's charts and reports or the admin's forms.
PAGE_MODULES: dict[Page, str] = {
    Page.COUNTER: "ui.pages.counter", Page.SUPERVISOR: "ui.pages.supervisor", Page.DEVICES: "ui.pages.devices",
    Page.ADMIN: "ui.pages.admin", Page.SYNC: "ui.pages.sync_page", Page.CASES: "ui.pages.cases",
    Page.SETTINGS: "ui.pages.settings_page",
}


EAGER = (Page.COUNTER,)  # built at start even when hidden: it takes the card reader's reads and the scan folder's files


def preload(pages: Iterable[Page]) -> None:
    """Import the modules of `pages` (most of a page's cost): call it off the GUI thread."""
    for page in pages:
        importlib.import_module(PAGE_MODULES[page])


def startup_pages(role: Role) -> tuple[Page, ...]:
    """The pages a role's window builds at once: the first one, and the counter if it has one."""
    pages = pages_for(role)
    return tuple(dict.fromkeys((pages[0], *(page for page in EAGER if page in pages))))


class PageStack(Mapping[Page, QWidget]):
    """A role's pages in order on the stack, each built the first time it is shown or read
    (`window.pages[page]`); until then its place holds an empty widget."""

    def __init__(self, stack: QStackedWidget, order: Sequence[Page], make: Callable[[Page], QWidget]) -> None:
        self.stack, self.order, self.make = stack, tuple(order), make
        self._built: dict[Page, QWidget] = {}
        self._placeholders = {page: QWidget() for page in self.order}
        for placeholder in self._placeholders.values():
            stack.addWidget(placeholder)

    def __getitem__(self, page: Page) -> QWidget:
        return self.build(page)

    def build(self, page: Page) -> QWidget:
        """The page, built now if it has not been yet (KeyError if the role has no such page)."""
        if page not in self._built:
            index = self.order.index(page) if page in self.order else -1
            if index < 0:
                raise KeyError(page)
            widget = self.make(page)
            widget.setObjectName(f"page_{page.value}")
            placeholder, current = self._placeholders.pop(page), self.stack.currentIndex()
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            if current == index:
                self.stack.setCurrentIndex(index)
            self._built[page] = widget
        return self._built[page]

    def __iter__(self) -> Iterator[Page]:
        return iter(self.order)

    def __len__(self) -> int:
        return len(self.order)

    def __contains__(self, page: object) -> bool:
        return page in self.order

    def built(self, page: Page) -> QWidget | None:
        """The page if it has been built, without building it."""
        return self._built.get(page)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, hall: HallInfo, session: StaffSession, *, defer_sync: bool = False) -> None:
        """`defer_sync`: the sync starts with `start_background()` (ui/start_chain.py: once the counter is ready)."""
        super().__init__()
        self.ctx, self.hall, self.session = ctx, hall, session
        self.setMinimumSize(1280, 720)
        self.idle = IdleWatcher(ctx.settings.security.idle_lock_minutes, self)
        self.idle.idle.connect(lambda: self.lock(idle=True))
        # Built before the pages, which follow it; it outlives their rebuild on a language change.
        self.changes = changes.ChangeHub(self)
        changes.install(self.changes)
        self.watcher = ChangeWatcher(ctx.db, hall.id, self.changes, self)
        # The reader's controller outlives a rebuild of the pages (language change); the devices
        # themselves belong to the app's one manager (ctx.devices).
        self.card_reader = CardReaderController(ctx.devices, ctx.settings.devices.idcard_auto_read, self)
        self.sync = SyncRunner(ctx, self)
        self._build()
        if Page.COUNTER in self.pages:
            self.card_reader.start()
        if not defer_sync:
            self.sync.start()
        self.watcher.start()

    def start_background(self) -> None:
        """After the start: the sync, and the modules of the pages not built yet (off the GUI thread)."""
        from ui.tasks import Task

        self.sync.start()
        rest = [page for page in self.pages if self.pages.built(page) is None]
        Task(self, lambda: preload(rest)).run()
        if Page.SUPERVISOR in self.pages:  # a month read later finds the closed days summarised
            from hallapp.services import day_summaries

            Task(self, lambda: day_summaries.close_days(self.ctx.db, self.hall.id)).run()

    def _page_names(self) -> dict[Page, str]:
        return {
            Page.COUNTER: self.tr("Counter"), Page.SUPERVISOR: self.tr("Supervisor"),
            Page.DEVICES: self.tr("Devices"), Page.ADMIN: self.tr("Administration"), Page.SYNC: self.tr("Sync"),
            Page.CASES: self.tr("Cases"), Page.SETTINGS: self.tr("Settings"),
        }

    def _make_page(self, page: Page) -> QWidget:
        if page is Page.COUNTER:
            from ui.pages.counter import CounterPage

            return CounterPage(self.ctx, self.session, self.hall, self.card_reader)
        if page is Page.SUPERVISOR:
            from ui.pages.supervisor import SupervisorPage

            supervisor = SupervisorPage(self.ctx.db, self.hall.id, settings=self.ctx.settings, session=self.session,
                                        home=self.ctx.home)
            if Page.CASES in self.pages:
                supervisor.case_requested.connect(self._open_case)
            return supervisor
        if page is Page.DEVICES:
            from ui.pages.devices import DevicesPage

            page = DevicesPage(self.ctx)
            # The reader's connect/disconnect events (the device manager's) keep its row's state live.
            self.card_reader.device_event.connect(page.device_changed)  # a bound slot: gone with the page
            return page
        if page is Page.CASES:
            from ui.pages.cases import CasesPage

            return CasesPage(self.ctx, self.session)
        if page is Page.SYNC:
            from ui.pages.sync_page import SyncPage

            return SyncPage(self.ctx.db, attention_first=self.session.role in (Role.SUPERVISOR, Role.ADMIN))
        if page is Page.SETTINGS:
            from ui.pages.settings_page import SettingsPage

            return SettingsPage(self.ctx, self.session, self.idle)
        from ui.pages.admin import AdminPage

        return AdminPage(self.ctx.db, self.session, ctx=self.ctx)

    def _build(self) -> None:
        """(Re)build the window; called again when the language changes. Of the pages, the first and the
        counter are built now, the others when first shown."""
        demo = self.tr(" (demo)") if self.hall.demo else ""
        self.setWindowTitle(f"hallapp — {self.hall.name}{demo} — {self.session.display_name}")
        self.nav = QListWidget(objectName="navList")
        self.nav.setFixedWidth(180)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+N moves between pages; keys stay on the page
        self.stack = QStackedWidget()
        names = self._page_names()
        self.pages = PageStack(self.stack, pages_for(self.session.role), self._make_page)
        for index, page in enumerate(self.pages):
            self.nav.addItem(f"{names[page]}  Ctrl+{index + 1}")
        for page in startup_pages(self.session.role):
            self.pages.build(page)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.ensurePolished()  # the stylesheet's larger font and item padding count
        self.nav.setFixedWidth(max(180, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 36))
        self.nav.currentRowChanged.connect(self._show_row)
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

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.pages.build(self.pages.order[row])  # before it is shown
        self.stack.setCurrentIndex(row)

    def _open_case(self, number: str) -> None:
        """A case picked on the supervisor page opens on the cases page."""
        from ui.pages.cases import CasesPage

        self.nav.setCurrentRow(self.pages.order.index(Page.CASES))
        cases_page = self.pages[Page.CASES]
        if isinstance(cases_page, CasesPage):
            cases_page.open_case(number)

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
        from ui.pages.counter import CounterPage

        page = self.pages.built(Page.COUNTER)
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

        Task(self, lambda: staff.record_window_locked(ctx.db, session, minutes if idle else 0)).changes(Area.AUDIT).run()
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

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.has_unsaved_work() and not getattr(self, "_close_confirmed", False):
            event.ignore()
            from ui.dialogs.confirm import confirm

            confirm(self, self.tr("Quit"), self.tr("The intake in progress has not been saved: the applicant and every "
                                                   "scan would be lost."), self.tr("Discard and quit"), self._close_anyway)
            return
        self.card_reader.stop()
        self.watcher.stop()
        self.sync.stop()
        counter = self._counter()
        if counter is not None and counter.scan_folder is not None:
            counter.scan_folder.stop()
        staff.logout(self.ctx.db, self.session)
        super().closeEvent(event)
