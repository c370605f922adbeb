"""The evaluation screen (好差评): a small monitor or tablet (800×480 to 1280×800, touch) turned to
the applicant at one counter.

It follows its counter through the shared database (`done` events through an `EventFollower`, polled
off the GUI thread), so
it needs nothing from the counter program. When the clerk finishes a visit it asks for one of five
levels; the two bad levels ask for a reason. No answer in time is recorded as none, never as good;
each visit is evaluated once. Then it returns to its idle screen on its own.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hallapp.bootstrap import AppContext
from hallapp.domain.changes import Area
from hallapp.domain.evaluation import BAD_LEVELS, LEVELS, REASON_SEPARATOR, REASONS, EvaluationError
from hallapp.domain.queue import QueueAction
from hallapp.services import evaluation
from hallapp.services.hall import HallInfo
from hallapp.services.queue import EventFollower, QueueEvent
from ui import words
from ui.errors import describe
from ui.public import PublicScreen, QueueFollower, set_px, text_label
from ui.tasks import Task

log = logging.getLogger(__name__)

IDLE, RATE, REASON, THANKS = "idle", "rate", "reason", "thanks"

# Muted tones: the word under each face carries the meaning, the colour only supports it.
FACE_COLOURS = {1: "#1e7b45", 2: "#3d8a5a", 3: "#7a6a2a", 4: "#a85a1f", 5: "#9b3a2f"}
MOUTH_CURVE = {1: 0.55, 2: 0.3, 3: 0.0, 4: -0.3, 5: -0.55}  # + smiles, - frowns

class FaceButton(QAbstractButton):
    """A large button with a simply drawn face and the level's word under it."""

    def __init__(self, level: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.setText(text)
        self.setAccessibleName(text)
        self.setObjectName(f"face{level}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 180)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(160, 260)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(FACE_COLOURS[self.level])
        box = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        pressed = self.isDown()
        painter.setPen(QPen(colour if pressed else QColor("#c5d3e2"), 4 if pressed else 2))
        painter.setBrush(QColor("#eaf1f8") if pressed else QColor("#ffffff"))
        painter.drawRoundedRect(box, 16, 16)
        if not self.isEnabled():
            painter.setOpacity(0.5)

        font = QFont(self.font())
        font.setBold(True)
        text_height = QFontMetrics(font).lineSpacing() * 2.2  # room for a word that wraps to two lines
        radius = min(box.width() * 0.36, (box.height() - text_height) * 0.36)
        group = 2 * radius + radius * 0.35 + text_height  # face, a gap, the words: centred together
        top = box.top() + (box.height() - group) / 2
        centre = QPointF(box.center().x(), top + radius)
        pen = QPen(colour, max(3.0, radius * 0.09))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius, radius)
        painter.setBrush(colour)
        eye = radius * 0.1
        for dx in (-0.36, 0.36):
            painter.drawEllipse(QPointF(centre.x() + dx * radius, centre.y() - 0.22 * radius), eye, eye)
        curve = MOUTH_CURVE[self.level]
        mouth_y = centre.y() + radius * (0.38 + max(0.0, -curve) * 0.25)
        half = radius * 0.45
        path = QPainterPath(QPointF(centre.x() - half, mouth_y))
        path.quadTo(QPointF(centre.x(), mouth_y + curve * radius), QPointF(centre.x() + half, mouth_y))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

        painter.setFont(font)
        painter.setPen(QColor("#1f2d3d"))
        text_box = QRectF(box.left() + 4, top + 2 * radius + radius * 0.35, box.width() - 8, text_height)
        painter.drawText(text_box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                         self.text())
        painter.end()


class EvaluationWindow(PublicScreen):
    def __init__(self, ctx: AppContext, hall_info: HallInfo, counter_number: int, timeout_s: float = 30,
                 parent: QWidget | None = None, *, poll_ms: int = 1000, thanks_s: float = 5.0,
                 channel: str = "hall_tablet") -> None:
        title, counter = self.tr("Evaluation"), self.tr("Counter {0}").format(counter_number)
        super().__init__("evaluation", f"{hall_info.name} — {title} — {counter}", parent)
        self.ctx, self.hall, self.counter_number = ctx, hall_info, counter_number
        self.timeout_ms = int(timeout_s * 1000)
        self.thanks_ms = int(thanks_s * 1000)
        self.channel = channel
        self.ticket_id: int | None = None  # the visit being evaluated now
        self.ticket_number = ""
        self.level: int | None = None
        self.submitting = False
        self._handled: set[int] = set()  # visits already answered or recorded as none
        self._build()
        self.resize(800, 480)
        self.apply_sizes()

        self.answer_timer = self.timer(self._no_answer, single=True)  # no answer in time: recorded as none
        self.thanks_timer = self.timer(self.go_idle, single=True)
        self.countdown = self.timer(self._show_countdown, 1000)
        self.follower = self._follow(poll_ms)
        self.poll_timer = self.follower.timer
        self.follower.start()

    # -- building --------------------------------------------------------------------------------------

    def level_text(self, level: int) -> str:
        return words.level_word(level)

    def reason_text(self, reason: str) -> str:
        """`reason` is the stored text (REASONS): worded by its code, in the screen's language."""
        return words.reason_word(reason)

    def _build(self) -> None:
        self.outer_layout().addWidget(self.add_pages(((IDLE, self._build_idle), (RATE, self._build_rate),
                                                      (REASON, self._build_reason), (THANKS, self._build_thanks))))

    def _build_idle(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addStretch(2)
        self.idle_title = text_label(self.tr("Welcome to rate our service"), "evalTitle")
        self.idle_counter = text_label(self.tr("Counter {0}").format(self.counter_number), "evalCounter")
        self.idle_hint = text_label(self.tr("When your visit is finished, please rate it here"), "evalHint")
        self.idle_status = text_label("", "evalError")
        self.idle_status.hide()
        for widget in (self.idle_title, self.idle_counter, self.idle_hint):
            layout.addWidget(widget)
        layout.addStretch(3)
        layout.addWidget(self.idle_status)
        return page

    def _build_rate(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(10)
        self.rate_title = text_label(self.tr("How satisfied are you with this visit?"), "evalTitle")
        self.rate_visit = text_label("", "evalHint")
        layout.addWidget(self.rate_title)
        layout.addWidget(self.rate_visit)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.face_buttons: dict[int, FaceButton] = {}
        for level in sorted(LEVELS):
            button = FaceButton(level, self.level_text(level))
            button.clicked.connect(lambda _=False, lv=level: self.choose_level(lv))
            self.face_buttons[level] = button
            row.addWidget(button)
        layout.addLayout(row, 1)
        self.rate_countdown = text_label("", "evalHint")
        layout.addWidget(self.rate_countdown)
        return page

    def _build_reason(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(10)
        self.reason_title = text_label(self.tr("Please tell us what went wrong (choose one or more)"), "evalTitle")
        self.reason_level = text_label("", "evalHint")
        layout.addWidget(self.reason_title)
        layout.addWidget(self.reason_level)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.reason_buttons: dict[str, QPushButton] = {}
        for index, reason in enumerate(REASONS):
            button = QPushButton(self.reason_text(reason), objectName="reasonButton")
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.toggled.connect(lambda _on=False: self._reasons_changed())
            self.reason_buttons[reason] = button
            grid.addWidget(button, index // 2, index % 2)
        layout.addLayout(grid, 1)
        actions = QHBoxLayout()
        actions.setSpacing(12)
        self.reason_back = QPushButton(self.tr("Back"), objectName="evalBack")
        self.reason_back.clicked.connect(self._back_to_levels)
        self.submit_button = QPushButton(self.tr("Submit"), objectName="evalPrimary")
        self.submit_button.clicked.connect(self.submit)
        actions.addWidget(self.reason_back, 1)
        actions.addWidget(self.submit_button, 2)
        layout.addLayout(actions)
        self.reason_countdown = text_label("", "evalHint")
        layout.addWidget(self.reason_countdown)
        return page

    def _build_thanks(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addStretch(1)
        self.thanks_title = text_label(self.tr("Thank you for your evaluation"), "evalTitle")
        self.thanks_note = text_label("", "evalHint")
        layout.addWidget(self.thanks_title)
        layout.addWidget(self.thanks_note)
        layout.addStretch(1)
        return page

    def apply_sizes(self) -> None:
        unit = min(self.width() / 800, self.height() / 480)
        set_px(self.idle_title, int(52 * unit), bold=True)
        set_px(self.idle_counter, int(72 * unit), bold=True)
        set_px(self.idle_hint, int(26 * unit))
        set_px(self.idle_status, int(18 * unit))
        for label in (self.rate_title, self.reason_title):
            set_px(label, int(32 * unit), bold=True)
        set_px(self.thanks_title, int(46 * unit), bold=True)
        for label in (self.rate_visit, self.reason_level, self.thanks_note):
            set_px(label, int(22 * unit))
        for label in (self.rate_countdown, self.reason_countdown):
            set_px(label, int(18 * unit))
        for button in self.face_buttons.values():
            set_px(button, int(24 * unit), bold=True)
        for button in self.reason_buttons.values():
            set_px(button, int(24 * unit), bold=button.isChecked())
            button.setMinimumHeight(int(64 * unit))
        for button in (self.reason_back, self.submit_button):
            set_px(button, int(26 * unit), bold=True)
            button.setMinimumHeight(int(64 * unit))

    # -- navigation ------------------------------------------------------------------------------------

    def _show(self, name: str) -> None:
        self.set_page(name)
        if name in (RATE, REASON):
            self.countdown.start()
            self._show_countdown()
        else:
            self.countdown.stop()

    def go_idle(self) -> None:
        self.answer_timer.stop()
        self.thanks_timer.stop()
        self.ticket_id, self.level = None, None
        self._show(IDLE)

    def _show_countdown(self) -> None:
        seconds = max(0, round(self.answer_timer.remainingTime() / 1000)) if self.answer_timer.isActive() else 0
        text = self.tr("This screen returns by itself in {0} s").format(seconds)
        self.rate_countdown.setText(text)
        self.reason_countdown.setText(text)

    def _interacted(self) -> None:
        if self.ticket_id is not None and not self.submitting:
            self.answer_timer.start(self.timeout_ms)
            self._show_countdown()

    # -- following the counter -----------------------------------------------------------------------------

    def _follow(self, poll_ms: int) -> QueueFollower[None, list[QueueEvent]]:
        db, hall_id, counter = self.ctx.db, self.hall.id, self.counter_number

        def opening() -> tuple[EventFollower, None]:
            # Start following from now: visits finished before this screen opened are not asked about.
            return EventFollower(db, hall_id, actions=(QueueAction.DONE,), counter_number=counter), None

        return QueueFollower(self, opening, EventFollower.poll, opened=lambda _: self._set_status(""),
                             polled=self._polled, failed=self._poll_failed, poll_ms=poll_ms)

    def poll(self) -> None:
        self.follower.poll()

    @property
    def following(self) -> bool:
        return self.follower.following

    @property
    def polls(self) -> int:
        """Finished looks at the database (tests and diagnostics)."""
        return self.follower.polls

    def _polled(self, events: list[QueueEvent]) -> None:
        self._set_status("")
        if not events:
            return
        fresh = [e for e in events if e.ticket_id not in self._handled and e.ticket_id != self.ticket_id]
        if not fresh:
            return
        for skipped in fresh[:-1]:  # finished while another visit was on screen: no answer
            self._record_none(skipped.ticket_id)
        self.visit_finished(fresh[-1].ticket_id, fresh[-1].number)

    def _poll_failed(self, exc: BaseException) -> None:
        log.warning("evaluation screen cannot read the queue: %s", exc)
        self._set_status(describe(exc) if isinstance(exc, ValueError)
                         else self.tr("The queue cannot be read right now — retrying…"))

    def _set_status(self, text: str) -> None:
        self.idle_status.setText(text)
        self.idle_status.setVisible(bool(text))

    # -- one visit -------------------------------------------------------------------------------------

    def visit_finished(self, ticket_id: int, number: str) -> None:
        """The clerk finished a visit at this counter: ask its applicant."""
        if self.ticket_id is not None and not self.submitting and self.ticket_id not in self._handled:
            self._record_none(self.ticket_id)  # the previous applicant left without answering
        self.thanks_timer.stop()
        self.ticket_id, self.ticket_number, self.level, self.submitting = ticket_id, number, None, False
        for button in self.reason_buttons.values():
            button.setChecked(False)
        self._set_faces_enabled(True)
        self.rate_visit.setText(self.tr("Ticket {0} · Counter {1}").format(number, self.counter_number))
        self.answer_timer.start(self.timeout_ms)
        self._show(RATE)

    def _set_faces_enabled(self, enabled: bool) -> None:
        for button in self.face_buttons.values():
            button.setEnabled(enabled)

    def choose_level(self, level: int) -> None:
        if self.ticket_id is None or self.submitting:
            return
        self.level = level
        self._interacted()
        if level in BAD_LEVELS:
            self.reason_level.setText(self.level_text(level))
            self._reasons_changed()
            self._show(REASON)
            return
        self.submit()

    def chosen_reasons(self) -> list[str]:
        return [reason for reason, button in self.reason_buttons.items() if button.isChecked()]

    def _reasons_changed(self) -> None:
        for reason, button in self.reason_buttons.items():  # chosen: a tick and bold type, not colour alone
            button.setText(("✓ " if button.isChecked() else "") + self.reason_text(reason))
            font = button.font()
            font.setBold(button.isChecked())
            button.setFont(font)
        self.submit_button.setEnabled(bool(self.chosen_reasons()) and not self.submitting)
        self._interacted()

    def _back_to_levels(self) -> None:
        self.level = None
        self._interacted()
        self._show(RATE)

    def submit(self) -> None:
        if self.ticket_id is None or self.level is None or self.submitting:
            return
        reason = REASON_SEPARATOR.join(self.chosen_reasons()) if self.level in BAD_LEVELS else ""
        if self.level in BAD_LEVELS and not reason:
            return  # the submit button stays disabled until a reason is chosen
        self.submitting = True
        self.answer_timer.stop()
        self._set_faces_enabled(False)
        self.submit_button.setEnabled(False)
        ticket_id, level = self.ticket_id, self.level
        self._handled.add(ticket_id)
        db, channel = self.ctx.db, self.channel
        Task(self, lambda: evaluation.record(db, ticket_id, level, reason, channel)).changes(Area.EVALUATIONS, Area.OUTBOX) \
            .on_success(lambda _id: self._recorded(ticket_id, level)) \
            .on_failure(lambda exc: self._not_recorded(ticket_id, exc)).run()

    def _recorded(self, ticket_id: int, level: int) -> None:
        if ticket_id != self.ticket_id:
            return
        self.submitting = False
        self.thanks_note.setText(self.tr("We will follow up on your feedback") if level in BAD_LEVELS else "")
        self._thank()

    def _not_recorded(self, ticket_id: int, exc: BaseException) -> None:
        log.warning("evaluation of ticket %s not stored: %s", ticket_id, exc)
        if ticket_id != self.ticket_id:
            return
        self.submitting = False
        self.thanks_note.setText(describe(exc) if isinstance(exc, EvaluationError) else "")
        self._thank()

    def _thank(self) -> None:
        self.ticket_id = None
        self._show(THANKS)
        self.thanks_timer.start(self.thanks_ms)

    def _no_answer(self) -> None:
        """Time is up: the visit is recorded as not evaluated (never as good)."""
        if self.ticket_id is not None and not self.submitting:
            self._record_none(self.ticket_id)
        self.go_idle()

    def _record_none(self, ticket_id: int) -> None:
        if ticket_id in self._handled:
            return
        self._handled.add(ticket_id)
        db, channel = self.ctx.db, self.channel

        def work() -> int | None:
            try:
                return evaluation.record(db, ticket_id, None, "", channel)
            except EvaluationError:  # already evaluated elsewhere: nothing to add
                return None

        Task(self, work).changes(Area.EVALUATIONS, Area.OUTBOX).on_failure(
            lambda exc: log.warning("no-answer for %s not stored: %s", ticket_id, exc)).run()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.follower.stop()
        if self.ticket_id is not None and not self.submitting:
            self._record_none(self.ticket_id)
            self.ticket_id = None
        super().closeEvent(event)
