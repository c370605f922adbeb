"""Each language whole: every page of the window, walked in Chinese and in English, shows no
untranslated English in the Chinese UI and no Chinese wording of ours in the English UI. (Data —
names, addresses, item names from the catalog — is Chinese in both; setting keys are English in both.)"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QListWidget, QTableWidget, QWidget

from hallapp.config import Settings, flat_items
from tests.ui.clerk_keys import press, type_text, wait_until, window_as_started

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "hallapp_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|&")


def _phrases() -> tuple[set[str], set[str]]:
    """Fixed pieces of every source string and every translation, at least two words / four characters."""
    english, chinese = set(), set()
    for message in ET.parse(TS).getroot().iter("message"):
        for text, out, size in ((message.findtext("source") or "", english, 10),
                                (message.findtext("translation") or "", chinese, 4)):
            for piece in PLACEHOLDER.split(text):
                piece = piece.strip(" :：()（）·—-.…\n")
                if len(piece) >= size and not piece.isascii() if out is chinese else (" " in piece and len(piece) >= size):
                    out.add(piece)
    return english, chinese


def visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QTableWidget):
            texts += [widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())
                      if widget.horizontalHeaderItem(c)]
            texts += [widget.item(r, c).text() for r in range(min(widget.rowCount(), 50))
                      for c in range(widget.columnCount()) if widget.item(r, c)]
        if isinstance(widget, QListWidget):
            texts += [widget.item(r).text() for r in range(min(widget.count(), 50))]
        if widget.toolTip():
            texts.append(widget.toolTip())
    return [t for t in texts if t]


# The Settings page's key column (sync.poll_s) is what an admin types in `hallapp config set`: data, not a code.
SETTING_KEYS = tuple(key for key, _value, _description in flat_items(Settings()))
RAW_CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")  # staff_created, result_mailed: a code, not a word


def _foreign(texts: list[str], language: str, data: tuple[str, ...]) -> list[str]:
    """Our wording in the other language, or raw codes; `data` (names of people and the hall) is neither."""
    english, chinese = _phrases()
    wrong = english if language == "zh_CN" else chinese
    plain = [re.sub(r"<[^>]+>", "", t) for t in texts]
    for value in sorted(data, key=len, reverse=True):  # devices.scanner_source before devices.scanner
        plain = [t.replace(value, "") for t in plain]
    found = {f"{phrase!r} in {text!r}" for text in plain for phrase in wrong if phrase in text}
    found |= {f"code {code!r} in {text!r}" for text in plain for code in RAW_CODE.findall(text)}
    return sorted(found)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_page_speaks_one_language(language, ctx, qtbot, qapp) -> None:
    with window_as_started(ctx, qtbot, qapp, language, username="admin") as window:
        found = _walk(window, qtbot, language, (window.session.display_name, window.hall.name, *SETTING_KEYS))
    bad = {k: v for k, v in found.items() if v}
    print("\n".join(f"{k}: {x}" for k, v in bad.items() for x in v))
    assert not bad, f"mixed languages in the {language} window"


def _walk(window, qtbot, language: str, data: tuple[str, ...]) -> dict[str, list[str]]:
    """Every page by Ctrl+N, then the counter through an intake, by keys."""
    found: dict[str, list[str]] = {}
    for index in range(len(window.pages)):
        press(getattr(Qt.Key, f"Key_{index + 1}"), Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(400)  # the page loads off the GUI thread
        found[window.stack.currentWidget().objectName()] = _foreign(visible_texts(window), language, data)
    counter = list(window.pages).index(next(p for p in window.pages if p.value == "counter"))
    press(getattr(Qt.Key, f"Key_{counter + 1}"), Qt.KeyboardModifier.ControlModifier)
    wait_until(qtbot, lambda: window.card_reader.handle is not None, what="the card reader")
    press(Qt.Key.Key_F1)
    press(Qt.Key.Key_F3)
    page = window.stack.currentWidget()
    wait_until(qtbot, lambda: page.applicant.identity is not None, what="F3")
    press(Qt.Key.Key_Return)
    type_text("sbk")
    wait_until(qtbot, lambda: page.flow.results.count() > 0, what="hits")
    press(Qt.Key.Key_Return)
    wait_until(qtbot, lambda: page.checklist.item is not None, what="the item")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    found["counter at the checklist"] = _foreign(visible_texts(window), language, data)
    press(Qt.Key.Key_Return)
    found["counter at the decision"] = _foreign(visible_texts(window), language, data)
    return found
