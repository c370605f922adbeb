"""One visit at the counter as a plain object: the ticket, who stands there, the item, its materials
and the case.

The counter's widgets show a `CounterSession` and change the visit only through it (napari's
model first, widgets observe). No Qt here: listeners are plain callables, called synchronously
with what changed. Threading: not thread-safe — mutate it from one thread only (the window's GUI
thread; background tasks hand their results back there first).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from hallapp.domain.identity import Identity
from hallapp.domain.queue import TicketView
from hallapp.services.cases import CaseSummary
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
    ENDED = "ended"  # the visit is over: people, item and case are gone


class Stage(StrEnum):
    """Where the visit is, derived from what the session holds (so it never drifts from it)."""

    NO_TICKET = "no_ticket"
    AWAITING_APPLICANT = "awaiting_applicant"  # a ticket, nobody identified yet
    BUILDING_CASE = "building_case"
    CASE_SAVED = "case_saved"


Listener = Callable[[Change], None]


class CounterSession:
    """The visit at one counter. Read the properties; change it through the methods."""

    def __init__(self) -> None:
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
        self._item = item
        self._materials = Materials(item, self._material_changed)
        self._emit(Change.ITEM)

    def capture(self, line: MaterialLine, pdf: bytes, pages: int, material: CapturedMaterial | None = None,
                licence: FetchedLicence | None = None) -> bool:
        """`line` was scanned, imported or fetched as an e-licence; False when it is no line of this
        visit any more (a worker finished after the item or the visit changed)."""
        return self._materials.capture(line, pdf, pages, material, licence)

    def lack(self, line: MaterialLine, status: LineStatus, how_to_supply: str) -> bool:
        """`line` is missing or incorrect; `how_to_supply` is what the notice asks the applicant for."""
        return self._materials.lack(line, status, how_to_supply)

    def _material_changed(self, _line: MaterialLine) -> None:
        self._emit(Change.MATERIALS)

    def case_saved(self, summary: CaseSummary) -> None:
        self._saved = summary
        self._emit(Change.CASE)

    def new_case(self) -> None:
        """The next case for the same people (and ticket): no item, nothing saved."""
        self._item, self._saved = None, None
        self._materials = Materials(None, self._material_changed)
        self._emit(Change.CASE)

    def end_visit(self) -> None:
        """F8 went through: nothing of this visit stays (the ticket follows from the queue)."""
        self._people, self._photos = dict.fromkeys(Role), dict.fromkeys(Role)
        self._item, self._saved, self._card_for = None, None, Role.APPLICANT
        self._materials = Materials(None, self._material_changed)
        self._emit(Change.ENDED)
