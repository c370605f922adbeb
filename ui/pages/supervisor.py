"""Supervisor page: the hall's figures for today (live) or a chosen day, week, month or range;
charts by hour, counter, clerk, item and evaluation; ticket → case → receipt times; the audit
trail in words with filters; the follow-ups of bad ratings (差评回访) and the cases that need a
supervisor (returned by the platform, sync needing attention). Every number and bar opens the rows
behind it (mouse or keys); the bad-rating and returned tiles lead to their tabs.

Nothing here waits on the database: reads go through ui/tasks.py Task. For today the page
follows the hall through a cheap change mark (queue events, cases, evaluations, prints, outbox)
read every few seconds; the full figures are read again only when that mark moves."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hallapp.config import Settings
from hallapp.domain.clock import hall_clock
from hallapp.services import dashboard, followups, visit_times
from hallapp.services.dashboard import Period
from hallapp.services.staff import StaffSession
from hallapp.storage import Database
from ui.pages.supervisor_audit import AuditPanel
from ui.pages.supervisor_drill import DrillDialog
from ui.pages.supervisor_followups import FollowUpsPanel, Who
from ui.pages.supervisor_returned import ReturnedPanel
from ui.pages.supervisor_times import TimesPanel
from ui.tasks import Task
from ui.widgets.chart import BarChart

FOLLOW_MS = 3_000  # how often the change mark is read (a few small aggregate queries)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class Tile(QPushButton):
    """A number with its label; Tab reaches it, Enter or a click opens the rows behind it."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setMinimumHeight(58)
        self.value = QLabel("–", objectName="tileValue")
        self.caption = QLabel(label, objectName="tileLabel")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setAccessibleName(label)
        # QPushButton sizes itself by its own (empty) text and keeps a fixed height: the tile grows
        # with its labels instead, so a two-line English caption is never cut off.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.layout().sizeHint().expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = self.layout().minimumSize().width()
        return QSize(width, self.heightForWidth(max(width, self.width())))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return max(self.minimumHeight(), self.layout().totalHeightForWidth(width))


