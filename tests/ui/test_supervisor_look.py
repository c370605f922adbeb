"""What a supervisor saw on the dashboard of a seeded month at 1366×768: bar values written in white
(invisible above a bar) and wider than their bars (running into the next one), evaluation bars
named 1…5, and an unsynced age of "60177.2" minutes."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ui.widgets.chart import BarChart


def _chart(qtbot, width: int) -> BarChart:
    chart = BarChart("Per counter")
    qtbot.addWidget(chart)
    chart.resize(width, 220)
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_bars(["1", "2", "3"], {"Visits": [1159, 1161, 1168], "Cases": [988, 972, 1007]}, [1, 2, 3])
    return chart


def test_bar_values_show_only_where_they_fit_and_in_dark_ink(qtbot) -> None:
    narrow = _chart(qtbot, 260)  # a quarter of the page at 1366×768
    assert not narrow.bars.isLabelsVisible(), "four-digit values over bars narrower than the values collide"
    wide = _chart(qtbot, 1200)
    assert wide.bars.isLabelsVisible(), "wide bars carry their values"
    ink = wide.sets[0].labelColor()
    assert ink.lightness() < QColor("#808080").lightness(), "values above the bars are written in white"
    wide.resize(260, 220)
    qtbot.wait(20)
    assert not wide.bars.isLabelsVisible(), "a chart made narrower hides values that no longer fit"


def test_evaluation_bars_are_named_in_words_and_the_unsynced_age_in_days(ctx, qtbot) -> None:
    from hallapp.services import hall
    from tests.ui.clerk_keys import wait_until
    from ui.pages.supervisor import SupervisorPage

    page = SupervisorPage(ctx.db, hall.hall_info(ctx.db).id, settings=ctx.settings)
    qtbot.addWidget(page)
    page.resize(1366 - 180, 768)
    page.show()
    wait_until(qtbot, lambda: page.summary is not None, what="the figures")
    assert "Very satisfied" in page.charts["level"].categories, page.charts["level"].categories
    assert page.charts["hour"].sets[0].label() == page.period.currentText(), "the legend names the period shown"
    assert page._age_words(60177.2) == "42 days"
    assert page._age_words(125) == "2 h"
    assert page._age_words(12.4) == "12 min"
