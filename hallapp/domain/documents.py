"""Which printed documents a case can have in which state: one rule for the window, the CLI and reprints.

- 一次性告知 (notified, nothing accepted): the one-time notice only.
- 受理 (accepted) and every later state: the receipt and the consent form.
- 容缺受理 (accepted with deferred materials): also the commitment, and a notice of the materials
  still owed with their due date, until the case is completed.
- draft: nothing.

Refusals are ``DocumentError``s with a stable ``code``: the CLI prints the English message, the
window translates by code.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from hallapp.domain.cases import CaseState


class DocumentKind(StrEnum):
    RECEIPT = "receipt"  # 受理回执
    NOTICE = "notice"  # 一次性告知书
    COMMITMENT = "commitment"  # 容缺受理承诺书
    CONSENT = "consent"  # 服务同意书


class DocumentError(ValueError):
    """A document that cannot be made; ``code`` is stable, ``params`` fill a translated message."""

    code: ClassVar[str] = "document.error"

    def __init__(self, message: str, **params: str) -> None:
        super().__init__(message)
        self.params = params


class UnknownDocumentError(DocumentError):
    code = "document.unknown_kind"


class DocumentNotApplicableError(DocumentError):
    code = "document.not_applicable"


ACCEPTED_STATES = frozenset({
    CaseState.ACCEPTED, CaseState.ACCEPTED_WITH_GAP, CaseState.SUBMITTED, CaseState.RECEIVED,
    CaseState.IN_PROCESS, CaseState.RETURNED, CaseState.COMPLETED, CaseState.DELIVERED,
})
# Once the result exists, telling the applicant what is still owed makes no sense.
_FINISHED = frozenset({CaseState.COMPLETED, CaseState.DELIVERED})


def documents_for(state: str, *, deferred: bool | None = None) -> tuple[DocumentKind, ...]:
    """The documents of a case, in the order they are handed over.

    ``deferred``: the case still has materials deferred under a commitment (容缺); by default,
    exactly when the state is accepted_with_gap (a freshly saved case).
    """
    current = CaseState(state)
    owes = current == CaseState.ACCEPTED_WITH_GAP if deferred is None else deferred
    if current == CaseState.NOTIFIED:
        return (DocumentKind.NOTICE,)
    if current not in ACCEPTED_STATES:
        return ()
    if not owes:
        return (DocumentKind.RECEIPT, DocumentKind.CONSENT)
    tail = () if current in _FINISHED else (DocumentKind.NOTICE,)
    return (DocumentKind.RECEIPT, DocumentKind.COMMITMENT, DocumentKind.CONSENT, *tail)


def document_kind(kind: str) -> DocumentKind:
    """``kind`` as a DocumentKind, or UnknownDocumentError."""
    try:
        return DocumentKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in DocumentKind)
        raise UnknownDocumentError(f"unknown document '{kind}': choose one of {choices}", kind=kind) from None


def check_document(kind: str, state: str, *, deferred: bool | None = None) -> DocumentKind:
    """``kind`` as a DocumentKind if this case can have it; else UnknownDocumentError / DocumentNotApplicableError."""
    wanted = document_kind(kind)
    allowed = documents_for(state, deferred=deferred)
    if wanted not in allowed:
        offered = ", ".join(k.value for k in allowed)
        what_next = f"documents for this case: {offered}" if offered else "this case has no documents yet"
        raise DocumentNotApplicableError(
            f"no {_NAMES[wanted]} for a case that is {_STATE_NAMES.get(state, repr(str(state)))}; {what_next}",
            kind=wanted.value, state=str(state), allowed=offered)
    return wanted


# English for messages only; the window translates by code and params.
_NAMES = {DocumentKind.RECEIPT: "receipt", DocumentKind.NOTICE: "one-time notice",
          DocumentKind.COMMITMENT: "commitment", DocumentKind.CONSENT: "consent form"}
_STATE_NAMES: dict[str, str] = {  # str keys: looked up with the row's plain state string
    CaseState.DRAFT: "a draft", CaseState.NOTIFIED: "not accepted (one-time notice given)",
    CaseState.ACCEPTED: "accepted with nothing owed", CaseState.ACCEPTED_WITH_GAP: "accepted with deferred materials",
    CaseState.SUBMITTED: "sent to the platform", CaseState.RECEIVED: "received by the handling authority",
    CaseState.IN_PROCESS: "in process", CaseState.RETURNED: "returned for correction",
    CaseState.COMPLETED: "completed", CaseState.DELIVERED: "delivered",
}
