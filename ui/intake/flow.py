"""The guided intake: one flow, left to right; Enter advances, Esc steps back.

1 applicant › 2 item › 3 handling place › 4 materials › 5 decision › 6 print. The decision step
offers exactly what the checklist allows; the case is saved in one transaction off the GUI
thread. The people, the item, the clerk's choices (place, decision, due date, delivery) and the
saved case are the visit's CounterSession: each widget shows the session, tells it what the clerk
changed, and the save reads the session, never a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hallapp.config import DocumentSettings
from hallapp.domain.cases import Decision
from hallapp.domain.changes import Area
from hallapp.domain.documents import documents_for
from hallapp.domain.identity import Identity
from hallapp.domain.regions import default_regions
from hallapp.services import cases, catalog, visit_times
from hallapp.services.counter_session import Change, CounterSession, Delivery, Missing
from ui.counter_session import observe
from ui.errors import describe
from ui.intake.checklist import ChecklistPanel
from ui.tasks import Task
from ui.words import state_word

STEPS = 6
APPLICANT, ITEM, PLACE, MATERIALS, DECISION, DONE = range(STEPS)


@dataclass(frozen=True)
class IntakeContext:
    """What the flow needs from the counter around it."""

    db: object  # hallapp.storage.Database
    home: object  # hallapp.home.Home
    hall_id: int
    counter_number: int
    staff_id: int | None
    staff_username: str
    # hallapp.config.DocumentSettings, the window's own: a calendar applied in the admin page counts from the next case
    documents: DocumentSettings


class IntakeFlow(QWidget):
    case_saved = Signal(object)  # cases.CaseSummary
    document_ready = Signal(str, bytes)  # kind, PDF: the page shows the print preview
    message = Signal(str)

    def __init__(self, ctx: IntakeContext, session: CounterSession, checklist: ChecklistPanel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session, self.checklist = ctx, session, checklist
        self._showing = True  # the widgets are being set from the session (or built): nothing to tell it
        self.steps_label = QLabel(objectName="hint")
        self.steps_label.setWordWrap(True)
        self.stack = QStackedWidget()
        for build in (self._applicant_step, self._item_step, self._place_step, self._materials_step,
                      self._decision_step, self._done_step):
            self.stack.addWidget(build())
        self.error = QLabel(objectName="error")
        self.error.setWordWrap(True)
        # Always one visible way forward; Enter anywhere on the counter page does the same.
        self.next_button = QPushButton(objectName="primary")
        self.next_button.clicked.connect(self.advance)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.next_button)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.back)
        for index in range(4):  # one set of keys for whichever papers the case has
            QShortcut(QKeySequence(f"Alt+{index + 1}"), self, activated=lambda i=index: self._print_by_key(i))
        self.search_timer = QTimer(self, singleShot=True, interval=150)
        self.search_timer.timeout.connect(self._search)
        observe(self, session, self._on_session)
        self._show_choices()
        self.go(APPLICANT)

    # -- the visit ---------------------------------------------------------------------------------
    @property
    def applicant(self) -> Identity | None:
        return self.session.applicant

    @property
    def agent(self) -> Identity | None:
        return self.session.agent

    @property
    def item(self) -> catalog.ItemChecklist | None:
        return self.session.item

    @property
    def saved(self) -> cases.CaseSummary | None:
        return self.session.saved

    def _on_session(self, change: Change) -> None:
        if change in (Change.ITEM, Change.CASE, Change.ENDED, Change.MATERIALS, Change.CHOICES):
            self._show_choices()  # and what the checklist allows now (nothing without an item)
        if change is Change.ITEM and self.item is not None:
            self.go(PLACE)
        elif change is Change.CASE and self.saved is not None:
            self._show_saved(self.saved)
        elif change in (Change.CASE, Change.ENDED):  # a fresh case, or nothing of the visit left
            self._clear_case()
        elif change is Change.PEOPLE and self.step() == APPLICANT:
            self._show_applicant()

    # -- navigation ------------------------------------------------------------------------------
    def step_names(self) -> list[str]:
        return [self.tr("1 Applicant"), self.tr("2 Item"), self.tr("3 Handling place"), self.tr("4 Materials"),
                self.tr("5 Decision"), self.tr("6 Print")]

    def next_label(self, step: int) -> str:
        return {ITEM: self.tr("Choose item (Enter)"), DECISION: self.tr("Save case (Enter)"),
                DONE: self.tr("Next case (Enter)")}.get(step, self.tr("Next (Enter)"))

    def go(self, step: int) -> None:
        self.error.clear()
        self.stack.setCurrentIndex(step)
        names = self.step_names()
        self.steps_label.setText(" › ".join(f"<b>{n}</b>" if i == step else n for i, n in enumerate(names)))
        self.next_button.setText(self.next_label(step))
        if step == APPLICANT:
            self._show_applicant()
        if step == DECISION:
            self.session.choose_best_decision()  # on arrival the most favourable is chosen
        self.focus_step()

    def focus_target(self) -> QWidget:
        """Where the clerk's keys go at this step (Enter always advances, see CounterPage)."""
        step = self.step()
        decision = self.session.decision
        current = self.decision_buttons[decision] if decision is not None else None
        return {ITEM: self.search_box, PLACE: self.county, MATERIALS: self.checklist.table,
                DECISION: current}.get(step) or self.next_button

    def focus_step(self) -> None:
        """Put the focus where this step is worked, unless a dialog of ours has it."""
        self.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def has_unsaved_work(self) -> bool:
        """An item chosen (materials are captured only for one) and no case saved yet."""
        return self.session.has_unsaved_work()

    def step(self) -> int:
        return self.stack.currentIndex()

    def back(self) -> None:
        if 0 < self.step() < DONE:
            self.go(self.step() - 1)

    def advance(self) -> None:
        step = self.step()
        if step == APPLICANT:
            if self.applicant is None:
                self.error.setText(self._missing_text(Missing.APPLICANT))
                return
            self.go(ITEM)
        elif step == ITEM:
            self._choose_item()
        elif step == PLACE:
            if not self.session.handling_place:
                self.error.setText(self._missing_text(Missing.PLACE))
                return
            self.go(MATERIALS)
        elif step == MATERIALS:
            self.go(DECISION)
        elif step == DECISION:
            self.submit()
        elif step == DONE:
            self.reset()

    # -- 1 applicant -----------------------------------------------------------------------------
    def _applicant_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.applicant_summary = QLabel(objectName="stepText")
        self.applicant_summary.setWordWrap(True)
        layout.addWidget(self.applicant_summary)
        layout.addStretch(1)
        return page

    def _show_applicant(self) -> None:
        if self.applicant is None:
            self.applicant_summary.setText(self.tr("Waiting for the applicant's card (F3) or manual entry (Ctrl+M)."))
            return
        agent = "\n" + self.tr("Agent: {name}").format(name=self.agent.name) if self.agent else ""
        who = self.tr("Applicant: {name} {number}").format(name=self.applicant.name, number=self.applicant.masked_number)
        self.applicant_summary.setText(who + agent + "\n\n" + self.tr("Press Enter to choose the item."))

    # -- 2 item ----------------------------------------------------------------------------------
    def _item_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.search_box = QLineEdit(objectName="itemSearch")
        self.search_box.setPlaceholderText(self.tr("Item name, code or pinyin initials (e.g. sbk)"))
        self.search_box.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_box.installEventFilter(self)
        self.results = QListWidget(objectName="itemResults")
        layout.addWidget(self.search_box)
        layout.addWidget(self.results, 1)
        return page

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - arrows in the search box move the list
        if obj is self.search_box and event.type() == event.Type.KeyPress and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            delta = 1 if event.key() == Qt.Key.Key_Down else -1
            self.results.setCurrentRow(max(0, min(self.results.count() - 1, self.results.currentRow() + delta)))
            return True
        return super().eventFilter(obj, event)

    def _search(self) -> None:
        text, db = self.search_box.text(), self.ctx.db
        Task(self, lambda: catalog.search(db, text, 30)).on_success(self._show_hits).run()

    def _show_hits(self, hits: list[catalog.ItemHit]) -> None:
        self.results.clear()
        for hit in hits:
            entry = QListWidgetItem(f"{hit.name}    {hit.code} · {hit.department}")
            entry.setData(Qt.ItemDataRole.UserRole, hit.code)
            self.results.addItem(entry)
        if hits:
            self.results.setCurrentRow(0)

    def _choose_item(self) -> None:
        entry = self.results.currentItem()
        if entry is None:
            self.error.setText(self.tr("Type to find the item, then press Enter."))
            return
        code, db = entry.data(Qt.ItemDataRole.UserRole), self.ctx.db
        Task(self, lambda: catalog.checklist(db, code)).on_success(self._item_chosen).run()

    def _item_chosen(self, item: catalog.ItemChecklist | None) -> None:
        if item is None:
            self.error.setText(self.tr("This item is no longer in the catalog."))
            return
        self.session.choose_item(item)  # the checklist and the handling place follow (_on_session)

    # -- 3 handling place -------------------------------------------------------------------------
    def _place_step(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.province, self.city, self.county = QComboBox(), QComboBox(), QComboBox()
        self.province.setObjectName("province")
        self.county.setObjectName("county")
        regions = default_regions()
        for code, name in regions.provinces().items():
            self.province.addItem(name, code)
        self.province.currentIndexChanged.connect(self._fill_cities)
        self.city.currentIndexChanged.connect(self._fill_counties)
        self.county.currentIndexChanged.connect(self._county_chosen)
        form.addRow(QLabel(self.tr("Where is the case handled? (the other province's authority)"), objectName="hint"))
        form.addRow(self.tr("Province"), self.province)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("County"), self.county)
        self._fill_cities()
        return page

    def _fill_cities(self) -> None:
        with QSignalBlocker(self.city):  # one refill, one change of the county (not one per row)
            self.city.clear()
            for code, name in default_regions().prefectures_of(self.province.currentData() or "").items():
                self.city.addItem(name, code)
        self._fill_counties()

    def _fill_counties(self) -> None:
        with QSignalBlocker(self.county):
            self.county.clear()
            for code, name in default_regions().counties_of(self.city.currentData() or "").items():
                self.county.addItem(name, code)
        self._county_chosen()  # the first county of the city, or none

    def _county_chosen(self, _index: int = -1) -> None:
        self._tell(lambda: self.session.choose_place(self.county.currentData() or ""))

    def _show_place(self, county: str) -> None:
        """The session's county, or the county left empty until the clerk chooses (the province and
        city stay as they are)."""
        if not county:
            self.county.setCurrentIndex(-1)
            return
        for combo, code in ((self.province, county[:2]), (self.city, county[:4]), (self.county, county)):
            index = combo.findData(code)
            if index >= 0 and index != combo.currentIndex():
                combo.setCurrentIndex(index)

    # -- 4 materials --------------------------------------------------------------------------------
    def _materials_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(self.tr(
            "Check each material in the checklist on the right:\n"
            "F7 scan · Ctrl+I import a file · Ctrl+D missing · Ctrl+E incorrect · arrows move.\n"
            "Press Enter when done."), objectName="stepText")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    # -- 5 decision ---------------------------------------------------------------------------------
    def _decision_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.decisions = QButtonGroup(self)
        self.decision_buttons: dict[Decision, QRadioButton] = {}
        for decision, label in ((Decision.ACCEPT, self.tr("Accept")),
                                (Decision.ACCEPT_WITH_GAP, self.tr("Accept with a gap (commitment)")),
                                (Decision.NOTICE, self.tr("One-time notice"))):
            button = QRadioButton(label)
            self.decisions.addButton(button)
            self.decision_buttons[decision] = button
            layout.addWidget(button)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # a narrow panel: labels above their fields
        self.gap_due = QDateEdit(objectName="gapDue")
        self.gap_due.setCalendarPopup(True)
        self.gap_due.setDisplayFormat("yyyy-MM-dd")
        self.delivery = QComboBox(objectName="delivery")
        self.delivery.addItem(self.tr("Collect at this window"), "window")
        self.delivery.addItem(self.tr("By post"), "mail")
        self.delivery_address = QLineEdit(objectName="deliveryAddress")
        form.addRow(self.tr("Missing materials due by"), self.gap_due)
        form.addRow(self.tr("Result delivered"), self.delivery)
        form.addRow(self.tr("Postal address"), self.delivery_address)
        self.decision_form = form
        self._connect_decision_fields()
        layout.addLayout(form)
        self.decision_hint = QLabel(objectName="hint")
        self.decision_hint.setWordWrap(True)
        layout.addWidget(self.decision_hint)
        layout.addStretch(1)
        return page

    def _connect_decision_fields(self) -> None:
        """What the clerk changes goes to the session (and comes back through _show_choices)."""
        session = self.session
        for decision, button in self.decision_buttons.items():
            button.toggled.connect(lambda on, d=decision: on and self._tell(lambda: session.choose_decision(d)))
        self.gap_due.dateChanged.connect(lambda day: self._tell(lambda: session.choose_gap_due(day.toPython())))
        self.delivery.currentIndexChanged.connect(lambda _i: self._tell(
            lambda: session.choose_delivery(Delivery(self.delivery.currentData()))))
        self.delivery_address.textChanged.connect(lambda text: self._tell(lambda: session.set_delivery_address(text)))

    def _tell(self, change: Callable[[], None]) -> None:
        """Hand what the clerk changed to the session, unless the change is the session's own, shown."""
        if not self._showing:
            change()

    def _show_choices(self) -> None:
        """Show the session's choices, and offer exactly the decisions the checklist allows."""
        self._showing = True
        try:
            session = self.session
            self._show_place(session.handling_place)
            self._show_decision(session.decision)
            due = session.gap_due
            if self.gap_due.date().toPython() != due:
                self.gap_due.setDate(QDate(due.year, due.month, due.day))
            self.delivery.setCurrentIndex(self.delivery.findData(session.delivery.value))
            if self.delivery_address.text() != session.delivery_address:
                self.delivery_address.setText(session.delivery_address)
        finally:
            self._showing = False
        missing = self.session.materials.still_missing()
        self.decision_hint.setText(self.tr("Still missing: {names}").format(names="、".join(missing)) if missing else
                                   self.tr("All required materials are received."))
        # The due date only for 容缺受理, the address only for a result by post.
        self.decision_form.setRowVisible(self.gap_due, self.session.decision is Decision.ACCEPT_WITH_GAP)
        self.decision_form.setRowVisible(self.delivery_address, self.session.delivery is Delivery.MAIL)

    def _show_decision(self, chosen: Decision | None) -> None:
        allowed = self.session.materials.allowed_decisions()
        self.decisions.setExclusive(False)  # an exclusive group cannot show "none chosen"
        for decision, button in self.decision_buttons.items():
            button.setEnabled(decision in allowed)
            button.setChecked(decision == chosen)
        self.decisions.setExclusive(True)

    def chosen_decision(self) -> Decision | None:
        return self.session.decision

    def _missing_text(self, missing: Missing) -> str:
        return {
            Missing.APPLICANT: self.tr("Read the applicant's card first (F3), or enter it by hand (Ctrl+M)."),
            Missing.PLACE: self.tr("Choose the county where the case is handled."),
            Missing.DECISION: self.tr("Choose a decision."),
            Missing.ADDRESS: self.tr("Enter the postal address for the result."),
        }[missing]

    def submit(self) -> None:
        missing = self.session.missing()
        if missing is not None:
            self.error.setText(self._missing_text(missing))
            return
        intake = self.session.intake(counter_number=self.ctx.counter_number, staff_id=self.ctx.staff_id,
                                     staff_username=self.ctx.staff_username)
        ctx, calendars = self.ctx, list(self.ctx.documents.holiday_calendars)
        self.message.emit(self.tr("Saving the case…"))
        Task(self, lambda: cases.submit_intake(ctx.db, ctx.home, ctx.hall_id, intake,
                                               calendar=cases.load_calendar(calendars))).changes(
            Area.CASES, Area.OUTBOX, Area.QUEUE).with_progress(
            self.tr("Saving the case…")).on_success(self._saved).on_failure(
            self._save_failed).run()

    def _save_failed(self, exc: BaseException) -> None:
        self.message.emit("")
        self.error.setText(describe(exc))

    def _saved(self, summary: cases.CaseSummary) -> None:
        self.message.emit("")
        self.session.case_saved(summary)  # step 6 follows (_on_session)

    def _show_saved(self, summary: cases.CaseSummary) -> None:
        text = self.tr("Case {number}\n{state}").format(number=summary.number, state=state_word(summary.state))
        if summary.uncovered_years:  # the promised date skipped weekends only there: say so before it is printed
            text += "\n⚠ " + self.tr("Promised date {day}: no holiday calendar for {years} is loaded, so holidays were "
                                     "not skipped. Check the date; an administrator imports the calendar "
                                     "(hallapp calendar import FILE).").format(
                day=summary.promised_date.isoformat() if summary.promised_date else "",
                years=", ".join(map(str, summary.uncovered_years)))
        self.done_label.setText(text)
        self._offer_documents(summary)
        self.go(DONE)
        self.case_saved.emit(summary)

    def documents_for(self, state: str) -> list[tuple[str, str]]:
        """(kind, label) of the papers this decision hands over, in the order they are printed
        (the rule is the core's: hallapp.domain.documents)."""
        labels = {"receipt": self.tr("Receipt"), "consent": self.tr("Consent form"),
                  "commitment": self.tr("Commitment"), "notice": self.tr("One-time notice")}
        return [(kind.value, labels[kind.value]) for kind in documents_for(state)]

    def _offer_documents(self, summary: cases.CaseSummary) -> None:
        while self.documents_box.count():
            widget = self.documents_box.takeAt(0).widget()
            if widget:
                widget.setParent(None)  # gone now, not at the next turn: no old button answers Alt+N
                widget.deleteLater()
        self.print_buttons: list[QPushButton] = []
        for index, (kind, label) in enumerate(self.documents_for(summary.state)):
            button = QPushButton(self.tr("Print {document} (Alt+{key})").format(document=label, key=index + 1))
            button.setObjectName(f"print_{kind}")
            button.clicked.connect(lambda _=False, k=kind, t=label: self.print_document(k, t))
            self.documents_box.addWidget(button)
            self.print_buttons.append(button)

    def _print_by_key(self, index: int) -> None:
        """Alt+N at step 6: the N-th paper offered for the case just saved."""
        buttons = getattr(self, "print_buttons", [])
        if self.step() == DONE and index < len(buttons):
            buttons[index].click()

    def print_document(self, kind: str, title: str) -> None:
        """Render in a worker, then Qt's print preview; nothing blocks the window."""
        if self.saved is None:
            return
        db, number, settings = self.ctx.db, self.saved.number, self.ctx.documents
        busy = self.tr("Preparing {document}…").format(document=title)
        # Recorded as printed when rendered for printing: the ticket → receipt times (supervisor page).
        def render() -> bytes:
            from hallapp.services import case_documents  # reportlab: loaded by the first paper, on the worker

            return visit_times.printed(db, number, kind, case_documents.render(db, number, kind, settings))
        Task(self, render).with_progress(
            busy).on_success(
            lambda pdf: self.document_ready.emit(kind, pdf)).on_failure(lambda exc: self.error.setText(describe(exc))).run()

    # -- 6 print ------------------------------------------------------------------------------------
    def _done_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.done_label = QLabel(objectName="caseNumber")
        self.done_label.setWordWrap(True)
        self.documents_box = QVBoxLayout()
        layout.addWidget(self.done_label)
        layout.addLayout(self.documents_box)
        layout.addWidget(QLabel(self.tr("Press Enter for the next case."), objectName="hint"))
        layout.addStretch(1)
        return page

    def reset(self) -> None:
        """The next case (Enter at step 6): the same people, a fresh case."""
        self.session.new_case()

    def _clear_case(self) -> None:
        self.search_box.clear()
        self.results.clear()
        self.go(APPLICANT)
