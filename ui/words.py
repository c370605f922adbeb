"""Codes the core stores (audit actions, case states) worded in the window's language. The core
keeps stable codes; only this edge knows how a person says them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hallapp.domain.evaluation import reason_codes
from hallapp.domain.outbox import OutboxState


def state_words() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("Words", "draft"),
        "accepted": QCoreApplication.translate("Words", "accepted"),
        "accepted_with_gap": QCoreApplication.translate("Words", "accepted (gap)"),
        "notified": QCoreApplication.translate("Words", "notice given"),
        "submitted": QCoreApplication.translate("Words", "sent"),
        "received": QCoreApplication.translate("Words", "at the authority"),
        "in_process": QCoreApplication.translate("Words", "in process"),
        "returned": QCoreApplication.translate("Words", "returned"),
        "completed": QCoreApplication.translate("Words", "completed"),
        "delivered": QCoreApplication.translate("Words", "delivered"),
    }


def action_words() -> dict[str, str]:
    return {
        "account_locked": QCoreApplication.translate("Words", "account locked"),
        "account_unlocked": QCoreApplication.translate("Words", "account unlocked"),
        "audit_keyed": QCoreApplication.translate("Words", "audit trail keyed"),
        "bundle_imported": QCoreApplication.translate("Words", "export bundle imported"),
        "bundle_key_trusted": QCoreApplication.translate("Words", "bundle key trusted"),
        "case_state": QCoreApplication.translate("Words", "case state changed"),
        "case_resubmitted": QCoreApplication.translate("Words", "case sent again"),
        "follow_up_recorded": QCoreApplication.translate("Words", "bad rating followed up"),
        "returned_closed": QCoreApplication.translate("Words", "returned case closed"),
        "returned_contacted": QCoreApplication.translate("Words", "applicant of a returned case contacted"),
        "sync_closed": QCoreApplication.translate("Words", "sync entry closed"),
        "sync_retried": QCoreApplication.translate("Words", "sync retried"),
        "catalog_imported": QCoreApplication.translate("Words", "catalog imported"),
        "database_restored": QCoreApplication.translate("Words", "database restored from a backup"),
        "document_reprinted": QCoreApplication.translate("Words", "document printed again"),
        "evaluation": QCoreApplication.translate("Words", "evaluation given"),
        "hall_created": QCoreApplication.translate("Words", "hall set up"),
        "login": QCoreApplication.translate("Words", "logged in"),
        "login_failed": QCoreApplication.translate("Words", "login failed"),
        "login_refused_locked": QCoreApplication.translate("Words", "login refused: account locked"),
        "logout": QCoreApplication.translate("Words", "logged out"),
        "material_viewed": QCoreApplication.translate("Words", "material viewed"),
        "material_supplied": QCoreApplication.translate("Words", "material supplied later"),
        "originals_dispatched": QCoreApplication.translate("Words", "originals sent"),
        "queue_configured": QCoreApplication.translate("Words", "queue set up"),
        "queue_policy_changed": QCoreApplication.translate("Words", "queue rules changed"),
        "result_delivered": QCoreApplication.translate("Words", "delivered"),
        "role_changed": QCoreApplication.translate("Words", "role changed"),
        "staff_created": QCoreApplication.translate("Words", "staff account created"),
        "ticket_released": QCoreApplication.translate("Words", "ticket released by the supervisor"),
        "window_locked": QCoreApplication.translate("Words", "window locked"),
    }


def outbox_words() -> dict[OutboxState, str]:
    """Where an entry is on its way to the national platform, one word per outbox state (in their order)."""
    return {
        OutboxState.QUEUED: QCoreApplication.translate("Words", "waiting to be sent"),
        OutboxState.SENDING: QCoreApplication.translate("Words", "being sent"),
        OutboxState.SENT: QCoreApplication.translate("Words", "sent, not yet confirmed"),
        OutboxState.RETRYING: QCoreApplication.translate("Words", "will retry"),
        OutboxState.NEEDS_ATTENTION: QCoreApplication.translate("Words", "needs attention"),
        OutboxState.CONFIRMED: QCoreApplication.translate("Words", "confirmed by the platform"),
    }


def platform_words() -> dict[str, str]:
    """Where a case is on its way to the national platform: the outbox's states and the platform's own."""
    return {
        **outbox_words(),
        "committed": QCoreApplication.translate("Words", "confirmed by the platform"),
        "result_mailed": QCoreApplication.translate("Words", "result mailed"),
    }


def platform_word(state: str) -> str:
    return platform_words().get(state, state)


def state_word(state: str) -> str:
    return state_words().get(state, state)


def action_word(action: str) -> str:
    """An audit action as a person says it; `case_<state>` is a case reaching that state."""
    words = action_words()
    if action in words:
        return words[action]
    if action.startswith("case_") and action[5:] in state_words():
        return QCoreApplication.translate("Words", "case: {state}").format(state=state_words()[action[5:]])
    return action


def level_words() -> dict[int, str]:
    """The five evaluation levels (GB/T 39046 A.8) as the applicant and the supervisor read them."""
    return {
        1: QCoreApplication.translate("Words", "Very satisfied"),
        2: QCoreApplication.translate("Words", "Satisfied"),
        3: QCoreApplication.translate("Words", "Basically satisfied"),
        4: QCoreApplication.translate("Words", "Dissatisfied"),
        5: QCoreApplication.translate("Words", "Very dissatisfied"),
    }


def level_word(level: int | None) -> str:
    """A level number in words; none (no answer in time) says so."""
    if not level:
        return QCoreApplication.translate("Words", "no answer")
    return level_words().get(level, str(level))


def reason_words() -> dict[str, str]:
    """Why an applicant was not satisfied, by reason code (hallapp.domain.evaluation.REASON_TEXTS)."""
    return {
        "long_wait": QCoreApplication.translate("Words", "Long wait"),
        "long_service": QCoreApplication.translate("Words", "The service took long"),
        "unfriendly": QCoreApplication.translate("Words", "Unfriendly service"),
        "unclear_materials": QCoreApplication.translate("Words", "Unclear material requirements"),
        "many_trips": QCoreApplication.translate("Words", "Had to come more than once"),
        "other": QCoreApplication.translate("Words", "Other"),
    }


def reason_word(stored: str) -> str:
    """An evaluation's stored reason text (the chosen reasons, in Chinese) in the window's language."""
    words = reason_words()
    separator = QCoreApplication.translate("Words", ", ", "between two reasons of one rating")
    return separator.join(words.get(code, code) for code in reason_codes(stored))


def age_words(minutes: float) -> str:
    """An age as a person says it across a counter: minutes, then hours, then days."""
    if minutes < 60:
        return QCoreApplication.translate("Words", "{n} min").format(n=round(minutes))
    if minutes < 48 * 60:
        return QCoreApplication.translate("Words", "{n} h").format(n=round(minutes / 60))
    return QCoreApplication.translate("Words", "{n} days").format(n=round(minutes / 1440))
