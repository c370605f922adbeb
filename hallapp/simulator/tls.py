"""Certificates for the simulator's HTTPS: a throwaway CA and a server certificate it signs for
127.0.0.1 / localhost (optionally already expired), written as PEM files. Tests and demos point
`platform.ca_file` at the CA; nothing here is for production use."""

from __future__ import annotations

import ipaddress
import os
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

HOSTS = ("127.0.0.1", "localhost")


@dataclass(frozen=True)
class ServerFiles:
    ca: Path  # the CA certificate (what the hall trusts)
    cert: Path  # the server certificate (leaf), PEM
    key: Path  # the server's private key, PEM (0600)

    def context(self) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_cert_chain(self.cert, self.key)
        return ctx


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "hallapp platform simulator"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _write(path: Path, data: bytes, mode: int = 0o644) -> Path:
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return path


def make_ca(folder: Path, name: str = "hallapp simulator CA") -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A self-signed CA, saved as `ca.pem` in `folder` (its key stays in memory only)."""
    folder.mkdir(parents=True, exist_ok=True)
    key, now = ec.generate_private_key(ec.SECP256R1()), datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(_name(name)).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    _write(folder / "ca.pem", cert.public_bytes(serialization.Encoding.PEM))
    return key, cert


def make_server_files(folder: Path, *, expired: bool = False, hosts: tuple[str, ...] = HOSTS) -> ServerFiles:
    """A fresh CA and a server certificate for `hosts` signed by it (valid now, or expired yesterday)."""
    ca_key, ca_cert = make_ca(folder)
    key, now = ec.generate_private_key(ec.SECP256R1()), datetime.now(UTC)
    start, end = (now - timedelta(days=10), now - timedelta(days=1)) if expired else (now - timedelta(hours=1),
                                                                                       now + timedelta(days=7))
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    cert = (x509.CertificateBuilder().subject_name(_name(hosts[0])).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return ServerFiles(ca=folder / "ca.pem", cert=_write(folder / "server.pem", cert.public_bytes(serialization.Encoding.PEM)),
                       key=_write(folder / "server.key", key_pem, 0o600))
