"""Refusals of the core (hallapp/domain/errors.py codes: queue, case, staff, login, set-up,
evaluation, e-licences) worded in the window's language. ui/errors.py `describe()` is the one door to these."""

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
        "case.item_withdrawn": QCoreApplication.translate(
            "Refusals", "Item {item} was withdrawn by the national platform: it cannot start a new case. "
            "Tell the applicant, and choose another item if one fits."
        ),
        "catalog.bad_item": QCoreApplication.translate(
            "Refusals", "The platform's catalog {version} has an item that cannot be used ({where}): nothing changed. "
            "Try again later, or report it to the platform's support."
        ),
        "catalog.empty": QCoreApplication.translate(
            "Refusals", "The platform's catalog {version} lists no item: nothing changed. Try again later."
        ),
        "catalog.changed_since": QCoreApplication.translate(
            "Refusals", "The local catalog changed since the differences were shown: fetch them again."
        ),
        "calendar.not_published": QCoreApplication.translate(
            "Refusals", "The platform has no holiday calendar for {year} yet: nothing changed. Try again once the State "
            "Council's notice is out."
        ),
        "calendar.bad": QCoreApplication.translate(
            "Refusals", "The platform's holiday calendar {year} ({version}) cannot be used ({why}): nothing changed. "
            "Try again later, or report it to the platform's support."
        ),
        "calendar.clash": QCoreApplication.translate(
            "Refusals", "{day} would be a holiday in one calendar and a working day in another ({entry}): ask the "
            "technician to remove that calendar from the settings, then update again."
        ),
        "calendar.unreadable": QCoreApplication.translate(
            "Refusals", "A holiday calendar in the settings cannot be read ({why}): ask the technician to fix the "
            "setting documents.holiday_calendars first."
        ),
        "calendar.changed_since": QCoreApplication.translate(
            "Refusals", "The calendars changed since the differences were shown: fetch them again."
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
        "setup.bad_hall_code": QCoreApplication.translate("Refusals", "The hall code is 4 to 30 letters or digits."),
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
        **_licence_templates(),
        **_sync_templates(),
        **_bundle_templates(),
        **_material_templates(),
    }


def _licence_templates() -> dict[str, str]:
    """电子证照 (hallapp/domain/licences.py): each says what happened and that the paper can still be scanned."""
    return {
        "licence.no_consent": QCoreApplication.translate(
            "Refusals", "The applicant did not consent: nothing was fetched. Scan the paper (F7)."
        ),
        "licence.not_for_material": QCoreApplication.translate(
            "Refusals", "The national platform cannot supply this material as an e-licence. Scan the paper (F7)."
        ),
        "licence.no_holder_number": QCoreApplication.translate(
            "Refusals", "Read the applicant's card first (F3): a licence is fetched by the applicant's ID number."
        ),
        "licence.offline": QCoreApplication.translate(
            "Refusals", "The national platform cannot be reached now. Scan the paper (F7); the case is sent when "
            "the link returns."
        ),
        "licence.not_set_up": QCoreApplication.translate(
            "Refusals", "This PC is not registered with the national platform, so no e-licence can be fetched. "
            "Scan the paper (F7), and tell the technician."
        ),
        "licence.untrusted": QCoreApplication.translate(
            "Refusals", "The national platform's certificate is not trusted by this PC, so nothing was sent. "
            "Scan the paper (F7), and tell the technician."
        ),
        "licence.not_found": QCoreApplication.translate(
            "Refusals", "The platform holds no such licence for this applicant. Scan the paper (F7)."
        ),
        "licence.refused": QCoreApplication.translate(
            "Refusals", "The platform refused the request. Scan the paper (F7); if this repeats, tell the "
            "technician (platform registration)."
        ),
        "licence.bad_answer": QCoreApplication.translate(
            "Refusals", "The platform's answer was not a usable licence. Scan the paper (F7)."
        ),
    }


