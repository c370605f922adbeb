"""The outbox's words: its entries' states, the codes of what went wrong with an entry, and how an
entry's `last_error` keeps a code and its params (worded at the edge, in the reader's language).

The platform's failures (hallapp.sync's PlatformError family) are not CodedErrors: `coded()` gives
one a code and params, and its `str()` becomes the English template (logs, the command line).
Params are status codes, request paths, client ids and case numbers — never personal data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from hallapp.domain.errors import english, register


class OutboxState(StrEnum):
    """An outbox entry's state; equal to the string stored in outbox_entry.state."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"  # record and materials up, commit not yet confirmed
    RETRYING = "retrying"
    NEEDS_ATTENTION = "needs_attention"  # waits for a person (conflict, refusal, bad material)
    CONFIRMED = "confirmed"


UNCONFIRMED = tuple(s for s in OutboxState if s is not OutboxState.CONFIRMED)
IN_FLIGHT = (OutboxState.QUEUED, OutboxState.RETRYING, OutboxState.SENDING, OutboxState.SENT)

register({
    "sync.no_platform_url": "The national platform's address (platform.url) is not set or not valid, for example "
                            "https://platform.example/: ask the technician to set it.",
    "sync.bad_url": "The national platform's address is not valid ({why}): ask the technician to correct platform.url.",
    "sync.not_pinned": "This PC has not pinned the national platform's signing key yet: the technician runs "
                       "hallapp platform register.",
    "sync.unsigned": "The answer carries no valid signature of the national platform (a gateway login page, a proxy "
                     "or another server); treated as no answer, tried again later.",
    "sync.key_changed": "The signing key in the platform's answer differs from the one this PC pinned; treated as "
                        "no answer. If the platform did change its key, an administrator checks it first.",
    "sync.off_contract": "The platform's answer is outside the contract ({status}); treated as no answer.",
    "sync.bad_missing_list": "The platform's answer does not fit the contract (missing); treated as no answer.",
    "sync.answer_too_large": "The platform's answer is larger than the {limit} byte limit; treated as no answer.",
    "sync.auth_refused": "The platform refused this hall's signature or key ({status} {reason}): the technician "
                         "checks the hall's registration (hallapp platform register).",
    "sync.conflict": "The platform holds different data under the same submission ({where}): a supervisor "
                     "checks the case; nothing is overwritten.",
    "sync.hash_mismatch": "The platform's hash of a material differs from this PC's ({where}); it is sent again.",
    "sync.not_found": "The platform has no such record ({where}).",
    "sync.unavailable": "The national platform is unavailable for now ({status} {reason}); sending is retried later.",
    "sync.rejected": "The platform refused the record ({status} {reason}: {detail}): a supervisor checks the case.",
    "sync.deadline": "This sync run reached its time limit; the next run goes on.",
    "sync.timeout": "The national platform did not finish its answer within {seconds} s; tried again later.",
    "sync.unreachable": "The national platform cannot be reached ({error}); tried again later.",
    "sync.not_committed": "The platform did not confirm the submission; tried again later.",
    "sync.wrong_submission": "The platform's answer names another submission than the one sent; treated as no answer.",
    "sync.upload_out_of_step": "The platform and this PC disagree on how much of a material was uploaded; "
                               "tried again later.",
    "sync.case_first": "The case is not yet confirmed by the platform; this record is sent after it.",
    "sync.case_needs_attention": "The case needs a person's attention; this record is sent after it.",
    "sync.updates_out_of_order": "The platform's status updates are not in sequence; treated as no answer.",
    "sync.bad_answer": "The platform's answer does not fit the contract ({what}); treated as no answer, tried again "
                       "later.",
    "sync.no_such_entry": "There is no sync entry {entry} that can be retried (it is confirmed or does not exist).",
    # TLS (hallapp/sync/tls.py): each stops sending, like a configuration error
    "sync.ca_file_unreadable": "The CA file for the platform's certificate (platform.ca_file: {path}) cannot be "
                               "read: the administrator checks its path and content.",
    "sync.https_required": "A platform certificate is set (platform.ca_file / pin_sha256) but the platform's address "
                           "is not https://; this PC never sends over plain HTTP: change platform.url to an https:// "
                           "address.",
    "sync.cert_expired": "The national platform's TLS certificate has expired or is not valid yet ({detail}); "
                         "sending stopped. Check this PC's date and time, or ask the platform to renew its certificate.",
    "sync.cert_wrong_host": "The national platform's TLS certificate is not for the host in platform.url ({detail}); "
                            "sending stopped. The administrator checks the platform's address.",
    "sync.cert_untrusted": "The national platform's TLS certificate is not trusted by this PC ({detail}); sending "
                           "stopped. The administrator checks platform.ca_file (the platform's CA certificate) and "
                           "the platform's address.",
    "sync.pin_no_certificate": "Certificate pinning is set (platform.pin_sha256) but the connection has no TLS "
                               "certificate; sending stopped.",
    "sync.pin_mismatch": "The national platform's certificate key differs from the one pinned on this PC "
                         "(platform.pin_sha256); sending stopped. The connection may be intercepted, or the platform "
                         "changed its certificate: the administrator checks, then updates the pin.",
})

E = TypeVar("E", bound=BaseException)
MAX_PARAM = 120  # the column holds 400 characters: a platform's detail is cut, the code never
_STORED = re.compile(r"([a-z][a-z_]*\.[a-z_]+)\|(\{.*\})", re.DOTALL)


def coded(error: E, code: str, /, **params: object) -> E:
    """`error` with a stable code and params; its message becomes the English template."""
    values = {key: str(value) for key, value in params.items()}
    error.code = code  # type: ignore[attr-defined]
    error.params = values  # type: ignore[attr-defined]
    error.args = (english(code, values),)
    return error


@dataclass(frozen=True)
class EntryError:
    """What an entry's `last_error` says: a code and params, or (`code` None) an older plain text."""

    code: str | None
    params: Mapping[str, str] = field(default_factory=dict)
    text: str = ""

    def __str__(self) -> str:
        return english(self.code, self.params) if self.code else self.text


def stored(error: BaseException | str) -> str:
    """The `last_error` column's text for a failure: `code|{json params}`, or the text of one without a code."""
    code = getattr(error, "code", None)
    if not isinstance(code, str) or not code:
        return str(error)
    params = {key: str(value)[:MAX_PARAM] for key, value in getattr(error, "params", {}).items()}
    return f"{code}|{json.dumps(params, ensure_ascii=False, sort_keys=True)}"


def read(text: str | None) -> EntryError:
    """The stored text back as code and params; an old plain row (or a cut one) stays its text."""
    match = _STORED.fullmatch(text or "")
    if match:
        try:
            params = json.loads(match.group(2))
        except ValueError:
            params = None
        if isinstance(params, dict) and all(isinstance(v, str) for v in params.values()):
            return EntryError(match.group(1), params, text or "")
    return EntryError(None, {}, text or "")


def english_text(text: str | None) -> str:
    """For logs and the command line: a stored error in English (an old plain one as it is)."""
    return str(read(text))
