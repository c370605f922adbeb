"""`python -m hallapp.sync`: `hallapp sync` (hallapp/commands/sync.py) in its own process, as the
chaos test, bench/ and service managers start it: `--once`, `--status`, or a daemon until SIGTERM."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from hallapp import cli  # the one command line; its import is allowed only here (pyproject.toml)

    return cli.main(["sync", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
