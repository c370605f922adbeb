"""Supervisor page: the hall's figures for today (live) or a chosen day, week, month or range;
charts by hour, counter, clerk, item and evaluation; ticket → case → receipt times; the audit
trail in words with filters; the follow-ups of bad ratings (差评回访) and the cases that need a
supervisor (returned by the platform, sync needing attention). Every number and bar opens the rows
behind it (mouse or keys); the bad-rating and returned tiles lead to their tabs.

Nothing here waits on the database: reads go through ui/tasks.py Task. For today the page
follows the hall through a cheap change mark (queue events, cases, evaluations, prints, outbox)
read every few seconds; the full figures are read again only when that mark moves."""

from __future__ import annotations

import math
from datetime import date, timedelta

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
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
from hallapp.domain.changes import Area, Changes
from hallapp.domain.clock import hall_clock
from hallapp.home import Home
from hallapp.services import dashboard, dashboard_summary, followups
from hallapp.services.dashboard import Period
from hallapp.services.dashboard_live import LiveToday
from hallapp.services.staff import StaffSession
from hallapp.storage import Database
from ui import changes as change_event
from ui import words
from ui.pages.supervisor_audit import AuditPanel
from ui.pages.supervisor_drill import DrillDialog
from ui.pages.supervisor_followups import FollowUpsPanel, Who
from ui.pages.supervisor_report import ReportActions
from ui.pages.supervisor_returned import ReturnedPanel
from ui.pages.supervisor_supplements import OverduePanel
from ui.pages.supervisor_times import TimesPanel
from ui.tasks import Task
from ui.widgets.chart import BarChart

TILE_COLUMNS = 9  # 18 tiles: two full rows at 1366 px
COUNTER_GAP = "   "  # between one counter's figure and the next: "1: 549   2: 548"
CAPTION_SCALE = 0.9  # a tile's caption beside the window's font: the number is what is read from afar
FOLLOWED = (Area.QUEUE, Area.CASES, Area.OUTBOX, Area.EVALUATIONS, Area.PRINTS, Area.AUDIT)  # what the figures show


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _number(value: float | int | None) -> str:
    return "–" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))


def _bucket_words(low: int, high: int | None) -> str:
    return f"{low}–{high}" if high is not None else f"{low}+"


class Tile(QPushButton):
    """A number with its label; Tab reaches it, Enter or a click opens the rows behind it. The label
    is short enough for two lines in a ninth of the page; `full` words it whole (tooltip, screen reader)."""

    def __init__(self, label: str, parent: QWidget | None = None, *, full: str | None = None) -> None:
        super().__init__(parent)
        self.full = full or label
        self.base_pt: float | None = None  # the stylesheet's size of the value: a wider value is drawn smaller
        self.setObjectName("tile")
        self.setAutoDefault(True)  # Enter opens it as Space does (a push button outside a dialog ignores Enter)
        self.setMinimumHeight(58)
        self.value = QLabel("–", objectName="tileValue")
        self.caption = QLabel(label, objectName="tileLabel")
        self.caption.setWordWrap(True)
        small = self.caption.font()  # a ninth of 1366 px holds "容缺逾期未补" on one line at this size
        small.setPointSizeF(small.pointSizeF() * CAPTION_SCALE)
        self.caption.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setAccessibleName(self.full)
        self.setToolTip(self.full)
        # QPushButton sizes itself by its own (empty) text and keeps a fixed height: the tile grows
        # with its labels instead, so a two-line English caption is never cut off. Every tile gets the
        # same width (the grid's stretch), not the width of its longest word or value.
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
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

    def show_value(self, text: str) -> None:
        self.value.setText(text)
        self.setToolTip(f"{self.full}: {text}")
        self.fit_value()

    def fit_value(self) -> None:
        """A value wider than its tile ("42 days" in English) is drawn smaller instead of cut off."""
        if self.base_pt is None:
            self.value.ensurePolished()
            self.base_pt = self.value.font().pointSizeF()
        margins = self.layout().contentsMargins()
        room = self.contentsRect().width() - margins.left() - margins.right() - 4
        font = QFont(self.value.font())
        font.setPointSizeF(self.base_pt)
        width = QFontMetrics(font).horizontalAdvance(self.value.text())
        size = self.base_pt if width <= room else max(10.0, math.floor(self.base_pt * room / max(1, width)))
        wanted = "" if size == self.base_pt else f"font-size: {size:g}pt;"
        if self.value.styleSheet() != wanted:
            self.value.setStyleSheet(wanted)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_value()


