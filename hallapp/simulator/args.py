"""The simulator's command-line options, apart from the simulator so `hallapp --help` stays fast
(the server pulls in werkzeug and the crypto stack)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8787, help="TCP port on 127.0.0.1 (0 = any free port)")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="share of requests answered 503/500 (0-1)")
    parser.add_argument("--reset-rate", type=float, default=0.0, help="share of connections dropped (0-1)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="delay added to every request")
    parser.add_argument("--down-for", type=float, default=0.0, help="drop every connection for the first S seconds")
    parser.add_argument("--auto-progress", action="store_true", help="move committed cases through the states")
    parser.add_argument("--data-dir", type=Path, default=None, help="keep what it receives here (default: temporary)")
    parser.add_argument("--seed", type=int, default=None, help="random seed of the fault injection")
    parser.add_argument("--tls-dir", type=Path, default=None,
                        help="serve HTTPS: write a new CA (ca.pem) and server certificate here")
    parser.add_argument("--clock-skew", type=float, default=0.0,
                        help="the platform's clock runs S seconds ahead (negative: behind); beyond 300 s it refuses signatures")
    parser.add_argument("--retry-after", default="",
                        help="Retry-After sent with every injected 503 (seconds, or an HTTP-date)")
    parser.add_argument("--tls-expired", action="store_true", help="with --tls-dir: a server certificate already expired")


def options_from_args(args: argparse.Namespace) -> dict[str, Any]:
    return {"fault_rate": args.fault_rate, "reset_rate": args.reset_rate, "latency_ms": args.latency_ms,
            "down_for": args.down_for, "auto_progress": args.auto_progress, "data_dir": args.data_dir, "seed": args.seed,
            "clock_skew_s": getattr(args, "clock_skew", 0.0), "retry_after": getattr(args, "retry_after", "")}


