"""Which papers a case can have in which state: one rule for the window, the CLI and reprints."""

from __future__ import annotations

import pytest

from hallapp.domain.cases import CaseState
from hallapp.domain.documents import (
    DocumentNotApplicableError,
    UnknownDocumentError,
    check_document,
    documents_for,
)


@pytest.mark.parametrize(("state", "deferred", "expected"), [
    ("notified", None, ("notice",)),
    ("accepted", None, ("receipt", "consent")),
    ("accepted_with_gap", None, ("receipt", "commitment", "consent", "notice")),
    ("submitted", True, ("receipt", "commitment", "consent", "notice")),  # still owes materials after sending
    ("submitted", False, ("receipt", "consent")),
    ("completed", True, ("receipt", "commitment", "consent")),  # nothing left to tell once the result exists
    ("draft", None, ()),
])
def test_documents_follow_the_state(state, deferred, expected):
    assert documents_for(state, deferred=deferred) == expected


def test_every_state_has_an_answer():
    for state in CaseState:
        documents_for(state)  # no KeyError for a state added later


def test_a_receipt_for_a_case_that_was_not_accepted_is_refused_with_a_code():
    with pytest.raises(DocumentNotApplicableError) as refused:
        check_document("receipt", "notified")
    assert refused.value.code == "document.not_applicable"
    assert refused.value.params == {"kind": "receipt", "state": "notified", "allowed": "notice"}
    assert str(refused.value) == ("no receipt for a case that is not accepted (one-time notice given); "
                                  "documents for this case: notice")


def test_a_notice_for_a_complete_case_says_what_it_can_have():
    with pytest.raises(DocumentNotApplicableError, match="documents for this case: receipt, consent"):
        check_document("notice", "accepted")


def test_an_unknown_document_has_its_own_code():
    with pytest.raises(UnknownDocumentError) as refused:
        check_document("invoice", "accepted")
    assert refused.value.code == "document.unknown_kind" and "receipt, notice, commitment, consent" in str(refused.value)
    assert isinstance(refused.value, ValueError)  # callers that catch ValueError keep working
