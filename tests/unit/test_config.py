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
