"""What a supervisor reads on the dashboard at 1366×768: item names beside their bars in full (or cut
only past 12 characters), tile captions of at most two lines in English and no hole in the tiles; every
counter's figure within the page (12–20 counters), value axes that end just past the longest bar and
its value (not 4100 on an axis to 10000), and every clerk named under their bars."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetrics

from hallapp.services import hall
from tests.ui.clerk_keys import wait_until
from ui import i18n
from ui.pages.supervisor import TILE_COLUMNS, SupervisorPage
from ui.widgets.chart import MIN_NAME_CHARS, BarChart

NAMES = ["出具贷款职工住房公积金缴存使用证明", "企业职工基本养老保险关系转移接续", "户籍类证明开具", "失业登记"]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_item_bar_is_named_beside_it(language, qtbot) -> None:
    i18n.install(language)
    chart = BarChart("Cases per item", horizontal=True)
    qtbot.addWidget(chart)
    chart.resize(540, 200)  # two quarters of the page at 1366×768
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_bars(NAMES, {"Cases": [124, 120, 9, 3]}, NAMES)
    qtbot.wait(50)
    metrics = QFontMetrics(chart.name_items[0].font())
    left = chart.chart().plotArea().left()
    for name, item in zip(NAMES, chart.name_items, strict=True):
        text = item.text()
        shown = text.removesuffix("…")
        assert name.startswith(shown) and len(shown) >= min(len(name), MIN_NAME_CHARS), (name, text)
        assert item.pos().x() >= 0 and item.pos().x() + metrics.horizontalAdvance(text) <= left, f"{text} under the bars"
    assert chart.bars.isLabelsVisible(), "the counts stand beside the bars"


def test_tiles_fill_the_grid_and_english_captions_hold_two_lines(ctx, qtbot) -> None:
    page = SupervisorPage(ctx.db, hall.hall_info(ctx.db).id, settings=ctx.settings)
    qtbot.addWidget(page)
    page.resize(1366 - 230, 768)
    page.show()
    wait_until(qtbot, lambda: page.summary is not None, what="the figures")
    qtbot.wait(50)
    assert len(page.tile_buttons) % TILE_COLUMNS == 0, "an empty cell in the tiles"
    for tile in page.tile_buttons.values():
        lines = tile.caption.heightForWidth(tile.caption.width()) / tile.caption.fontMetrics().lineSpacing()
        assert lines <= 2.2, f"{tile.caption.text()!r} takes {lines:.1f} lines"
        value = tile.value
        assert QFontMetrics(value.font()).horizontalAdvance(value.text()) <= tile.contentsRect().width(), value.text()
    assert page.tile_buttons["to_receipt_min"].value.text() != "", "the ticket → receipt tile"


# -- a seeded month of a hall of 12–20 counters and 12 clerks (issue 13's screenshots) ------------------

CLERKS = ["吴雨萱", "周国华", "孙明轩", "张晓梅", "徐丽娟", "李建国", "杨海燕", "王芳", "赵子涵", "陈晓梅", "欧阳娜娜", "黄文博"]
LEVELS = {"非常满意": 4100, "满意": 679, "基本满意": 204, "不满意": 88, "非常不满意": 53}


@pytest.mark.parametrize("counters", [12, 20])
def test_every_counters_figure_stands_within_the_page(counters, ctx, qtbot) -> None:
    from dataclasses import replace

    page = SupervisorPage(ctx.db, hall.hall_info(ctx.db).id, settings=ctx.settings)
    qtbot.addWidget(page)
    page.resize(1366 - 230, 768)
    page.show()
    wait_until(qtbot, lambda: page.summary is not None, what="the figures")
    page._show_figures(replace(page.summary.figures, by_counter={n: 500 + n for n in range(1, counters + 1)}))
    qtbot.wait(50)
    line = page.by_counter
    lines = line.text().split("\n")
    metrics = line.fontMetrics()
    for text in lines:
        assert metrics.horizontalAdvance(text) <= line.contentsRect().width(), f"{text!r} runs off the page"
    assert line.geometry().right() <= page.width(), "the line is wider than the page"
    assert line.height() >= len(lines) * metrics.lineSpacing() - 2, "a line of counters is cut off below"
    assert len(lines) <= 2, f"{counters} counters take {len(lines)} lines"
    for n in range(1, counters + 1):
        assert f"{n}: {500 + n}" in line.text(), f"counter {n} is missing"
    page.resize(700, 768)  # a narrower window breaks the line again
    qtbot.wait(20)
    assert all(metrics.horizontalAdvance(t) <= line.contentsRect().width() for t in line.text().split("\n"))


def _chart(qtbot, *, horizontal: bool, width: int = 270, height: int = 195) -> BarChart:
    chart = BarChart("Chart", horizontal=horizontal)
    qtbot.addWidget(chart)
    chart.resize(width, height)  # a quarter of the charts' tab at 1366×768
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def test_the_level_axis_ends_just_past_the_longest_bar_and_its_value(qtbot) -> None:
    chart = _chart(qtbot, horizontal=True)
    chart.show_bars(list(LEVELS), {"Evaluations": list(LEVELS.values())}, list(LEVELS))
    qtbot.wait(50)
    top, end = 4100, chart.y_axis.max()
    plot = chart.chart().plotArea().width()
    value = QFontMetrics(chart.sets[0].labelFont()).horizontalAdvance("4100")
    beyond = plot * (1 - top / end)  # px right of the longest bar
    assert beyond >= value, f"the value 4100 has {beyond:.0f} px beside its bar, needs {value}"
    room = top * plot / (plot - value)  # the longest bar and its value, in the axis' units
    assert top <= end <= 1.5 * room, f"axis to {end:g} for a largest bar of {top} (bars use {top / end:.0%})"


@pytest.mark.parametrize("top", [297, 1600, 3150, 549])
def test_vertical_and_item_axes_end_near_the_largest_bar(top, qtbot) -> None:
    values = [top, top * 0.6, top * 0.3, 0, top * 0.8]
    for horizontal in (False, True):
        chart = _chart(qtbot, horizontal=horizontal, width=540 if horizontal else 270)
        chart.show_bars([f"{i}" for i in range(len(values))], {"Tickets": values}, list(range(len(values))))
        qtbot.wait(50)
        end = chart.y_axis.max()
        area = chart.chart().plotArea()
        along = area.width() if horizontal else area.height()
        metrics = QFontMetrics(chart.sets[0].labelFont())
        label = metrics.horizontalAdvance(f"{top:g}") + 12 if horizontal else metrics.height() + 4
        room = top * along / (along - label)
        assert top < end <= 1.5 * room, f"{'item' if horizontal else 'vertical'} axis to {end:g} for {top}"
        ticks = int(end // chart.y_axis.tickInterval())
        assert 2 <= ticks <= 5, f"{ticks} labelled intervals"


def test_every_clerk_is_named_under_their_bars(qtbot) -> None:
    chart = _chart(qtbot, horizontal=False, width=262)
    chart.show_bars(CLERKS, {"Visits": [500 + i for i in range(12)], "Cases": [450] * 12}, CLERKS, every_name=True)
    qtbot.wait(50)
    assert chart.stacked, "12 names do not stand side by side in a quarter of the page"
    plot = chart.chart().plotArea()
    boxes = []
    for name, item in zip(CLERKS, chart.name_items, strict=True):
        shown = item.text().replace("\n", "")
        assert item.isVisible() and shown == name, (name, item.text())
        box = item.sceneBoundingRect()
        widest = max(QFontMetrics(item.font()).horizontalAdvance(ch) for ch in name)
        assert box.width() >= widest and box.height() >= len(name) * QFontMetrics(item.font()).height() - 1
        assert box.top() >= plot.bottom() and box.bottom() <= chart.height(), f"{name} outside the chart"
        boxes.append(box)
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert left.right() <= right.left(), "two names run into each other"
    middle = chart.chart().mapToPosition(QPointF(0, 0), chart.bars).x()
    assert boxes[0].left() <= middle <= boxes[0].right(), "the first name is not under its bars"
    # four lines for "欧阳娜娜": the bars keep a quarter of the chart's height (three-character names: 81 px)
    assert plot.height() >= chart.height() / 4, f"the names leave the bars {plot.height():.0f} px"
    assert "Visits" in chart.chart().title() and "Cases" in chart.chart().title(), "the series are named"


def test_few_clerks_stand_side_by_side_and_a_latin_name_upright(qtbot) -> None:
    chart = _chart(qtbot, horizontal=False, width=262)
    chart.show_bars(CLERKS[:3], {"Visits": [5, 6, 7]}, CLERKS[:3], every_name=True)
    qtbot.wait(50)
    assert not chart.stacked and chart.x_axis.labelsVisible() and chart.x_step == 1
    names = CLERKS[:11] + ["Wang Fang"]
    chart.show_bars(names, {"Visits": [5] * 12}, names, every_name=True)
    qtbot.wait(50)
    item = chart.name_items[-1]
    box = item.sceneBoundingRect()
    assert item.text() == "Wang Fang" and box.height() > box.width(), "a Latin name turned upright"
    assert box.bottom() <= chart.height()


def test_the_page_names_every_clerk(ctx, qtbot) -> None:
    page = SupervisorPage(ctx.db, hall.hall_info(ctx.db).id, settings=ctx.settings)
    qtbot.addWidget(page)
    page.resize(1366 - 230, 768)
    page.show()
    wait_until(qtbot, lambda: page.summary is not None, what="the figures")
    assert page.charts["clerk"].every_name and not page.charts["counter"].every_name
