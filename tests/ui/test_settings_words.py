"""Every setting on the Settings page has a meaning in the window's language, and the English
descriptions in hallapp/config.py (shown by `hallapp config show`) hold no Chinese."""

from __future__ import annotations

import re

import pytest

from hallapp.config import Settings, flat_items
from ui import i18n
from ui.pages import settings_words

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
KEYS = [key for key, _value, _description in flat_items(Settings())]


@pytest.fixture
def chinese(qapp):
    i18n.install("zh_CN")
    yield
    i18n.install("en")


def test_every_setting_has_a_meaning_of_its_own(qapp) -> None:
    meanings = settings_words.meanings()
    descriptions = {key: description for key, _value, description in flat_items(Settings())}
    assert [key for key in KEYS if key not in meanings] == []
    assert [key for key in KEYS if meanings[key] == descriptions[key]] == []  # not config.py's text again


def test_every_meaning_reads_in_chinese_in_the_chinese_window(chinese) -> None:
    meanings = settings_words.meanings()
    untranslated = [key for key in KEYS if not CJK.search(settings_words.meaning_of(key, "?"))]
    assert untranslated == []
    assert len(set(meanings.values())) == len(meanings)  # no two settings share one wording


def test_config_descriptions_are_english_only() -> None:
    assert [(key, text) for key, _value, text in flat_items(Settings()) if CJK.search(text)] == []
