"""The sync engine's tunables. Declared once, in `hallapp.config.SyncSettings` (default, bounds,
help); `SyncOptions` is the engine's frozen copy of them plus a few knobs no setting exposes, and the
CLI's hidden tuning options (`TUNING`) are derived from the same fields.

The copy is not validated against the settings' bounds: tests and the chaos subprocess run with
sub-second leases and back-offs that no hall would configure.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from hallapp.config import SyncSettings

if TYPE_CHECKING:
    from hallapp.config import Settings

_DECLARED = SyncSettings.model_fields


def _setting(name: str) -> Any:
    """The default `SyncSettings` declares for `name` (the one place it is written)."""
    return _DECLARED[name].default


@dataclass(frozen=True)
class SyncOptions:
    # Mirrors of SyncSettings (typed here for the engine; defaults and meaning live there).
    batch: int = _setting("batch")
    lease_s: float = _setting("lease_s")
    backoff_base_s: float = _setting("backoff_base_s")
    backoff_cap_s: float = _setting("backoff_cap_s")
    chunk_bytes: int = _setting("chunk_bytes")
    poll_s: float = _setting("poll_s")
    timeout_s: float = _setting("timeout_s")
    run_timeout_s: float = _setting("run_timeout_s")
    max_answer_bytes: int = _setting("max_answer_bytes")
    encrypt_materials: bool = _setting("encrypt_materials")
    request_retries: int = _setting("request_retries")
    adapter: str = _setting("adapter")
    # The engine's own knobs, for tests and measurements only (no setting):
    probe_tries: int = 3
    max_hash_mismatches: int = 3
    pull_limit: int = 200
    lanes: int = 4  # cases in flight at once (bench/sync.py: 1 → 7.1 s, 2 → 5.3 s, 4 → 5.3 s for 100 cases)

    def __post_init__(self) -> None:
        if self.chunk_bytes <= 0 or self.chunk_bytes % 16:
            raise ValueError("chunk_bytes must be a positive multiple of 16")


ENGINE_ONLY = ("probe_tries", "max_hash_mismatches", "pull_limit", "lanes")


def _check_mirrors() -> None:
    """A setting added to SyncSettings without its mirror here (or a mirror left behind) fails at import."""
    mirrored = {f.name for f in fields(SyncOptions)} - set(ENGINE_ONLY)
    if mirrored != set(_DECLARED):
        raise RuntimeError(f"SyncOptions and SyncSettings disagree: {sorted(mirrored ^ set(_DECLARED))}")


_check_mirrors()

# The CLI's hidden tuning options (`--lease-s 1.5` ...): every numeric setting, typed as declared.
TUNING: dict[str, type] = {name: int if info.annotation is int else float for name, info in _DECLARED.items()
                           if info.annotation in (int, float)}
FLAGS: tuple[str, ...] = tuple(name for name, info in _DECLARED.items() if info.annotation is bool)


def from_settings(settings: Settings, **overrides: Any) -> SyncOptions:
    """Options from `settings.sync`, then overrides."""
    section = settings.sync
    values = {name: getattr(section, name) for name in _DECLARED}
    return replace(SyncOptions(**values), **overrides)
