"""Device errors with a stable `code`: the window words them in the clerk's language (ui/errors.py),
while `str(error)` is an English sentence for logs and the command line.

Each driver module declares its codes with `register({code: English template})`; the template is
filled from the error's `params` (`str.format`). Params and messages never carry personal data
(names, numbers, file names of scans): only ports, printer addresses, status codes and the like.
`detail` holds technical text for the log (an errno, the library's own message).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["DeviceError", "english", "register", "registered_codes"]

_MESSAGES: dict[str, str] = {}


def register(messages: Mapping[str, str]) -> dict[str, str]:
    """Declare codes with their English message templates; returns them as a dict."""
    for code, text in messages.items():
        if _MESSAGES.setdefault(code, text) != text:
            raise ValueError(f"error code {code} is declared twice with different messages")
    return dict(messages)


def registered_codes() -> dict[str, str]:
    """Every code declared so far (by the modules imported), with its English template."""
    return dict(_MESSAGES)


def english(code: str, params: Mapping[str, str]) -> str:
    """The English message of `code`; an undeclared code is shown as itself with its params."""
    template = _MESSAGES.get(code)
    if template is None:
        return code + "".join(f" {key}={value}" for key, value in params.items())
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class DeviceError(Exception):
    """Base of every error a device driver raises on purpose. `code` is stable, `params` fill the
    translated message, `str()` is English."""

    code: str = "device.error"

    def __init__(self, code: str | None = None, /, *, detail: str = "", **params: object) -> None:
        if code is not None:
            self.code = code
        self.params: dict[str, str] = {key: str(value) for key, value in params.items()}
        self.detail = detail
        super().__init__(english(self.code, self.params))

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process pipes (SANE and photo workers); subclasses' __init__ signatures differ.
        return _restore, (type(self), self.args, dict(self.__dict__))


def _restore(cls: type[DeviceError], args: tuple[Any, ...], state: dict[str, Any]) -> DeviceError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


register({"device.error": "The device reported an error: try again; if it keeps happening, ask the technician."})
