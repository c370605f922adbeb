"""The technician's wording of a self-test's cause code (hallapp/devices/roles.py CAUSES), in the
window's language: what happened and what to do next. Context "DeviceCauses"; an unknown code
falls back to the English message the test itself gave.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def cause_texts() -> dict[str, str]:
    return {
        "ok": QCoreApplication.translate("DeviceCauses", "The device works."),
        "not_configured": QCoreApplication.translate(
            "DeviceCauses", "No device is set up for this role: press C (Configure) and pick one."),
        "port_absent": QCoreApplication.translate(
            "DeviceCauses", "The port does not exist: plug the device in (or check its USB cable) and pick the port "
                           "again."),
        "port_busy": QCoreApplication.translate(
            "DeviceCauses", "Another program holds the port: close the other program (or the vendor's tool) and test "
                         "again."),
        "permission_denied": QCoreApplication.translate(
            "DeviceCauses", "This user may not open the device: add the user to the dialout (serial) or lp "
                                 "(printer) group or install the udev rule, then log in again."),
        "no_answer": QCoreApplication.translate(
            "DeviceCauses", "The device does not answer at any speed: check that it is switched on and that this is its "
                         "port."),
        "card_absent": QCoreApplication.translate(
            "DeviceCauses", "The reader works but no card is on it: place a card on the reader and test again."),
        "paper_out": QCoreApplication.translate("DeviceCauses", "The printer is out of paper: load a new roll and test again."),
        "cover_open": QCoreApplication.translate("DeviceCauses", "The printer's cover is open: close the cover and test again."),
        "printer_offline": QCoreApplication.translate(
            "DeviceCauses", "The printer is offline (error or feed): check its lights, clear the error and test "
                               "again."),
        "connection_refused": QCoreApplication.translate(
            "DeviceCauses", "The address answers but nothing listens on that port: check the device's IP "
                                  "address and port (9100 for printers) and that it is switched on."),
        "host_unreachable": QCoreApplication.translate(
            "DeviceCauses", "The address cannot be reached: check the network cable and the IP address."),
        "dns": QCoreApplication.translate(
            "DeviceCauses", "The host name cannot be resolved: check the address spelling or the hall's DNS server."),
        "tls_certificate": QCoreApplication.translate(
            "DeviceCauses", "The server's TLS certificate is not trusted: check platform.ca_file and "
                               "platform.pin_sha256 with the provincial operator."),
        "clock_skew": QCoreApplication.translate(
            "DeviceCauses", "This PC's clock differs from the platform's by more than 300 s: set the PC's time (or "
                          "enable time sync) and test again."),
        "unknown_key": QCoreApplication.translate(
            "DeviceCauses", "The platform does not know this hall's key: run `hallapp platform register` and test "
                           "again."),
        "timeout": QCoreApplication.translate(
            "DeviceCauses", "The device or server did not answer in time: check that it is switched on and connected."),
        "not_supported": QCoreApplication.translate("DeviceCauses", "This test is not available on this PC."),
        "device_error": QCoreApplication.translate(
            "DeviceCauses", "The device reported an error: see the details, switch it off and on, and test again."),
    }


def cause_text(cause: str, fallback: str = "") -> str:
    """The worded cause and fix; `fallback` (the test's own message) for a code not listed here."""
    return cause_texts().get(cause) or fallback or cause_texts()["device_error"]


def address_text(kind: str, address: str) -> str:
    """What the Address column says: a real address as it is, a stand-in (RoleRow.address_kind) in words."""
    return {
        "simulator": QCoreApplication.translate("DeviceCauses", "simulator"),
        "system_printer": QCoreApplication.translate("DeviceCauses", "the system's printer"),
        "sample_pages": QCoreApplication.translate("DeviceCauses", "sample pages"),
    }.get(kind, address)


def found_label(code: str, params: dict[str, str], label: str) -> str:
    """A found device (hallapp.devices.roles.Found) in words; `label` when it is data (a model name)."""
    words = {
        "sam_reader": QCoreApplication.translate("DeviceCauses", "SAM ID card reader ({baud} baud)"),
        "serial_no_sam": QCoreApplication.translate("DeviceCauses", "serial port, no SAM reader"),
        "pcsc_missing": QCoreApplication.translate("DeviceCauses", "PC/SC support (pyscard) is not installed"),
        "pcsc_card_present": QCoreApplication.translate("DeviceCauses", "{name} (card present)"),
        "pcsc_no_card": QCoreApplication.translate("DeviceCauses", "{name} (no card)"),
        "pcsc_unavailable": QCoreApplication.translate("DeviceCauses", "PC/SC service unavailable"),
        "sane_unlisted": QCoreApplication.translate("DeviceCauses", "the scanners could not be listed"),
        "usb_printer": QCoreApplication.translate("DeviceCauses", "USB printer"),
        "network_printer": QCoreApplication.translate("DeviceCauses", "the configured network printer"),
        "no_voice": QCoreApplication.translate("DeviceCauses", "no text-to-speech engine found"),
        "platform_unset": QCoreApplication.translate("DeviceCauses", "no platform address is set (platform.url)"),
        "platform_tcp": QCoreApplication.translate("DeviceCauses", "national platform (connection only)"),
        "not_probed": QCoreApplication.translate("DeviceCauses", "listed by the window itself"),
    }
    text = words.get(code)
    if text is None:
        return label
    try:
        return text.format(**params)
    except (KeyError, IndexError):  # a translation that lost a placeholder must not break the dialog
        return label


def detail_text(details: dict[str, object]) -> str:
    """The details of a test a technician can act on, in words, joined by " · "; the rest (codes,
    ATR, the thumbnail, the printer's address shown in its own column) stays in device_tests.json."""
    words = {
        "simulated": QCoreApplication.translate("DeviceCauses", "simulator"),
        "port": QCoreApplication.translate("DeviceCauses", "port {value}"),
        "baud": QCoreApplication.translate("DeviceCauses", "{value} baud"),
        "card_read": QCoreApplication.translate("DeviceCauses", "a card was read"),
        "reader": QCoreApplication.translate("DeviceCauses", "reader {value}"),
        "test_slip": QCoreApplication.translate("DeviceCauses", "a test slip was printed"),
        "scanner": QCoreApplication.translate("DeviceCauses", "scanner {value}"),
        "page_px": QCoreApplication.translate("DeviceCauses", "page of {value} pixels"),
        "voice": QCoreApplication.translate("DeviceCauses", "voice {value}"),
        "screen": QCoreApplication.translate("DeviceCauses", "screen {value}"),
        "size": QCoreApplication.translate("DeviceCauses", "{value} pixels"),
        "camera": QCoreApplication.translate("DeviceCauses", "camera {value}"),
        "rtt_ms": QCoreApplication.translate("DeviceCauses", "answered in {value} ms"),
        "clock_offset_s": QCoreApplication.translate("DeviceCauses", "clock differs by {value} s"),
        "ports": QCoreApplication.translate("DeviceCauses", "ports tried: {value}"),
        "crash": QCoreApplication.translate("DeviceCauses", "the test itself failed ({value}); the details are in the log"),
    }
    parts = []
    for key, text in words.items():
        value = details.get(key)
        if value in (None, "", False):
            continue
        parts.append(text.replace("{value}", str(value)))
    return " · ".join(parts)
