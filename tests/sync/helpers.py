"""Cases with distinct materials, fast (no page rendering), and small platform helpers."""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import urllib.request
from datetime import date
from typing import Any

from hallapp.commands import platform as platform_command
from hallapp.domain.cases import Decision, MaterialStatus
from hallapp.domain.identity import manual_identity
from hallapp.domain.idnumber import make_id_number
from hallapp.services import cases, catalog
from hallapp.services.hall import ensure_demo_hall

ITEM = "000131127004"


def fake_pdf(rng: random.Random, size: int) -> bytes:
    return b"%PDF-1.4\n" + rng.randbytes(max(0, size - 9))


def make_cases(app: Any, count: int, *, materials: int = 2, size: int = 30_000, seed: int = 7,
               delivery: str = "window") -> list[str]:
    """`count` accepted cases, each with up to `materials` distinct scanned materials of `size` bytes."""
    rng = random.Random(seed)
    info = ensure_demo_hall(app.db)
    clerk_id, clerk_name = demo_clerk(app)
    items = [hit.code for hit in catalog.search(app.db, "0", 200)]
    numbers = []
    for index in range(count):
        item = catalog.checklist(app.db, items[index % len(items)])
        required = [line for line in item.lines if line.required]
        inputs = []
        for n, line in enumerate(required):
            pdf = fake_pdf(rng, size) if n < materials else fake_pdf(rng, 64)
            inputs.append(cases.MaterialInput(line.position, MaterialStatus.CAPTURED, pdf, 1))
        birth = date(1960 + index % 40, 1 + index % 12, 1 + index % 28)
        applicant = manual_identity(name="测试申请人", id_number=make_id_number("110105", birth, 1 + index % 900),
                                    today=date.today(), valid_to=date(2035, 1, 1))
        intake = cases.IntakeInput(applicant=applicant, item_code=item.code, handling_region_code="110105",
                                   materials=inputs, decision=Decision.ACCEPT, counter_number=1, staff_id=clerk_id,
                                   staff_username=clerk_name, delivery=delivery, delivery_address="测试地址1号")
        numbers.append(cases.submit_intake(app.db, app.home, info.id, intake).number)
    return numbers


def demo_clerk(app: Any) -> tuple[int, str]:
    """(id, username) of the demo hall's first clerk: every accepted case has a 受理人."""
    with app.db.unit_of_work() as uow:
        clerk = next(s for s in uow.staff.all(uow.halls.the_hall().id) if s.username == "clerk1")
        return clerk.id, clerk.username


def register(app: Any, url: str) -> None:
    app.settings.platform.url = url
    assert platform_command.run(app, argparse.Namespace()) == 0


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.loads(answer.read())


def post_json(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                      headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
