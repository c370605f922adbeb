"""Evaluations (好差评): five levels coded per GB/T 39046 table A.8; one per visit."""

from __future__ import annotations

from hallapp.domain.errors import CodedError, register

# The standard's names of the levels: sent to the platform (level_name) and printed on the Chinese
# reports. A window words the level number itself (ui/words.py), never these.
LEVELS = {1: "非常满意", 2: "满意", 3: "基本满意", 4: "不满意", 5: "非常不满意"}
BAD_LEVELS = frozenset({4, 5})  # a reason is asked for, and a supervisor follows up

# Reason code -> the text stored in evaluations.reason and sent to the platform (unchanged since the
# first rows: existing rows and the platform's records hold these texts).
REASON_TEXTS = {
    "long_wait": "等候时间长", "long_service": "办理时间长", "unfriendly": "服务态度不好",
    "unclear_materials": "材料要求不清楚", "many_trips": "需要多次跑腿", "other": "其他",
}
REASONS = tuple(REASON_TEXTS.values())
REASON_SEPARATOR = "、"  # between the chosen reasons in the stored text
# Stored texts written by earlier versions (the demo's seeded ratings) that mean one of the codes.
_OLDER_TEXTS = {"工作人员态度不好": "unfriendly"}
_CODE_OF = {text: code for code, text in REASON_TEXTS.items()} | _OLDER_TEXTS


def stored_reason(codes: list[str]) -> str:
    """The text kept and sent for the chosen reason codes."""
    return REASON_SEPARATOR.join(REASON_TEXTS[code] for code in codes)


def reason_codes(stored: str) -> list[str]:
    """The stored text's parts as reason codes; a part that is no known reason stays as it is."""
    return [_CODE_OF.get(part.strip(), part.strip()) for part in stored.split(REASON_SEPARATOR) if part.strip()]


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
