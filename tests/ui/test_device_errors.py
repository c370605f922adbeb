"""Device errors are worded at the edge: every code a driver (or hallapp's device layer) can raise
has a template in the window's tables, English without Chinese, Chinese without English words once
the translation has it; the command line and the log get English from the driver itself."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import drivers
from drivers.errors import DeviceError, english, registered_codes

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "hallapp_zh_CN.ts"
DEVICE_SIDE = ("hallapp.devices", "hallapp.devices.adapters", "hallapp.devices.manager", "hallapp.devices.ports",
               "hallapp.devices.printing", "hallapp.imaging.importer", "hallapp.services.identity", "hallapp.services.scanning")
PREFIXES = ("card", "pcsc", "photo", "printer", "scanner", "scan", "import", "device")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Params whose values are codes the window words (drivers pass these values).
CODED_VALUES = {"field": "social_security_number", "setting": "adf", "what": "product ID"}


def _import_device_side() -> dict[str, str]:
    for module in pkgutil.walk_packages(drivers.__path__, "drivers."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    for name in DEVICE_SIDE:
        importlib.import_module(name)
    return registered_codes()


CODES = _import_device_side()


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _source_codes() -> set[str]:
    """Every code written in the device side's source: literals, and printer.uri_* made by `_bad`."""
    files = [*(ROOT / "drivers").rglob("*.py"), *(Path(importlib.import_module(name).__file__ or "") for name in DEVICE_SIDE)]
    literal = re.compile(r"""["']((?:""" + "|".join(PREFIXES) + r""")\.[a-z_]+)["']""")
    uri_problem = re.compile(r"""_bad\(uri, ["']([a-z_]+)["']""")
    codes: set[str] = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        codes |= set(literal.findall(text))
        codes |= {f"printer.uri_{problem}" for problem in uri_problem.findall(text)}
    return codes


def _error(code: str) -> DeviceError:
    """An error of `code` with every param the driver's English template names."""
    params = {name: CODED_VALUES.get(name, "7") for name in _fields(CODES[code])}
    return DeviceError(code, **params)


def test_every_code_in_the_source_and_every_error_class_is_declared() -> None:
    undeclared = sorted(_source_codes() - set(CODES))
    assert not undeclared, f"raised but not declared with register(): {undeclared}"
    classes = {cls.__qualname__: cls.code for cls in _subclasses(DeviceError)}
    assert not {name: code for name, code in classes.items() if code not in CODES}
    assert {"PrinterUnavailable", "SamError", "ScannerError", "PhotoDecoderError", "CardDataError", "PcscError"} <= set(classes)


def test_every_declared_code_has_a_template_and_no_template_is_stale(qapp) -> None:
    from ui import device_errors

    templates = device_errors.templates()
    assert sorted(set(CODES) - set(templates)) == []
    assert sorted(set(templates) - set(CODES)) == []
    for code, template in templates.items():  # the window never shows a raw {placeholder}
        assert _fields(template) <= _fields(CODES[code]), code


@pytest.mark.parametrize("code", sorted(CODES))
def test_english_window_and_command_line_have_no_chinese(code: str, qapp) -> None:
    from ui.errors import describe

    error = _error(code)
    shown = describe(error)
    for text in (shown, str(error), english(code, error.params)):  # the window; the log and the command line
        assert text and not CJK.search(text) and "{" not in text, text
    assert not re.search(r"\b[a-z]+(?:_[a-z]+)+\b", shown), shown  # no raw code (setting names, fields) in the window


def _translated_sources() -> set[str]:
    sources = set()
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "Errors":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and (translation.text or "").strip() and translation.get("type") != "unfinished":
                sources.add(message.findtext("source") or "")
    return sources


# What may stay in Latin letters in Chinese: acronyms, addresses to type, units, product names.
ALLOWED_LATIN = re.compile(r"[a-z]+://\S*|/dev/\S*|\?baud=\d+|\bEF(?=\d)|\b[A-Z][A-Z0-9/]+\b|\bdpi\b|\bWindows\b|\bCOM\d\b")


@pytest.mark.parametrize("code", sorted(CODES))
def test_chinese_window_has_no_english_words(code: str, qapp) -> None:
    """Runs for each code once the lead's translation pass has put it in the .ts (and built the .qm)."""
    from ui import device_errors, i18n
    from ui.errors import describe

    i18n.install("en")
    source = device_errors.templates()[code]
    words = device_errors.param_words()
    needed = {source} | {words[name][value] for name, value in CODED_VALUES.items() if name in _fields(source)}
    missing = needed - _translated_sources()
    if missing:
        pytest.skip(f"not translated in hallapp_zh_CN.ts yet: {sorted(missing)}")
    i18n.install("zh_CN")
    shown = describe(_error(code))
    rest = ALLOWED_LATIN.sub(" ", shown)
    assert not re.search(r"[A-Za-z]{2,}", rest), shown
    assert CJK.search(shown), shown
