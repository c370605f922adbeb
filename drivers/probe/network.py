"""Is a TCP service (a network printer's raw port 9100) reachable?"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass

from drivers.probe.oserrors import network_cause


@dataclass(frozen=True)
class TcpProbe:
    host: str
    port: int
    cause: str  # "ok", connection_refused, host_unreachable, dns, timeout
    rtt_ms: float | None = None


def tcp_reachable(host: str, port: int, timeout: float = 2.0) -> TcpProbe:
    """Connect and close at once; nothing is sent (a printer prints what it receives)."""
    started = time.monotonic()
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as exc:
        return TcpProbe(host, port, network_cause(exc))
    return TcpProbe(host, port, "ok", round((time.monotonic() - started) * 1000, 1))
