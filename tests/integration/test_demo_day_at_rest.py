"""Issue 10, "Done means": after a demo day, nothing under HALLAPP_HOME — database, WAL, logs,
materials, outbox, keys — holds a valid ID number, a name or an address of the day's applicants,
and every file in the home is its owner's alone."""

from __future__ import annotations

import re
from pathlib import Path

from hallapp.bootstrap import open_app
from hallapp.domain.idnumber import check_character
from hallapp.services import cases
from hallapp.services.hall import hall_info
from hallapp.storage.models import Applicant
from tests.integration.test_cli import run
from tests.integration.test_personal_data import CHEN, GUAN, private_modes, sample_intake

ID_SHAPE = re.compile(rb"(?<![0-9])[1-9][0-9]{16}[0-9X](?![0-9])")


def valid_id_numbers(data: bytes) -> list[str]:
    return [m.decode() for m in ID_SHAPE.findall(data) if check_character(m[:17].decode()) == chr(m[17])]


def personal_values(home: Path) -> set[str]:
    """Every applicant's name, ID number and address as the program reads them (decrypted)."""
    app = open_app(demo=True)
    try:
        with app.db.unit_of_work() as uow:
            people = list(uow.session.query(Applicant))
            values = {v for p in people for v in (p.name, p.certificate_number, p.address) if v}
    finally:
        app.close()
    assert len(people) >= 5, "the demo day made its applicants"
    return values


def findings(home: Path, needles: set[str]) -> list[str]:
    found = []
    for path in sorted(p for p in home.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found += [f"{path.relative_to(home)}: {n}" for n in sorted(needles) if n.encode("utf-8") in data]
        found += [f"{path.relative_to(home)}: ID number {n[:4]}…" for n in valid_id_numbers(data)]
    return found


def test_a_demo_day_leaves_no_personal_data_readable_in_the_home(home: Path) -> None:
    seeded = run(home, "--demo", "demo", "seed-cases", "3")
    assert seeded.returncode == 0, seeded.stderr
    app = open_app(demo=True)
    try:
        intake = sample_intake(CHEN, GUAN)  # a sample card read at the counter, an agent, delivery by mail
        number = cases.submit_intake(app.db, app.home, hall_info(app.db).id, intake).number
        needles = {c[k] for c in (CHEN, GUAN) for k in ("name", "id_number", "address")}
        assert findings(home, needles) == []  # while the database is open: its -wal and -shm too
    finally:
        app.close()
    report = run(home, "--demo", "retention", "purge", "--dry-run")
    assert report.returncode == 0 and "would purge 0 case(s)" in report.stdout, report.stderr
    shown = run(home, "--demo", "case", "show", number)
    assert shown.returncode == 0 and CHEN["id_number"] not in shown.stdout  # masked where a full value is not needed

    assert valid_id_numbers(CHEN["id_number"].encode()) == [CHEN["id_number"]]  # the scan does see one
    assert findings(home, needles | personal_values(home)) == []
    assert private_modes(home) == []
