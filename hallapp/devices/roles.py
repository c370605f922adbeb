"""The names shared by detection, self-tests, `hallapp devices` and the Devices page.

Cause codes are stable (scripts and the page key on them); each message names the cause and the fix.
"""

from __future__ import annotations

from dataclasses import InitVar, dataclass, field
from datetime import datetime

ROLES: tuple[str, ...] = (
    "card-reader", "sscard-reader", "ticket-printer", "receipt-printer", "scanner",
    "camera", "voice", "display", "platform",
)

CAUSES: dict[str, str] = {
    "ok": "The device works.",
    "not_configured": "No device is set up for this role: choose one in Devices → Configure "
                      "(or `hallapp config set ...`).",
    "port_absent": "The port does not exist: plug the device in (or check its USB cable) and pick the port again.",
    "port_busy": "Another program holds the port: close the other program (or the vendor's tool) and test again.",
    "permission_denied": "This user may not open the device: add the user to the dialout (serial) or lp (printer) "
                         "group or install the udev rule, then log in again.",
    "no_answer": "The device does not answer at any speed: check that it is switched on and that this is "
                 "its port.",
    "card_absent": "The reader works but no card is on it: place a card on the reader and test again.",
    "paper_out": "The printer is out of paper: load a new roll and test again.",
    "cover_open": "The printer's cover is open: close the cover and test again.",
    "printer_offline": "The printer is offline (error or feed): check its lights, clear the error and test again.",
    "connection_refused": "The address answers but nothing listens on that port: check the device's IP address "
                          "and port (9100 for printers) and that it is switched on.",
    "host_unreachable": "The address cannot be reached: check the network cable and the IP address.",
    "dns": "The host name cannot be resolved: check the address spelling or the hall's DNS server.",
    "tls_certificate": "The server's TLS certificate is not trusted: check platform.ca_file / pin_sha256 "
                       "with the provincial operator.",
    "clock_skew": "This PC's clock differs from the platform's by more than 300 s: set the PC's time "
                  "(or enable time sync) and test again.",
    "unknown_key": "The platform does not know this hall's key: run `hallapp platform register` and test again.",
    "timeout": "The device or server did not answer in time: check that it is switched on and connected.",
    "not_supported": "This test is not available here: run it from the Devices page or on a PC that has it.",
    "device_error": "The device reported an error: see the details, switch it off and on, and test again.",
}

CLOCK_SKEW_LIMIT_S = 300.0


@dataclass(frozen=True)
class RoleRow:
    """One row of `hallapp devices list` and of the Devices page."""

    role: str
    driver: str
    address: str  # English for the CLI when address_kind is set
    state: str  # "configured" | "not_configured" | "simulated" | "auto" | "not_supported"
    # "" = `address` is a real one; else "simulator" | "system_printer" | "sample_pages", worded by the window.
    # An InitVar, kept as an attribute: not a field, so `hallapp devices list --json` keeps its four keys.
    address_kind: InitVar[str] = ""

    def __post_init__(self, address_kind: str) -> None:
        object.__setattr__(self, "address_kind", address_kind)


@dataclass(frozen=True)
class Found:
    """One thing `detect` found (or, with driver "none", could not look for)."""

    role: str
    driver: str
    address: str
    label: str  # English, for the CLI
    details: dict[str, str] = field(default_factory=dict)
    # What the window words (ui/device_causes.py) with `params`; "" = `label` is data (a model name).
    # InitVars kept as attributes: not fields, so `hallapp devices detect --json` stays as it was.
    label_code: InitVar[str] = ""
    params: InitVar[dict[str, str] | None] = None

    def __post_init__(self, label_code: str, params: dict[str, str] | None) -> None:
        object.__setattr__(self, "label_code", label_code)
        object.__setattr__(self, "params", dict(params or {}))


@dataclass(frozen=True)
class TestResult:
    """The outcome of one self-test; `at` is aware UTC."""

    __test__ = False  # not a pytest class

    role: str
    ok: bool
    cause: str
    message: str
    details: dict[str, object]
    at: datetime


def message_for(cause: str) -> str:
    """The English cause-and-fix line for a cause code (device_error's for an unknown code)."""
    return CAUSES.get(cause, CAUSES["device_error"])
