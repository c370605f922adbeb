"""`hallapp sync [--once | --status]`: send the outbox (a daemon without options). `python -m
hallapp.sync` runs this same command; the window starts it as hidden `--for-window` (window_feed.py).
The hidden tuning options (`--lease-s 1.5` ...) are the
numeric `sync.*` settings (hallapp/sync/options.py TUNING), for the chaos test and bench/."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from hallapp.sending import engine
from hallapp.services import presence
from hallapp.storage import DatabaseError
from hallapp.storage.material_store import MaterialStoreError
from hallapp.sync import bundle, crypto, outbox_view
from hallapp.sync.options import FLAGS, TUNING, SyncOptions, from_settings
from hallapp.sync.platform_port import PlatformError

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext

NAME = "sync"
NEEDS_APP = True
log = logging.getLogger(__name__)

# What hallapp.cli.guarded turns into one line: exit 2 (the user's to fix) and exit 1 (configuration,
# authentication, the link, a stored scan). AuthError and ConfigError are PlatformErrors.
USER_ERRORS: tuple[type[Exception], ...] = (bundle.BundleError, outbox_view.SyncStatusError)
FAILURES: tuple[type[Exception], ...] = (PlatformError, MaterialStoreError)


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(NAME, help="send the outbox to the platform (a daemon without options)")
    add_arguments(parser)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="send until nothing is due; print one summary line")
    mode.add_argument("--status", action="store_true", help="outbox counts per state as JSON")
    # The window's own sync, started by the window (ui/sync_runner.py): events on stdout, ends at stdin's EOF.
    mode.add_argument("--for-window", action="store_true", help=argparse.SUPPRESS)
    for name, kind in TUNING.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=kind, default=None, help=argparse.SUPPRESS)
    for name in FLAGS:
        parser.add_argument(f"--{name.replace('_', '-')}", action="store_true", default=None, help=argparse.SUPPRESS)


def options(app: AppContext, args: argparse.Namespace) -> SyncOptions:
    """The settings' options with the tuning options given on the command line."""
    chosen = {name: getattr(args, name) for name in (*TUNING, *FLAGS) if getattr(args, name, None) is not None}
    return replace(from_settings(app.settings), **chosen)


def run(app: AppContext, args: argparse.Namespace) -> int:
    if getattr(args, "status", False):
        print(json.dumps(outbox_view.sync_status(app.db), ensure_ascii=False))
        return 0
    if getattr(args, "for_window", False):
        from hallapp.sending import window_feed

        return window_feed.run(app, options(app, args))
    once = getattr(args, "once", False)
    daemons = _other_daemons(app)
    if daemons and once and not (app.home.keys_dir / crypto.PRIVATE_FILE).is_file():
        print(f"hallapp: this PC has no hall signing key; the hall's cases are sent by the sync daemon on "
              f"{presence.describe(daemons[0])}: nothing was sent from here. Run `hallapp sync --once` on that PC, "
              "or `hallapp sync --status` here to see the backlog", file=sys.stderr)
        return 2
    if daemons:  # leases keep two senders from sending one case twice; the technician should still know
        print(f"hallapp: note: the hall's sync daemon runs on {presence.describe(daemons[0])}; this PC sends "
              "beside it (each case goes once, leased to one sender). Normally leave sending to that PC",
              file=sys.stderr)
    eng = engine.SyncEngine(app, options=options(app, args))
    if once:
        print(engine.summary_line(eng.run_once()))
        return 0
    return _daemon(eng, app)


def _other_daemons(app: Any) -> list[presence.Presence]:
    """On a shared database: the sync daemons other PCs run (their heartbeats), else none."""
    if app.db.is_sqlite:
        return []
    return presence.sync_daemons(app.db, besides=presence.installation_id(app.home))


def _daemon(eng: engine.SyncEngine, app: Any) -> int:
    """Run until SIGTERM/SIGINT. A configuration or authentication error on the first run ends it
    (exit 1); later ones are logged and recorded for the window while the daemon keeps trying.
    On a shared database it beats as role "sync", so other PCs can name the one that sends."""
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    if not app.db.is_sqlite:
        threading.Thread(target=_beat_sync, args=(app, stop), name="sync-presence", daemon=True).start()
    eng.run_once()
    stop.wait(0.05)
    eng.run_forever(stop)
    return 0


def _beat_sync(app: Any, stop: threading.Event) -> None:
    installation = presence.installation_id(app.home)
    while not stop.is_set():
        try:
            presence.beat(app.db, installation, role="sync")
        except DatabaseError as exc:  # the outage is the engine's to report; the beat just tries again
            log.warning("sync presence not recorded: %s", type(exc).__name__)
        stop.wait(presence.HEARTBEAT_SECONDS)
