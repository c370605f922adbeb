"""The simulator's catalog and holiday calendars (docs/platform-api.md "Catalog and calendars").

It starts from what hallapp ships (resources/catalog/starter.yaml, resources/calendars/*.yaml) as
version `sim-1`; `publish` / `publish_calendar` (or `POST /_sim/catalog`, `/_sim/calendars/<year>`)
make a changed version, as the platform's channel does when the item list changes.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date
from typing import Any

import yaml

from hallapp.resources import resource_path


def _plain(value: Any) -> Any:
    """YAML's dates as ISO strings, so every value goes into JSON as the contract writes it."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _shipped_calendars() -> dict[int, dict[str, Any]]:
    calendars: dict[int, dict[str, Any]] = {}
    for path in sorted(resource_path("calendars").glob("cn-*.yaml")):
        doc = _plain(yaml.safe_load(path.read_text(encoding="utf-8")))
        year = int(path.stem.split("-")[1])
        calendars[year] = {"year": year, "version": "sim-1", "name": doc.get("name", ""),
                           "source": doc.get("source", ""), "days": doc["days"]}
    return calendars


class SimCatalog:
    """The channel's item list and calendars, each with a version; thread-safe."""

    def __init__(self) -> None:
        doc = yaml.safe_load(resource_path("catalog", "starter.yaml").read_text(encoding="utf-8"))
        self.lock = threading.Lock()
        self.serial = 1
        self.items: dict[str, dict[str, Any]] = {item["code"]: _plain(item) for item in doc["items"]}
        self.version = "sim-1"
        self.calendars = _shipped_calendars()

    def catalog(self) -> dict[str, Any]:
        with self.lock:
            return {"version": self.version, "items": list(self.items.values())}

    def publish(self, upsert: Sequence[dict[str, Any]] = (), withdraw: Sequence[str] = (), version: str = "") -> str:
        """A new version: `upsert` items added or replaced (by code), `withdraw` codes removed."""
        with self.lock:
            for item in upsert:
                self.items[item["code"]] = _plain(item)
            for code in withdraw:
                self.items.pop(code, None)
            self.version = version or self._next()
            return self.version

    def calendar(self, year: int) -> dict[str, Any] | None:
        with self.lock:
            return self.calendars.get(year)

    def publish_calendar(self, year: int, days: list[dict[str, Any]], name: str = "", version: str = "") -> str:
        with self.lock:
            old = self.calendars.get(year, {})
            label = version or self._next()
            self.calendars[year] = {"year": year, "version": label, "name": name or old.get("name", ""),
                                    "source": old.get("source", ""), "days": _plain(days)}
            return label

    def _next(self) -> str:
        self.serial += 1
        return f"sim-{self.serial}"
