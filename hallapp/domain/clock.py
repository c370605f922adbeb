"""The hall's clock: the only place that knows "now" and "today" in the hall's time zone.

Times are stored as aware UTC (`now()`); everything a person reads, and every "day" (case and
ticket numbering, today's figures, promised dates), is in the hall's zone (`settings.hall.time_zone`,
default Asia/Shanghai), whatever zone the PC's operating system is set to. The platform contract
speaks Beijing time (`BEIJING`).

One clock serves the process (`hall_clock()`); start-up installs it from the settings with
`set_hall_clock(Clock.for_zone(...))`. A test installs a `FixedClock` the same way (`using(...)`)
or passes a clock to a function that takes one.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"  # the only zone of the mainland (no daylight saving since 1991)
_CHINA_STANDARD_TIME = timezone(timedelta(hours=8), "CST")


class ClockError(ValueError):
    """A time-zone name that this machine does not know."""


def zone_of(name: str) -> tzinfo:
    """The IANA zone `name` (e.g. Asia/Shanghai). Raises ClockError for an unknown name.

    Asia/Shanghai works even without a zone database (Windows without the tzdata package):
    it is a fixed UTC+8.
    """
    name = name.strip()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        if name == DEFAULT_ZONE:
            return _CHINA_STANDARD_TIME
        raise ClockError(f"unknown time zone {name!r} (an IANA name such as {DEFAULT_ZONE})") from exc


BEIJING = zone_of(DEFAULT_ZONE)  # "Beijing time" of the platform contract and GB/T 39046 records


def _system_now() -> datetime:
    return datetime.now(UTC)


class Clock:
    """Now and today in one zone. `source` gives the current instant (aware); the system clock by default."""

    def __init__(self, zone: tzinfo | str = DEFAULT_ZONE, source: Callable[[], datetime] = _system_now) -> None:
        self.zone = zone_of(zone) if isinstance(zone, str) else zone
        self._source = source

    @classmethod
    def for_zone(cls, name: str) -> Clock:
        return cls(zone_of(name))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.zone!s})"

    # -- now and today ---------------------------------------------------------------------------

    def now(self) -> datetime:
        """The current instant as aware UTC: what is stored."""
        return self._source().astimezone(UTC)

    def local_now(self) -> datetime:
        """The current wall-clock time in the hall (aware)."""
        return self.now().astimezone(self.zone)

    def today(self) -> date:
        """The hall's day: numbering, today's figures and promised dates start from it."""
        return self.local_now().date()

    # -- stored (UTC) → shown (hall-local) --------------------------------------------------------

    def local(self, moment: datetime) -> datetime:
        """A stored instant as the hall's wall-clock time. A naive time is refused: it has no zone."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("naive datetime: its zone is unknown (store aware UTC)")
        return moment.astimezone(self.zone)

    def day_of(self, moment: datetime) -> date:
        """The hall's day an instant falls on."""
        return self.local(moment).date()

    def format(self, moment: datetime, pattern: str = "%Y-%m-%d %H:%M") -> str:
        return self.local(moment).strftime(pattern)

    # -- hall-local → stored ----------------------------------------------------------------------

    def at(self, day: date, wall: time) -> datetime:
        """The instant (aware UTC) when the hall's clocks show `wall` on `day`."""
        return datetime.combine(day, wall, tzinfo=self.zone).astimezone(UTC)

    def day_start(self, day: date) -> datetime:
        """The hall's midnight starting `day`, as aware UTC."""
        return self.at(day, time.min)

    def day_range(self, day: date) -> tuple[datetime, datetime]:
        """[start, end) of the hall's `day` in aware UTC, for queries on stored times."""
        return self.day_start(day), self.day_start(day + timedelta(days=1))

    def struct_time(self, seconds: float | None = None) -> _time.struct_time:
        """A POSIX timestamp as the hall's wall-clock time: `logging.Formatter.converter`."""
        stamp = _time.time() if seconds is None else seconds
        return datetime.fromtimestamp(stamp, self.zone).timetuple()


class FixedClock(Clock):
    """A clock that shows a set time until moved (tests, demos): `FixedClock.at_local(2026, 12, 8, 23, 30)`."""

    def __init__(self, moment: datetime, zone: tzinfo | str = DEFAULT_ZONE) -> None:
        super().__init__(zone, self._current)
        self.set(moment)

    @classmethod
    def at_local(cls, year: int, month: int, day: int, hour: int = 0, minute: int = 0,
                 zone: tzinfo | str = DEFAULT_ZONE) -> FixedClock:
        tz = zone_of(zone) if isinstance(zone, str) else zone
        return cls(datetime(year, month, day, hour, minute, tzinfo=tz), tz)

    def _current(self) -> datetime:
        return self._moment

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("give the fixed clock an aware time")
        self._moment = moment.astimezone(UTC)

    def set_local(self, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> None:
        self.set(datetime(year, month, day, hour, minute, tzinfo=self.zone))

    def advance(self, **delta: float) -> None:
        self._moment += timedelta(**delta)


_hall_clock: Clock = Clock()


def hall_clock() -> Clock:
    """The process's clock (Asia/Shanghai on the system clock until start-up installs the setting)."""
    return _hall_clock


def set_hall_clock(clock: Clock) -> Clock:
    """Install the process's clock; returns the one it replaces."""
    global _hall_clock
    previous, _hall_clock = _hall_clock, clock
    return previous


@contextmanager
def using(clock: Clock) -> Iterator[Clock]:
    """The process's clock is `clock` inside the block, and what it was after."""
    previous = set_hall_clock(clock)
    try:
        yield clock
    finally:
        set_hall_clock(previous)
