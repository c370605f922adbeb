"""`python -m hallapp.sync`: `hallapp sync` (hallapp/commands/sync.py) in its own process, as the
chaos test, bench/, service managers and the window (`--for-window`) start it: `--once`, `--status`,
or a daemon until SIGTERM. The global options `--home DIR` and `--demo` may come first, as they do
before `hallapp sync`: `python -m hallapp.sync --home DIR --demo --for-window`."""

from __future__ import annotations

import sys
from collections.abc import Sequence

GLOBAL_FLAGS = ("--demo",)
GLOBAL_VALUED = ("--home",)


def command_line(argv: Sequence[str]) -> list[str]:
    """argv as the one command line takes it: the leading global options, then `sync` and the rest."""
    rest, leading = list(argv), []
    while rest and (rest[0] in GLOBAL_FLAGS or rest[0] in GLOBAL_VALUED or rest[0].startswith("--home=")):
        token = rest.pop(0)
        leading.append(token)
        if token in GLOBAL_VALUED and rest:
            leading.append(rest.pop(0))
    return [*leading, "sync", *rest]


def main(argv: Sequence[str] | None = None) -> int:
    from hallapp import cli  # the one command line; its import is allowed only here (pyproject.toml)

    return cli.main(command_line(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())
