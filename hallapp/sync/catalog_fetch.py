"""The platform's item catalog and holiday calendars over the HTTP contract: signed `GET`s whose
answers are believed only once the platform's signature checks (docs/platform-api.md)."""

from __future__ import annotations

from typing import Any

from hallapp.sync.platform_port import ConfigError, NotFoundError, UntrustedAnswerError


def get_catalog(platform: Any) -> dict[str, Any]:
    """The channel's item list: {"version": str, "items": [catalog-format items]}."""
    if not hasattr(platform, "catalog"):  # HttpPlatformClient has it; a province's adapter may not
        raise ConfigError("本平台适配器不提供事项目录（catalog）")
    body = platform.catalog()
    if not isinstance(body, dict) or not isinstance(body.get("version"), str) or not body["version"].strip() \
            or not isinstance(body.get("items"), list):
        raise UntrustedAnswerError("平台的事项目录应答不符合接口约定（version, items），按未收到应答处理")
    return body


def get_calendar(platform: Any, year: int) -> dict[str, Any] | None:
    """A year's holiday calendar, or None when the platform has none for that year (404)."""
    if not hasattr(platform, "calendar"):
        raise ConfigError("本平台适配器不提供节假日安排（calendars）")
    try:
        body = platform.calendar(year)
    except NotFoundError:
        return None
    if body is None:
        return None
    if not isinstance(body, dict) or body.get("year") != year or not isinstance(body.get("version"), str) \
            or not body["version"].strip() or not isinstance(body.get("days"), list):
        raise UntrustedAnswerError("平台的节假日安排应答不符合接口约定（year, version, days），按未收到应答处理")
    return body
