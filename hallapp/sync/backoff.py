"""When to try again: one policy for quick in-request retries and the entry's back-off.

Exponential back-off with jitter and a cap ("equal jitter": half fixed, half random). A platform's
`Retry-After` (HTTP seconds or HTTP-date) is a floor: never sooner than it asks, never later than
the cap. A short one is waited out in place; a long one gives the entry back to the outbox.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

QUICK_BASE_S = 0.05  # first quick retry: a dropped connection usually comes back at once
QUICK_MAX_S = 2.0  # the longest wait spent inside one request; longer waits are the outbox's


def delay_s(attempts: int, base_s: float, cap_s: float, rng: random.Random) -> float:
    """Seconds to wait after the `attempts`-th failure (1-based): in [d/2, d], d = min(cap, base·2^(n-1))."""
    ceiling = min(cap_s, base_s * (2 ** max(0, min(attempts, 64) - 1)))
    return ceiling / 2 + rng.random() * ceiling / 2


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from `now` a `Retry-After` header asks for (RFC 9110: delay-seconds or HTTP-date);
    None when absent or unreadable (then the ordinary back-off applies)."""
    text = (value or "").strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return float(int(text[:12]))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP-date is always GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass(frozen=True)
class RetryPolicy:
    base_s: float
    cap_s: float
    quick_retries: int = 0

    def quick_wait_s(self, retries_done: int, retry_after_s: float | None) -> float | None:
        """Seconds to wait before resending this request in place, or None: give up the request
        (the entry backs off with `entry_delay_s`)."""
        if retries_done >= self.quick_retries:
            return None
        if retry_after_s is not None:
            return retry_after_s if retry_after_s <= QUICK_MAX_S else None
        return min(QUICK_MAX_S, QUICK_BASE_S * 2**retries_done)

    def entry_delay_s(self, attempts: int, retry_after_s: float | None, rng: random.Random) -> float:
        """Seconds until the entry is due again after its `attempts`-th failed attempt."""
        delay = delay_s(attempts, self.base_s, self.cap_s, rng)
        if retry_after_s is None:
            return delay
        return max(delay, min(retry_after_s, self.cap_s))
