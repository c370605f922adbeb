"""Refusals with a stable `code`: the core says *what* was refused, the edge words it.

A clerk's window says each refusal in the clerk's language (ui/errors.py maps every code to a
translated template); `str(error)` is an English sentence for logs and the command line. The same
scheme as drivers/errors.py for devices. Params carry ticket numbers, case numbers, user names,
counter numbers — never an applicant's name or ID number.
"""

from __future__ import annotations

from collections.abc import Mapping

_MESSAGES: dict[str, str] = {}


def register(messages: Mapping[str, str]) -> None:
    """Declare codes with their English templates (filled from params with str.format)."""
    for code, text in messages.items():
        if _MESSAGES.setdefault(code, text) != text:
            raise ValueError(f"refusal code {code} is declared twice with different messages")


def registered_codes() -> dict[str, str]:
    return dict(_MESSAGES)


def english(code: str, params: Mapping[str, str]) -> str:
    template = _MESSAGES.get(code)
    if template is None:
        return code + "".join(f" {key}={value}" for key, value in params.items())
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class CodedError(ValueError):
    """A refused action: `code` is stable, `params` fill the worded message, `str()` is English."""

    code: str = "refused"

    def __init__(self, code: str | None = None, /, **params: object) -> None:
        if code is not None:
            self.code = code
        self.params: dict[str, str] = {key: str(value) for key, value in params.items()}
        super().__init__(english(self.code, self.params))
