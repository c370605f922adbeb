"""Commands that live in their own module, one module per top-level command.

Every module in this package is a command (found by pkgutil, so adding one is adding a file); it provides:

    NAME: str                      # the command word, e.g. "devices"
    NEEDS_APP: bool                # True: run() gets an opened AppContext; False: app is None
    def add_parser(sub) -> None    # add its sub-parser (sub.add_parser(NAME, ...))
    def run(app, args) -> int      # the exit code

Errors: raise UserError for what the user can fix (exit 2); hallapp.cli.guarded handles the rest.
hallapp/cli.py holds the older commands; new ones go here so that each stays a screen or two.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


class UserError(Exception):
    """Something the user can fix; printed as one line, exit code 2."""


def modules() -> list[ModuleType]:
    """The command modules, alphabetically (the order `hallapp --help` lists them)."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


def find(name: str | None) -> ModuleType | None:
    for module in modules():
        if module.NAME == name:
            return module
    return None
