"""The shared-licence request and answer of the contract (docs/platform-api.md "Shared licences"),
sent by `HttpPlatformClient.fetch_licence`: the ID number travels in the signed body, never in the
address."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from hallapp.domain.errors import register
from hallapp.domain.outbox import coded
from hallapp.sync.platform_port import UntrustedAnswerError
from hallapp.sync.records import gbt_time

MEDIA_TYPES = ("application/pdf", "image/jpeg", "image/png")
OFF_CONTRACT = "sync.bad_licence"  # the clerk reads licence.bad_answer (services/licences.py); this is for logs

register({OFF_CONTRACT: "The platform's e-licence answer does not fit the contract; treated as no answer."})


@dataclass(frozen=True)
class LicenceAnswer:
    licence_type: str
    licence_name: str
    number: str
    issuer: str
    issued_on: date
    media_type: str
    content: bytes = field(repr=False)


def request_body(*, licence_type: str, certificate_type: str, certificate_number: str, name: str,
                 consent_ref: str, given_at: datetime, clerk: str) -> bytes:
    return json.dumps({"licence_type": licence_type,
                       "holder": {"certificate_type": certificate_type, "certificate_number": certificate_number,
                                  "name": name},
                       "consent": {"reference": consent_ref, "given_at": gbt_time(given_at), "clerk": clerk}},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def parse(answer: dict[str, Any], sent: bytes = b"") -> LicenceAnswer:
    """The answer as the contract says it, or UntrustedAnswerError (never a half-read licence). With the
    request `sent`, the answer must be for its licence type and consent reference."""
    try:
        file = answer["file"]
        content = base64.b64decode(file["content_base64"], validate=True)
        fields = [answer[k] for k in ("licence_type", "licence_name", "licence_number", "issuer", "issued_date")]
        issued = datetime.strptime(answer["issued_date"], "%Y%m%d").date()
        asked = json.loads(sent) if sent else None
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise coded(UntrustedAnswerError(), OFF_CONTRACT) from exc
    if (not all(isinstance(f, str) and f.strip() for f in fields) or file.get("media_type") not in MEDIA_TYPES
            or hashlib.sha256(content).hexdigest() != file.get("sha256") or not content
            or (asked is not None and (asked["licence_type"], asked["consent"]["reference"])
                != (answer["licence_type"], answer.get("consent_reference")))):
        raise coded(UntrustedAnswerError(), OFF_CONTRACT)
    return LicenceAnswer(fields[0], fields[1], fields[2], fields[3], issued, file["media_type"], content)
