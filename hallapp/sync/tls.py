"""TLS to the platform: which CAs to trust (`platform.ca_file`, else the system's), optional public
key pins (`platform.pin_sha256`), and failures worded for the administrator. A certificate that does
not check stops sending (`CertificateError`, like a configuration error): it is never retried
silently and never answered by falling back to plain HTTP."""

from __future__ import annotations

import base64
import hashlib
import ssl
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from hallapp.domain.outbox import coded
from hallapp.sync.platform_port import CertificateError, ConfigError

EXPIRED_CODES = {9, 10}  # X509_V_ERR_CERT_NOT_YET_VALID, X509_V_ERR_CERT_HAS_EXPIRED
HOSTNAME_CODE = 62  # X509_V_ERR_HOSTNAME_MISMATCH / IP_ADDRESS_MISMATCH (64)


def client_context(ca_file: str) -> ssl.SSLContext:
    """The context every platform connection uses: TLS 1.2+, hostname checked, the CA file's CAs
    only when one is set (it replaces the system store), else the system's."""
    try:
        ctx = ssl.create_default_context(cafile=ca_file or None)
    except (OSError, ssl.SSLError) as exc:
        raise coded(ConfigError(), "sync.ca_file_unreadable", path=ca_file) from exc
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def require_https(url: str, ca_file: str, pins: list[str] | tuple[str, ...]) -> None:
    if (ca_file or pins) and not url.lower().startswith("https://"):
        raise coded(ConfigError(), "sync.https_required")


def spki_pin(cert_der: bytes) -> str:
    """base64 SHA-256 of the certificate's SubjectPublicKeyInfo (the form `pin_sha256` takes)."""
    public = x509.load_der_x509_certificate(cert_der).public_key()
    spki = public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


def verification_failure(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate check failure somewhere in an exception's chain, if that is what it was."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def refused(failure: ssl.SSLCertVerificationError) -> CertificateError:
    detail = failure.verify_message or failure.reason or "certificate verify failed"
    if failure.verify_code in EXPIRED_CODES:
        return coded(CertificateError(), "sync.cert_expired", detail=detail)
    if failure.verify_code in (HOSTNAME_CODE, 64):
        return coded(CertificateError(), "sync.cert_wrong_host", detail=detail)
    return coded(CertificateError(), "sync.cert_untrusted", detail=detail)


class PinCheck:
    """Checks each answer's connection against the pins (cheap: the last good certificate is remembered)."""

    def __init__(self, pins: list[str] | tuple[str, ...]) -> None:
        self.pins = frozenset(pins)
        self._good: bytes | None = None

    def check(self, response: Any) -> None:
        if not self.pins:
            return
        stream = response.extensions.get("network_stream")
        ssl_object = stream.get_extra_info("ssl_object") if stream is not None else None
        der = ssl_object.getpeercert(True) if ssl_object is not None else None
        if der is None:
            raise coded(CertificateError(), "sync.pin_no_certificate")
        if der == self._good:
            return
        if spki_pin(der) not in self.pins:
            raise coded(CertificateError(), "sync.pin_mismatch")
        self._good = der