def _sync_templates() -> dict[str, str]:
    """Why an outbox entry did not reach the national platform (hallapp/domain/outbox.py): shown on the
    sync page, the case page and the supervisor's needs-attention list."""
    return {
        "sync.no_platform_url": QCoreApplication.translate(
            "SyncErrors", "The national platform's address (platform.url) is not set or not valid, for example "
            "https://platform.example/: ask the technician to set it."
        ),
        "sync.bad_url": QCoreApplication.translate(
            "SyncErrors", "The national platform's address is not valid ({why}): ask the technician to correct platform.url."
        ),
        "sync.not_pinned": QCoreApplication.translate(
            "SyncErrors", "This PC has not pinned the national platform's signing key yet: the technician runs hallapp "
            "platform register."
        ),
        "sync.unsigned": QCoreApplication.translate(
            "SyncErrors", "The answer carries no valid signature of the national platform (a gateway login page, a proxy or "
            "another server); treated as no answer, tried again later."
        ),
        "sync.key_changed": QCoreApplication.translate(
            "SyncErrors", "The signing key in the platform's answer differs from the one this PC pinned; treated as no answer. "
            "If the platform did change its key, an administrator checks it first."
        ),
        "sync.off_contract": QCoreApplication.translate(
            "SyncErrors", "The platform's answer is outside the contract ({status}); treated as no answer."
        ),
        "sync.bad_missing_list": QCoreApplication.translate(
            "SyncErrors", "The platform's answer does not fit the contract (missing); treated as no answer."
        ),
        "sync.answer_too_large": QCoreApplication.translate(
            "SyncErrors", "The platform's answer is larger than the {limit} byte limit; treated as no answer."
        ),
        "sync.auth_refused": QCoreApplication.translate(
            "SyncErrors", "The platform refused this hall's signature or key ({status} {reason}): the technician checks the "
            "hall's registration (hallapp platform register)."
        ),
        "sync.conflict": QCoreApplication.translate(
            "SyncErrors", "The platform holds different data under the same submission ({where}): a supervisor checks the "
            "case; nothing is overwritten."
        ),
        "sync.hash_mismatch": QCoreApplication.translate(
            "SyncErrors", "The platform's hash of a material differs from this PC's ({where}); it is sent again."
        ),
        "sync.not_found": QCoreApplication.translate(
            "SyncErrors", "The platform has no such record ({where})."
        ),
        "sync.unavailable": QCoreApplication.translate(
            "SyncErrors", "The national platform is unavailable for now ({status} {reason}); sending is retried later."
        ),
        "sync.rejected": QCoreApplication.translate(
            "SyncErrors", "The platform refused the record ({status} {reason}: {detail}): a supervisor checks the case."
        ),
        "sync.deadline": QCoreApplication.translate(
            "SyncErrors", "This sync run reached its time limit; the next run goes on."
        ),
        "sync.timeout": QCoreApplication.translate(
            "SyncErrors", "The national platform did not finish its answer within {seconds} s; tried again later."
        ),
        "sync.unreachable": QCoreApplication.translate(
            "SyncErrors", "The national platform cannot be reached ({error}); tried again later."
        ),
        "sync.not_committed": QCoreApplication.translate(
            "SyncErrors", "The platform did not confirm the submission; tried again later."
        ),
        "sync.wrong_submission": QCoreApplication.translate(
            "SyncErrors", "The platform's answer names another submission than the one sent; treated as no answer."
        ),
        "sync.upload_out_of_step": QCoreApplication.translate(
            "SyncErrors", "The platform and this PC disagree on how much of a material was uploaded; tried again later."
        ),
        "sync.case_first": QCoreApplication.translate(
            "SyncErrors", "The case is not yet confirmed by the platform; this record is sent after it."
        ),
        "sync.case_needs_attention": QCoreApplication.translate(
            "SyncErrors", "The case needs a person's attention; this record is sent after it."
        ),
        "sync.updates_out_of_order": QCoreApplication.translate(
            "SyncErrors", "The platform's status updates are not in sequence; treated as no answer."
        ),
        "sync.bad_answer": QCoreApplication.translate(
            "SyncErrors", "The platform's answer does not fit the contract ({what}); treated as no answer, tried again later."
        ),
        "sync.no_such_entry": QCoreApplication.translate(
            "SyncErrors", "There is no sync entry {entry} that can be retried (it is confirmed or does not exist)."
        ),
        **_tls_templates(),
    }


def _tls_templates() -> dict[str, str]:
    """The platform's certificate (hallapp/sync/tls.py): each stops sending until someone acts."""
    return {
        "sync.ca_file_unreadable": QCoreApplication.translate(
            "SyncErrors", "The CA file for the platform's certificate (platform.ca_file: {path}) cannot be read: the "
            "administrator checks its path and content."
        ),
        "sync.https_required": QCoreApplication.translate(
            "SyncErrors", "A platform certificate is set (platform.ca_file / pin_sha256) but the platform's address is not "
            "https://; this PC never sends over plain HTTP: change platform.url to an https:// address."
        ),
        "sync.cert_expired": QCoreApplication.translate(
            "SyncErrors", "The national platform's TLS certificate has expired or is not valid yet ({detail}); sending "
            "stopped. Check this PC's date and time, or ask the platform to renew its certificate."
        ),
        "sync.cert_wrong_host": QCoreApplication.translate(
            "SyncErrors", "The national platform's TLS certificate is not for the host in platform.url ({detail}); sending "
            "stopped. The administrator checks the platform's address."
        ),
        "sync.cert_untrusted": QCoreApplication.translate(
            "SyncErrors", "The national platform's TLS certificate is not trusted by this PC ({detail}); sending stopped. "
            "The administrator checks platform.ca_file (the platform's CA certificate) and the platform's address."
        ),
        "sync.pin_no_certificate": QCoreApplication.translate(
            "SyncErrors", "Certificate pinning is set (platform.pin_sha256) but the connection has no TLS certificate; "
            "sending stopped."
        ),
        "sync.pin_mismatch": QCoreApplication.translate(
            "SyncErrors", "The national platform's certificate key differs from the one pinned on this PC "
            "(platform.pin_sha256); sending stopped. The connection may be intercepted, or the platform changed its "
            "certificate: the administrator checks, then updates the pin."
        ),
    }


