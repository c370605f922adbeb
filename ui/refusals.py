"""Refusals of the core (hallapp/domain/errors.py codes: queue, case, staff, login, set-up,
evaluation) worded in the window's language. ui/errors.py `describe()` is the one door to these."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui import words


def templates() -> dict[str, str]:
    return {
        "queue.bad_move": QCoreApplication.translate("Refusals", "A ticket that is {ticket_state} cannot be {move}."),
        "queue.no_categories": QCoreApplication.translate("Refusals", "Choose at least one ticket category."),
        "queue.duplicate_categories": QCoreApplication.translate("Refusals", "A ticket category is listed twice: {letters}."),
        "queue.unknown_categories": QCoreApplication.translate(
            "Refusals", "There is no ticket category {unknown} (the hall has {known})."
        ),
        "queue.unknown_settings": QCoreApplication.translate("Refusals", "Unknown queue settings: {keys}."),
        "queue.no_counter": QCoreApplication.translate(
            "Refusals", "There is no counter {counter}: ask the technician to check this PC's counter number."
        ),
        "queue.unknown_category": QCoreApplication.translate("Refusals", "There is no ticket category {letter}."),
        "queue.appointment_not_found": QCoreApplication.translate(
            "Refusals", "No appointment has this code. Check the code, or take a ticket at the information desk."
        ),
        "queue.appointment_expired": QCoreApplication.translate(
            "Refusals", "The time of this appointment has passed. Please take a new ticket."
        ),
        "queue.appointment_too_early": QCoreApplication.translate(
            "Refusals", "Please check in at most {minutes} minutes before your appointment."
        ),
        "queue.finish_before_next": QCoreApplication.translate(
            "Refusals", "Finish {ticket} or mark it a no-show before calling the next one."
        ),
        "queue.no_ticket": QCoreApplication.translate("Refusals", "There is no such ticket."),
        "queue.not_at_counter": QCoreApplication.translate("Refusals", "{ticket} is not at this counter."),
        "queue.finish_or_hold_first": QCoreApplication.translate("Refusals", "Finish or hold {ticket} first."),
        "queue.transfer_target_missing": QCoreApplication.translate(
            "Refusals", "Choose the counter or the category to transfer to."
        ),
        "queue.cannot_transfer_to": QCoreApplication.translate("Refusals", "Tickets cannot be transferred to counter {counter}."),
        "case.bad_transition": QCoreApplication.translate("Refusals", "A case that is {state} cannot become {target}."),
        "case.number_too_long": QCoreApplication.translate(
            "Refusals", "The case number would be longer than {limit} characters: ask the administrator to shorten the hall code."
        ),
        "case.not_found": QCoreApplication.translate("Refusals", "There is no case {number}."),
        "case.item_not_in_catalog": QCoreApplication.translate(
            "Refusals", "Item {item} is not in the current catalog: choose the item again."
        ),
        "case.decision_not_allowed": QCoreApplication.translate(
            "Refusals",
            "The checklist does not allow this decision: with a key material missing or "
            "wrong, only a one-time notice can be given.",
        ),
        "case.gap_due_date_missing": QCoreApplication.translate(
            "Refusals", "Accepting with a gap needs the date by which the missing materials come."
        ),
        "case.return_reason_missing": QCoreApplication.translate("Refusals", "Returning a case for correction needs a reason."),
        "case.courier_missing": QCoreApplication.translate("Refusals", "Fill in the courier company and the waybill number."),
        "case.waybill_missing": QCoreApplication.translate("Refusals", "Delivery by post needs the waybill number."),
        "case.collector_mismatch": QCoreApplication.translate(
            "Refusals", "The person collecting is neither the applicant nor the agent: the result cannot be handed over."
        ),
        "case.no_scan": QCoreApplication.translate("Refusals", "This material has no scan."),
        "case.supplement_empty": QCoreApplication.translate(
            "Refusals", "A supplied material needs at least one page: scan it first."
        ),
        "case.nothing_owed": QCoreApplication.translate("Refusals", "This case has no materials still to be supplied."),
        "case.material_not_owed": QCoreApplication.translate(
            "Refusals", "This material is not among those still to be supplied."
        ),
        "evaluation.bad_level": QCoreApplication.translate("Refusals", "Please choose one of the five levels."),
        "evaluation.reason_missing": QCoreApplication.translate("Refusals", "Please choose why you were not satisfied."),
        "evaluation.no_ticket": QCoreApplication.translate("Refusals", "There is no such ticket."),
        "evaluation.already_given": QCoreApplication.translate("Refusals", "This visit has already been evaluated. Thank you."),
        "login.bad_credentials": QCoreApplication.translate("Refusals", "Wrong user name or password."),
        "login.locked": QCoreApplication.translate(
            "Refusals", "The account is locked: try again in {minutes} minutes, or ask an administrator to unlock it."
        ),
        "login.locked_now": QCoreApplication.translate(
            "Refusals", "Too many wrong passwords: the account is locked for {minutes} minutes."
        ),
        "staff.password_too_short": QCoreApplication.translate("Refusals", "A password needs at least {length} characters."),
        "staff.password_letters_and_digits": QCoreApplication.translate("Refusals", "A password needs both letters and digits."),
        "staff.bad_username": QCoreApplication.translate("Refusals", "A user name is 1 to 40 characters."),
        "staff.exists": QCoreApplication.translate("Refusals", "The user name {user} is taken: choose another."),
        "staff.not_found": QCoreApplication.translate("Refusals", "There is no user {user}."),
        "staff.last_admin": QCoreApplication.translate(
            "Refusals", "{user} is the last active administrator and cannot be disabled: add another administrator first."
        ),
        "setup.name_missing": QCoreApplication.translate("Refusals", "Fill in the hall's name."),
        "setup.bad_hall_code": QCoreApplication.translate("Refusals", "The hall code is 4 to 36 letters or digits."),
        "setup.bad_region": QCoreApplication.translate("Refusals", "The region code is 6 digits."),
        "setup.unknown_region": QCoreApplication.translate(
            "Refusals", "Region code {region} is not in the current table of regions: check it."
        ),
        "setup.already_done": QCoreApplication.translate(
            "Refusals", "This database already holds a hall; it cannot be set up again."
        ),
        "setup.not_done": QCoreApplication.translate("Refusals", "This database has no hall yet: finish the set-up first."),
        "setup.too_few_counters": QCoreApplication.translate("Refusals", "A hall has at least 1 counter."),
        "setup.too_many_counters": QCoreApplication.translate(
            "Refusals", "A hall has at most {limit} counters (it has {existing})."
        ),
        "returned.not_found": QCoreApplication.translate("Refusals", "There is no case {number}."),
        "returned.not_returned": QCoreApplication.translate(
            "Refusals", "Case {number} is no longer returned for correction: refresh the list."
        ),
        "returned.outcome_missing": QCoreApplication.translate("Refusals", "Choose the outcome of the call."),
        "returned.note_missing": QCoreApplication.translate("Refusals", "Write down what was agreed with the applicant."),
        "returned.changes_missing": QCoreApplication.translate(
            "Refusals", "Write down what was corrected, then send the case again."
        ),
        "returned.cannot_resubmit": QCoreApplication.translate(
            "Refusals", "Case {number} cannot be sent again: ask the technician to look at the log."
        ),
        "returned.reason_missing": QCoreApplication.translate("Refusals", "Write down why it is closed."),
        "returned.entry_done": QCoreApplication.translate("Refusals", "This sync entry needs nothing more: refresh the list."),
        "follow_up.no_rating": QCoreApplication.translate(
            "Refusals", "There is no such bad rating: refresh the list and try again."
        ),
        "follow_up.named_needs_contact": QCoreApplication.translate(
            "Refusals", "This bad rating is named: contact the applicant and record the outcome."
        ),
        "follow_up.outcome_missing": QCoreApplication.translate("Refusals", "Choose the outcome of the follow-up."),
        "follow_up.rectification_missing": QCoreApplication.translate(
            "Refusals", "When the applicant cannot be contacted, write down the rectification."
        ),
        "follow_up.when_who_missing": QCoreApplication.translate(
            "Refusals", "Fill in when and by whom the applicant was contacted."
        ),
        "follow_up.in_future": QCoreApplication.translate("Refusals", "The time of contact cannot be later than now."),
        "follow_up.note_missing": QCoreApplication.translate(
            "Refusals", "Write down what the applicant said or the rectification."
        ),
    }


def _ticket_states() -> dict[str, str]:
    return {
        "waiting": QCoreApplication.translate("Refusals", "waiting"),
        "called": QCoreApplication.translate("Refusals", "called", "ticket state"),
        "serving": QCoreApplication.translate("Refusals", "being served"),
        "done": QCoreApplication.translate("Refusals", "done"),
        "no_show": QCoreApplication.translate("Refusals", "a no-show"),
        "held": QCoreApplication.translate("Refusals", "on hold"),
        "transferred": QCoreApplication.translate("Refusals", "transferred", "ticket state"),
    }


def _moves() -> dict[str, str]:
    return {
        "call": QCoreApplication.translate("Refusals", "called", "queue move"),
        "recall": QCoreApplication.translate("Refusals", "called again"),
        "start": QCoreApplication.translate("Refusals", "started"),
        "no_show": QCoreApplication.translate("Refusals", "marked a no-show"),
        "hold": QCoreApplication.translate("Refusals", "put on hold"),
        "resume": QCoreApplication.translate("Refusals", "resumed"),
        "transfer": QCoreApplication.translate("Refusals", "transferred", "queue move"),
        "done": QCoreApplication.translate("Refusals", "finished"),
    }


def worded(params: dict[str, str]) -> dict[str, str]:
    """Codes among the params (ticket and case states, queue moves) in words."""
    cases = words.state_words()
    lookups = {"ticket_state": _ticket_states(), "move": _moves(), "state": cases, "target": cases}
    return {key: lookups.get(key, {}).get(value, value) for key, value in params.items()}
