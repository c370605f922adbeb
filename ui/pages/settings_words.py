"""What the Settings page says about a key: its meaning, when a change takes effect, and why a
typed value is refused, in the window's language (context "SettingsWords").

The keys themselves, their types and ranges come from hallapp.config; only the words live here.
Every key has a worded meaning; config.py's English description is only a fallback for a key added later.
"""

from __future__ import annotations

import typing
from enum import StrEnum
from typing import Any

from annotated_types import Ge, Le
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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


# Every key of hallapp.config, worded (tests/ui/test_settings_words.py fails when one is missing).
_MEANINGS: dict[str, str] = {
    "hall.time_zone": QT_TRANSLATE_NOOP(
        "SettingsWords", "The hall's time zone: every time shown or printed uses it, whatever the PC's zone."),
    "ui.language": QT_TRANSLATE_NOOP(
        "SettingsWords", "Language of the window: zh_CN (Simplified Chinese) or en (English)."),
    "ui.font_size_pt": QT_TRANSLATE_NOOP("SettingsWords", "Base font size on the counter, in points (9 to 32)."),
    "security.max_failed_logins": QT_TRANSLATE_NOOP("SettingsWords", "Wrong passwords in a row before an account locks."),
    "security.lockout_minutes": QT_TRANSLATE_NOOP("SettingsWords", "Minutes a locked account stays locked."),
    "security.idle_lock_minutes": QT_TRANSLATE_NOOP(
        "SettingsWords", "Lock the window after this many minutes without input (0 = never)."),
    "database.url": QT_TRANSLATE_NOOP(
        "SettingsWords", "Shared hall database (PostgreSQL). It holds a password: change it with `hallapp config set "
                         "database.url`."),
    "database.connect_timeout_s": QT_TRANSLATE_NOOP(
        "SettingsWords", "How long to wait for the shared database server before saying it cannot be reached, in seconds."),
    "platform.url": QT_TRANSLATE_NOOP(
        "SettingsWords", "Address of the national platform's inter-provincial channel (https://…)."),
    "platform.ca_file": QT_TRANSLATE_NOOP(
        "SettingsWords", "File of the authority that signs the platform's certificate; empty = the system's."),
    "platform.pin_sha256": QT_TRANSLATE_NOOP(
        "SettingsWords", "Optional fingerprints of the platform's key; one of them must match."),
    "counter.number": QT_TRANSLATE_NOOP(
        "SettingsWords", "The counter number of this PC; must be one of the hall's counters."),
    "counter.window_sends": QT_TRANSLATE_NOOP(
        "SettingsWords", "This PC's window sends the hall's cases to the platform; turn it off where the hall's sync "
                         "daemon on another PC sends them."),
    "devices.idcard_port": QT_TRANSLATE_NOOP(
        "SettingsWords", "Serial port of the ID card reader: a path (/dev/ttyUSB0, COM3), auto (the first port where a reader "
                         "answers), simulator, or none."),
    "devices.idcard_baud": QT_TRANSLATE_NOOP(
        "SettingsWords", "Speed of the ID card reader: 115200 or 9600 (Configure on the Devices page finds it)."),
    "devices.idcard_auto_read": QT_TRANSLATE_NOOP(
        "SettingsWords", "Read an ID card as soon as it is placed on the reader; false = only on F3."),
    "devices.photo_decoder": QT_TRANSLATE_NOOP(
        "SettingsWords", "Path of the card vendor's photo library (WLT decoder); empty = no photo is shown."),
    "devices.photo_decoder_output": QT_TRANSLATE_NOOP(
        "SettingsWords", "What the vendor's photo library writes: bmp (an image file) or rgb (bare pixels)."),
    "devices.pcsc_reader": QT_TRANSLATE_NOOP(
        "SettingsWords", "Reader for social security cards (PC/SC); empty = the first one found."),
    "devices.scanner": QT_TRANSLATE_NOOP(
        "SettingsWords", "Scanner (SANE name, e.g. fujitsu:fi-7160:123); empty = the first one found; none = no scanner."),
    "devices.scanner_source": QT_TRANSLATE_NOOP(
        "SettingsWords", "Where the scanner takes the pages from: flatbed or adf (the document feeder)."),
    "devices.scanner_dpi": QT_TRANSLATE_NOOP("SettingsWords", "Scan resolution in dots per inch (100 to 600)."),
    "devices.scan_folder": QT_TRANSLATE_NOOP(
        "SettingsWords", "Folder where the vendor's scan tool (TWAIN/WIA) saves files; each new file is added to the selected "
                         "material."),
    "ticket_printer.uri": QT_TRANSLATE_NOOP(
        "SettingsWords", "Address of the ticket printer: tcp://HOST:PORT, usb://VID:PID, serial:///dev/ttyX?baud=9600 or "
                         "file:///PATH; empty = no ticket printer."),
    "ticket_printer.width_mm": QT_TRANSLATE_NOOP("SettingsWords", "Width of the ticket paper in millimetres: 58 or 80."),
    "ticket_printer.encoding": QT_TRANSLATE_NOOP(
        "SettingsWords", "How the ticket printer reads Chinese text: GB18030, GBK or UTF-8."),
    "ticket_printer.native_qr": QT_TRANSLATE_NOOP(
        "SettingsWords", "true = the printer draws the QR code itself; false = an image of it is sent."),
    "ticket_printer.qr_template": QT_TRANSLATE_NOOP(
        "SettingsWords", "Web address printed as a QR code on the ticket, with {number} for the ticket number; empty = no QR "
                         "code."),
    "display.voice": QT_TRANSLATE_NOOP(
        "SettingsWords", "Voice of the hall display's calls: auto, qt, espeak, or silent (no voice)."),
    "display.voice_repeat": QT_TRANSLATE_NOOP("SettingsWords", "How many times each call is spoken (1 to 5)."),
    "display.voice_max_age_s": QT_TRANSLATE_NOOP(
        "SettingsWords", "A call not spoken within this many seconds is dropped (10 to 600)."),
    "evaluation.timeout_s": QT_TRANSLATE_NOOP(
        "SettingsWords", "Seconds the applicant has to rate a visit on the evaluation screen; then it counts as no answer."),
    "evaluation.follow_up_days": QT_TRANSLATE_NOOP(
        "SettingsWords", "Working days a supervisor has to follow up a bad rating, counted from the day after it."),
    "sync.poll_s": QT_TRANSLATE_NOOP("SettingsWords", "Seconds between two sends of the outbox when nothing is waiting."),
    "sync.batch": QT_TRANSLATE_NOOP("SettingsWords", "Cases sent together in one round."),
    "sync.lease_s": QT_TRANSLATE_NOOP(
        "SettingsWords", "Seconds a case being sent stays reserved for one PC before another may take it over."),
    "sync.timeout_s": QT_TRANSLATE_NOOP(
        "SettingsWords", "Seconds one platform request may take before it counts as failed."),
    "sync.run_timeout_s": QT_TRANSLATE_NOOP("SettingsWords", "Seconds one round of sending may take in all."),
    "sync.encrypt_materials": QT_TRANSLATE_NOOP(
        "SettingsWords", "Encrypt uploaded materials with SM4 (the platform's transport key)."),
    "sync.backoff_base_s": QT_TRANSLATE_NOOP(
        "SettingsWords", "First wait after a failed send, in seconds (doubles each time)."),
    "sync.backoff_cap_s": QT_TRANSLATE_NOOP("SettingsWords", "Longest wait between two tries, in seconds."),
    "sync.chunk_bytes": QT_TRANSLATE_NOOP(
        "SettingsWords", "Size of one piece of a material upload, in bytes (a multiple of 16)."),
    "sync.max_answer_bytes": QT_TRANSLATE_NOOP(
        "SettingsWords", "Largest platform answer read, in bytes; a longer one counts as no answer."),
    "sync.request_retries": QT_TRANSLATE_NOOP(
        "SettingsWords", "Quick retries of one platform request before waiting longer."),
    "sync.adapter": QT_TRANSLATE_NOOP(
        "SettingsWords", "How cases reach the platform: http = the documented hallapp contract."),
    "documents.font_paths": QT_TRANSLATE_NOOP(
        "SettingsWords", "TrueType Chinese fonts embedded in receipts and notices, tried in order."),
    "documents.status_url_template": QT_TRANSLATE_NOOP(
        "SettingsWords", "The hall's status-query web address, with {number} for the case number, printed as the receipt's QR "
                         "code; empty = the QR code holds the case number and the hall's phone."),
    "documents.hall_address": QT_TRANSLATE_NOOP(
        "SettingsWords", "Hall address printed on receipts and notices; empty = the hall's own address."),
    "documents.hall_phone": QT_TRANSLATE_NOOP(
        "SettingsWords", "Enquiry phone printed on receipts and notices; empty = the hall's own phone."),
    "documents.supervision_phone": QT_TRANSLATE_NOOP(
        "SettingsWords", "Supervision and complaint phone printed on receipts and notices; empty = only the 12345 hotline."),
    "documents.holiday_calendars": QT_TRANSLATE_NOOP(
        "SettingsWords", "Holiday calendars for promised dates: files, or names under resources/ (e.g. "
                         "calendars/cn-2026.yaml)."),
    "logging.level": QT_TRANSLATE_NOOP("SettingsWords", "How much the log records: DEBUG, INFO, WARNING or ERROR."),
    "retention.days": QT_TRANSLATE_NOOP(
        "SettingsWords", "Days after the platform confirms a case before its scans and personal details are deleted "
                         "(statistics and the audit trail stay)."),
    "backup.keep_daily": QT_TRANSLATE_NOOP(
        "SettingsWords", "Daily backups of the hall's database (SQLite) kept in the backups folder of the home (1 to 366)."),
    "backup.keep_monthly": QT_TRANSLATE_NOOP(
        "SettingsWords", "Months for which the first daily backup of the month is also kept (0 = none)."),
}


def meanings() -> dict[str, str]:
    return {key: QCoreApplication.translate("SettingsWords", text) for key, text in _MEANINGS.items()}


def meaning_of(key: str, description: str) -> str:
    return meanings().get(key, description)


def _field(key: str) -> Any:
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
