"""The platform's item catalog and holiday calendars over the HTTP contract: signed `GET`s whose
answers are believed only once the platform's signature checks (docs/platform-api.md)."""

from __future__ import annotations

from typing import Any

from hallapp.domain.errors import register
from hallapp.domain.outbox import coded
from hallapp.sync.platform_port import ConfigError, NotFoundError, UntrustedAnswerError

register({  # worded at the edge (ui/errors.py); the fields named are the contract's, never a value
    "sync.no_catalog": "This PC's platform adapter does not provide the item catalog: import the catalog from a file "
                       "instead (hallapp catalog import).",
    "sync.no_calendar": "This PC's platform adapter does not provide holiday calendars: import the year's calendar "
                        "from a file instead (hallapp calendar import).",
    "sync.bad_catalog": "The platform's item catalog does not fit the contract (version, items); treated as no "
                        "answer, nothing changed: try again later.",
    "sync.bad_calendar": "The platform's holiday calendar does not fit the contract (year, version, days); treated "
                         "as no answer, nothing changed: try again later.",
})


def get_catalog(platform: Any) -> dict[str, Any]:
    """The channel's item list: {"version": str, "items": [catalog-format items]}."""
    if not hasattr(platform, "catalog"):  # HttpPlatformClient has it; a province's adapter may not
        raise coded(ConfigError(), "sync.no_catalog")
    body = platform.catalog()
    if not isinstance(body, dict) or not isinstance(body.get("version"), str) or not body["version"].strip() \
            or not isinstance(body.get("items"), list):
        raise coded(UntrustedAnswerError(), "sync.bad_catalog")
    return body


def get_calendar(platform: Any, year: int) -> dict[str, Any] | None:
    """A year's holiday calendar, or None when the platform has none for that year (404)."""
    if not hasattr(platform, "calendar"):
        raise coded(ConfigError(), "sync.no_calendar")
    try:
        body = platform.calendar(year)
    except NotFoundError:
        return None
    if body is None:
        return None
    if not isinstance(body, dict) or body.get("year") != year or not isinstance(body.get("version"), str) \
            or not body["version"].strip() or not isinstance(body.get("days"), list):
        raise coded(UntrustedAnswerError(), "sync.bad_calendar")
    return body
