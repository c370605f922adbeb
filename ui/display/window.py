"""The hall display (a 1920×1080 TV read from 10 m): the ticket each counter calls now in very
large type, the last few calls and the waiting counts per category.

It follows the counters through the shared database only (an `EventFollower`, polled about once a
second off the GUI thread), so it works whether or not any counter program runs. A new call
flashes its counter's tile and is announced by the speaker, queued so voices never overlap; the
speaker says only what is still current (one waiting call per counter, see ui/voice.py).
Nothing personal is shown: ticket numbers and counter numbers only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hallapp.bootstrap import AppContext
from hallapp.domain.clock import hall_clock
from hallapp.domain.queue import ARRIVED, CALLING, LEAVING, QueueAction, call_announcement
from hallapp.services import queue
from hallapp.services.hall import HallInfo
from hallapp.services.queue import CategoryInfo, CounterRef, EventFollower, QueueEvent, RecentCall
from ui.public import PublicScreen, QueueFollower, restyle, set_px
from ui.voice import Speaker

log = logging.getLogger(__name__)

DESIGN_HEIGHT = 1080
EMPTY = "—"


class CallTile(QFrame):
    """One counter: the ticket it calls now, an arrow, and the counter — all in very large type."""

    def __init__(self, counter_number: int, counter_text: str, on_resize, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="callTile")
        self.counter_number = counter_number
        self._on_resize = on_resize
        self.number_label = QLabel(EMPTY, objectName="tileNumber")
        self.arrow = QLabel("→", objectName="tileArrow")
        self.counter_label = QLabel(counter_text, objectName="tileCounter")
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 4, 16, 4)
        layout.addWidget(self.number_label, 10)
        layout.addWidget(self.arrow, 3)
        layout.addWidget(self.counter_label, 12)
        self.setProperty("flash", False)
        self._flash_left = 0
        self._blink = QTimer(self)
        self._blink.setInterval(450)
        self._blink.timeout.connect(self._toggle)

    @property
    def number(self) -> str | None:
        text = self.number_label.text()
        return None if text == EMPTY else text

    @property
    def flashing(self) -> bool:
        return self._blink.isActive()

    def show_call(self, number: str, flash_ms: int) -> None:
        self.number_label.setText(number)
        self._flash_left = max(1, flash_ms // self._blink.interval())
        self._set_flash(True)
        self._blink.start()

    def clear(self) -> None:
        self.number_label.setText(EMPTY)
        self._stop_flash()

    def _toggle(self) -> None:
        self._flash_left -= 1
        if self._flash_left <= 0:
            self._stop_flash()
            return
        self._set_flash(not self.property("flash"))

    def _stop_flash(self) -> None:
        self._blink.stop()
        self._set_flash(False)

    def _set_flash(self, on: bool) -> None:
        if self.property("flash") != on:
            self.setProperty("flash", on)
            restyle(self, children=True)

    def fitting_pixel_size(self) -> int:
        """The largest type with which number and counter both fit this tile."""
        margins = self.contentsMargins()
        width = self.width() - margins.left() - margins.right() - 32
        height = self.height() - margins.top() - margins.bottom()
        size = int(height * 0.72)
        font = QFont(self.number_label.font())
        font.setBold(True)
        while size > 12:
            font.setPixelSize(size)
            metrics = QFontMetrics(font)
            need = (metrics.horizontalAdvance("M000") + metrics.horizontalAdvance(self.counter_label.text())
                    + metrics.horizontalAdvance("→") * 0.7 + 2 * self.layout().spacing())
            if need <= width * 0.9:
                break
            size = int(size * 0.93)
        return size

    def set_pixel_size(self, size: int) -> None:
        set_px(self.number_label, size, bold=True)
        set_px(self.counter_label, size, bold=True)
        set_px(self.arrow, int(size * 0.7))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._on_resize()


@dataclass(frozen=True)
class _Snapshot:
    current: dict[int, str]
    recent: list[RecentCall]
    categories: list[CategoryInfo]


def _snapshot(ctx: AppContext, hall_id: int, counters: tuple[int, ...], recent: int) -> tuple[EventFollower, _Snapshot]:
    """Runs off the GUI thread. The follower starts first: nothing that happens after it is missed."""
    follower = EventFollower(ctx.db, hall_id)
    current = {}
    for number in counters:
        view = queue.current(ctx.db, CounterRef(hall_id, number))
        if view is not None:
            current[number] = view.number
    return follower, _Snapshot(current, queue.recent_calls(ctx.db, hall_id, recent), queue.categories(ctx.db, hall_id))


class DisplayWindow(PublicScreen):
    def __init__(self, ctx: AppContext, hall_info: HallInfo, speaker: Speaker, parent: QWidget | None = None, *,
                 repeat: int = 2, poll_ms: int = 1000, flash_ms: int = 5000, recent: int = 6) -> None:
        super().__init__("hallDisplay", f"{hall_info.name} — {self.tr('Hall display')}", parent)
        self.ctx, self.hall, self.speaker = ctx, hall_info, speaker
        self.repeat, self.flash_ms, self.recent_limit = repeat, flash_ms, recent
        self.resize(1920, 1080)
        self.tiles: dict[int, CallTile] = {}
        self._counters: tuple[int, ...] = ()  # the tiles' counters, for the follower's worker
        self.recent: list[tuple[str, int]] = []
        self._waiting_rows: dict[str, tuple[QLabel, QLabel]] = {}
        self._build()
        self._fit = self.timer(self._fit_tiles, single=True)
        for number in hall_info.counters:
            self._tile(number)
        self.follower = self._follow(poll_ms)
        self.poll_timer = self.follower.timer
        self.clock_timer = self.timer(self._tick_clock, 1000)
        self.clock_timer.start()
        self._tick_clock()
        self.follower.start()

    # -- layout -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = self.outer_layout()
        header = QFrame(objectName="displayHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(header)
        row.setContentsMargins(36, 10, 36, 10)
        self.hall_label = QLabel(self.hall.name, objectName="hallName")
        self.clock_label = QLabel("", objectName="clock")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.hall_label, 1)
        row.addWidget(self.clock_label)
        outer.addWidget(header)

        body = QHBoxLayout()
        body.setContentsMargins(28, 20, 28, 12)
        body.setSpacing(28)
        calls = QVBoxLayout()
        calls.setSpacing(12)
        self.calls_title = QLabel(self.tr("Now calling"), objectName="displaySection")
        calls.addWidget(self.calls_title)
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(16)
        calls.addLayout(self.tile_grid, 1)
        body.addLayout(calls, 68)

        side = QFrame(objectName="sidePanel")
        side.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(28, 18, 28, 18)
        side_layout.setSpacing(8)
        self.recent_title = QLabel(self.tr("Recent calls"), objectName="displaySection")
        side_layout.addWidget(self.recent_title)
        self.recent_grid = QGridLayout()
        self.recent_grid.setHorizontalSpacing(24)
        self.recent_rows: list[tuple[QLabel, QLabel]] = []
        for index in range(self.recent_limit):
            number, counter = QLabel("", objectName="recentNumber"), QLabel("", objectName="recentCounter")
            self.recent_grid.addWidget(number, index, 0)
            self.recent_grid.addWidget(counter, index, 1)
            self.recent_rows.append((number, counter))
        self.recent_grid.setColumnStretch(1, 1)
        side_layout.addLayout(self.recent_grid)
        side_layout.addSpacing(24)
        self.waiting_title = QLabel(self.tr("Waiting"), objectName="displaySection")
        side_layout.addWidget(self.waiting_title)
        self.waiting_grid = QGridLayout()
        self.waiting_grid.setHorizontalSpacing(24)
        self.waiting_grid.setColumnStretch(0, 1)
        side_layout.addLayout(self.waiting_grid)
        side_layout.addStretch(1)
        body.addWidget(side, 32)
        outer.addLayout(body, 1)

        self.status_label = QLabel("", objectName="displayStatus")
        self.status_label.setContentsMargins(36, 0, 36, 10)
        outer.addWidget(self.status_label)

    def _tile(self, counter_number: int) -> CallTile:
        tile = self.tiles.get(counter_number)
        if tile is None:
            tile = CallTile(counter_number, self.tr("Counter {0}").format(counter_number), self._schedule_fit)
            self.tiles[counter_number] = tile
            self._counters = tuple(self.tiles)
            self._place_tiles()
        return tile

    def _place_tiles(self) -> None:
        for tile in self.tiles.values():
            self.tile_grid.removeWidget(tile)
        count = len(self.tiles)
        columns = 1 if count <= 4 else 2 if count <= 10 else 3
        rows = max(4 if columns == 1 else 1, -(-count // columns))  # a few counters: tiles not absurdly tall
        for index, number in enumerate(sorted(self.tiles)):
            self.tile_grid.addWidget(self.tiles[number], index % rows, index // rows)
        for row in range(self.tile_grid.rowCount()):
            self.tile_grid.setRowStretch(row, 1 if row < rows else 0)
        self._schedule_fit()

    def _schedule_fit(self) -> None:
        if hasattr(self, "_fit"):
            self._fit.start(0)

    def _fit_tiles(self) -> None:
        if self.tiles:
            size = min(tile.fitting_pixel_size() for tile in self.tiles.values())
            for tile in self.tiles.values():
                tile.set_pixel_size(size)

    def apply_sizes(self) -> None:
        unit = self.height() / DESIGN_HEIGHT
        set_px(self.hall_label, int(60 * unit), bold=True)
        set_px(self.clock_label, int(52 * unit), bold=True)
        for label in (self.calls_title, self.recent_title, self.waiting_title):
            set_px(label, int(42 * unit), bold=True)
        for number, counter in self.recent_rows:
            set_px(number, int(60 * unit), bold=True)
            set_px(counter, int(56 * unit))
        for name, count in self._waiting_rows.values():
            set_px(name, int(46 * unit))
            set_px(count, int(52 * unit), bold=True)
        set_px(self.status_label, int(30 * unit))
        self._schedule_fit()

    def _tick_clock(self) -> None:
        now = hall_clock().local_now()  # the hall's time, whatever zone this PC's system is set to
        chinese = QLocale().language() == QLocale.Language.Chinese
        self.clock_label.setText(f"{now.year}年{now.month}月{now.day}日  {now:%H:%M}" if chinese else f"{now:%Y-%m-%d  %H:%M}")

    # -- following the counters ----------------------------------------------------------------------------

    def _follow(self, poll_ms: int) -> QueueFollower[_Snapshot, tuple[list[QueueEvent], list[CategoryInfo]]]:
        ctx, hall_id, recent = self.ctx, self.hall.id, self.recent_limit

        def opening() -> tuple[EventFollower, _Snapshot]:  # a worker: reads the tuple, never the tiles
            return _snapshot(ctx, hall_id, self._counters, recent)

        def looking(follower: EventFollower) -> tuple[list[QueueEvent], list[CategoryInfo]]:
            return follower.poll(), queue.categories(ctx.db, hall_id)

        # Daily: a new day starts afresh (no tiles from yesterday), as after a failed first look.
        return QueueFollower(self, opening, looking, opened=self._snapshot_loaded, polled=self._polled,
                             failed=self._poll_failed, poll_ms=poll_ms, daily=True)

    def _snapshot_loaded(self, snapshot: _Snapshot) -> None:
        for number, tile in self.tiles.items():
            if number in snapshot.current:
                tile.number_label.setText(snapshot.current[number])
            else:
                tile.clear()
        self.recent = [(call.number, call.counter_number) for call in snapshot.recent]
        self._show_recent()
        self._show_waiting(snapshot.categories)
        self.status_label.setText("")

    def poll(self) -> None:
        """One look at the shared database (every `poll_ms`); never two at once."""
        self.follower.poll()

    @property
    def following(self) -> bool:
        """The first look at the queue is done; calls from now on are shown and spoken."""
        return self.follower.following

    @property
    def polls(self) -> int:
        return self.follower.polls

    def _polled(self, result: tuple[list[QueueEvent], list[CategoryInfo]]) -> None:
        events, categories = result
        self.status_label.setText("")
        if events:
            self.apply_events(events)
        self._show_waiting(categories)

    def _poll_failed(self, exc: BaseException) -> None:
        log.warning("hall display cannot read the queue: %s", exc)
        self.status_label.setText(self.tr("The queue cannot be read right now — retrying…"))

    def apply_events(self, events: list[QueueEvent]) -> None:
        """Show the moves of the tickets; speak the newest call of each counter (a display that was
        cut off for a while does not read out the whole backlog), and stop saying calls that are no
        longer current: the applicant has come (start) or the ticket has left the counter."""
        to_announce: dict[int, QueueEvent] = {}
        for event in events:
            if event.counter_number is None:
                continue
            tile = self._tile(event.counter_number)
            if event.action in CALLING:
                tile.show_call(event.number, self.flash_ms)
                self.recent.insert(0, (event.number, event.counter_number))
                to_announce[event.counter_number] = event
            elif event.action == QueueAction.RESUME:
                tile.number_label.setText(event.number)
            elif event.action in ARRIVED or event.action in LEAVING:
                if event.action in LEAVING and tile.number == event.number:
                    tile.clear()
                waiting = to_announce.get(event.counter_number)
                if waiting is not None and waiting.number == event.number:
                    del to_announce[event.counter_number]
                self.speaker.withdraw(event.counter_number, call_announcement(event.number, event.counter_number))
        del self.recent[self.recent_limit:]
        self._show_recent()
        for event in sorted(to_announce.values(), key=lambda e: e.id):
            # Keyed by counter: a newer call there replaces one the voice has not reached yet.
            self.speaker.announce(call_announcement(event.number, event.counter_number), self.repeat,
                                  key=event.counter_number)

    def _show_recent(self) -> None:
        for index, (number_label, counter_label) in enumerate(self.recent_rows):
            if index < len(self.recent):
                number, counter = self.recent[index]
                number_label.setText(number)
                counter_label.setText(self.tr("Counter {0}").format(counter))
            else:
                number_label.setText("")
                counter_label.setText("")

    def _show_waiting(self, categories: list[CategoryInfo]) -> None:
        if list(self._waiting_rows) != [c.letter for c in categories]:
            for name, count in self._waiting_rows.values():
                name.deleteLater()
                count.deleteLater()
            self._waiting_rows = {}
            for row, category in enumerate(categories):
                name, count = QLabel(f"{category.letter}  {category.name}"), QLabel("", objectName="waitingCount")
                count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.waiting_grid.addWidget(name, row, 0)
                self.waiting_grid.addWidget(count, row, 1)
                self._waiting_rows[category.letter] = (name, count)
            self.apply_sizes()
        for category in categories:
            self._waiting_rows[category.letter][1].setText(self.tr("{0} waiting").format(category.waiting))

    def waiting_text(self, letter: str) -> str:
        row = self._waiting_rows.get(letter)
        return row[1].text() if row else ""

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.follower.stop()
        self.speaker.clear()
        super().closeEvent(event)
