"""Evaluations (好差评): five levels coded per GB/T 39046 table A.8; one per visit."""

from __future__ import annotations

from hallapp.domain.errors import CodedError, register

LEVELS = {1: "非常满意", 2: "满意", 3: "基本满意", 4: "不满意", 5: "非常不满意"}
BAD_LEVELS = frozenset({4, 5})  # a reason is asked for, and a supervisor follows up

REASONS = ("等候时间长", "办理时间长", "服务态度不好", "材料要求不清楚", "需要多次跑腿", "其他")


class EvaluationError(CodedError):
    """A refused evaluation; worded for the person at the screen at the edge (ui/errors.py)."""


register({
    "evaluation.bad_level": "The level of an evaluation is 1 to 5.",
    "evaluation.reason_missing": "Choose why you were not satisfied.",
    "evaluation.no_ticket": "There is no such ticket.",
    "evaluation.already_given": "This visit has already been evaluated.",
})


def check(level: int | None, reason: str) -> None:
    if level is None:
        return  # no answer in time: recorded as none, never as good
    if level not in LEVELS:
        raise EvaluationError("evaluation.bad_level")
    if level in BAD_LEVELS and not reason.strip():
        raise EvaluationError("evaluation.reason_missing")
