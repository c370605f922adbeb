"""The one settings object. Every key is declared once here, with its type, default and help.

Settings live as TOML in the home folder (`settings.toml`); only keys that were set are written,
so a new default reaches every hall that never changed it. Environment variables named in
`ENV_OVERRIDES` win over the file (a deployment or a test sets them without editing files).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from hallapp.domain.clock import DEFAULT_ZONE, Clock, ClockError, zone_of

# Marks in a field's json_schema_extra. SECRET: never printed, exported or put in diagnostics (`config show`
# prints ***). PER_PC: belongs to this PC (its counter, its devices' ports), so `config export` leaves it out.
SECRET = "secret"  # noqa: S105 - the name of a mark, not a password
PER_PC = "per_pc"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class HallSettings(_Section):
    time_zone: str = Field(
        DEFAULT_ZONE,
        description="The hall's time zone (IANA name): every time shown or printed and every day, whatever the PC's zone",
    )

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zone_of(value)
        except ClockError as exc:
            raise ValueError(str(exc)) from None
        return value.strip()

    def clock(self) -> Clock:
        """The hall's clock on the system time (start-up installs it with `set_hall_clock`)."""
        return Clock.for_zone(self.time_zone)


class UiSettings(_Section):
    language: Literal["zh_CN", "en"] = Field("zh_CN", description="UI language: zh_CN (Simplified Chinese) or en")
    font_size_pt: int = Field(14, ge=9, le=32, description="Base font size on the counter, in points")


class SecuritySettings(_Section):
    max_failed_logins: int = Field(5, ge=1, le=100, description="Bad passwords before an account locks")
    lockout_minutes: int = Field(5, ge=1, le=1440, description="How long a locked account stays locked")
    idle_lock_minutes: int = Field(
        10, ge=0, le=480, description="Lock the window after this many idle minutes (0 = never)"
    )


