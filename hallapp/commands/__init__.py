"""Commands that live in their own module, one module per top-level command.

Each module named in MODULES provides:

    NAME: str                      # the command word, e.g. "devices"
    NEEDS_APP: bool                # True: run() gets an opened AppContext; False: app is None
    def add_parser(sub) -> None    # add its sub-parser (sub.add_parser(NAME, ...))
    def run(app, args) -> int      # the exit code

Errors: raise UserError for what the user can fix (exit 2); hallapp.cli.guarded handles the rest.
hallapp/cli.py holds the older commands; new ones go here so that each stays a screen or two.
"""

from __future__ import annotations

import importlib
from types import ModuleType


class UserError(Exception):
    """Something the user can fix; printed as one line, exit code 2."""


# Module names under hallapp.commands, in the order `hallapp --help` lists them.
MODULES: tuple[str, ...] = ()


def modules() -> list[ModuleType]:
    return [importlib.import_module(f"hallapp.commands.{name}") for name in MODULES]


def find(name: str | None) -> ModuleType | None:
    for module in modules():
        if module.NAME == name:
            return module
    return None