class SupervisorPage(QWidget):
    case_requested = Signal(str)  # a case number picked in a drill-down: the window opens it

    def __init__(self, db: Database, hall_id: int, parent=None, *, settings: Settings | None = None,
                 session: StaffSession | None = None, home: Home | None = None) -> None:
        super().__init__(parent)
        self.db, self.hall_id = db, hall_id
        self.home = home  # where saved reports default to; None: this process's home
        self.settings, self.session = settings, session
        self.open_bad: int | None = None
        self.summary: dashboard_summary.Summary | None = None  # tiles and charts, aggregated by the database
        self.snap: dashboard.Snapshot | None = None  # the rows behind them: read when a number is opened
        self.snap_mark: tuple | None = None
        self.before: dashboard_summary.HourComparison | None = None  # earlier same weekdays: they no longer change
        self.mark: tuple | None = None
        self.live = LiveToday(hall_id)  # today kept in memory: a change is read and folded in, not the whole day
        self.loading = False
        change_event.follow(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(self._period_bar())
        layout.addWidget(self._tiles())
        # visits finished per counter, in figures (the chart beside shows their shape, not the numbers)
        self.by_counter = QLabel(objectName="hint")
        self.by_counter.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.counter_parts: list[str] = []
        layout.addWidget(self.by_counter)
        self.tabs = QTabWidget(objectName="supervisorTabs")
        self.tabs.addTab(self._charts(), self.tr("Charts"))
        self.times = TimesPanel()
        self.tabs.addTab(self.times, self.tr("Ticket → receipt"))
        self.followups = FollowUpsPanel(db, hall_id, self.who, self.chosen_period)
        self.tabs.addTab(self.followups, self.tr("Bad ratings to follow up"))
        self.returned = ReturnedPanel(db, hall_id, self.who)
        self.tabs.addTab(self.returned, self.tr("Need a supervisor"))
        self.overdue = OverduePanel(db, hall_id)
        self.tabs.addTab(self.overdue, self.tr("Materials overdue"))
        self.overdue.case_requested.connect(self.case_requested)
        self.overdue.counted.connect(self._show_overdue_count)
        self.audit = AuditPanel(db)
        self.tabs.addTab(self.audit, self.tr("Audit trail"))
        for panel in (self.followups, self.returned):
            panel.changed.connect(self.refresh)
        self.followups.case_requested.connect(self.case_requested)
        layout.addWidget(self.tabs, 1)
        for keys, step in ((QKeySequence.StandardKey.NextChild, 1), (QKeySequence.StandardKey.PreviousChild, -1)):
            # Ctrl+Tab / Ctrl+Shift+Tab turn the tabs wherever the keys are on the page (the period, a tile)
            QShortcut(keys, self, lambda s=step: self.tabs.setCurrentIndex((self.tabs.currentIndex() + s) % self.tabs.count()),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
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
        self.report = ReportActions(self.db, self.hall_id, self.chosen_period, self._settings, home=self.home)
        self.report.said.connect(self._say)
        for widget in (period_label, self.period, self.first, QLabel("–"), self.last, self.stamp, self.report):
            bar.addWidget(widget)
        return bar

    def _say(self, text: str, bad: bool) -> None:
        self.stamp.setObjectName("statusBad" if bad else "hint")
        self.stamp.style().unpolish(self.stamp)
        self.stamp.style().polish(self.stamp)
        self.stamp.setText(text)

    def _tiles(self) -> QWidget:
        self.tiles: dict[str, QLabel] = {}
        self.tile_buttons: dict[str, Tile] = {}
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for index, (key, label, full) in enumerate(self._tile_words()):
            tile = Tile(label, full=full)
            if key == "overdue":  # the list is a tab of its own: the tile shows its count and opens it
                tile.clicked.connect(self.show_overdue)
            elif key == "to_receipt_min":  # per item, per clerk and the slowest visits are that tab's
                tile.clicked.connect(lambda: self.tabs.setCurrentWidget(self.times))
            else:
                tile.clicked.connect(lambda _=False, k=key, lbl=tile.full: self.open_drill(k, None, lbl))
            grid.addWidget(tile, index // TILE_COLUMNS, index % TILE_COLUMNS)
            self.tiles[key], self.tile_buttons[key] = tile.value, tile
        for column in range(TILE_COLUMNS):
            grid.setColumnStretch(column, 1)
        return box

    def _tile_words(self) -> list[tuple[str, str, str | None]]:
        """(key, caption, whole wording where the caption is shortened) of the tiles, two full rows:
        people and cases above, times, ratings and sync below. A caption holds two lines in English
        at 1366 px; the whole wording is the tooltip and what a screen reader says."""
        return [
            ("issued", self.tr("Tickets taken"), None), ("waiting", self.tr("Waiting now"), None),
            ("done", self.tr("Visits finished"), None), ("no_show", self.tr("No-shows"), None),
            ("cases_accepted", self.tr("Cases accepted"), None),
            ("accepted_with_gap", self.tr("Accepted with gap"), None),
            ("notices", self.tr("One-time notices"), None),
            ("returned", self.tr("Returned by the platform"), None),
            ("overdue", self.tr("Materials overdue"), None),
            ("avg_wait_min", self.tr("Avg. wait (min)"), self.tr("Average wait (min)")),
            ("p90_wait_min", self.tr("90 % wait (min)"), self.tr("90 % waited at most (min)")),
            ("avg_service_min", self.tr("Avg. service (min)"), self.tr("Average service (min)")),
            ("p90_service_min", self.tr("90 % service (min)"), self.tr("90 % served within (min)")),
            ("to_receipt_min", self.tr("To receipt (min)"), self.tr("Average from ticket to receipt printed (min)")),
            ("satisfaction_pct", self.tr("Satisfied (%)"), None),
            ("bad_evaluations", self.tr("Bad ratings to follow up"), None),
            ("backlog", self.tr("Waiting to sync"), None), ("backlog_oldest_min", self.tr("Oldest unsynced"), None),
        ]

    def _charts(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.charts = {
            "hour": BarChart(self.tr("Arrivals by hour")),
            "served": BarChart(self.tr("Served by hour")),
            "wait": BarChart(self.tr("Waiting time (min)")),
            "level": BarChart(self.tr("Evaluations by level"), horizontal=True),  # "非常不满意" under a bar is cut
            "counter": BarChart(self.tr("Per counter")),
            "clerk": BarChart(self.tr("Per clerk")),
            "item": BarChart(self.tr("Cases per item"), horizontal=True),  # names of up to 17 characters
        }
        for position, (name, chart) in enumerate(self.charts.items()):
            chart.setObjectName(f"chart_{name}")
            # the item chart takes the row's last two cells: its long names need the width
            grid.addWidget(chart, position // 4, position % 4, 1, 2 if name == "item" else 1)
        for index in range(4):
            grid.setColumnStretch(index, 1)
        for index in range(2):
            grid.setRowStretch(index, 1)
        drills = {"hour": ("arrivals_by_hour", "arrivals_before_by_hour"),
                  "served": ("served_by_hour", "served_before_by_hour"), "wait": ("wait_distribution",),
                  "counter": ("served_by_counter", "cases_by_counter"),
                  "clerk": ("served_by_clerk", "cases_by_clerk"), "item": ("cases_by_item",),
                  "level": ("evaluations_by_level",)}
        for name, chart in self.charts.items():
            chart.bar_activated.connect(lambda series, key, n=name: self.open_drill(
                drills[n][series], key, f"{self.charts[n].title}: {self.charts[n].bar_words(series, key)}"))
        return box

    def _settings(self) -> Settings:
        return self.settings or getattr(getattr(self.window(), "ctx", None), "settings", None) or Settings()

    def who(self) -> Who:
        """The signed-in supervisor and the follow-up rules. Until the window passes `settings` and
        `session` in, they are taken from the window that holds the page (its `ctx` and `session`)."""
        window = self.window()
        settings = self._settings()
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
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def changed(self, changes: Changes, _origin: object) -> None:
        """The window's change event; hidden, the page reads when shown again."""
        if self.isVisible() and changes.touches(*FOLLOWED):
            self._follow()

    def refresh(self) -> None:
        """Read the chosen period's figures again (off the GUI thread), and the audit list."""
        db, hall_id, period, live = self.db, self.hall_id, self.chosen_period(), self.live
        cached = self.before
        self.loading = True

        def read() -> tuple[tuple, dashboard_summary.Summary, dashboard_summary.HourComparison | None, int]:
            # today: every rating still owed, overdue ones from earlier days included; a past period: its own
            owed = followups.open_count(db, period=None if period.includes(hall_clock().today()) else period)
            mark, before = dashboard.change_mark(db, hall_id), None
            if period.first == period.last:  # one day: beside the same weekday of earlier weeks, read once a day
                fits = cached is not None and cached.day == period.first
                before = cached if fits else dashboard_summary.hour_comparison(db, hall_id, period.first)
            if period == Period.day(hall_clock().today()):
                return mark, live.read(db, before), before, owed
            return mark, dashboard_summary.summary(db, hall_id, period, before=before), before, owed
        Task(self, read).on_success(self._show_snapshot).on_failure(self._failed).run()
        self.audit.refresh()
        self.followups.refresh()
        self.returned.refresh()
        self.overdue.refresh()

    def _follow(self) -> None:
        """Today only: a small query; the full figures are read when the hall has changed."""
        if self.loading or self.summary is None or not self.summary.live:
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
    def _show_snapshot(self, result: tuple) -> None:
        self.mark, self.summary, before, self.open_bad = result
        self.before = before or self.before
        self.loading = False
        if self.summary.period != self.chosen_period():  # the period changed while reading
            self.refresh()
            return
        self._show_figures(self.summary.figures)
        self._show_charts(self.summary.breakdowns)
        self.times.show_times(self.summary.times)
        self.tile_buttons["to_receipt_min"].show_value(_number(self.summary.times.overall.avg_to_receipt))
        self.stamp.setObjectName("hint")
        self.stamp.setText(self.tr("as of {time}").format(time=hall_clock().format(self.summary.taken_at, "%H:%M:%S")))

    def _show_figures(self, figures: dashboard.Figures) -> None:
        for key, tile in self.tile_buttons.items():
            if key in ("overdue", "to_receipt_min"):  # counted by the Materials overdue tab; times: _show_snapshot
                continue
            value = getattr(figures, key)
            if key == "backlog_oldest_min":  # minutes read badly past an hour: 60177 min is 41 days
                tile.show_value("–" if value is None else self._age_words(value))
            else:
                tile.show_value(_number(value))
        bad = self.tiles["bad_evaluations"]
        if self.open_bad is not None:  # the period's bad ratings nobody has followed up yet
            self.tile_buttons["bad_evaluations"].show_value(str(self.open_bad))
        bad.setObjectName("tileBad" if (self.open_bad if self.open_bad is not None else figures.bad_evaluations)
                          else "tileValue")
        bad.style().unpolish(bad)
        bad.style().polish(bad)
        self.counter_parts = [self.tr("{n}: {done}", "a counter's visits finished").format(n=n, done=d)
                              for n, d in figures.by_counter.items()]
        self._flow_counters()

    def _flow_counters(self) -> None:
        """The counters' line broken where the page's width ends (20 counters take two lines), never
        between a counter and its figure: a line running off the page hides the counters past it."""
        if not self.counter_parts:
            self.by_counter.setText("")
            return
        metrics = self.by_counter.fontMetrics()
        room = max(100, self.width() - self.layout().contentsMargins().left() * 2 - 8)
        lines = [self.tr("Visits finished per counter:") + " "]
        for part in self.counter_parts:
            gap = "" if lines[-1].endswith(" ") else COUNTER_GAP
            if metrics.horizontalAdvance(lines[-1] + gap + part) > room and lines[-1].strip():
                lines.append(part)
            else:
                lines[-1] += gap + part
        self.by_counter.setText("\n".join(lines))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._flow_counters()

    def _age_words(self, minutes: float) -> str:
        return words.age_words(minutes)

    def _show_overdue_count(self, count: int) -> None:
        self.tile_buttons["overdue"].show_value(str(count))
        tile = self.tiles["overdue"]
        tile.setObjectName("tileBad" if count else "tileValue")
        tile.style().unpolish(tile)
        tile.style().polish(tile)

    def show_overdue(self) -> None:
        """The overdue tile: the Materials overdue tab, its list focused (Enter there opens a case)."""
        self.tabs.setCurrentWidget(self.overdue)
        self.overdue.focus_list()

    def _show_charts(self, b: dashboard.Breakdowns) -> None:
        before = self.tr("Same weekday, {n} weeks before (avg)").format(n=b.before_days)
        chosen = self.period.currentText()  # the legend names the period shown ("Today (live)"), not "Period"
        for name, now, earlier in (("hour", b.arrivals_by_hour, b.arrivals_before),
                                   ("served", b.served_by_hour, b.served_before)):
            series = {chosen: [now[h] for h in b.hours]}
            if b.before_days:
                series[before] = [earlier[h] for h in b.hours]
            self.charts[name].show_bars([f"{h}" for h in b.hours], series, list(b.hours), muted_last=bool(b.before_days))
        self.charts["wait"].show_bars([_bucket_words(low, high) for low, high in dashboard.WAIT_BUCKETS],
                                      {self.tr("Tickets"): list(b.wait_buckets.values())},
                                      list(b.wait_buckets), [_bucket_words(lo, hi) for lo, hi in dashboard.WAIT_BUCKETS],
                                      label_from_end=True)  # "60+" named: the open end is where waits go wrong
        counters = sorted(set(b.served_by_counter) | set(b.cases_by_counter))
        self.charts["counter"].show_bars([str(n) for n in counters], {
            self.tr("Visits"): [b.served_by_counter.get(n, 0) for n in counters],
            self.tr("Cases"): [b.cases_by_counter.get(n, 0) for n in counters]}, counters)
        clerks = sorted(set(b.served_by_clerk) | set(b.cases_by_clerk))
        self.charts["clerk"].show_bars(clerks, {
            self.tr("Visits"): [b.served_by_clerk.get(c, 0) for c in clerks],
            self.tr("Cases"): [b.cases_by_clerk.get(c, 0) for c in clerks]}, clerks, every_name=True)
        items = list(b.cases_by_item)[:8]
        self.charts["item"].show_bars(items, {self.tr("Cases"): [b.cases_by_item[i] for i in items]}, items)
        self.charts["level"].show_bars([words.level_word(lv) for lv in b.evaluations_by_level],
                                       {self.tr("Evaluations"): list(b.evaluations_by_level.values())},
                                       list(b.evaluations_by_level))

    # -- drill-down ----------------------------------------------------------------------------------
    def open_drill(self, what: str, value: object, title: str) -> DrillDialog | None:
        """The rows behind a number or a bar. They are read (off the GUI thread) when first opened after
        the figures changed; the dialog comes when they are there (returned at once if already read)."""
        if what in ("bad_evaluations", "returned"):  # these lead to their tab, where they are worked on
            panel = self.followups if what == "bad_evaluations" else self.returned
            self.tabs.setCurrentWidget(panel)
            panel.focus_list()
            return None
        if self.summary is None or what in ("backlog", "backlog_oldest_min"):  # the Sync page lists the outbox
            return None
        period, mark = self.summary.period, self.mark
        if self.snap is not None and self.snap.period == period and self.snap_mark == mark:
            return self._show_drill(what, value, title)
        db, hall_id = self.db, self.hall_id

        def read() -> dashboard.Snapshot:
            snap = dashboard.snapshot(db, hall_id, period)
            if period.first != period.last:
                return snap
            return dashboard.with_comparison(snap, dashboard.comparison(db, hall_id, period.first))

        def loaded(snap: dashboard.Snapshot) -> None:
            self.snap, self.snap_mark = snap, mark
            self._show_drill(what, value, title)
        Task(self, read).on_success(loaded).on_failure(self._failed).run()
        return None

    def _show_drill(self, what: str, value: object, title: str) -> DrillDialog:
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
