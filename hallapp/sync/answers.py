"""Reading the platform's (already signature-checked) answer bodies strictly: every field of the
contract with its type, the answer about the thing we asked for. Anything else is `UntrustedAnswerError`
("no answer"): hallapp never acts on a field it had to guess."""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from hallapp.domain.outbox import coded
from hallapp.sync import crypto
from hallapp.sync.platform_port import CaseAck, MaterialHeld, Registration, StatusUpdate, UntrustedAnswerError

HEX64 = re.compile(r"[0-9a-f]{64}")
CASE_STATES = ("open", "committed")


def _bad(what: str) -> UntrustedAnswerError:
    return coded(UntrustedAnswerError(), "sync.bad_answer", what=what)  # `what`: a field name, never a value


def body_json(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _bad("not JSON") from exc
    if not isinstance(value, dict):
        raise _bad("not a JSON object")
    return value


def _str(body: dict[str, Any], name: str, *, empty: bool = True) -> str:
    value = body.get(name, "" if empty else None)
    if not isinstance(value, str) or (not empty and not value):
        raise _bad(name)
    return value


def count(body: dict[str, Any], name: str) -> int:
    value = body.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _bad(name)
    return value


def ack(body: dict[str, Any], client_id: str) -> CaseAck:
    if _str(body, "client_id") != client_id:
        raise _bad("client_id")
    state, digest, receipt = _str(body, "state"), _str(body, "payload_sha256"), _str(body, "receipt")
    if state not in CASE_STATES or not HEX64.fullmatch(digest) or (state == "committed" and not receipt):
        raise _bad("state / payload_sha256 / receipt")
    return CaseAck(client_id, state, digest, receipt)


def held(body: dict[str, Any], sha256: str) -> MaterialHeld:
    size, received, complete = count(body, "size"), count(body, "received"), body.get("complete")
    if _str(body, "sha256") != sha256 or received > size or not isinstance(complete, bool):
        raise _bad("material")
    return MaterialHeld(sha256, size, received, complete)


def registration(body: dict[str, Any], key_id: str) -> Registration:
    if _str(body, "key_id") != key_id:
        raise _bad("key_id")
    try:
        transport = base64.b64decode(_str(body, "transport_key", empty=False), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _bad("transport_key") from exc
    if len(transport) != crypto.TRANSPORT_KEY_BYTES:
        raise _bad(f"transport_key of {crypto.TRANSPORT_KEY_BYTES} bytes")
    return Registration(key_id, transport, _str(body, "platform_public_key_pem"))


def ping(body: dict[str, Any]) -> None:
    if body.get("ok") is not True:
        raise _bad("ok")


def _update(u: Any) -> StatusUpdate:
    if not isinstance(u, dict):
        raise _bad("update")
    return StatusUpdate(count(u, "seq"), _str(u, "client_id", empty=False), _str(u, "case_number", empty=False),
                        _str(u, "status", empty=False), _str(u, "reason"), _str(u, "waybill"), _str(u, "at"))


def updates(body: dict[str, Any], since: int, limit: int) -> tuple[list[StatusUpdate], int]:
    """The updates after `since`, in increasing order, at most `limit`; `next` is the last one's seq
    (or `since` when there are none): the cursor only moves over what we were given."""
    raw = body.get("updates")
    if not isinstance(raw, list) or len(raw) > limit:
        raise _bad("updates")
    parsed = [_update(u) for u in raw]
    seqs = [u.seq for u in parsed]
    if any(b <= a for a, b in zip([since, *seqs], seqs, strict=False)):
        raise _bad("seq not increasing")
    if count(body, "next") != (seqs[-1] if seqs else since):
        raise _bad("next")
    return parsed, body["next"]
