"""Evaluations (好差评): five levels coded per GB/T 39046 table A.8; one per visit."""

from __future__ import annotations

LEVELS = {1: "非常满意", 2: "满意", 3: "基本满意", 4: "不满意", 5: "非常不满意"}
BAD_LEVELS = frozenset({4, 5})  # a reason is asked for, and a supervisor follows up

REASONS = ("等候时间长", "办理时间长", "服务态度不好", "材料要求不清楚", "需要多次跑腿", "其他")


class EvaluationError(ValueError):
    """A refused evaluation; the message is for the person at the screen."""


def check(level: int | None, reason: str) -> None:
    if level is None:
        return  # no answer in time: recorded as none, never as good
    if level not in LEVELS:
        raise EvaluationError("评价等级应为 1–5")
    if level in BAD_LEVELS and not reason.strip():
        raise EvaluationError("请选择不满意的原因")
