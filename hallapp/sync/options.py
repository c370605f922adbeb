"""The sync engine's tunables. Read from `settings.sync` when that section exists, else defaults;
tests and the chaos subprocess pass their own."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class SyncOptions:
    batch: int = 8  # entries claimed per transaction
    lease_s: float = 120.0  # a claimed entry is ours this long; renewed while uploading
    backoff_base_s: float = 5.0
    backoff_cap_s: float = 900.0
    chunk_bytes: int = 1024 * 1024  # a multiple of 16 (SM4-CTR)
    poll_s: float = 30.0  # the daemon's idle wait between runs
    timeout_s: float = 30.0  # one request, whole: connect, send, wait, read the answer
    run_timeout_s: float = 600.0  # one run (`sync --once`, one daemon round), whole
    max_answer_bytes: int = 1024 * 1024  # a longer answer is not read: no answer
    encrypt_materials: bool = False
    probe_tries: int = 3
    request_retries: int = 2  # quick retries of one idempotent request before the entry backs off
    max_hash_mismatches: int = 3
    pull_limit: int = 200
    lanes: int = 4  # cases in flight at once (bench/sync.py: 1 → 7.1 s, 2 → 5.3 s, 4 → 5.3 s for 100 cases)
    adapter: str = "http"

    def __post_init__(self) -> None:
        if self.chunk_bytes <= 0 or self.chunk_bytes % 16:
            raise ValueError("chunk_bytes must be a positive multiple of 16")


def from_settings(settings: Any, **overrides: Any) -> SyncOptions:  # noqa: ANN401
    """Options from `settings.sync.*` (if declared) and `settings.platform.*`, then overrides."""
    values: dict[str, Any] = {}
    for section_name in ("sync", "platform"):
        section = getattr(settings, section_name, None)
        for f in fields(SyncOptions):
            if section is not None and hasattr(section, f.name):
                values[f.name] = getattr(section, f.name)
    return replace(SyncOptions(**values), **overrides)
