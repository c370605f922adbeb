"""Choosing the platform adapter: the built-in HTTP contract, or a province's adapter installed as
an entry point in the group `hallapp.platform_adapters` (a callable taking keyword arguments
`app`, `hall`, `key`, `options` and returning a `PlatformAdapter`)."""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from hallapp.sync import crypto, tls
from hallapp.sync.http_client import HttpPlatformClient, check_url
from hallapp.sync.options import SyncOptions
from hallapp.sync.platform_port import ConfigError, HallIdentity, PlatformAdapter

if TYPE_CHECKING:
    from hallapp.storage import Database
    from hallapp.sync.hall_context import HallContext

ENTRY_POINT_GROUP = "hallapp.platform_adapters"


def hall_identity(db: Database) -> HallIdentity:
    with db.unit_of_work() as uow:
        hall = uow.halls.the_hall()
        if hall is None:
            raise ConfigError("数据库中还没有大厅信息，请先完成首次设置")
        return HallIdentity(hall.code, hall.name, hall.region_code)


def load_key(app: HallContext) -> crypto.HallKey:
    try:
        return crypto.load_key(app.home.keys_dir)
    except crypto.KeyMissingError as exc:
        raise ConfigError(str(exc)) from exc


def load_platform_key(app: HallContext) -> crypto.PublicKey | None:
    try:
        return crypto.load_platform_key(app.home.keys_dir)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"本机固定的国家平台公钥 keys/{crypto.PLATFORM_FILE} 无法读取，请管理员核实") from exc


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
    raise ConfigError(f"未找到平台适配器 {options.adapter!r}（entry point 组 {ENTRY_POINT_GROUP}）")
