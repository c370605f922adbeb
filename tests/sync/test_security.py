"""SM2/SM3/SM4 against published vectors; every request signed; bad keys rejected; key files tight."""

from __future__ import annotations

import stat

import pytest
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from tongsuopy.crypto import hashes as ts_hashes
from tongsuopy.crypto.asymciphers import ec

from hallapp.sending import engine
from hallapp.sync import crypto
from hallapp.sync.http_client import HttpPlatformClient
from hallapp.sync.options import SyncOptions
from hallapp.sync.platform_port import AuthError
from tests.sync.helpers import make_cases

# GM/T 0003.5-2012 (GB/T 32918.5-2017) Annex A, recommended curve, ID 1234567812345678.
SM2_PUB = (0x09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020,
           0xCCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13)
SM2_RS = (0xF5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3,
          0xB1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA)


def test_published_vectors() -> None:
    public = ec.EllipticCurvePublicNumbers(*SM2_PUB, ec.SM2()).public_key()
    public.verify(encode_dss_signature(*SM2_RS), b"message digest", ec.ECDSA(ts_hashes.SM3()))  # raises if wrong
    assert crypto.sm3_hex(b"abc") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"  # GB/T 32905
    key = bytes.fromhex("0123456789abcdeffedcba9876543210")  # GB/T 32907 example 1, one block
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    block = Cipher(algorithms.SM4(key), modes.ECB()).encryptor().update(key)
    assert block.hex() == "681edf34d206965e86b3e94f536e4246"


def test_our_signatures_verify_and_tampering_fails() -> None:
    key = crypto.HallKey.generate()
    signature = key.sign(b"PUT\n/v1/cases/x")
    assert crypto.verify(key.public_pem, signature, b"PUT\n/v1/cases/x")
    assert not crypto.verify(key.public_pem, signature, b"PUT\n/v1/cases/y")
    assert not crypto.verify(crypto.HallKey.generate().public_pem, signature, b"PUT\n/v1/cases/x")


def test_key_files_are_private(synced_app) -> None:
    keys = synced_app.home.keys_dir
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    for name in (crypto.PRIVATE_FILE, crypto.TRANSPORT_FILE, crypto.PLATFORM_FILE):
        assert stat.S_IMODE((keys / name).stat().st_mode) == 0o600


def test_unregistered_key_is_rejected(synced_app, sim) -> None:
    pinned = crypto.load_platform_key(synced_app.home.keys_dir)
    stranger = HttpPlatformClient(sim.url, "DEMO510104", crypto.HallKey.generate(), platform_key=pinned)
    try:
        with pytest.raises(AuthError):
            stranger.ping()
    finally:
        stranger.close()
    assert sim.stats()["bad_signatures"] == 1


def test_wrong_hall_code_and_tampered_body_are_rejected(synced_app, sim) -> None:
    key = crypto.load_key(synced_app.home.keys_dir)
    other_hall = HttpPlatformClient(sim.url, "OTHER", key, platform_key=crypto.load_platform_key(synced_app.home.keys_dir))
    try:
        with pytest.raises(AuthError):
            other_hall.ping()
    finally:
        other_hall.close()
    import httpx

    from hallapp.sync import signing

    headers = signing.sign_headers(key, "DEMO510104", "PUT", "/v1/cases/case:x:r1", b"{}")
    answer = httpx.put(sim.url + "v1/cases/case:x:r1", content=b'{"x":1}', headers=headers)
    assert answer.status_code == 401 and answer.json()["error"] == "content_mismatch"
    assert sim.stats()["bad_signatures"] == 2


def test_auth_error_is_surfaced_at_once_and_not_counted(synced_app, sim) -> None:
    make_cases(synced_app, 2)
    keys = synced_app.home.keys_dir
    (keys / crypto.PRIVATE_FILE).unlink()
    crypto.load_or_create_key(keys)  # a new key the platform never saw
    with pytest.raises(AuthError):
        engine.run_once(synced_app, options=SyncOptions(backoff_base_s=0.01))
    from hallapp.sync import outbox_view

    state = outbox_view.sync_status(synced_app.db)
    assert state["blocked"] and state["counts"]["queued"] == 2 and state["counts"]["retrying"] == 0
    assert all(e["attempts"] == 0 for e in outbox_view.entries(synced_app.db))
    assert sim.stats()["cases_received"] == 0