def _bundle_templates() -> dict[str, str]:
    """Removable-media bundles (hallapp/sync/bundle.py): each refusal of an import means nothing was imported."""
    return {
        "bundle.passphrase_missing": QCoreApplication.translate(
            "BundleErrors", "Set an export passphrase of at least 8 characters (environment variable {variable})."
        ),
        "bundle.altered": QCoreApplication.translate(
            "BundleErrors", "The bundle's content was altered, or the passphrase is wrong; nothing was imported."
        ),
        "bundle.exists": QCoreApplication.translate(
            "BundleErrors", "{folder} already exists: export again in a minute, or into another folder."
        ),
        "bundle.none": QCoreApplication.translate(
            "BundleErrors", "There is no bundle in {directory}: choose the folder the bundle was copied to."
        ),
        "bundle.manifest_unreadable": QCoreApplication.translate(
            "BundleErrors", "{bundle}: the manifest cannot be read; nothing was imported: copy the whole bundle folder again."
        ),
        "bundle.bad_signature": QCoreApplication.translate(
            "BundleErrors", "{bundle}: the signature is not valid, the bundle was altered; nothing was imported."
        ),
        "bundle.signer_not_sm2": QCoreApplication.translate(
            "BundleErrors", "{bundle}: the bundle's signing key is not an SM2 key; nothing was imported."
        ),
        "bundle.untrusted_signer": QCoreApplication.translate(
            "BundleErrors", "{bundle}: signed by key {key}, which is not a key of this hall; nothing was imported. If that PC "
            "belongs to this hall, an administrator runs `hallapp bundle trust ITS_keys/hall_sm2.pub.pem` first."
        ),
        "bundle.other_hall": QCoreApplication.translate(
            "BundleErrors", "{bundle}: the bundle is from hall {hall}, not this hall {this_hall}; nothing was imported: carry it "
            "to a PC of that hall."
        ),
        "bundle.no_key_derivation": QCoreApplication.translate(
            "BundleErrors", "{bundle}: the manifest has no valid key derivation; nothing was imported."
        ),
        "bundle.wrong_passphrase": QCoreApplication.translate(
            "BundleErrors", "{bundle}: the export passphrase is wrong; nothing was imported."
        ),
        "bundle.no_entries": QCoreApplication.translate(
            "BundleErrors", "{bundle}: the manifest lists no entries; nothing was imported."
        ),
        "bundle.outside": QCoreApplication.translate(
            "BundleErrors", "{bundle}: case {case}: the manifest names a file outside the bundle's entries/ folder; nothing was "
            "imported: the bundle was altered, export it again."
        ),
        "bundle.payload_differs": QCoreApplication.translate(
            "BundleErrors", "{bundle}: case {case}: the content differs from the manifest; nothing was imported."
        ),
        "bundle.unreadable_case": QCoreApplication.translate(
            "BundleErrors", "{bundle}: case {case}: the case record cannot be read; nothing was imported."
        ),
        "bundle.ids_differ": QCoreApplication.translate(
            "BundleErrors", "{bundle}: case {case}: the manifest's client id or case number differs from the case inside; "
            "nothing was imported: the bundle was altered, export it again."
        ),
        "bundle.materials_differ": QCoreApplication.translate(
            "BundleErrors", "{bundle}: case {case}: the manifest's materials differ from the case's; nothing was imported."
        ),
        "bundle.file_missing": QCoreApplication.translate(
            "BundleErrors", "{bundle}: {file} is missing or unreadable; nothing was imported: copy the whole bundle folder again."
        ),
        "bundle.material_differs": QCoreApplication.translate(
            "BundleErrors", "{bundle}: the hash of material {material}… differs from the manifest; nothing was imported."
        ),
    }


def _material_templates() -> dict[str, str]:
    """A stored scan that is missing or damaged (hallapp/storage/material_store.py)."""
    return {
        "material.missing": QCoreApplication.translate(
            "Refusals", "The scan {sha} is missing from this PC: restore the home folder's backup, or scan the "
            "paper again."
        ),
        "material.missing_shared": QCoreApplication.translate(
            "Refusals", "The scan {sha} is neither in the shared database nor on this PC: it may be kept only "
            "on the PC that scanned it with an older version; a technician checks that PC."
        ),
        "material.damaged": QCoreApplication.translate(
            "Refusals", "The scan {sha} is damaged or was altered: scan the paper again."
        ),
        "material.damaged_shared": QCoreApplication.translate(
            "Refusals", "The scan {sha} cannot be opened: it is damaged, or this PC lacks the hall's keys "
            "(run `hallapp keys import` with the hall's keys file)."
        ),
        "material.hash_mismatch": QCoreApplication.translate(
            "Refusals", "The scan {sha} does not match its recorded hash: scan the paper again."
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
