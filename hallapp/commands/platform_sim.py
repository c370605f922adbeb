"""`hallapp platform-sim ...`: the platform simulator on loopback (needs no hall)."""

from __future__ import annotations

import argparse

from hallapp.simulator.args import add_arguments

NAME = "platform-sim"
NEEDS_APP = False


def add_parser(sub: argparse._SubParsersAction) -> None:
    add_arguments(sub.add_parser(NAME, help="the platform simulator on loopback"))


def run(_app: None, args: argparse.Namespace) -> int:
    from hallapp.simulator import server as simulator  # werkzeug and the simulator's store: only when it runs

    return simulator.run(args)