class DatabaseSettings(_Section):
    url: str = Field(
        "",
        description="SQLAlchemy URL of a shared hall database (PostgreSQL); empty = SQLite in the home folder",
        json_schema_extra={SECRET: True},  # may hold the database password
    )
    connect_timeout_s: int = Field(
        5, ge=1, le=120, description="Seconds to wait for the shared database server before saying it is away"
    )

    @field_validator("url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        return check_database_url(value.strip())


class PlatformSettings(_Section):
    url: str = Field("", description="Address of the national platform's inter-provincial channel")
    ca_file: str = Field(
        "", description="PEM file of the CA(s) the platform's TLS certificate must chain to; empty = the system's"
    )
    pin_sha256: list[str] = Field(
        default_factory=list,
        description="Optional pins: base64 SHA-256 of the platform certificate's public key (SPKI); any one must match",
    )

    @field_validator("url")
    @classmethod
    def _platform_url(cls, value: str) -> str:
        return check_web_url(value.strip())

    @field_validator("ca_file")
    @classmethod
    def _ca_file(cls, value: str) -> str:
        return value.strip()

    @field_validator("pin_sha256")
    @classmethod
    def _pins(cls, value: list[str]) -> list[str]:
        import base64
        import binascii

        pins = []
        for pin in value:
            text = pin.strip().removeprefix("sha256/")
            try:
                ok = len(base64.b64decode(text, validate=True)) == 32
            except (binascii.Error, ValueError):
                ok = False
            if not ok:
                raise ValueError(f"{pin!r} is not a base64 SHA-256 pin (44 characters, e.g. from `openssl x509 -pubkey`)")
            pins.append(text)
        return pins


class CounterSettings(_Section):
    number: int = Field(1, ge=1, le=999, description="The counter number of this PC",
                        json_schema_extra={PER_PC: True})
    window_sends: bool = Field(
        True, description="This PC's window sends the outbox to the platform; off where the hall's sync daemon "
        "on another PC sends", json_schema_extra={PER_PC: True})


class DeviceSettings(_Section):
    idcard_port: str = Field(
        "auto", description="ID card reader serial port: a path (/dev/ttyUSB0, COM3), auto, simulator, or none",
        json_schema_extra={PER_PC: True},
    )
    idcard_baud: int = Field(115200, description="ID card reader speed (115200 or 9600)")
    idcard_auto_read: bool = Field(True, description="Read an ID card as soon as it is placed on the reader")
    photo_decoder: str = Field("", description="Path of the card vendor's WLT photo library (optional)",
                               json_schema_extra={PER_PC: True})
    photo_decoder_output: Literal["bmp", "rgb"] = Field(
        "bmp", description="What the vendor library writes: a BMP file image (bmp) or bare pixels (rgb)"
    )
    pcsc_reader: str = Field("", description="PC/SC reader for social security cards; empty = the first one",
                             json_schema_extra={PER_PC: True})
    scanner: str = Field(
        "", description="SANE scanner device (e.g. fujitsu:fi-7160:123); empty = the first one; none = no scanner",
        json_schema_extra={PER_PC: True},
    )
    scanner_source: Literal["flatbed", "adf"] = Field("adf", description="Scan from the flatbed or the document feeder")
    scanner_dpi: int = Field(200, ge=100, le=600, description="Scan resolution in dots per inch")
    scan_folder: str = Field(
        "",
        description="Folder where the vendor's scan tool (TWAIN/WIA) saves files; each new file goes to the selected material",
        json_schema_extra={PER_PC: True},
    )

    @field_validator("idcard_baud")
    @classmethod
    def _reader_speed(cls, value: int) -> int:
        if value not in ID_CARD_BAUDS:  # SAM readers speak one of these two; any other value never connects
            raise ValueError("must be 115200 or 9600")
        return value


class TicketPrinterSettings(_Section):
    uri: str = Field(
        "",
        description="Ticket printer: tcp://HOST:PORT, usb://VID:PID, serial:///dev/ttyX?baud=9600, file:///PATH; empty = none",
        json_schema_extra={PER_PC: True},
    )
    width_mm: Literal[58, 80] = Field(80, description="Ticket paper width in millimetres (58 or 80)")
    encoding: Literal["GB18030", "GBK", "UTF-8"] = Field("GB18030", description="How the printer reads Chinese text")
    native_qr: bool = Field(True, description="The printer draws QR codes itself (GS ( k); off = send an image")
    qr_template: str = Field("", description="QR on the ticket, e.g. https://hall.example/q/{number}; empty = none")


class DisplaySettings(_Section):
    voice: Literal["auto", "qt", "espeak", "silent"] = Field("auto", description="Hall display voice engine")
    voice_repeat: int = Field(2, ge=1, le=5, description="How many times each call is spoken")
    voice_max_age_s: float = Field(120, ge=10, le=600, description="A call not yet spoken after this many seconds is dropped")


class EvaluationSettings(_Section):
    timeout_s: int = Field(30, ge=5, le=600, description="Seconds the applicant has to rate a visit (then: no answer)")
    follow_up_days: int = Field(
        5, ge=1, le=60, description="Working days a supervisor has to call back after a bad rating, counted from the next day"
    )


class SyncSettings(_Section):
    batch: int = Field(8, ge=1, le=100, description="Outbox entries claimed per round")
    lease_s: float = Field(120, ge=10, le=3600, description="Seconds an entry stays claimed by one sender")
    backoff_base_s: float = Field(5, ge=0.1, le=600, description="First retry delay after a failure (doubles, with jitter)")
    backoff_cap_s: float = Field(900, ge=1, le=86400, description="Longest retry delay")
    chunk_bytes: int = Field(1048576, ge=16, le=16 * 1048576, multiple_of=16, description="Material upload chunk size")
    poll_s: float = Field(30, ge=1, le=3600, description="Seconds between sync rounds when idle")
    timeout_s: float = Field(
        30, ge=1, le=600, description="Seconds one platform request may take in all (connect, send, whole answer)"
    )
    run_timeout_s: float = Field(600, ge=10, le=86400, description="Seconds one sync round may take in all")
    max_answer_bytes: int = Field(
        1048576, ge=4096, le=64 * 1048576, description="Largest platform answer read; a longer one counts as no answer"
    )
    encrypt_materials: bool = Field(False, description="Encrypt material uploads with SM4 (the platform's transport key)")
    request_retries: int = Field(2, ge=0, le=10, description="Quick retries of one request before backing off")
    adapter: str = Field("http", description="Platform adapter (http = the documented hallapp contract)")


class DocumentSettings(_Section):
    font_paths: list[str] = Field(
        default_factory=lambda: [
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "C:/Windows/Fonts/simsun.ttc",
            "C:/Windows/Fonts/msyh.ttc",
        ],
        description="TrueType CJK fonts to embed in documents, tried in order",
    )
    status_url_template: str = Field(
        "",
        description=(
            "The hall's status-query web address with {number} for the case number, printed as the receipt's QR; "
            "empty = the QR holds the case number and the hall's phone as text"
        ),
    )
    hall_address: str = Field("", description="Hall address printed on documents; empty = the hall record's address")
    hall_phone: str = Field("", description="Enquiry phone printed on documents; empty = the hall record's phone")
    supervision_phone: str = Field(
        "", description="Supervision / complaint phone printed on documents; empty = 12345 hotline only"
    )
    holiday_calendars: list[str] = Field(
        default_factory=lambda: ["calendars/cn-2026.yaml"],
        description="Holiday calendars for promised dates (paths, or names under resources/)",
        json_schema_extra={PER_PC: True},  # imported ones live in each PC's home: `hallapp calendar import` there
    )

    @field_validator("holiday_calendars")
    @classmethod
    def _calendar_names(cls, value: list[str]) -> list[str]:
        for entry in value:
            path = Path(entry.strip())
            if not entry.strip() or (not path.is_absolute() and ".." in path.parts):
                raise ValueError(f"{entry!r} is not a holiday calendar: give a name under resources/ "
                                 "(calendars/cn-2026.yaml) or the full path of a calendar file")
        return [entry.strip() for entry in value]

    @field_validator("status_url_template")
    @classmethod
    def _has_number(cls, value: str) -> str:
        value = value.strip()
        if value and "{number}" not in value:
            raise ValueError("must contain {number} where the case number goes, or be empty")
        return value


class LoggingSettings(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field("INFO", description="Log level")


class RetentionSettings(_Section):
    days: int = Field(
        180, ge=1, le=3650,
        description="Days after the platform confirms a case before its scans and personal fields are purged "
                    "(hallapp retention purge; statistics and the audit trail stay)",
    )


class BackupSettings(_Section):
    keep_daily: int = Field(7, ge=1, le=366, description="Daily backups of a SQLite hall kept in <home>/backups")
    keep_monthly: int = Field(
        12, ge=0, le=120, description="Months for which the month's first daily backup is also kept"
    )


class Settings(_Section):
    hall: HallSettings = Field(default_factory=HallSettings)
    ui: UiSettings = Field(default_factory=UiSettings)
    security: SecuritySettings = Field(default_factory=SecuritySettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    platform: PlatformSettings = Field(default_factory=PlatformSettings)
    counter: CounterSettings = Field(default_factory=CounterSettings)
    devices: DeviceSettings = Field(default_factory=DeviceSettings)
    ticket_printer: TicketPrinterSettings = Field(default_factory=TicketPrinterSettings)
    display: DisplaySettings = Field(default_factory=DisplaySettings)
    evaluation: EvaluationSettings = Field(default_factory=EvaluationSettings)
    sync: SyncSettings = Field(default_factory=SyncSettings)
    documents: DocumentSettings = Field(default_factory=DocumentSettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    backup: BackupSettings = Field(default_factory=BackupSettings)


ID_CARD_BAUDS = (115200, 9600)
DATABASE_BACKENDS = ("sqlite", "postgresql")


def check_database_url(value: str) -> str:
    """An SQLAlchemy URL of a backend hallapp runs on (never echoed: it may hold a password)."""
    if not value:
        return value
    scheme, sep, rest = value.partition("://")
    backend = scheme.split("+", 1)[0].lower()
    if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*(\+[A-Za-z0-9_]+)?", scheme):
        raise ValueError("not a database URL: expected postgresql+psycopg://USER:PASSWORD@HOST/NAME "
                         "or sqlite:///PATH, or empty for the home's SQLite file")
    if backend not in DATABASE_BACKENDS:
        raise ValueError(f"only sqlite or postgresql databases are supported, not {backend}")
    if backend == "sqlite" and not rest.startswith("/"):
        raise ValueError("an SQLite URL names a file: sqlite:///PATH")
    if backend == "postgresql" and ("/" not in rest or not rest.split("/", 1)[0] or not rest.split("/", 1)[1]):
        raise ValueError("a PostgreSQL URL names a host and a database: postgresql+psycopg://USER:PASSWORD@HOST/NAME")
    return value


def check_web_url(value: str) -> str:
    """An http(s) address with a host (and, if given, a valid port)."""
    if not value:
        return value
    parts = urlsplit(value)
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
    if parts.scheme not in ("http", "https") or not parts.hostname or not port_ok or any(c.isspace() for c in value):
        raise ValueError("not a web address: expected https://HOST[:PORT][/PATH] (or http://), or empty")
    return value


ENV_OVERRIDES = {
    "database.url": "HALLAPP_DATABASE_URL",
    "platform.url": "HALLAPP_PLATFORM_URL",
    "ui.language": "HALLAPP_LANGUAGE",
}


class SettingsError(ValueError):
    """A settings file or value that cannot be used; the message names the key."""


# Hall policy, the same at every counter: on a shared (PostgreSQL) database these live in its hall_setting
# table and the file's value is ignored; on SQLite the file stays their source. Per-PC keys (counter.number,
# device ports) and secrets never go there; the hall's name, code and region are the database's hall row.
HALL_WIDE_KEYS = (
    "hall.time_zone", "platform.url", "platform.pin_sha256", "security.max_failed_logins",
    "security.lockout_minutes", "security.idle_lock_minutes", "evaluation.timeout_s", "evaluation.follow_up_days",
    "retention.days", "ticket_printer.qr_template", "documents.status_url_template", "documents.hall_address",
    "documents.hall_phone", "documents.supervision_phone",
)


def is_hall_wide(key: str) -> bool:
    return key in HALL_WIDE_KEYS


def is_shared_url(url: str) -> bool:
    """A database every counter of the hall shares (PostgreSQL), where hall-wide keys live."""
    return url.strip().lower().startswith("postgresql")


def hall_wide_values(url: str, keys_dir: Path, timeout_s: int = 5) -> dict[str, Any]:
    """The hall-wide keys stored in the shared database at `url` (raises DatabaseError if it is away)."""
    from hallapp.storage.hall_settings import read_hall_settings

    return {key: value for key, value in read_hall_settings(url, keys_dir, timeout_s).items() if is_hall_wide(key)}


def _with_hall_wide(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    """Overlay the shared database's hall-wide keys; if it cannot be asked, the file's values stand (logged)."""
    import logging

    from hallapp.storage import DatabaseError

    url = raw.get("database", {}).get("url", "")
    if not isinstance(url, str) or not is_shared_url(url):
        return raw
    timeout = raw.get("database", {}).get("connect_timeout_s", 5)
    try:
        values = hall_wide_values(url, path.parent / "keys", timeout if isinstance(timeout, int) else 5)
    except DatabaseError as exc:
        logging.getLogger(__name__).warning("hall-wide settings not read from the database (%s): "
                                            "this PC's file values are used", exc)
        return raw
    overridden = {key for key, env in ENV_OVERRIDES.items() if os.environ.get(env)}
    for key, value in values.items():
        if key not in overridden:
            section, name = key.split(".")
            raw = {**raw, section: {**raw.get(section, {}), name: value}}
    return raw


def declared_keys() -> dict[str, tuple[Any, str]]:
    """Every dotted key with its default and description, in declaration order."""
    keys: dict[str, tuple[Any, str]] = {}
    for section_name in Settings.model_fields:
        section_cls = _section_class(section_name)
        defaults = section_cls()
        for key, field in section_cls.model_fields.items():
            keys[f"{section_name}.{key}"] = (getattr(defaults, key), field.description or "")
    return keys


def _section_class(section: str) -> type[BaseModel]:
    """The model of one Settings section (pydantic types a field's annotation as any type form)."""
    cls = Settings.model_fields[section].annotation
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
        raise TypeError(f"Settings.{section} is not a section model")
    return cls


def _read_raw(path: Path) -> dict[str, Any]:
    if path.is_dir():
        raise SettingsError(f"{path} is a folder, not a settings file: remove or rename it")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the settings file ({exc.strerror}): check its permissions") from exc
    try:
        text = data.decode("utf-8-sig")  # Notepad saves UTF-8 with a byte order mark
    except UnicodeDecodeError as exc:
        raise SettingsError(f"{path}: not saved as UTF-8 (byte {exc.start}): save it again as UTF-8") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from exc


def _validate(raw: dict[str, Any], origin: str) -> Settings:
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise SettingsError(f"{origin}: {key}: {first['msg']}") from exc


def load_settings(path: Path, *, hall_wide: bool = True) -> Settings:
    """The file, then environment overrides, then (on a shared database, unless `hall_wide` is False)
    the hall-wide keys from the database. Blocking on PostgreSQL: a database round trip."""
    raw = _read_raw(path)
    for key, env in ENV_OVERRIDES.items():
        if os.environ.get(env):
            section, name = key.split(".")
            raw = {**raw, section: {**raw.get(section, {}), name: os.environ[env]}}
    if hall_wide:
        raw = _with_hall_wide(raw, path)
    return _validate(raw, str(path))


def _parse_value(text: str, default: Any) -> Any:
    """Turn a command-line string into the key's type; pydantic then checks ranges and choices."""
    if isinstance(default, list):
        text = text.strip()
        if text.startswith("["):
            return json.loads(text)
        return [part.strip() for part in text.split(",") if part.strip()]
    if isinstance(default, int) and not isinstance(default, bool) and re.fullmatch(r"\s*-?\d+\s*", text):
        return int(text)  # a Literal[58, 80] takes no "58"
    return text


def check_value(path: Path, key: str, text: str) -> Any:
    """One key's value as `set_value` would store it, validated against this home's file, storing nothing
    (a hall-wide key on a shared database is stored there instead)."""
    return getattr(getattr(_checked(path, key, text)[0], key.split(".")[0]), key.split(".")[1])


def _checked(path: Path, key: str, text: str) -> tuple[Settings, dict[str, Any]]:
    keys = declared_keys()
    if key not in keys:
        raise SettingsError(f"unknown setting '{key}' (see `hallapp config show`)")
    section, name = key.split(".")
    raw = _read_raw(path)
    try:
        value = _parse_value(text, keys[key][0])
    except json.JSONDecodeError as exc:
        raise SettingsError(f"{key}: not a valid list ({exc})") from exc
    raw.setdefault(section, {})[name] = value
    settings = _validate(raw, "refused")
    if key == "documents.holiday_calendars":
        _check_calendars_load(settings.documents.holiday_calendars)
    return settings, raw


def set_value(path: Path, key: str, text: str) -> Settings:
    """Validate and store one key; the file is untouched if the value is refused."""
    settings, raw = _checked(path, key, text)
    section, name = key.split(".")
    # Store the validated (typed) value, not the raw string.
    raw[section][name] = getattr(getattr(settings, section), name)
    _write_raw(path, raw)
    return settings


def write_values(path: Path, values: dict[str, Any]) -> Settings:
    """Store several keys at once (`config import`): all are validated together, then the file is
    written once; if any value is refused, nothing changes."""
    keys = declared_keys()
    for key in values:
        if key not in keys:
            raise SettingsError(f"unknown setting '{key}' (see `hallapp config show`)")
    raw = _read_raw(path)
    for key, value in values.items():
        section, name = key.split(".")
        raw.setdefault(section, {})[name] = value
    settings = _validate(raw, "refused")
    if "documents.holiday_calendars" in values:
        _check_calendars_load(settings.documents.holiday_calendars)
    for key in values:
        section, name = key.split(".")
        raw[section][name] = getattr(getattr(settings, section), name)
    _write_raw(path, raw)
    return settings


def stored_values(path: Path) -> dict[str, Any]:
    """The keys this home's settings file sets (not defaults, not environment overrides), validated."""
    raw = _read_raw(path)
    settings = _validate(raw, str(path))
    return {key: getattr(getattr(settings, key.split(".")[0]), key.split(".")[1])
            for key in declared_keys() if key.split(".")[1] in raw.get(key.split(".")[0], {})}


def _write_raw(path: Path, raw: dict[str, Any]) -> None:
    """Beside the target, then renamed: never a half-written file. 0600: it may hold a password."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(tomli_w.dumps(raw))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _check_calendars_load(entries: list[str]) -> None:
    """At `config set` time every calendar must be a readable calendar, not only a plausible name."""
    from hallapp.domain.workdays import CalendarError, HolidayCalendar
    from hallapp.resources import resource_path

    for entry in entries:
        path = Path(entry)
        try:
            HolidayCalendar.load(path if path.is_absolute() else resource_path(*path.parts))
        except (CalendarError, FileNotFoundError, ValueError) as exc:
            detail = " ".join(str(exc).split())
            raise SettingsError(f"refused: documents.holiday_calendars: {entry!r} is not a holiday calendar "
                                f"({detail})") from exc


def read_flat(path: Path) -> dict[str, Any]:
    """A settings-shaped TOML file as {dotted key: value as written} (`config import` checks each)."""
    flat: dict[str, Any] = {}
    for section, table in _read_raw(path).items():
        if not isinstance(table, dict):
            raise SettingsError(f"{path}: '{section}' is not a [section] of settings")
        flat.update({f"{section}.{name}": value for name, value in table.items()})
    return flat


def flat_items(settings: Settings) -> list[tuple[str, Any, str]]:
    """(key, current value, description) for `hallapp config show`."""
    out = []
    for key, (_default, description) in declared_keys().items():
        section, name = key.split(".")
        out.append((key, getattr(getattr(settings, section), name), description))
    return out


# A key named like a secret stays hidden even if its declaration forgot the SECRET mark.
_SECRET_NAME = re.compile(r"password|passphrase|secret|token|api_?key|private", re.IGNORECASE)


def _marks(key: str) -> dict[str, Any]:
    section, name = key.split(".")
    extra = _section_class(section).model_fields[name].json_schema_extra
    return extra if isinstance(extra, dict) else {}


def is_secret(key: str) -> bool:
    return bool(_marks(key).get(SECRET)) or bool(_SECRET_NAME.search(key))


def is_per_pc(key: str) -> bool:
    return bool(_marks(key).get(PER_PC))


def shown_value(key: str, value: Any) -> Any:
    """The value as `config show`, the Settings page and diagnostics may print it: a secret as ***,
    a URL with only its password hidden (the host still helps a technician)."""
    if not is_secret(key) or value in ("", None, [], {}):
        return value
    if isinstance(value, str) and "://" in value:
        return hide_url_secrets(value)
    return "***"


def hide_url_secrets(url: str) -> str:
    """postgresql+psycopg://hall:secret@db/hall → postgresql+psycopg://hall:***@db/hall (also ?password=)."""
    url = re.sub(r"^([^:/?#]+://[^:@/?#]*):.*@", r"\1:***@", url)  # greedy: a raw @ in the password
    return re.sub(r"(?i)([?&](?:password|passwd|token|secret)=)[^&#]*", r"\1***", url)
