"""What an operation changed, so that each page refreshes only what it shows (after Anki's OpChanges).

A mutation returns (or its caller declares) a `Changes`; the window tells every page through one
signal, and a page asks `changes.touches(Area.QUEUE)`. Changes made elsewhere (another counter on
the shared database, the sync daemon) are found by comparing two change marks (`between`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class Area(StrEnum):
    QUEUE = "queue"  # tickets and their events
    CASES = "cases"  # cases saved, moved between states
    OUTBOX = "outbox"  # what waits for / reached the national platform
    EVALUATIONS = "evaluations"
    PRINTS = "prints"  # receipts and notices printed
    AUDIT = "audit"
    STAFF = "staff"
    SETTINGS = "settings"
    CLOCK = "clock"  # a minute passed in hall time: "waited N min" and "oldest N min ago" move on


@dataclass(frozen=True)
class Changes:
    areas: frozenset[Area] = frozenset()

    @classmethod
    def of(cls, *areas: Area) -> Changes:
        return cls(frozenset(areas))

    @classmethod
    def everything(cls) -> Changes:
        """After an outage or a reconnection nobody knows what moved: every page reads again."""
        return cls(frozenset(Area))

    def touches(self, *areas: Area) -> bool:
        return not self.areas.isdisjoint(areas)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas)

    def __bool__(self) -> bool:
        return bool(self.areas)


NOTHING = Changes()

Mark = Mapping[Area, tuple]

# The layout of DashboardQueries.change_mark (hallapp/storage/repositories/dashboard.py): which of
# its values belong to which area. tests/ui/test_change_event.py pins it against the real queries.
_DASHBOARD_LAYOUT: tuple[tuple[Area, int], ...] = (
    (Area.QUEUE, 3), (Area.CASES, 2), (Area.EVALUATIONS, 1), (Area.PRINTS, 1), (Area.OUTBOX, 2), (Area.AUDIT, 1),
)


def dashboard_mark(values: Iterable[object]) -> dict[Area, tuple]:
    """Split the dashboard's flat change mark into one part per area."""
    flat, mark, start = tuple(values), {}, 0
    for area, width in _DASHBOARD_LAYOUT:
        mark[area] = flat[start:start + width]
        start += width
    if start != len(flat):
        raise ValueError(f"change mark has {len(flat)} values, expected {start}")
    return mark


def between(before: Mark | None, after: Mark) -> Changes:
    """The areas whose part of the mark moved; everything when there was no mark before."""
    if before is None:
        return Changes.of(*after)
    return Changes(frozenset(area for area, part in after.items() if before.get(area) != part))


def carried(result: object) -> Changes:
    """The changes a mutation's result reports: a `Changes` itself, or a value with `.changes`."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else NOTHING
