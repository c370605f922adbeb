"""Every client id the outbox writes fits the contract's 64 characters (and the column), for the longest
hall code set-up accepts, and set-up refuses one character more."""

from __future__ import annotations

from datetime import date

from hallapp.services.hall import _HALL_CODE
from hallapp.sync import outbox

CLIENT_ID_LIMIT = 64  # docs/platform-api.md, and outbox_entry.client_id String(64)


def test_the_longest_hall_code_keeps_every_client_id_within_the_contract() -> None:
    code = "H" * 30
    assert _HALL_CODE.match(code) and not _HALL_CODE.match(code + "H")
    from hallapp.domain.cases import case_number

    number = case_number(code, date(2026, 12, 31), 9999)
    ids = [outbox.evaluation_client_id(number), outbox.courier_client_id(number, 99),
           outbox.collection_client_id(number), outbox.supplement_client_id(number, 99)]
    assert max(len(client_id) for client_id in ids) <= CLIENT_ID_LIMIT, ids
