"""What a supervisor reads on the dashboard at 1366×768: item names beside their bars in full (or cut
only past 12 characters), tile captions of at most two lines in English and no hole in the tiles."""

from __future__ import annotations

import pytest
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
