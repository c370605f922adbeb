"""TLS on loopback, for real: the simulator serves HTTPS with a CA made for the test; the hall trusts
it through `platform.ca_file` and may pin its key. A certificate from another CA, an expired one or
a pin that does not match stops sending with the reason — nothing reaches the platform, nothing is
retried over plain HTTP."""

from __future__ import annotations

import argparse
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hallapp.commands import platform as platform_command
from hallapp.config import PlatformSettings
from hallapp.domain import outbox
from hallapp.sending import engine
from hallapp.simulator import server as simulator
from hallapp.simulator import tls as sim_tls
from hallapp.sync import outbox_view, tls
from hallapp.sync.options import SyncOptions
from hallapp.sync.platform_port import CertificateError, ConfigError
from tests.sync.helpers import make_cases

OPTIONS = SyncOptions(probe_tries=1, request_retries=0, timeout_s=5, run_timeout_s=30)


def _serve(tmp_path: Path, name: str, *, expired: bool = False) -> Any:
    files = sim_tls.make_server_files(tmp_path / f"{name}-tls", expired=expired)
    return simulator.serve(0, data_dir=tmp_path / f"{name}-data", tls_files=files)


@pytest.fixture
def https_sim(tmp_path: Path) -> Iterator[Any]:
    server = _serve(tmp_path, "good")
    yield server
    server.close()


def _register(app: Any, url: str, ca: Path | None) -> None:
    app.settings.platform.url = url
    app.settings.platform.ca_file = str(ca) if ca else ""
    assert platform_command.run(app, argparse.Namespace()) == 0


def _pin_of(server: Any) -> str:
    return tls.spki_pin(ssl.PEM_cert_to_DER_cert(server.tls.cert.read_text()))


def _blocked_run(app: Any, code: str, match: str) -> None:
    """The run stops with the coded reason, kept as the sync's blocked reason the window words."""
    with pytest.raises(CertificateError, match=match) as raised:
        engine.SyncEngine(app, options=OPTIONS).run_once()
    assert raised.value.code == code
    status = outbox_view.sync_status(app.db)
    assert match in status["blocked"], "the command line shows why sending stopped"
    assert outbox.read(status["blocked_error"]).code == code, "the window words why sending stopped"


def test_cases_arrive_over_https_trusting_the_ca_file_and_the_pin(app: Any, https_sim: Any) -> None:
    assert https_sim.url.startswith("https://")
    _register(app, https_sim.url, https_sim.tls.ca)
    app.settings.platform.pin_sha256 = [_pin_of(https_sim)]
    numbers = make_cases(app, 2, materials=1, size=3_000)
    summary = engine.SyncEngine(app, options=OPTIONS).run_once()
    assert summary["confirmed"] == 2 and not summary["offline"]
    assert https_sim.stats()["commits"] == 2
    assert all(outbox_view.case_sync_state(app.db, n)["sync"]["state"] == "confirmed" for n in numbers)


def test_a_certificate_from_another_ca_stops_sending(app: Any, https_sim: Any, tmp_path: Path) -> None:
    _register(app, https_sim.url, https_sim.tls.ca)
    make_cases(app, 1, materials=1, size=3_000)
    other = sim_tls.make_server_files(tmp_path / "other-ca")
    app.settings.platform.ca_file = str(other.ca)  # the connection is now someone we do not trust
    before = https_sim.stats()["requests"]
    _blocked_run(app, "sync.cert_untrusted", "not trusted by this PC")
    assert https_sim.stats()["requests"] == before, "no request got through the handshake"
    assert outbox_view.sync_status(app.db)["counts"]["confirmed"] == 0


def test_the_system_store_does_not_trust_a_private_ca(app: Any, https_sim: Any) -> None:
    app.settings.platform.url = https_sim.url
    with pytest.raises(CertificateError, match="not trusted by this PC") as raised:
        platform_command.run(app, argparse.Namespace())
    assert raised.value.code == "sync.cert_untrusted"


def test_an_expired_certificate_stops_sending_with_that_reason(app: Any, https_sim: Any, tmp_path: Path) -> None:
    _register(app, https_sim.url, https_sim.tls.ca)
    make_cases(app, 1, materials=1, size=3_000)
    stale = _serve(tmp_path, "stale", expired=True)
    try:
        app.settings.platform.url, app.settings.platform.ca_file = stale.url, str(stale.tls.ca)
        _blocked_run(app, "sync.cert_expired", "has expired or is not valid yet")
        assert stale.stats()["requests"] == 0
    finally:
        stale.close()


def test_a_pin_that_does_not_match_stops_sending_before_the_answer_is_read(app: Any, https_sim: Any,
                                                                           tmp_path: Path) -> None:
    _register(app, https_sim.url, https_sim.tls.ca)
    make_cases(app, 1, materials=1, size=3_000)
    other = sim_tls.make_server_files(tmp_path / "other-key")
    app.settings.platform.pin_sha256 = [tls.spki_pin(ssl.PEM_cert_to_DER_cert(other.cert.read_text()))]
    _blocked_run(app, "sync.pin_mismatch", "platform.pin_sha256")
    assert https_sim.stats()["commits"] == 0


def test_tls_settings_with_a_plain_http_address_are_refused(app: Any, sim: Any, https_sim: Any) -> None:
    app.settings.platform.url = sim.url  # http://
    app.settings.platform.ca_file = str(https_sim.tls.ca)
    with pytest.raises(ConfigError, match="never sends over plain HTTP") as raised:
        platform_command.run(app, argparse.Namespace())
    assert raised.value.code == "sync.https_required"
    assert sim.stats()["requests"] == 0, "never a fallback to plain HTTP"


def test_pins_are_checked_when_set() -> None:
    assert PlatformSettings(pin_sha256=["sha256/" + "A" * 43 + "="]).pin_sha256 == ["A" * 43 + "="]
    for bad in ("abc", "A" * 44, "not base64!"):
        with pytest.raises(ValueError, match="pin"):
            PlatformSettings(pin_sha256=[bad])
