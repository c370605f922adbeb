"""What stops the sync, a catalog or calendar update or an e-licence before anything is believed carries a
stable code (issue 14 item 8): the sync page words it in the clerk's language from the stored code, the
command line prints the English, never the Chinese sentence the core used to raise."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest

from hallapp.sending import engine
from hallapp.services import calendar_update, catalog_update
from hallapp.sync import crypto, licence_wire
from hallapp.sync.options import from_settings
from hallapp.sync.outbox_view import sync_status
from hallapp.sync.platform_clients import create_adapter, hall_identity
from hallapp.sync.platform_port import ConfigError, UntrustedAnswerError

CJK = re.compile(r"[\u4e00-\u9fff]")


def _refused(error: BaseException, code: str) -> str:
    assert getattr(error, "code", None) == code
    text = str(error)
    assert text and not CJK.search(text), text
    return text


def test_a_hall_without_its_key_stops_the_sync_with_a_stored_code(app: Any, sim: Any) -> None:
    app.settings.platform.url = sim.url
    with pytest.raises(ConfigError) as raised:
        engine.run_once(app, options=from_settings(app.settings))
    assert "hallapp platform register" in _refused(raised.value, "sync.no_hall_key")
    status = sync_status(app.db)  # what the sync page and the status bar word in the window's language
    assert status["blocked_error"] == "sync.no_hall_key|{}"
    assert status["blocked"] == str(raised.value)
    with pytest.raises(crypto.KeyMissingError) as missing:  # callers still catch the class they caught
        crypto.load_key(app.home.keys_dir)
    assert str(missing.value) == str(raised.value)


def test_an_adapter_that_is_not_installed_is_named(synced_app: Any) -> None:
    options = replace(from_settings(synced_app.settings), adapter="henan-gov")
    with pytest.raises(ConfigError) as raised:
        create_adapter(synced_app, options)
    text = _refused(raised.value, "sync.no_adapter")
    assert raised.value.params == {"adapter": "henan-gov", "group": "hallapp.platform_adapters"}
    assert "henan-gov" in text and "sync.adapter" in text


def test_an_unreadable_pinned_platform_key_is_for_the_administrator(synced_app: Any) -> None:
    (synced_app.home.keys_dir / crypto.PLATFORM_FILE).write_text("not a key\n", encoding="ascii")
    with pytest.raises(ConfigError) as raised:
        create_adapter(synced_app, from_settings(synced_app.settings))
    text = _refused(raised.value, "sync.platform_key_unreadable")
    assert f"keys/{crypto.PLATFORM_FILE}" in text


def test_a_database_without_a_hall_asks_for_the_first_run_set_up(home: Any) -> None:
    from hallapp.bootstrap import open_app

    context = open_app()  # a new home: the database exists, no hall was set up
    try:
        with pytest.raises(ConfigError) as raised:
            hall_identity(context.db)
    finally:
        context.close()
    assert "first-run set-up" in _refused(raised.value, "sync.no_hall")


class _Province:
    """A province's adapter (the entry-point case): it may lack the catalog and calendar GETs, or answer
    them off the contract."""

    def __init__(self, catalog: Any = None, calendar: Any = None) -> None:
        if catalog is not None:
            self.catalog = lambda: catalog
        if calendar is not None:
            self.calendar = lambda year: calendar


def test_an_adapter_without_catalog_or_calendar_points_to_the_file_import() -> None:
    with pytest.raises(ConfigError) as catalog:
        catalog_update.fetch(_Province())
    assert "hallapp catalog import" in _refused(catalog.value, "sync.no_catalog")
    with pytest.raises(ConfigError) as calendar:
        calendar_update.fetch(_Province(), 2027)
    assert "hallapp calendar import" in _refused(calendar.value, "sync.no_calendar")


@pytest.mark.parametrize("answer", [{"version": " ", "items": []}, {"version": "v3"}, ["not", "an", "object"]])
def test_an_off_contract_catalog_is_no_answer(answer: Any) -> None:
    with pytest.raises(UntrustedAnswerError) as raised:
        catalog_update.fetch(_Province(catalog=answer))
    assert "(version, items)" in _refused(raised.value, "sync.bad_catalog")


@pytest.mark.parametrize("answer", [{"year": 2026, "version": "v1", "days": []}, {"year": 2027, "version": "v1"}])
def test_an_off_contract_calendar_is_no_answer(answer: Any) -> None:
    with pytest.raises(UntrustedAnswerError) as raised:
        calendar_update.fetch(_Province(calendar=answer), 2027)
    assert "(year, version, days)" in _refused(raised.value, "sync.bad_calendar")


def test_an_off_contract_licence_answer_is_coded() -> None:
    with pytest.raises(UntrustedAnswerError) as raised:
        licence_wire.parse({"licence_type": "hukou"})
    _refused(raised.value, "sync.bad_licence")
