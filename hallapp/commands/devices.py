"""`hallapp devices list|detect|test`: what is configured, what is attached, does it work.

Exit codes: 0 works, 1 does not (one line naming the cause and the fix), 2 a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from hallapp.commands import UserError
from hallapp.devices.roles import ROLES

if TYPE_CHECKING:
    from hallapp.config import Settings
    from hallapp.home import Home

NAME = "devices"
NEEDS_APP = False  # a technician tests devices before a hall (or its database) exists


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(NAME, help="device roles: list, detect what is attached, self-test one")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every role with driver, address and state")
    listing.add_argument("--json", action="store_true", help="JSON list of rows")
    found = actions.add_parser("detect", help="probe serial ports, PC/SC, SANE, USB, network printers, voices")
    found.add_argument("--json", action="store_true", help="JSON list of what was found")
    test = actions.add_parser("test", help="self-test one role: exit 0 when it works, 1 when not")
    test.add_argument("role", choices=ROLES)
    test.add_argument("--port", help="serial port / PC/SC reader / SANE device to test instead of the configured one")
    test.add_argument("--printer", help="printer URI to test instead of ticket_printer.uri")
    test.add_argument("--json", action="store_true", help="JSON object: role, ok, cause, message, details")


@contextlib.contextmanager
def _stdout_to_stderr() -> Iterator[None]:
    """Child processes (SANE backends) may print to our stdout: keep it clean for --json."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def _context(args: argparse.Namespace) -> tuple[Home, Settings, bool]:
    from hallapp.config import load_settings
    from hallapp.domain.clock import set_hall_clock
    from hallapp.home import current_home

    home = current_home()
    settings = load_settings(home.settings_file)
    set_hall_clock(settings.hall.clock())
    return home, settings, bool(getattr(args, "demo", False))


def run(app: None, args: argparse.Namespace) -> int:
    home, settings, demo = _context(args)
    if args.action == "list":
        return _list(settings, demo, args.json)
    if args.action == "detect":
        return _detect(settings, args.json)
    if args.action == "test":
        return _test(home, settings, demo, args)
    raise UserError(f"unknown devices action {args.action!r}")


def _list(settings: Settings, demo: bool, as_json: bool) -> int:
    from hallapp.devices.detect import overview

    rows = overview(settings, demo=demo)
    if as_json:
        print(json.dumps([dataclasses.asdict(row) for row in rows], ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row.role}\t{row.driver}\t{row.address or '-'}\t{row.state}")
    return 0


def _detect(settings: Settings, as_json: bool) -> int:
    from hallapp.devices.detect import detect

    with _stdout_to_stderr():
        found = detect(settings)
    if as_json:
        print(json.dumps([dataclasses.asdict(item) for item in found], ensure_ascii=False))
    else:
        for item in found:
            cause = item.details.get("cause", "ok")
            print(f"{item.role}\t{item.driver}\t{item.address or '-'}\t{item.label}\t{cause}")
    return 0


def _test(home: Home, settings: Settings, demo: bool, args: argparse.Namespace) -> int:
    from hallapp.devices.selftest import run_test, to_json

    with _stdout_to_stderr():
        result = run_test(settings, args.role, port=args.port, printer=args.printer, home=home, demo=demo)
    if args.json:
        print(json.dumps(to_json(result), ensure_ascii=False))
    else:
        print(f"{args.role}: {'works' if result.ok else result.cause} — {result.message}")
    return 0 if result.ok else 1
