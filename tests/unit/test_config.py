"""The one settings object: declared keys, validation, TOML in the home, environment overrides."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from hallapp.config import SettingsError, declared_keys, load_settings, set_value


def test_every_key_has_a_description() -> None:
    keys = declared_keys()
    assert "security.max_failed_logins" in keys and "platform.url" in keys
    assert all(description for _default, description in keys.values())


def test_defaults_without_a_file(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "settings.toml")
    assert settings.ui.language == "zh_CN"
    assert (settings.security.max_failed_logins, settings.security.lockout_minutes) == (5, 5)


def test_set_stores_typed_values_and_only_what_was_set(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    set_value(path, "security.lockout_minutes", "15")
    set_value(path, "documents.font_paths", "/a.ttf, /b.ttc")
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert raw == {"security": {"lockout_minutes": 15}, "documents": {"font_paths": ["/a.ttf", "/b.ttc"]}}
    assert load_settings(path).security.lockout_minutes == 15


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [("security.lockout_minutes", "0", "greater than or equal"), ("ui.language", "fr", "zh_CN"),
     ("nope.key", "1", "unknown setting"), ("counter.number", "three", "valid integer")],
)
def test_refused_values_leave_the_file_untouched(tmp_path: Path, key: str, value: str, words: str) -> None:
    path = tmp_path / "settings.toml"
    set_value(path, "counter.number", "2")
    before = path.read_bytes()
    with pytest.raises(SettingsError, match=words):
        set_value(path, key, value)
    assert path.read_bytes() == before


def test_environment_wins_over_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.toml"
    set_value(path, "platform.url", "https://file.example")
    monkeypatch.setenv("HALLAPP_PLATFORM_URL", "http://127.0.0.1:9000")
    assert load_settings(path).platform.url == "http://127.0.0.1:9000"


def test_broken_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[security\nmax_failed_logins = 3", encoding="utf-8")
    with pytest.raises(SettingsError, match="settings.toml: not valid TOML"):
        load_settings(path)


def test_a_settings_file_that_is_not_utf8_is_one_plain_error(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes("[counter]\nnumber = 3 # 窗口\n".encode("gb18030"))
    with pytest.raises(SettingsError, match=r"settings\.toml.*UTF-8"):
        load_settings(path)


def test_a_settings_path_that_is_a_folder_is_one_plain_error(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.mkdir()
    with pytest.raises(SettingsError, match=r"settings\.toml.*folder"):
        load_settings(path)
    with pytest.raises(SettingsError, match="folder"):
        set_value(path, "counter.number", "3")


def test_a_utf8_bom_from_notepad_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xef\xbb\xbf[counter]\nnumber = 3\n")
    assert load_settings(path).counter.number == 3
    set_value(path, "security.lockout_minutes", "15")
    settings = load_settings(path)
    assert (settings.counter.number, settings.security.lockout_minutes) == (3, 15)


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [("database.url", "not a url", "database URL"),
     ("database.url", "mysql://hall@db/hall", "sqlite or postgresql"),
     ("platform.url", "not a url", "http"),
     ("platform.url", "ftp://platform.example/", "http"),
     ("devices.idcard_baud", "-9600", "115200 or 9600"),
     ("documents.holiday_calendars", "../../../../etc/passwd", "calendar"),
     ("documents.holiday_calendars", "calendars/../../../../etc/passwd", "calendar")],
)
def test_values_that_would_break_later_commands_are_refused_now(tmp_path: Path, key: str, value: str,
                                                               words: str) -> None:
    path = tmp_path / "settings.toml"
    with pytest.raises(SettingsError, match=words) as caught:
        set_value(path, key, value)
    assert key in str(caught.value) and "\n" not in str(caught.value)
    assert not path.exists()


@pytest.mark.parametrize(
    ("key", "value"),
    [("database.url", "postgresql+psycopg://hall:secret@db-host/hall"), ("database.url", "sqlite:////srv/hall.sqlite3"),
     ("database.url", ""), ("platform.url", "https://platform.example/api"), ("platform.url", "http://127.0.0.1:8080"),
     ("platform.url", ""), ("devices.idcard_baud", "9600"), ("documents.holiday_calendars", "calendars/cn-2026.yaml")],
)
def test_good_values_are_still_accepted(tmp_path: Path, key: str, value: str) -> None:
    set_value(tmp_path / "settings.toml", key, value)


def test_an_absolute_calendar_file_that_exists_is_accepted(tmp_path: Path) -> None:
    calendar = tmp_path / "county-2026.yaml"
    calendar.write_text("days: []\n", encoding="utf-8")
    set_value(tmp_path / "settings.toml", "documents.holiday_calendars", str(calendar))
    with pytest.raises(SettingsError, match="calendar"):
        set_value(tmp_path / "settings.toml", "documents.holiday_calendars", str(tmp_path / "missing.yaml"))
