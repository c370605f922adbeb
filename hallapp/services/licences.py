"""Shared licences (电子证照): a checklist material the platform can supply, fetched by the
applicant's ID number with the applicant's recorded consent, stored like a scan.

Blocking (database, disk and network): the window calls `fetch` through a worker. The consent is
written (row + audit) before anything is asked of the platform; a refusal writes an audit line and
sends nothing. The licence's PDF goes to the material store; the case material that carries those
bytes is marked 电子证照 when the case is saved (storage/models/licence.py). Audit lines and logs
carry the consent reference and licence type, never the ID number, name or licence number.
"""

from __future__ import annotations

import io
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from PIL import Image, UnidentifiedImageError

from hallapp.domain.clock import Clock, hall_clock
from hallapp.domain.identity import Identity
from hallapp.domain.licences import BY_CODE, LicenceError, LicenceType, licence_for
from hallapp.home import Home
from hallapp.services import scanning
from hallapp.storage import Database, material_store
from hallapp.storage.models import SharedLicence
from hallapp.storage.repositories.licences import LicenceRepository
from hallapp.sync import licence_wire, options, platform_clients
from hallapp.sync.hall_context import HallContext
from hallapp.sync.http_client import HttpPlatformClient
from hallapp.sync.platform_port import (
    CertificateError,
    ConfigError,
    NotFoundError,
    PlatformError,
    TransientError,
    UntrustedAnswerError,
)

log = logging.getLogger(__name__)

ClientOpener = Callable[[], HttpPlatformClient]

__all__ = ["Consent", "FetchedLicence", "LicenceError", "LicenceType", "fetch", "licence_for", "opener_for"]


@dataclass(frozen=True)
class Consent:
    """The applicant's answer to the consent question the clerk read out (given or refused)."""

    given: bool
    staff_username: str
    clerk_name: str = ""  # as the platform's consent record names the clerk (default: the user name)


@dataclass(frozen=True)
class FetchedLicence:
    licence_type: str
    licence_name: str
    number: str  # personal: for the clerk's screen, never for logs or audit
    issuer: str
    issued_on: date
    consent_ref: str
    sha256: str
    pages: int
    pdf: bytes = field(repr=False)


def opener_for(app: HallContext) -> ClientOpener:
    """The hall's signed platform client, as the sync daemon builds it (opened per fetch)."""
    def open_client() -> HttpPlatformClient:
        client = platform_clients.create_adapter(app, options.from_settings(app.settings))
        if not isinstance(client, HttpPlatformClient):
            raise LicenceError("licence.not_set_up")
        return client
    return open_client


def fetch(db: Database, home: Home, open_client: ClientOpener, *, holder: Identity, licence_type: str,
          consent: Consent, clock: Clock | None = None) -> FetchedLicence:
    """Record the consent, fetch the licence, store its file. Raises LicenceError with a code."""
    clock = clock or hall_clock()
    kind = BY_CODE.get(licence_type)
    if kind is None:
        raise LicenceError("licence.not_for_material")
    number = holder.id_number or holder.card_number
    if not number:
        raise LicenceError("licence.no_holder_number")
    if not consent.given:
        with db.unit_of_work(write=True) as uow:
            uow.audit.append("licence_consent_refused", actor=consent.staff_username, subject=f"licence:{kind.code}")
        raise LicenceError("licence.no_consent")
    row_id, ref, given_at = _record_consent(db, kind, db.sealer().blind(number), consent, clock)
    body = licence_wire.request_body(licence_type=kind.code, certificate_type=holder.certificate_type,
                                     certificate_number=number, name=holder.name, consent_ref=ref, given_at=given_at,
                                     clerk=consent.clerk_name or consent.staff_username)
    try:
        answer = _ask(open_client, body)
        pdf, pages = _as_pdf(answer)
    except LicenceError as exc:
        _finish(db, row_id, consent, failure=exc.code, clock=clock)
        raise
    sha256 = material_store.store(home, pdf)
    _finish(db, row_id, consent, answer=answer, sha256=sha256, clock=clock)
    return FetchedLicence(kind.code, answer.licence_name, answer.number, answer.issuer, answer.issued_on, ref,
                          sha256, pages, pdf)


def _record_consent(db: Database, kind: LicenceType, holder_index: str, consent: Consent,
                    clock: Clock) -> tuple[int, str, datetime]:
    ref, now = secrets.token_hex(16), clock.now()
    with db.unit_of_work(write=True) as uow:
        row = SharedLicence(consent_ref=ref, licence_type=kind.code, holder_index=holder_index,
                            staff=consent.staff_username, consented_at=now)
        uow.add(row)
        uow.flush()
        uow.audit.append("licence_consent", actor=consent.staff_username, subject=f"licence:{ref}", type=kind.code)
        return row.id, ref, now


def _ask(open_client: ClientOpener, body: bytes) -> licence_wire.LicenceAnswer:
    """The platform's answer, every failure turned into a coded refusal (the clerk scans instead)."""
    try:
        client = open_client()
    except LicenceError:
        raise
    except (ConfigError, OSError) as exc:
        raise _refusal(exc) from exc
    try:
        return client.fetch_licence(body)
    except PlatformError as exc:
        raise _refusal(exc) from exc
    finally:
        client.close()


def _refusal(exc: BaseException) -> LicenceError:
    """The coded refusal for a platform failure; its kind (a class name, nothing personal) goes to the log."""
    log.info("licence fetch failed: %s", type(exc).__name__)
    if isinstance(exc, CertificateError):
        return LicenceError("licence.untrusted")
    if isinstance(exc, ConfigError):
        return LicenceError("licence.not_set_up")
    if isinstance(exc, NotFoundError):
        return LicenceError("licence.not_found")
    if isinstance(exc, UntrustedAnswerError):  # unsigned, too large or not the contract's: before TransientError
        return LicenceError("licence.bad_answer")
    if isinstance(exc, (TransientError, OSError)):
        return LicenceError("licence.offline")
    return LicenceError("licence.refused")  # AuthError, RejectedError, ConflictError (consent_reused), ...


def _as_pdf(answer: licence_wire.LicenceAnswer) -> tuple[bytes, int]:
    """A PDF as it came (its page count), or an image made into a one-page PDF like a scan."""
    if answer.media_type == "application/pdf":
        return answer.content, max(1, answer.content.count(b"/Type /Page") - answer.content.count(b"/Type /Pages"))
    try:
        image = Image.open(io.BytesIO(answer.content))
        image.load()
    except (UnidentifiedImageError, OSError) as exc:
        raise LicenceError("licence.bad_answer") from exc
    return scanning.rebuild([image.convert("RGB")]).pdf, 1


def _finish(db: Database, row_id: int, consent: Consent, *, clock: Clock, failure: str = "",
            answer: licence_wire.LicenceAnswer | None = None, sha256: str = "") -> None:
    with db.unit_of_work(write=True) as uow:
        row = LicenceRepository(uow.session).consent(row_id)
        if answer is None:
            row.state, row.failure = "failed", failure
            uow.audit.append("licence_fetch_failed", actor=consent.staff_username, subject=f"licence:{row.consent_ref}",
                             code=failure)
            log.info("licence %s not fetched: %s", row.consent_ref, failure)
            return
        row.state, row.fetched_at, row.sha256 = "fetched", clock.now(), sha256
        row.licence_number, row.issuer, row.issued_on = answer.number, answer.issuer, answer.issued_on
        uow.audit.append("licence_fetched", actor=consent.staff_username, subject=f"licence:{row.consent_ref}",
                         type=row.licence_type, sha256=sha256)

