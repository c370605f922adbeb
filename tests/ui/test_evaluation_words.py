"""Evaluation levels and reasons: codes in the core, words at the edge. What is stored and sent to
the platform stays the Chinese text it always was; the English window reads English."""

from __future__ import annotations

from hallapp.domain.evaluation import REASON_TEXTS, reason_codes, stored_reason
from ui import i18n, words


def test_stored_reasons_keep_their_text_and_read_in_english(qapp) -> None:
    stored = stored_reason(["long_wait", "many_trips"])
    assert stored == "等候时间长、需要多次跑腿"  # as existing rows and the platform's records hold it
    assert reason_codes(stored) == ["long_wait", "many_trips"]
    assert words.reason_word(stored) == "Long wait, Had to come more than once"
    assert words.reason_word("工作人员态度不好") == "Unfriendly service"  # written by earlier demo seeds
    assert words.level_word(4) == "Dissatisfied" and words.level_word(None) == "no answer"
    assert set(words.reason_words()) == set(REASON_TEXTS)


def test_the_chinese_window_reads_the_stored_text_back(qapp) -> None:
    i18n.install("zh_CN")
    try:
        stored = stored_reason(list(REASON_TEXTS))
        assert words.reason_word(stored) == stored
        assert [words.level_word(level) for level in (1, 5)] == ["非常满意", "非常不满意"]
    finally:
        i18n.install("en")
