"""An in-memory platform adapter for engine tests (no HTTP)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from hallapp.sync import records
from hallapp.sync.platform_port import CaseAck, Registration, TransientError


class FakePlatform:
    def __init__(self, *, fail: bool = False, delay_s: float = 0.0) -> None:
        self.fail, self.delay_s = fail, delay_s
        self.puts: Counter[str] = Counter()
        self.commits: Counter[str] = Counter()
        self.lock = threading.Lock()

    def adapter(self) -> FakeAdapter:
        return FakeAdapter(self)


class FakeAdapter:
    def __init__(self, platform: FakePlatform) -> None:
        self.p = platform
        self.run_deadline: float | None = None

    def register(self, hall: Any, public_key_pem: str) -> Registration:
        return Registration("fake", None)

    def ping(self) -> None:
        pass

    def put_case(self, client_id: str, payload: bytes) -> CaseAck:
        if self.p.fail:
            raise TransientError("platform unavailable (503)")
        with self.p.lock:
            self.p.puts[client_id] += 1
        time.sleep(self.p.delay_s)
        return CaseAck(client_id, "open", records.sha256_hex(payload))

    def get_case(self, client_id: str) -> CaseAck | None:
        return None

    def material_status(self, sha256: str):
        return None

    def put_chunk(self, *args: Any, **kwargs: Any):
        raise AssertionError("no materials in these tests")

    def commit(self, client_id: str, payload_sha256: str, materials: list[str]) -> CaseAck:
        with self.p.lock:
            self.p.commits[client_id] += 1
        return CaseAck(client_id, "committed", payload_sha256, "R1")

    def status_updates(self, since: int, limit: int):
        return [], since

    def set_run_deadline(self, at: float) -> None:
        self.run_deadline = at  # nothing to cut short: each call answers at once (or after delay_s)

    def close(self) -> None:
        pass


def bare_app(db: Any, root: Any) -> Any:
    from hallapp.config import Settings
    from hallapp.home import Home

    return SimpleNamespace(db=db, home=Home(root), settings=Settings(), demo=False)


def enqueue(db: Any, count: int, *, now: datetime | None = None) -> list[str]:
    ids = []
    with db.unit_of_work(write=True) as uow:
        for n in range(count):
            client_id = f"case:T-{n:04d}:r1"
            payload = records.canonical({"client_id": client_id, "application": {"case_number": f"T-{n:04d}"},
                                         "materials": []})
            uow.outbox.enqueue(case_id=None, case_number=f"T-{n:04d}", kind="case", client_id=client_id,
                               payload=payload.decode(), payload_sha256=records.sha256_hex(payload), bytes_total=0,
                               now=now or datetime.now(UTC))
            ids.append(client_id)
    return ids
