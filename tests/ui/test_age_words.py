"""How old the sync backlog is, as the status bar and the supervisor's tile say it: a backlog six
weeks old reads "42 days", not "60177 min" (both languages)."""

from __future__ import annotations

import pytest

from ui import i18n
from ui.words import age_words


@pytest.mark.parametrize(("minutes", "english", "chinese"), [
    (0.4, "0 min", "0 分钟"), (59, "59 min", "59 分钟"), (60, "1 h", "1 小时"), (47 * 60, "47 h", "47 小时"),
    (48 * 60, "2 days", "2 天"), (60177.2, "42 days", "42 天")])
def test_an_age_is_said_in_minutes_then_hours_then_days(qapp, minutes: float, english: str, chinese: str) -> None:
    assert age_words(minutes) == english
    i18n.install("zh_CN")
    assert age_words(minutes) == chinese
