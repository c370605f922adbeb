"""Errors worded at the edge: the core raises exceptions with a stable `code` and `params`; the
window says them in the clerk's language here. Exceptions without a code (older ones, still
worded where they are raised) are shown as they are."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallapp.domain import outbox
from ui import device_errors, refusals


def _templates() -> dict[str, str]:
    return {
        "document.not_applicable": QCoreApplication.translate("Errors", "This case has no {document}; it can have: {allowed}."),
        "document.unknown_kind": QCoreApplication.translate("Errors", "Unknown document {kind}."),
        **device_errors.templates(),  # drivers' codes: card, pcsc, photo, printer, scanner, import
        **refusals.templates(),  # the core's refusals: queue, case, staff, login, set-up, evaluation
        **_sync_setup_templates(),
    }


def templates() -> dict[str, str]:
    """Every code the window words, each with its template in the window's language."""
    return _templates()


def _sync_setup_templates() -> dict[str, str]:
    """What stops the sync, a catalog or calendar update before anything is sent (hallapp/sync/crypto.py,
    platform_clients.py, catalog_fetch.py, licence_wire.py)."""
    return {
        "sync.no_hall_key": QCoreApplication.translate(
            "SyncErrors", "This PC has no signing key for the hall yet: the technician runs hallapp platform register."
        ),
        "sync.no_hall": QCoreApplication.translate(
            "SyncErrors", "There is no hall in the database yet: finish the first-run set-up first."
        ),
        "sync.platform_key_unreadable": QCoreApplication.translate(
            "SyncErrors", "The national platform's key pinned on this PC ({path}) cannot be read: the administrator "
            "checks the file, or the technician runs hallapp platform register again."
        ),
        "sync.no_adapter": QCoreApplication.translate(
            "SyncErrors", "There is no platform adapter {adapter} on this PC (entry point group {group}): the "
            "technician installs it, or corrects the setting sync.adapter."
        ),
        "sync.no_catalog": QCoreApplication.translate(
            "SyncErrors", "This PC's platform adapter does not provide the item catalog: import the catalog from a "
            "file instead (hallapp catalog import)."
        ),
        "sync.no_calendar": QCoreApplication.translate(
            "SyncErrors", "This PC's platform adapter does not provide holiday calendars: import the year's calendar "
            "from a file instead (hallapp calendar import)."
        ),
        "sync.bad_catalog": QCoreApplication.translate(
            "SyncErrors", "The platform's item catalog does not fit the contract (version, items); treated as no "
            "answer, nothing changed: try again later."
        ),
        "sync.bad_calendar": QCoreApplication.translate(
            "SyncErrors", "The platform's holiday calendar does not fit the contract (year, version, days); treated "
            "as no answer, nothing changed: try again later."
        ),
        "sync.bad_licence": QCoreApplication.translate(
            "SyncErrors", "The platform's e-licence answer does not fit the contract; treated as no answer."
        ),
        "sync.window_child_exited": QCoreApplication.translate(
            "SyncErrors", "The window's sending process ended unexpectedly (exit {status}); it starts again in "
            "{seconds} s and cases wait safely meanwhile. If this repeats, the technician reads sync-window.err and "
            "hallapp.log in the home's logs folder."
        ),
    }


def document_names() -> dict[str, str]:
    return {"receipt": QCoreApplication.translate("Errors", "receipt"),
            "notice": QCoreApplication.translate("Errors", "one-time notice"),
            "commitment": QCoreApplication.translate("Errors", "commitment"),
            "consent": QCoreApplication.translate("Errors", "consent form")}


def describe(exc: BaseException) -> str:
    """What happened, in the window's language."""
    code = getattr(exc, "code", None)
    template = _templates().get(code) if isinstance(code, str) else None
    if template is None:
        return str(exc) or type(exc).__name__
    names = document_names()
    params = refusals.worded(device_errors.worded({key: str(value) for key, value in getattr(exc, "params", {}).items()}))
    if "kind" in params:
        params["document"] = names.get(params["kind"], params["kind"])
    if "allowed" in params:
        params["allowed"] = "、".join(names.get(k.strip(), k.strip()) for k in params["allowed"].split(","))
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def describe_stored(text: str | None) -> str:
    """An outbox entry's stored `last_error` (or the sync's blocked reason) in the window's language;
    an older plain-text one as it was stored."""
    return describe(StoredError(outbox.read(text)))


class StoredError(Exception):
    """A stored error as an exception `describe()` takes: its code, params and English text."""

    def __init__(self, entry: outbox.EntryError) -> None:
        super().__init__(str(entry))
        self.code, self.params = entry.code, dict(entry.params)
