"""Run every bench script in bench/ (what `make bench` calls).

A bench script is any bench/*.py not in HELPERS; each runs with this interpreter, one after the
other (benches must not compete for the CPU), with the arguments given after `--`, e.g.
`run_all.py -- --rounds 3`. Exits 1 if any bench failed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
HELPERS = frozenset({"run_all.py", "bare_window.py"})  # not benches: this runner, startup's baseline
# Without arguments after `--`: the dashboard's year of a large hall takes about an hour to fill, so
# `make bench` measures its quick size; `bench/dashboard.py` alone gives the full one.
DEFAULT_ARGS = {"dashboard.py": ["--quick"]}


def bench_scripts() -> list[Path]:
    return sorted(p for p in BENCH_DIR.glob("*.py") if p.name not in HELPERS and not p.name.startswith("_"))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = argv[argv.index("--") + 1 :] if "--" in argv else argv
    failed: list[str] = []
    for script in bench_scripts():
        print(f"== {script.name}", flush=True)
        started = time.monotonic()
        args = extra or DEFAULT_ARGS.get(script.name, [])
        code = subprocess.call([sys.executable, str(script), *args])
        print(f"== {script.name}: exit {code} in {time.monotonic() - started:.0f} s\n", flush=True)
        if code != 0:
            failed.append(script.name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
