"""The core's refusals (queue, case, staff, login, set-up, evaluation, follow-ups, returned cases) carry a
code; the window words every one of them, in English and in Chinese, and the command line gets English."""

from __future__ import annotations

import importlib
import re
import string
from pathlib import Path

import pytest

from hallapp.domain.errors import CodedError, registered_codes
from ui import errors, i18n
from ui.errors import describe

# Every module that declares refusal codes (their `register` runs at import), found in the source so
# that a new module's codes can't be missed.
ROOT = Path(__file__).resolve().parents[2]
DECLARING = tuple(sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for path in (ROOT / "hallapp").rglob("*.py") if "\nregister({" in path.read_text(encoding="utf-8")
))
CJK = re.compile(r"[\u4e00-\u9fff]")


def _codes() -> dict[str, str]:
    for name in DECLARING:
        importlib.import_module(name)
    return registered_codes()


def _fields(template: str) -> set[str]:
    return {field for _text, field, _spec, _conv in string.Formatter().parse(template) if field}


def test_every_refusal_code_has_a_window_template_with_the_same_params(qapp) -> None:
    codes = _codes()
    assert len(codes) > 50
    templates = errors.templates()  # what describe() words: ui/refusals.py and ui/errors.py
    missing = sorted(set(codes) - set(templates))
    assert not missing, f"no window wording for {missing} (add them to ui/refusals.py)"
    for code, english in codes.items():
        assert _fields(templates[code]) == _fields(english), code
        assert not CJK.search(english), f"{code}: the command line's English carries Chinese"


@pytest.mark.parametrize(("error", "english", "chinese"), [
    (CodedError("queue.bad_move", ticket_state="held", move="done"), "A ticket that is on hold cannot be finished.",
     "号票已挂起，不能办结"),
    (CodedError("login.bad_credentials"), "Wrong user name or password.", "用户名或密码错误"),
    (CodedError("queue.finish_before_next", ticket="A001"), "Finish A001 or mark it a no-show before calling the next one.",
     "请先办结或过号 A001，再叫下一位"),
])
def test_a_refusal_reads_whole_in_each_language(qapp, error: CodedError, english: str, chinese: str) -> None:
    _codes()
    previous = i18n.current()
    try:
        i18n.install("en")
        assert describe(error) == english
        i18n.install("zh_CN")
        worded = describe(error)
        assert chinese in worded and not re.search(r"[A-Za-z]{3,}", worded.replace("A001", "")), worded
    finally:
        i18n.install(previous)


def test_every_e_licence_refusal_says_how_the_clerk_goes_on(qapp) -> None:
    """电子证照: whatever went wrong, the clerk reads what happened and the key that still works."""
    from hallapp.domain.licences import LicenceError

    codes = sorted(code for code in _codes() if code.startswith("licence."))
    assert len(codes) >= 9
    previous = i18n.current()
    try:
        i18n.install("en")
        for code in codes:
            worded = describe(LicenceError(code))
            assert worded != str(LicenceError(code)) and code not in worded, code  # the window's own wording
            assert ("F3" if code == "licence.no_holder_number" else "Scan the paper (F7)") in worded, (code, worded)
    finally:
        i18n.install(previous)
