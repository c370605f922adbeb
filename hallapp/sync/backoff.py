"""Exponential back-off with jitter and a cap ("equal jitter": half fixed, half random)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta


def delay_s(attempts: int, base_s: float, cap_s: float, rng: random.Random) -> float:
    """Seconds to wait after the `attempts`-th failure (1-based): in [d/2, d], d = min(cap, base·2^(n-1))."""
    ceiling = min(cap_s, base_s * (2 ** max(0, min(attempts, 64) - 1)))
    return ceiling / 2 + rng.random() * ceiling / 2


def next_attempt(now: datetime, attempts: int, base_s: float, cap_s: float, rng: random.Random) -> datetime:
    return now + timedelta(seconds=delay_s(attempts, base_s, cap_s, rng))
