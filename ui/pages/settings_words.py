"""What the Settings page says about a key: its meaning, when a change takes effect, and why a
typed value is refused, in the window's language (context "SettingsWords").

The keys themselves, their types and ranges come from hallapp.config; only the words live here.
Keys without a worded meaning show config.py's English description.
"""

from __future__ import annotations

import typing
from enum import StrEnum
from typing import Any

from annotated_types import Ge, Le
from PySide6.QtCore import QCoreApplication

from hallapp.config import Settings


class Effect(StrEnum):
    NOW = "now"
    RESTART = "restart"  # read once when the window starts
    SCREENS = "screens"  # read by the kiosk, hall display and evaluation screen at their start
    MENU = "menu"  # the language: switched through the window's own language switch


# Keys the running window reads each time it needs them (or that the page applies itself).
NOW_KEYS = frozenset({
    "security.max_failed_logins", "security.lockout_minutes", "security.idle_lock_minutes",
    "devices.scanner", "devices.scanner_source", "devices.scanner_dpi",
    "documents.status_url_template", "documents.hall_address", "documents.hall_phone",
    "documents.supervision_phone", "documents.holiday_calendars",
})
SCREEN_SECTIONS = ("display.", "evaluation.", "ticket_printer.")
SECRET_MARK = "secret"  # noqa: S105 - the name of hallapp.config's mark in json_schema_extra, not a password


def is_secret(key: str) -> bool:
    """A value that may hold a password: never shown or typed in the window."""
    extra = _field(key).json_schema_extra
    return key == "database.url" or (isinstance(extra, dict) and bool(extra.get(SECRET_MARK)))


def effect_of(key: str) -> Effect:
    if key == "ui.language":
        return Effect.MENU
    if key in NOW_KEYS:
        return Effect.NOW
    if key.startswith(SCREEN_SECTIONS):
        return Effect.SCREENS
    return Effect.RESTART


def effect_words(effect: Effect) -> str:
    return {
        Effect.NOW: QCoreApplication.translate("SettingsWords", "now"),
        Effect.RESTART: QCoreApplication.translate("SettingsWords", "at the next start"),
        Effect.SCREENS: QCoreApplication.translate("SettingsWords", "when the kiosk, display or evaluation screen starts again"),
        Effect.MENU: QCoreApplication.translate("SettingsWords", "now (during an intake: when the visit ends, F8)"),
    }[effect]


def saved_words(effect: Effect) -> str:
    return {
        Effect.NOW: QCoreApplication.translate("SettingsWords", "Saved. In effect now."),
        Effect.RESTART: QCoreApplication.translate(
            "SettingsWords", "Saved. Takes effect when hallapp is started again (Ctrl+Q, then start it)."),
        Effect.SCREENS: QCoreApplication.translate(
            "SettingsWords", "Saved. Takes effect when the kiosk, the hall display or the evaluation screen is "
                            "started again."),
        Effect.MENU: QCoreApplication.translate(
            "SettingsWords", "Saved. The window switches language now, or when the visit in progress ends (F8)."),
    }[effect]


def meanings() -> dict[str, str]:
    return {
        "hall.time_zone": QCoreApplication.translate(
            "SettingsWords", "The hall's time zone: every time shown or printed uses it, whatever the PC's zone."),
        "ui.language": QCoreApplication.translate(
            "SettingsWords", "Language of the window: zh_CN (Simplified Chinese) or en (English)."),
        "ui.font_size_pt": QCoreApplication.translate("SettingsWords", "Base font size on the counter, in points (9 to 32)."),
        "security.max_failed_logins": QCoreApplication.translate(
            "SettingsWords", "Wrong passwords in a row before an account locks."),
        "security.lockout_minutes": QCoreApplication.translate("SettingsWords", "Minutes a locked account stays locked."),
        "security.idle_lock_minutes": QCoreApplication.translate(
            "SettingsWords", "Lock the window after this many minutes without input (0 = never)."),
        "database.url": QCoreApplication.translate(
            "SettingsWords", "Shared hall database (PostgreSQL). It holds a password: change it with "
                            "`hallapp config set database.url`."),
        "platform.url": QCoreApplication.translate(
            "SettingsWords", "Address of the national platform's inter-provincial channel (https://…)."),
        "platform.ca_file": QCoreApplication.translate(
            "SettingsWords", "File of the authority that signs the platform's certificate; empty = the system's."),
        "platform.pin_sha256": QCoreApplication.translate(
            "SettingsWords", "Optional fingerprints of the platform's key; one of them must match."),
        "counter.number": QCoreApplication.translate(
            "SettingsWords", "The counter number of this PC; must be one of the hall's counters."),
        "sync.poll_s": QCoreApplication.translate(
            "SettingsWords", "Seconds between two sends of the outbox when nothing is waiting."),
        "sync.batch": QCoreApplication.translate("SettingsWords", "Cases sent together in one round."),
        "sync.timeout_s": QCoreApplication.translate(
            "SettingsWords", "Seconds one platform request may take before it counts as failed."),
        "sync.encrypt_materials": QCoreApplication.translate(
            "SettingsWords", "Encrypt uploaded materials with SM4 (the platform's transport key)."),
        "sync.backoff_base_s": QCoreApplication.translate(
            "SettingsWords", "First wait after a failed send, in seconds (doubles each time)."),
        "sync.backoff_cap_s": QCoreApplication.translate("SettingsWords", "Longest wait between two tries, in seconds."),
    }


def meaning_of(key: str, description: str) -> str:
    return meanings().get(key, description)


def _field(key: str) -> Any:  # noqa: ANN401 - pydantic FieldInfo
    section, name = key.split(".")
    return Settings.model_fields[section].annotation.model_fields[name]


def choices_of(key: str) -> tuple[str, ...]:
    """The allowed values of a choice or yes/no key, as set_value takes them; () for free text."""
    annotation = _field(key).annotation
    if annotation is bool:
        return ("true", "false")
    if typing.get_origin(annotation) is typing.Literal:
        return tuple(str(value) for value in typing.get_args(annotation))
    return ()


def value_problem(key: str, text: str) -> str | None:
    """Why `text` is refused for a number key, in words, before anything is written; None if fine
    (set_value still validates everything else)."""
    field = _field(key)
    kind = field.annotation
    if kind not in (int, float):
        return None
    low = next((m.ge for m in field.metadata if isinstance(m, Ge)), None)
    high = next((m.le for m in field.metadata if isinstance(m, Le)), None)
    try:
        number = int(text.strip()) if kind is int else float(text.strip())
    except ValueError:
        number = None
    if number is None or (low is not None and number < low) or (high is not None and number > high):
        whole = QCoreApplication.translate(
            "SettingsWords", "a whole number") if kind is int else QCoreApplication.translate("SettingsWords", "a number")
        if low is not None and high is not None:
            return QCoreApplication.translate(
                "SettingsWords", "{key} must be {kind} from {low} to {high}: type such a number and press Enter.").format(
                key=key, kind=whole, low=low, high=high)
        return QCoreApplication.translate(
            "SettingsWords", "{key} must be {kind}: type a number and press Enter.").format(key=key, kind=whole)
    return None


def shown_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
