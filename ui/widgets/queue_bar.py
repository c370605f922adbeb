"""The counter's queue bar: the current ticket with its waiting time and the keys that move it
(F1 call, F2 recall, F4 no-show, F5 transfer, F6 hold, F8 done), plus who is waiting.

Every action is a database write run off the GUI thread; the bar follows the window's change
event (ui/changes.py) so a ticket issued at the kiosk shows up without anyone pressing anything.
The ticket it learns goes into the visit's CounterSession, and the bar shows the session's ticket;
F8 ends the session's visit, after asking when the session says it holds unsaved work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from hallapp.domain.changes import Area, Changes
from hallapp.domain.clock import hall_clock
from hallapp.domain.queue import QueueError, TicketView
from hallapp.home import Home, current_home
from hallapp.services import presence, queue
from hallapp.services.counter_session import Change, CounterSession
from hallapp.storage import Database, DatabaseError
from ui import changes as change_event
from ui.counter_session import observe
from ui.errors import describe
from ui.tasks import Task

HEARTBEAT_MS = presence.HEARTBEAT_SECONDS * 1000


def waited_minutes(ticket: TicketView, now: datetime | None = None) -> int:
    end = ticket.called_at or now or hall_clock().now()
    return max(0, int((end - ticket.issued_at).total_seconds() // 60))


class QueueBar(QFrame):
    visit_done = Signal(object)  # TicketView: F8 went through, the session's visit is over
    message = Signal(str)  # what happened, for the clerk

    def __init__(self, db: Database, ref: queue.CounterRef, who: str, counters: tuple[int, ...],
                 parent: QWidget | None = None, *, session: CounterSession, home: Home | None = None) -> None:
        super().__init__(parent, objectName="counterBar")
        self.db, self.ref, self.counters, self.home = db, ref, counters, home
        self.session = session
        self.outage = False  # the last read failed: its message goes as soon as a read succeeds
        self.doubled = ""  # another live PC is set to this counter number
        self.categories: list[queue.CategoryInfo] = []
        self.held: list[TicketView] = []
        self.busy = False
        layout = QHBoxLayout(self)
        # Left: the ticket being served, in full (why it came first included), and under it
        # who works here and who waits. Right: the keys.
        info = QVBoxLayout()
        info.setSpacing(0)
        self.current_label = QLabel(objectName="currentTicket")
        self.waiting_label = QLabel(objectName="waitingCounts")
        self.who = who
        info.addWidget(self.current_label)
        info.addWidget(self.waiting_label)
        layout.addLayout(info, 1)
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (
            ("F1", self.tr("Call"), self.call_next), ("F2", self.tr("Recall"), self.recall),
            ("F4", self.tr("No-show"), self.no_show), ("F5", self.tr("Transfer"), self.show_transfer_menu),
            ("F6", self.tr("Hold"), self.hold_or_resume), ("F8", self.tr("Done"), self.done),
        ):
            button = QPushButton(f"{label} {key}")
            button.clicked.connect(slot)
            layout.addWidget(button)
            self.buttons[key] = button
            QShortcut(QKeySequence(key), self, activated=slot)
        change_event.follow(self.changed)  # a kiosk ticket, another counter's call, a minute passing
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.beat)
        self.heartbeat.start()
        observe(self, session, self._on_session)
        self._render()
        self.refresh()
        self.beat()

    # -- display -----------------------------------------------------------------------------
    @property
    def current(self) -> TicketView | None:
        """The ticket being served here: the session's."""
        return self.session.ticket

    def _on_session(self, change: Change) -> None:
        if change is Change.TICKET:
            self._render()

    def refresh(self) -> None:
        db, ref = self.db, self.ref

        def load() -> tuple[TicketView | None, list[queue.CategoryInfo], list[TicketView]]:
            return queue.current(db, ref), queue.categories(db, ref.hall_id), queue.held(db, ref)

        Task(self, load).on_success(self._loaded).on_failure(self._unreachable).run()

    def changed(self, changes: Changes, origin: object) -> None:
        if origin is not self and changes.touches(Area.QUEUE, Area.CLOCK):  # its own actions refresh it already
            self.refresh()

    def _unreachable(self, exc: BaseException) -> None:
        """Said in words (never the driver's English), and taken back by the next read that works."""
        self.outage = True
        self.message.emit(self._outage_text(exc))

    def _outage_text(self, exc: BaseException) -> str:
        if isinstance(exc, QueueError):
            return describe(exc)
        if isinstance(exc, DatabaseError):
            return self.tr("The hall database cannot be reached: queue actions are refused until it is back. "
                           "The window keeps trying; if this lasts, call the technician.")
        return self.tr("The queue cannot be reached: {error}").format(error=type(exc).__name__)

    def _loaded(self, result: tuple[TicketView | None, list[queue.CategoryInfo], list[TicketView]]) -> None:
        current, categories, held = result
        if self.outage:
            self.outage = False
            self.message.emit("")
        self.held, self.categories = held, categories
        waiting = " ".join(f"{c.letter}{c.waiting}" for c in categories)
        held_text = ("  " + self.tr("Held: {numbers}").format(numbers=" ".join(t.number for t in held))) if held else ""
        self.waiting_label.setText(f"{self.who}  ·  " + self.tr("Waiting: {counts}").format(counts=waiting) + held_text
                                   + self.doubled)
        self.session.set_ticket(current)
        self._render()  # F6 follows the held tickets

    def beat(self) -> None:
        """Tell the other PCs this one is at its counter, and learn whether another is set to the same number."""
        db, ref, home = self.db, self.ref, self.home

        def work() -> list[presence.Presence]:
            return presence.beat_counter(db, home or current_home(), ref.counter_number, ref.staff_id)

        Task(self, work).changes().on_success(self._others).on_failure(lambda _exc: None).run()  # refresh says outages

    def _others(self, others: list[presence.Presence]) -> None:
        hosts = "、".join(sorted({p.host for p in others}))
        self.doubled = ("  ·  " + self.tr("Warning: counter {number} is also set on PC {hosts}: both serve the same "
                                          "tickets. Ask the technician to give one of them another counter number.")
                        .format(number=self.ref.counter_number, hosts=hosts)) if others else ""
        self.refresh()

    def _render(self) -> None:
        ticket = self.current
        if ticket is None:
            self.current_label.setText(self.tr("Current: none"))
        else:
            self.current_label.setText(self.tr("Current: {number} · waited {minutes} min").format(
                number=ticket.number, minutes=waited_minutes(ticket)) + self._badges(ticket))
        has = ticket is not None
        for key in ("F2", "F4", "F5", "F8"):
            self.buttons[key].setEnabled(has and not self.busy)
        self.buttons["F1"].setEnabled(not has and not self.busy)
        self.buttons["F6"].setEnabled((has or bool(self.held)) and not self.busy)

    def _badges(self, ticket: TicketView) -> str:
        """Why this ticket came before others: said in words, never cut off."""
        words = []
        if ticket.green_channel:
            words.append(self.tr("green channel"))
        if ticket.appointment:
            words.append(self.tr("appointment"))
        if ticket.recalls:
            words.append(self.tr("called {times}×").format(times=ticket.recalls + 1))
        return "".join(f" · {w}" for w in words)

    # -- actions -----------------------------------------------------------------------------
    def _run(self, fn: Callable[[], TicketView | None], done: Callable[[TicketView | None], None]) -> None:
        if self.busy:
            return
        self.busy = True
        for button in self.buttons.values():
            button.setEnabled(False)

        def finished(result: TicketView | None) -> None:
            self.busy = False
            done(result)
            self._render()  # the keys come back even when the ticket did not change

        def failed(exc: BaseException) -> None:
            self.busy = False
            self._render()
            if not isinstance(exc, QueueError):
                self.outage = True  # the next read that works takes the message back
            self.message.emit(self._outage_text(exc))

        Task(self, fn).changes(Area.QUEUE).on_success(finished).on_failure(failed).run()

    def call_next(self) -> None:
        if self.current is not None:
            return
        db, ref = self.db, self.ref

        def called(ticket: TicketView | None) -> None:
            self.session.set_ticket(ticket)
            self.message.emit(self.tr("Nobody is waiting for this counter.") if ticket is None else "")
            self.refresh()

        self._run(lambda: queue.call_next(db, ref), called)

    def _on_current(self, action: Callable[..., TicketView], after: Callable[[TicketView], None]) -> None:
        if self.current is None:
            return
        ticket_id, db, ref = self.current.id, self.db, self.ref
        self._run(lambda: action(db, ref, ticket_id), after)

    def _finished(self, ticket: TicketView) -> None:
        self.session.set_ticket(ticket if ticket.state in ("called", "serving") else None)
        self.refresh()

    def recall(self) -> None:
        def after(ticket: TicketView) -> None:
            if ticket.state == "no_show":
                text = self.tr("{number} did not come after the recalls: marked no-show.").format(number=ticket.number)
            else:
                text = self.tr("{number} called again (call {times}).").format(number=ticket.number, times=ticket.recalls + 1)
            self.message.emit(text)
            self._finished(ticket)
        self._on_current(queue.recall, after)

    def no_show(self) -> None:
        """F4: asks first: a no-show sends the person to the back of the day."""
        if self.current is None:
            return
        from ui.dialogs.confirm import confirm

        number = self.current.number
        confirm(self, self.tr("No-show"), self.tr("Mark {number} as not come (no-show)?").format(number=number),
                self.tr("Mark no-show"), lambda: self._on_current(queue.no_show, self._no_show_done))

    def _no_show_done(self, ticket: TicketView) -> None:
        self.message.emit(self.tr("{number} marked no-show.").format(number=ticket.number))
        self._finished(ticket)

    def hold_or_resume(self) -> None:
        """F6: hold the current ticket; with none, offer the held ones back."""
        if self.current is not None:
            self._on_current(queue.hold, self._finished)
        elif self.held:
            menu = QMenu(self)
            for held in self.held:
                menu.addAction(self.tr("Resume {number}").format(number=held.number), lambda t=held.id: self.resume(t))
            menu.popup(self.buttons["F6"].mapToGlobal(self.buttons["F6"].rect().bottomLeft()))

    def done(self) -> None:
        """F8: the visit is over; an intake not saved yet is thrown away only once the clerk says so."""
        def after(ticket: TicketView) -> None:
            self.session.end_visit()
            self.visit_done.emit(ticket)
            self._finished(ticket)
        if self.current is None or self.busy:
            return
        if not self.session.has_unsaved_work():
            self._on_current(queue.done, after)
            return
        from ui.dialogs.confirm import confirm

        text = self.tr("The intake in progress has not been saved: the applicant and every scan would be lost.")
        confirm(self, self.tr("Discard the intake?"), text, self.tr("Discard and end the visit"),
                lambda: self._on_current(queue.done, after))

    def start_serving(self) -> None:
        """The applicant is here (a card was read): service time starts counting."""
        if self.current is not None and self.current.state == "called":
            self._on_current(queue.start_serving, self._finished)

    def resume(self, ticket_id: int) -> None:
        db, ref = self.db, self.ref
        self._run(lambda: queue.resume(db, ref, ticket_id), self._finished)

    def show_transfer_menu(self) -> None:
        """F5: to another counter or category; 'and back' returns the applicant here afterwards."""
        if self.current is None:
            return
        menu = QMenu(self)
        for category in self.categories:
            menu.addAction(self.tr("To category {letter} {name}").format(letter=category.letter, name=category.name),
                           lambda c=category.letter: self.transfer(to_category=c))
        for number in self.counters:
            if number != self.ref.counter_number:
                menu.addAction(self.tr("To counter {number} and back").format(number=number),
                               lambda n=number: self.transfer(to_counter=n, come_back=True))
        menu.popup(self.buttons["F5"].mapToGlobal(self.buttons["F5"].rect().bottomLeft()))

    def transfer(self, *, to_counter: int | None = None, to_category: str | None = None, come_back: bool = False) -> None:
        def action(db: Database, ref: queue.CounterRef, ticket_id: int) -> TicketView:
            return queue.transfer(db, ref, ticket_id, to_counter=to_counter, to_category=to_category, come_back=come_back)
        self._on_current(action, self._finished)
