"""The administrator's view of the item catalog and the holiday calendar from the national platform:
fetch (Ctrl+U, Ctrl+Shift+U), read the version and what changes (+ new, ~ changed, - withdrawn or
removed), then Apply (focused once the differences are shown: Enter applies).

Fetching and applying run through ui/tasks.py `Task`: the GUI thread never waits on the platform
or the database. Apply passes the differences shown, so a catalog that changed meanwhile is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.domain.changes import Area
from hallapp.domain.clock import hall_clock
from hallapp.services import calendar_update, catalog_update
from hallapp.services.staff import StaffSession
from ui.errors import describe
from ui.tasks import Task
from ui.widgets.titles import panel_title

ContextSource = Callable[[], Any]  # the AppContext (db, home, settings, keys) when the page needs it


def _with_platform(ctx: Any, work: Callable[[Any], Any]) -> Any:
    """Runs on a worker: one adapter for one exchange, closed after it."""
    from hallapp.sync.options import from_settings
    from hallapp.sync.platform_clients import create_adapter

    platform = create_adapter(ctx, from_settings(ctx.settings))
    try:
        return work(platform)
    finally:
        getattr(platform, "close", lambda: None)()


def _configured(ctx: Any) -> list[str]:
    from hallapp.config import load_settings

    return load_settings(ctx.home.settings_file).documents.holiday_calendars


def _fetch_catalog(ctx: Any) -> tuple[Any, Any]:
    remote = _with_platform(ctx, catalog_update.fetch)
    return remote, catalog_update.diff(ctx.db, remote)


def _fetch_calendar(ctx: Any, year: int) -> tuple[Any, Any]:
    remote = _with_platform(ctx, lambda platform: calendar_update.fetch(platform, year))
    return remote, calendar_update.diff(ctx.db, ctx.home, remote, _configured(ctx))


class _UpdatePanel(QWidget):
    """Fetch button, a version line, the +/~/- table and Apply: the part both updates share.

    Its own strings use one fixed context: self.tr() here would look them up under the subclass."""

    def __init__(self, context: ContextSource, session: StaffSession, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.session = context, session
        self.fetched: tuple[Any, Any] | None = None  # (remote, diff) as shown
        self.fetch_button = QPushButton(objectName=f"{name}Fetch")
        self.fetch_button.clicked.connect(self.fetch)
        self.apply_button = QPushButton(QCoreApplication.translate("PlatformUpdatePanel", "Apply"), objectName=f"{name}Apply")
        self.apply_button.setAutoDefault(True)  # Enter on the focused button applies, outside a dialog too
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.version = QLabel(objectName=f"{name}Version")
        self.version.setWordWrap(True)
        self.table = QTableWidget(0, 3, objectName=f"{name}Changes")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.message = QLabel(objectName="hint")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        self.controls = row
        row.addWidget(self.fetch_button)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = panel_title("")
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.version)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def _fill(self, rows: list[tuple[str, str, str]]) -> None:
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _shown(self, fetched: tuple[Any, Any]) -> None:
        self.fetched = fetched
        remote, found = fetched
        self._fill(self.rows(found))
        already = found.empty and found.current == remote.version
        self.apply_button.setEnabled(not already)
        self.version.setText(self.version_text(found))
        self.message.setText(QCoreApplication.translate("PlatformUpdatePanel", "Already applied: nothing to do.") if already else
                             QCoreApplication.translate("PlatformUpdatePanel", "Check the differences, then Apply (Enter)."))
        (self.apply_button if not already else self.fetch_button).setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.fetch_button.setEnabled(True)
        self.message.setText(describe(exc))
        self.fetch_button.setFocus()

    def fetch(self) -> None:
        ctx = self.context()
        if ctx is None:
            self.message.setText(QCoreApplication.translate(
                "PlatformUpdatePanel", "This window has no platform connection: use the command line."))
            return
        self.apply_button.setEnabled(False)
        self.fetch_button.setEnabled(False)
        self.message.setText(QCoreApplication.translate("PlatformUpdatePanel", "Asking the platform…"))
        Task(self, self.fetch_work(ctx)).on_success(self._fetched).on_failure(self._failed).run()

    def _fetched(self, fetched: tuple[Any, Any]) -> None:
        self.fetch_button.setEnabled(True)
        self._shown(fetched)

    def apply(self) -> None:
        if self.fetched is None or not self.apply_button.isEnabled():
            return
        ctx, (remote, found), actor = self.context(), self.fetched, self.session.username
        self.apply_button.setEnabled(False)
        Task(self, self.apply_work(ctx, remote, found, actor)).changes(Area.SETTINGS, Area.AUDIT).on_success(
            self._applied).on_failure(self._failed).run()

    def _applied(self, result: Any) -> None:
        self.fetched = None
        self.message.setText(self.applied_text(result))
        self.fetch_button.setFocus()

    # What each update fills in. The *_work methods run on the GUI thread (they may read widgets)
    # and return the function the worker runs, which touches no widget.
    def fetch_work(self, ctx: Any) -> Callable[[], tuple[Any, Any]]:
        raise NotImplementedError

    def apply_work(self, ctx: Any, remote: Any, found: Any, actor: str) -> Callable[[], Any]:
        raise NotImplementedError

    def rows(self, found: Any) -> list[tuple[str, str, str]]:
        raise NotImplementedError

    def version_text(self, found: Any) -> str:
        raise NotImplementedError

    def applied_text(self, result: Any) -> str:
        raise NotImplementedError


class CatalogUpdatePanel(_UpdatePanel):
    def __init__(self, context: ContextSource, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(context, session, "catalog", parent)
        self.title.setText(self.tr("Item catalog from the platform"))
        self.fetch_button.setText(self.tr("Fetch the catalog (Ctrl+U)"))
        self.table.setHorizontalHeaderLabels(["", self.tr("Item code"), self.tr("Item")])
        QShortcut(QKeySequence("Ctrl+U"), self, activated=self.fetch)

    def fetch_work(self, ctx: Any) -> Callable[[], tuple[Any, Any]]:
        return lambda: _fetch_catalog(ctx)

    def apply_work(self, ctx: Any, remote: Any, found: Any, actor: str) -> Callable[[], Any]:
        return lambda: catalog_update.apply(ctx.db, remote, actor=actor, expected=found)

    def rows(self, found: Any) -> list[tuple[str, str, str]]:
        out = [("+", c.code, c.name) for c in found.added]
        out += [("~", c.code, self.tr("{name} (changed: {fields})").format(name=c.name, fields=", ".join(c.fields)))
                for c in found.changed]
        return out + [("-", c.code, c.name) for c in found.withdrawn]

    def version_text(self, found: Any) -> str:
        return self.tr("Platform version {version}; applied here: {current}. {added} new, {changed} changed, "
                       "{withdrawn} withdrawn.").format(
            version=found.version, current=found.current or self.tr("none (from a file)"),
            added=len(found.added), changed=len(found.changed), withdrawn=len(found.withdrawn))

    def applied_text(self, result: Any) -> str:
        return self.tr("Catalog version {version} applied. Cases already started keep their version.").format(
            version=result.version)


class CalendarUpdatePanel(_UpdatePanel):
    def __init__(self, context: ContextSource, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(context, session, "calendar", parent)
        self.title.setText(self.tr("Holiday calendar from the platform"))
        self.fetch_button.setText(self.tr("Fetch the calendar (Ctrl+Shift+U)"))
        self.year = QSpinBox(objectName="calendarYear")
        self.year.setRange(1949, 2200)
        self.year.setValue(hall_clock().today().year)
        self.controls.insertWidget(0, QLabel(self.tr("Year")))
        self.controls.insertWidget(1, self.year)
        self.table.setHorizontalHeaderLabels(["", self.tr("Date"), self.tr("Kind")])
        QShortcut(QKeySequence("Ctrl+Shift+U"), self, activated=self.fetch)

    def fetch_work(self, ctx: Any) -> Callable[[], tuple[Any, Any]]:
        year = self.year.value()  # read here, on the GUI thread
        return lambda: _fetch_calendar(ctx, year)

    def apply_work(self, ctx: Any, remote: Any, found: Any, actor: str) -> Callable[[], Any]:
        return lambda: calendar_update.apply(ctx.db, ctx.home, remote, _configured(ctx), actor=actor,
                                             expected=found)

    def _applied(self, result: Any) -> None:
        ctx = self.context()
        if ctx is not None:  # pages opened from now on count promised dates through it
            ctx.settings.documents.holiday_calendars = list(result.entries)
        super()._applied(result)

    def rows(self, found: Any) -> list[tuple[str, str, str]]:
        holiday, workday = self.tr("holiday"), self.tr("make-up working day")
        return ([("+", d.isoformat(), holiday) for d in found.holidays_added]
                + [("-", d.isoformat(), holiday) for d in found.holidays_removed]
                + [("+", d.isoformat(), workday) for d in found.workdays_added]
                + [("-", d.isoformat(), workday) for d in found.workdays_removed])

    def version_text(self, found: Any) -> str:
        return self.tr("Platform calendar {year} version {version}; applied here: {current}.").format(
            year=found.year, version=found.version, current=found.current or self.tr("none (from a file)"))

    def applied_text(self, result: Any) -> str:
        return self.tr("Holiday calendar {year} version {version} applied: promised dates of new cases count "
                       "through it.").format(year=result.year, version=result.version)
