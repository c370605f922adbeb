"""One visit at the counter as a plain object: the ticket, who stands there, the item, its materials,
the clerk's choices for the case (handling place, decision, gap due date, delivery) and the case.

The counter's widgets show a `CounterSession` and change the visit only through it (napari's
model first, widgets observe). No Qt here: listeners are plain callables, called synchronously
with what changed. Threading: not thread-safe — mutate it from one thread only (the window's GUI
thread; background tasks hand their results back there first).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from hallapp.domain.cases import Decision
from hallapp.domain.clock import hall_clock
from hallapp.domain.identity import Identity
from hallapp.domain.queue import TicketView
from hallapp.domain.regions import RegionTable, default_regions
from hallapp.services.cases import CaseSummary, IntakeInput
from hallapp.services.catalog import ItemChecklist
from hallapp.services.counter_materials import LineStatus, MaterialLine, Materials

if TYPE_CHECKING:
    from hallapp.services.licences import FetchedLicence
    from hallapp.services.scanning import CapturedMaterial


class Role(StrEnum):
    """Whose card or typed identity comes next."""

    APPLICANT = "applicant"
    AGENT = "agent"  # 代办人, acting for the applicant


class Change(StrEnum):
    """What a listener is told changed."""

    TICKET = "ticket"
    PEOPLE = "people"  # applicant or agent
    ITEM = "item"  # an item chosen: its materials are all pending
    MATERIALS = "materials"  # a material captured, or marked missing or incorrect
    CASE = "case"  # the case saved, or a fresh case begun (item and saved None)
    CHOICES = "choices"  # place, decision, gap due date or delivery chosen (ITEM, MATERIALS, CASE and
    # ENDED may change the choices too: fresh ones, or a decision the checklist no longer allows)
    ENDED = "ended"  # the visit is over: people, item and case are gone


class Stage(StrEnum):
    """Where the visit is, derived from what the session holds (so it never drifts from it)."""

    NO_TICKET = "no_ticket"
    AWAITING_APPLICANT = "awaiting_applicant"  # a ticket, nobody identified yet
    BUILDING_CASE = "building_case"
    CASE_SAVED = "case_saved"


class Delivery(StrEnum):
    """How the result reaches the applicant (the case's `delivery`)."""

    WINDOW = "window"  # collected at this window
    MAIL = "mail"


class Missing(StrEnum):
    """What the case still needs before it can be saved (the flow says it in words)."""

    APPLICANT = "applicant"
    PLACE = "place"
    DECISION = "decision"  # no item, or nothing the checklist allows chosen
    ADDRESS = "address"  # a result by post without a postal address


GAP_DAYS = 14  # 容缺: the missing materials are due this many days from today unless the clerk says otherwise


@dataclass(frozen=True)
class CaseChoices:
    """The clerk's choices for the case being built; a fresh item starts from these defaults."""

    place: str = ""  # the handling county's 6-digit code; "" until chosen
    decision: Decision | None = None
    gap_due: date | None = None  # None: GAP_DAYS from today
    delivery: Delivery = Delivery.WINDOW
    delivery_address: str = ""


Listener = Callable[[Change], None]


class CounterSession:
    """The visit at one counter. Read the properties; change it through the methods."""

    def __init__(self, *, regions: RegionTable | None = None, today: Callable[[], date] | None = None) -> None:
        self._regions = regions or default_regions()
        self._today = today or (lambda: hall_clock().today())
        self._choices = CaseChoices()
        self._listeners: list[Listener] = []
        self._ticket: TicketView | None = None
        self._people: dict[Role, Identity | None] = dict.fromkeys(Role)
        self._photos: dict[Role, bytes | None] = dict.fromkeys(Role)
        self._item: ItemChecklist | None = None
        self._materials = Materials(None, self._material_changed)
        self._saved: CaseSummary | None = None
        self._card_for = Role.APPLICANT

    # -- observing ------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(change)` after each change; returns the function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- reading --------------------------------------------------------------------------------
    @property
    def ticket(self) -> TicketView | None:
        return self._ticket

    @property
    def applicant(self) -> Identity | None:
        return self._people[Role.APPLICANT]

    @property
    def agent(self) -> Identity | None:
        return self._people[Role.AGENT]

    def person(self, role: Role) -> Identity | None:
        return self._people[role]

    def photo(self, role: Role) -> bytes | None:
        """The card photo as read (BMP bytes), None without a card photo decoder or when typed."""
        return self._photos[role]

    @property
    def item(self) -> ItemChecklist | None:
        return self._item

    @property
    def materials(self) -> Materials:
        """The chosen item's checklist lines as the clerk left them (none without an item)."""
        return self._materials

    @property
    def saved(self) -> CaseSummary | None:
        return self._saved

    @property
    def card_for(self) -> Role:
        """Whom the next card read belongs to."""
        return self._card_for

    @property
    def stage(self) -> Stage:
        if self._saved is not None:
            return Stage.CASE_SAVED
        if self.applicant is not None:
            return Stage.BUILDING_CASE
        return Stage.AWAITING_APPLICANT if self._ticket is not None else Stage.NO_TICKET

    @property
    def choices(self) -> CaseChoices:
        return self._choices

    @property
    def handling_place(self) -> str:
        """The handling county's code ("" until chosen): by default the applicant's home county."""
        return self._choices.place

    @property
    def decision(self) -> Decision | None:
        """The decision chosen; always one the checklist allows (None without an item)."""
        return self._choices.decision

    @property
    def gap_due(self) -> date:
        """By when the missing materials come, for an acceptance with a gap."""
        return self._choices.gap_due or self._today() + timedelta(days=GAP_DAYS)

    @property
    def delivery(self) -> Delivery:
        return self._choices.delivery

    @property
    def delivery_address(self) -> str:
        return self._choices.delivery_address

    def has_unsaved_work(self) -> bool:
        """An item chosen and its case not saved: materials may have been captured for it (a card
        alone is read again in a second; scans and a checked list are not)."""
        return self._item is not None and self._saved is None

    # -- changing -------------------------------------------------------------------------------
    def set_ticket(self, ticket: TicketView | None) -> None:
        """The ticket now at this counter, as the queue last said; told only when it differs."""
        if ticket != self._ticket:
            self._ticket = ticket
            self._emit(Change.TICKET)

    def expect_card(self, role: Role) -> None:
        """The clerk asked for a card read for `role` (F3 applicant, Shift+F3 agent)."""
        self._card_for = role

    def card_read(self, identity: Identity, photo: bytes | None = None) -> Role:
        """A card was read: it goes to whom the clerk asked for, then the applicant again."""
        role, self._card_for = self._card_for, Role.APPLICANT
        self.place(role, identity, photo)
        return role

    def place(self, role: Role, identity: Identity, photo: bytes | None = None) -> None:
        """`identity` (read or typed) is now the applicant's or the agent's."""
        self._people[role], self._photos[role] = identity, photo
        self._emit(Change.PEOPLE)

    def choose_item(self, item: ItemChecklist) -> None:
        """A fresh case for `item`: its materials pending, the choices back to their defaults with the
        applicant's home county as the handling place."""
        self._item = item
        self._materials = Materials(item, self._material_changed)
        self._choices = CaseChoices(place=self._home_county())
        self._fit_decision()
        self._emit(Change.ITEM)

    def _home_county(self) -> str:
        """The applicant's home county when it is still in the list (a retired code: the clerk chooses)."""
        number = self.applicant.id_number if self.applicant else ""
        return number[:6] if self.is_county(number[:6]) else ""

    def is_county(self, code: str) -> bool:
        """Whether `code` is a county the handling place may be (in today's list of regions)."""
        return len(code) == 6 and code[:4] in self._regions.prefectures_of(code[:2]) \
            and code in self._regions.counties_of(code[:4])

    # -- the clerk's choices ------------------------------------------------------------------------
    def _choose(self, **changes: object) -> None:
        chosen = replace(self._choices, **changes)  # type: ignore[arg-type]
        if chosen != self._choices:  # a widget showing the choice echoes it back: no second change
            self._choices = chosen
            self._emit(Change.CHOICES)

    def choose_place(self, county: str) -> None:
        """The county where the case is handled ("" : none chosen)."""
        if county and not self.is_county(county):
            raise ValueError(f"not a county in the list: {county!r}")
        self._choose(place=county)

    def choose_decision(self, decision: Decision) -> None:
        if decision not in self._materials.allowed_decisions():
            raise ValueError(f"the checklist does not allow {decision}")
        self._choose(decision=Decision(decision))

    def choose_best_decision(self) -> None:
        """The most favourable decision the checklist allows (on arriving at the decision)."""
        allowed = self._materials.allowed_decisions()
        if allowed:
            self._choose(decision=allowed[0])

    def choose_gap_due(self, day: date) -> None:
        self._choose(gap_due=day)

    def choose_delivery(self, delivery: Delivery) -> None:
        self._choose(delivery=Delivery(delivery))

    def set_delivery_address(self, address: str) -> None:
        self._choose(delivery_address=address)

    def _fit_decision(self) -> None:
        """Keep the decision while the checklist allows it, else the most favourable it does allow."""
        allowed = self._materials.allowed_decisions()
        if self._choices.decision not in allowed:
            self._choices = replace(self._choices, decision=allowed[0] if allowed else None)

    # -- saving ------------------------------------------------------------------------------------
    def missing(self) -> Missing | None:
        """The first thing the case still needs before it is saved; None when it may be."""
        if self.applicant is None:
            return Missing.APPLICANT
        if self._item is None or self.decision is None:
            return Missing.DECISION
        if not self.handling_place:
            return Missing.PLACE
        if self.delivery is Delivery.MAIL and not self.delivery_address.strip():
            return Missing.ADDRESS
        return None

    def intake(self, *, counter_number: int, staff_id: int | None, staff_username: str) -> IntakeInput:
        """The case as it is saved (hallapp.services.cases.submit_intake); only when nothing is `missing()`."""
        if (gap := self.missing()) is not None or self.applicant is None or self._item is None \
                or self.decision is None:
            raise ValueError(f"the case is not complete: {gap}")
        gap_due = self.gap_due if self.decision is Decision.ACCEPT_WITH_GAP else None
        return IntakeInput(
            applicant=self.applicant, agent=self.agent, item_code=self._item.code, handling_region_code=self.handling_place,
            decision=self.decision, materials=self._materials.inputs(), counter_number=counter_number,
            staff_id=staff_id, staff_username=staff_username, gap_due_date=gap_due, delivery=self.delivery.value,
            delivery_address=self.delivery_address.strip() if self.delivery is Delivery.MAIL else "",
            ticket_id=self._ticket.id if self._ticket else None)

    def capture(self, line: MaterialLine, pdf: bytes, pages: int, material: CapturedMaterial | None = None,
                licence: FetchedLicence | None = None) -> bool:
        """`line` was scanned, imported or fetched as an e-licence; False when it is no line of this
        visit any more (a worker finished after the item or the visit changed)."""
        return self._materials.capture(line, pdf, pages, material, licence)

    def lack(self, line: MaterialLine, status: LineStatus, how_to_supply: str) -> bool:
        """`line` is missing or incorrect; `how_to_supply` is what the notice asks the applicant for."""
        return self._materials.lack(line, status, how_to_supply)

    def _material_changed(self, _line: MaterialLine) -> None:
        self._fit_decision()
        self._emit(Change.MATERIALS)

    def case_saved(self, summary: CaseSummary) -> None:
        self._saved = summary
        self._emit(Change.CASE)

    def new_case(self) -> None:
        """The next case for the same people (and ticket): no item, nothing saved."""
        self._item, self._saved, self._choices = None, None, CaseChoices()
        self._materials = Materials(None, self._material_changed)
        self._emit(Change.CASE)

    def end_visit(self) -> None:
        """F8 went through: nothing of this visit stays (the ticket follows from the queue)."""
        self._people, self._photos = dict.fromkeys(Role), dict.fromkeys(Role)
        self._item, self._saved, self._card_for = None, None, Role.APPLICANT
        self._choices = CaseChoices()
        self._materials = Materials(None, self._material_changed)
        self._emit(Change.ENDED)
