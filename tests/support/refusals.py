"""Asserting a refusal of the core by its code and params (the words are the edge's: ui/refusals.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def refused(kind: type[BaseException], code: str, **params: object) -> Iterator[pytest.ExceptionInfo]:
    """Like pytest.raises(kind), and the error carries `code` and (at least) these params."""
    with pytest.raises(kind) as info:
        yield info
    assert getattr(info.value, "code", None) == code, f"refused with {getattr(info.value, 'code', None)!r}: {info.value}"
    got = getattr(info.value, "params", {})
    assert {key: got.get(key) for key in params} == {key: str(value) for key, value in params.items()}, got
