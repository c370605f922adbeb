"""Choosing the platform adapter: the built-in HTTP contract, or a province's adapter installed as
an entry point in the group `hallapp.platform_adapters` (a callable taking keyword arguments
`app`, `hall`, `key`, `options` and returning a `PlatformAdapter`)."""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from hallapp.domain.errors import register
from hallapp.domain.outbox import coded
from hallapp.sync import crypto, tls
from hallapp.sync.http_client import HttpPlatformClient, check_url
from hallapp.sync.options import SyncOptions
from hallapp.sync.platform_port import ConfigError, HallIdentity, PlatformAdapter

if TYPE_CHECKING:
    from hallapp.storage import Database
    from hallapp.sync.hall_context import HallContext

ENTRY_POINT_GROUP = "hallapp.platform_adapters"

register({  # each stops sending at once, like every ConfigError; worded at the edge (ui/errors.py)
    "sync.no_hall": "There is no hall in the database yet: finish the first-run set-up first.",
    "sync.platform_key_unreadable": "The national platform's key pinned on this PC ({path}) cannot be read: the "
                                    "administrator checks the file, or the technician runs hallapp platform register "
                                    "again.",
    "sync.no_adapter": "There is no platform adapter {adapter} on this PC (entry point group {group}): the technician "
                       "installs it, or corrects the setting sync.adapter.",
})


def hall_identity(db: Database) -> HallIdentity:
    with db.unit_of_work() as uow:
        hall = uow.halls.the_hall()
        if hall is None:
            raise coded(ConfigError(), "sync.no_hall")
        return HallIdentity(hall.code, hall.name, hall.region_code)


def load_key(app: HallContext) -> crypto.HallKey:
    try:
        return crypto.load_key(app.home.keys_dir)
    except crypto.KeyMissingError as exc:
        raise coded(ConfigError(), crypto.NO_HALL_KEY) from exc


def load_platform_key(app: HallContext) -> crypto.PublicKey | None:
    try:
        return crypto.load_platform_key(app.home.keys_dir)
    except (OSError, ValueError) as exc:
        raise coded(ConfigError(), "sync.platform_key_unreadable", path=f"keys/{crypto.PLATFORM_FILE}") from exc


def create_adapter(app: HallContext, options: SyncOptions, *, key: crypto.HallKey | None = None) -> PlatformAdapter:
    hall = hall_identity(app.db)
    if options.adapter == "http":
        platform = app.settings.platform
        url = check_url(platform.url)
        ca_file, pins = getattr(platform, "ca_file", ""), tuple(getattr(platform, "pin_sha256", ()))
        tls.require_https(url, ca_file, pins)
        verify = tls.client_context(ca_file) if url.lower().startswith("https://") else True
        return HttpPlatformClient(url, hall.code, key or load_key(app), timeout_s=options.timeout_s,
                                  platform_key=load_platform_key(app), max_answer_bytes=options.max_answer_bytes,
                                  verify=verify, pins=pins)
    key = key or load_key(app)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == options.adapter:
            return ep.load()(app=app, hall=hall, key=key, options=options)
    raise coded(ConfigError(), "sync.no_adapter", adapter=options.adapter, group=ENTRY_POINT_GROUP)