class SupervisorPage(QWidget):
    case_requested = Signal(str)  # a case number picked in a drill-down: the window opens it

    def __init__(self, db: Database, hall_id: int, parent=None, *, settings: Settings | None = None,  # noqa: ANN001
                 session: StaffSession | None = None) -> None:
        super().__init__(parent)
        self.db, self.hall_id = db, hall_id
        self.settings, self.session = settings, session
        self.open_bad: int | None = None
        self.snap: dashboard.Snapshot | None = None
        self.mark: tuple | None = None
        self.loading = False
        self.timer = QTimer(self, interval=FOLLOW_MS)
        self.timer.timeout.connect(self._follow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(self._period_bar())
        layout.addWidget(self._tiles())
        self.by_counter = QLabel(objectName="hint")
        layout.addWidget(self.by_counter)
        self.tabs = QTabWidget(objectName="supervisorTabs")
        self.tabs.addTab(self._charts(), self.tr("Charts"))
        self.times = TimesPanel()
        self.tabs.addTab(self.times, self.tr("Ticket → receipt"))
        self.followups = FollowUpsPanel(db, hall_id, self.who, self.chosen_period)
        self.tabs.addTab(self.followups, self.tr("Bad ratings to follow up"))
        self.returned = ReturnedPanel(db, hall_id, self.who)
        self.tabs.addTab(self.returned, self.tr("Need a supervisor"))
        self.audit = AuditPanel(db)
        self.tabs.addTab(self.audit, self.tr("Audit trail"))
        for panel in (self.followups, self.returned):
            panel.changed.connect(self.refresh)
        self.followups.case_requested.connect(self.case_requested)
        layout.addWidget(self.tabs, 1)
        # compatibility for callers that read the audit list straight off the page
        self.table, self.chain = self.audit.table, self.audit.chain

    # -- building ------------------------------------------------------------------------------------
    def _period_bar(self) -> QHBoxLayout:
        self.period = QComboBox(objectName="periodChoice")
        for key, label in (("today", self.tr("Today (live)")), ("yesterday", self.tr("Yesterday")),
                           ("week", self.tr("This week")), ("month", self.tr("This month")),
                           ("range", self.tr("From – to"))):
            self.period.addItem(label, key)
        self.period.setAccessibleName(self.tr("Period"))
        today = _qdate(hall_clock().today())
        self.first, self.last = QDateEdit(today, objectName="periodFirst"), QDateEdit(today, objectName="periodLast")
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._dates_edited)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.stamp = QLabel(objectName="hint")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Hall overview"), objectName="pageTitle"))
        bar.addStretch(1)
        period_label = QLabel(self.tr("&Period"))
        period_label.setBuddy(self.period)
        for widget in (period_label, self.period, self.first, QLabel("–"), self.last, self.stamp):
            bar.addWidget(widget)
        return bar

    def _tiles(self) -> QWidget:
        self.tiles: dict[str, QLabel] = {}
        self.tile_buttons: dict[str, Tile] = {}
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for index, (key, label) in enumerate((
            ("issued", self.tr("Tickets taken")), ("waiting", self.tr("Waiting now")),
            ("done", self.tr("Visits finished")), ("no_show", self.tr("No-shows")),
            ("cases_accepted", self.tr("Cases accepted")), ("accepted_with_gap", self.tr("Accepted with gap")),
            ("notices", self.tr("One-time notices")), ("returned", self.tr("Returned by the platform")),
            ("avg_wait_min", self.tr("Average wait (min)")), ("p90_wait_min", self.tr("90 % waited at most (min)")),
            ("avg_service_min", self.tr("Average service (min)")),
            ("p90_service_min", self.tr("90 % served within (min)")),
            ("satisfaction_pct", self.tr("Satisfied (%)")), ("bad_evaluations", self.tr("Bad ratings to follow up")),
            ("backlog", self.tr("Waiting to sync")), ("backlog_oldest_min", self.tr("Oldest unsynced (min)")),
        )):
            tile = Tile(label)
            tile.clicked.connect(lambda _=False, k=key, lbl=label: self.open_drill(k, None, lbl))
            grid.addWidget(tile, index // 8, index % 8)
            self.tiles[key], self.tile_buttons[key] = tile.value, tile
        return box

    def _charts(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.charts = {
            "hour": BarChart(self.tr("Arrivals and served by hour")),
            "counter": BarChart(self.tr("Per counter")),
            "clerk": BarChart(self.tr("Per clerk")),
            "item": BarChart(self.tr("Cases per item")),
            "level": BarChart(self.tr("Evaluations by level")),
        }
        for position, (name, chart) in enumerate(self.charts.items()):
            chart.setObjectName(f"chart_{name}")
            grid.addWidget(chart, position // 3, position % 3)
        for index in range(3):
            grid.setColumnStretch(index, 1)
        for index in range(2):
            grid.setRowStretch(index, 1)
        drills = {"hour": ("arrivals_by_hour", "served_by_hour"), "counter": ("served_by_counter", "cases_by_counter"),
                  "clerk": ("served_by_clerk", "cases_by_clerk"), "item": ("cases_by_item",),
                  "level": ("evaluations_by_level",)}
        for name, chart in self.charts.items():
            chart.bar_activated.connect(lambda series, key, n=name: self.open_drill(
                drills[n][series], key, f"{self.charts[n].title}: {key}"))
        return box

    def who(self) -> Who:
        """The signed-in supervisor and the follow-up rules. Until the window passes `settings` and
        `session` in, they are taken from the window that holds the page (its `ctx` and `session`)."""
        window = self.window()
        settings = self.settings or getattr(getattr(window, "ctx", None), "settings", None) or Settings()
        session = self.session or getattr(window, "session", None)
        return Who(session.staff_id if session else None, session.username if session else "supervisor",
                   settings.evaluation.follow_up_days, tuple(settings.documents.holiday_calendars))

    # -- the period ----------------------------------------------------------------------------------
    def chosen_period(self) -> Period:
        today = hall_clock().today()
        key = self.period.currentData()
        if key == "today":
            return Period.day(today)
        if key == "yesterday":
            return Period.day(today - timedelta(days=1))
        if key == "week":
            return Period.week(today)
        if key == "month":
            return Period.month(today)
        first, last = _day(self.first.date()), _day(self.last.date())
        return Period(min(first, last), max(first, last))

    def _period_chosen(self) -> None:
        if self.period.currentData() != "range":
            period = self.chosen_period()
            for edit, day in ((self.first, period.first), (self.last, period.last)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
        self.refresh()

    def _dates_edited(self) -> None:
        if self.period.currentData() != "range":
            self.period.blockSignals(True)
            self.period.setCurrentIndex(self.period.findData("range"))
            self.period.blockSignals(False)
        self.refresh()

    # -- reading -------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        """Read the chosen period's figures again (off the GUI thread), and the audit list."""
        db, hall_id, period = self.db, self.hall_id, self.chosen_period()
        self.loading = True

        def read() -> tuple[tuple, dashboard.Snapshot, int]:
            # today: every rating still owed, overdue ones from earlier days included; a past period: its own
            owed = followups.bad_ratings(db, period=None if period.includes(hall_clock().today()) else period,
                                         open_only=True)
            open_bad = len(owed)
            return dashboard.change_mark(db, hall_id), dashboard.snapshot(db, hall_id, period), open_bad
        Task(self, read).on_success(self._show_snapshot).on_failure(self._failed).run()
        self.audit.refresh()
        self.followups.refresh()
        self.returned.refresh()

    def _follow(self) -> None:
        """Today only: a small query; the full figures are read when the hall has changed."""
        if self.loading or self.snap is None or not self.snap.live:
            return
        db, hall_id = self.db, self.hall_id
        Task(self, lambda: dashboard.change_mark(db, hall_id)).on_success(self._mark_read).run()

    def _mark_read(self, mark: tuple) -> None:
        if mark != self.mark and not self.loading:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.stamp.setObjectName("statusBad")
        self.stamp.setText(self.tr("Figures could not be read ({error}); they are read again at the next change.")
                           .format(error=type(exc).__name__))

    # -- showing -------------------------------------------------------------------------------------
    def _show_snapshot(self, result: tuple[tuple, dashboard.Snapshot, int]) -> None:
        self.mark, self.snap, self.open_bad = result
        self.loading = False
        if self.snap.period != self.chosen_period():  # the period changed while reading
            self.refresh()
            return
        self._show_figures(dashboard.figures(self.snap))
        self._show_charts(dashboard.breakdowns(self.snap))
        self.times.show_visits(visit_times.visits(self.snap))
        self.stamp.setObjectName("hint")
        self.stamp.setText(self.tr("as of {time}").format(time=hall_clock().format(self.snap.taken_at, "%H:%M:%S")))

    def _show_figures(self, figures: dashboard.Figures) -> None:
        for key, label in self.tiles.items():
            value = getattr(figures, key)
            label.setText("–" if value is None else (f"{value:g}" if isinstance(value, float) else str(value)))
            self.tile_buttons[key].setToolTip(label.text())
        bad = self.tiles["bad_evaluations"]
        if self.open_bad is not None:  # the period's bad ratings nobody has followed up yet
            bad.setText(str(self.open_bad))
        bad.setObjectName("tileBad" if (self.open_bad if self.open_bad is not None else figures.bad_evaluations)
                          else "tileValue")
        bad.style().unpolish(bad)
        bad.style().polish(bad)
        counters = "  ".join(self.tr("Counter {n}: {done}").format(n=n, done=d) for n, d in figures.by_counter.items())
        self.by_counter.setText(counters)

    def _show_charts(self, b: dashboard.Breakdowns) -> None:
        self.charts["hour"].show_bars([f"{h}" for h in b.hours], {
            self.tr("Arrivals"): [b.arrivals_by_hour[h] for h in b.hours],
            self.tr("Served"): [b.served_by_hour[h] for h in b.hours]}, list(b.hours))
        counters = sorted(set(b.served_by_counter) | set(b.cases_by_counter))
        self.charts["counter"].show_bars([str(n) for n in counters], {
            self.tr("Visits"): [b.served_by_counter.get(n, 0) for n in counters],
            self.tr("Cases"): [b.cases_by_counter.get(n, 0) for n in counters]}, counters)
        clerks = sorted(set(b.served_by_clerk) | set(b.cases_by_clerk))
        self.charts["clerk"].show_bars(clerks, {
            self.tr("Visits"): [b.served_by_clerk.get(c, 0) for c in clerks],
            self.tr("Cases"): [b.cases_by_clerk.get(c, 0) for c in clerks]}, clerks)
        items = list(b.cases_by_item)[:8]
        self.charts["item"].show_bars([name[:8] for name in items], {self.tr("Cases"): [b.cases_by_item[i] for i in items]},
                                      items)
        self.charts["level"].show_bars([str(lv) for lv in b.evaluations_by_level],
                                       {self.tr("Evaluations"): list(b.evaluations_by_level.values())},
                                       list(b.evaluations_by_level))

    # -- drill-down ----------------------------------------------------------------------------------
    def open_drill(self, what: str, value: object, title: str) -> DrillDialog | None:
        """The rows behind a number or a bar, from the snapshot already read (no database wait)."""
        if what in ("bad_evaluations", "returned"):  # these lead to their tab, where they are worked on
            panel = self.followups if what == "bad_evaluations" else self.returned
            self.tabs.setCurrentWidget(panel)
            panel.focus_list()
            return None
        if self.snap is None or what in ("backlog", "backlog_oldest_min"):  # the Sync page lists the outbox
            return None
        dialog = DrillDialog(title, dashboard.drill(self.snap, what, value), self)
        dialog.case_requested.connect(self.case_requested)
        who = self.who()
        dialog.enable_release(self.db, self.hall_id, who.username, who.staff_id)  # R / Shift+R on a stuck ticket
        dialog.ticket_released.connect(lambda _view: self.refresh())
        dialog.setModal(True)
        dialog.show()
        dialog.activateWindow()
        dialog.table.setFocus()
        self.last_drill = dialog
        return dialog
