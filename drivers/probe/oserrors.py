"""OS errors (any in an exception's chain) to cause codes."""

from __future__ import annotations

import errno
import socket

_ABSENT = {errno.ENOENT, errno.ENXIO, errno.ENODEV}
_DENIED = {errno.EACCES, errno.EPERM}
_BUSY = {errno.EBUSY, errno.EAGAIN, errno.EWOULDBLOCK}  # EAGAIN: another process holds the flock
_UNREACHABLE = {errno.EHOSTUNREACH, errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTDOWN}


def chain(exc: BaseException) -> list[BaseException]:
    """The exception and what it was raised from or during (drivers wrap the OS error)."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 6:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def first_errno(exc: BaseException) -> int | None:
    for item in chain(exc):
        number = getattr(item, "errno", None)
        if isinstance(number, int):
            return number
    return None


def port_cause(exc: BaseException) -> str:
    """Why a device file (serial port, printer device) cannot be opened."""
    number = first_errno(exc)
    if number in _ABSENT:
        return "port_absent"
    if number in _DENIED:
        return "permission_denied"
    if number in _BUSY:
        return "port_busy"
    return "device_error"


def network_cause(exc: BaseException) -> str:
    """Why a TCP connection failed."""
    items = chain(exc)
    if any(isinstance(item, ConnectionRefusedError) for item in items):
        return "connection_refused"
    if any(isinstance(item, socket.gaierror) for item in items):
        return "dns"
    if any(isinstance(item, TimeoutError | socket.timeout) for item in items):
        return "timeout"
    if first_errno(exc) in _UNREACHABLE:
        return "host_unreachable"
    if first_errno(exc) == errno.ECONNREFUSED:
        return "connection_refused"
    return "host_unreachable"
