"""The supervisor's tiles at the counter PC's size (1366×768) show their whole label in both
languages: an English two-line caption grows its tile instead of being cut off."""

from __future__ import annotations

import pytest

from hallapp.services import hall
from tests.ui.clerk_keys import wait_until
from ui import i18n, style
from ui.pages.supervisor import SupervisorPage


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_tile_caption_is_shown_whole(language, ctx, qtbot, qapp) -> None:
    i18n.install(language)
    try:
        style.apply(qapp, ctx.settings.ui.font_size_pt)
        page = SupervisorPage(ctx.db, hall.hall_info(ctx.db).id, settings=ctx.settings)
        page.resize(1366 - 180, 768)
        page.show()
        qtbot.waitExposed(page)
        wait_until(qtbot, lambda: page.tiles["issued"].text() != "–", what="the tiles")
        qtbot.wait(50)
        cut = {tile.caption.text(): (tile.caption.height(), tile.caption.heightForWidth(tile.caption.width()))
               for tile in page.tile_buttons.values()
               if tile.caption.height() < tile.caption.heightForWidth(tile.caption.width())}
        assert cut == {}, f"captions cut off (shown height, needed height) in {language}"
        assert any(tile.caption.heightForWidth(tile.caption.width()) > tile.caption.fontMetrics().height() * 1.5
                   for tile in page.tile_buttons.values()) or language == "zh_CN", "no two-line caption to check"
        page.close()
        page.deleteLater()
    finally:
        i18n.install("en")
