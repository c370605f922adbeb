"""The status-query address printed as a QR code, from the hall's configurable template."""

from __future__ import annotations

from urllib.parse import quote

PLACEHOLDER = "{number}"


def status_url(template: str, case_number: str) -> str:
    """Put the (URL-quoted) case number into ``template``, e.g. ``https://hall.example/q/{number}``."""
    if PLACEHOLDER not in template:
        raise ValueError(f"status URL template must contain {PLACEHOLDER}: {template!r}")
    return template.replace(PLACEHOLDER, quote(case_number, safe=""))
