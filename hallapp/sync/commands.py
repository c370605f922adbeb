"""The sync commands, each `(app: AppContext, args) -> exit code`. Failures are raised:
`USER_ERRORS` (exit 2) and `FAILURES` (exit 1: configuration, authentication, link) map to one
plain line; `guarded` does that for `python -m hallapp.sync`."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from hallapp.services import audit
from hallapp.services.material_store import MaterialStoreError
from hallapp.sync import bundle, crypto, engine, status
from hallapp.sync.adapter import AuthError, ConfigError, PlatformError
from hallapp.sync.adapters import create_adapter, hall_identity
from hallapp.sync.options import SyncOptions, from_settings

USER_ERRORS: tuple[type[Exception], ...] = (bundle.BundleError, status.SyncStatusError)
FAILURES: tuple[type[Exception], ...] = (PlatformError, MaterialStoreError)
TUNING = {"lease_s": float, "backoff_base_s": float, "backoff_cap_s": float, "poll_s": float, "batch": int,
          "chunk_bytes": int, "timeout_s": float, "run_timeout_s": float, "max_answer_bytes": int}


def add_sync_arguments(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="send until the outbox is empty or waits on back-off; one line")
    mode.add_argument("--status", action="store_true", help="JSON: entries per state and the oldest unconfirmed age")


def add_tuning_arguments(parser: argparse.ArgumentParser) -> None:
    for name, kind in TUNING.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=kind, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--encrypt-materials", action="store_true", default=None, help=argparse.SUPPRESS)


def options(app: Any, args: argparse.Namespace) -> SyncOptions:  # noqa: ANN401
    chosen = {name: getattr(args, name) for name in (*TUNING, "encrypt_materials") if getattr(args, name, None) is not None}
    return replace(from_settings(app.settings), **chosen)


def platform_register(app: Any, args: argparse.Namespace) -> int:  # noqa: ANN401
    """`hallapp platform register`: create the hall key pair if missing, register the public key."""
    key, created = crypto.load_or_create_key(app.home.keys_dir)
    client = create_adapter(app, options(app, args), key=key)
    try:
        registration = client.register(hall_identity(app.db), key.public_pem)
    finally:
        client.close()
    # the client checked the answer's signature (pinned key, or on first registration the key it names)
    if registration.platform_key_pem:
        crypto.save_platform_key(app.home.keys_dir, registration.platform_key_pem)
    if registration.transport_key:
        crypto.save_transport_key(app.home.keys_dir, registration.transport_key)
    made = "created and registered" if created else "registered"
    print(f"platform: hall key {registration.key_id} {made} at {app.settings.platform.url}")
    return 0


def sync(app: Any, args: argparse.Namespace) -> int:  # noqa: ANN401
    """`hallapp sync [--once | --status]`."""
    if getattr(args, "status", False):
        print(json.dumps(status.sync_status(app.db), ensure_ascii=False))
        return 0
    eng = engine.SyncEngine(app, options=options(app, args))
    if getattr(args, "once", False):
        print(engine.summary_line(eng.run_once()))
        return 0
    return _daemon(eng)


def _daemon(eng: engine.SyncEngine) -> int:
    """Run until SIGTERM/SIGINT. A configuration or authentication error on the first run ends it
    (exit 1); later ones are logged and recorded for the window while the daemon keeps trying."""
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    eng.run_once()
    stop.wait(0.05)
    eng.run_forever(stop)
    return 0


def export_unsent(app: Any, args: argparse.Namespace) -> int:  # noqa: ANN401
    """`hallapp export-unsent DIR`."""
    result = bundle.export_unsent(app, Path(args.dir))
    audit.write_anchor(app.db, app.home)
    print(f"exported {result['entries']} cases, {result['materials']} materials to {result['path']}")
    return 0


def import_bundle(app: Any, args: argparse.Namespace) -> int:  # noqa: ANN401
    """`hallapp import-bundle DIR`."""
    result = bundle.import_bundle(app, Path(args.dir))
    audit.write_anchor(app.db, app.home)
    print(f"imported {result['bundles']} bundles: {result['enqueued']} cases enqueued, {result['already']} already here")
    return 0


def platform_sim(args: argparse.Namespace) -> int:
    """`hallapp platform-sim ...` (needs no app)."""
    from hallapp.sync import simulator

    return simulator.run(args)


def guarded(fn: Callable[..., int], *fn_args: Any) -> int:  # noqa: ANN401
    try:
        return fn(*fn_args)
    except USER_ERRORS as exc:
        print(f"hallapp: {exc}", file=sys.stderr)
        return 2
    except (AuthError, ConfigError, *FAILURES) as exc:
        print(f"hallapp: {exc}", file=sys.stderr)
        return 1
