"""Hall-wide settings in a shared database, read before the app (and its Database) exists.

hallapp.config asks this when it loads settings on a PostgreSQL hall; writes go through
services.hall.set_hall_wide, which audits them.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from hallapp.storage.database import Database

log = logging.getLogger(__name__)


def read_hall_settings(url: str, keys_dir: Path, timeout_s: int = 5) -> dict[str, Any]:
    """Every stored hall-wide key with its value; a value that is not JSON is skipped (and logged).
    Raises DatabaseError when the database cannot be reached or is not migrated yet."""
    db = Database(url, keys_dir=keys_dir, connect_timeout_s=timeout_s, pool=False)
    try:
        with db.unit_of_work() as uow:
            stored = uow.shared.hall_settings()
    finally:
        db.dispose()
    values: dict[str, Any] = {}
    for key, text in stored.items():
        try:
            values[key] = json.loads(text)
        except ValueError:
            log.warning("hall-wide setting %s in the database is not JSON: ignored", key)
    return values
