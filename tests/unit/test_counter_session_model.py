"""The visit at the counter as a plain object: what it holds, what it tells its listeners."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hallapp.domain.cases import Decision, MaterialStatus
from hallapp.domain.identity import manual_identity
from hallapp.domain.idnumber import make_id_number
from hallapp.domain.queue import TicketView
from hallapp.services.cases import CaseSummary
from hallapp.services.catalog import ChecklistLine, ItemChecklist
from hallapp.services.counter_materials import LineStatus
from hallapp.services.counter_session import CaseChoices, Change, CounterSession, Delivery, Missing, Role, Stage

TODAY = date(2026, 12, 8)


def person(name: str, seq: int):
    return manual_identity(name=name, id_number=make_id_number("510104", date(1990, 5, 1), seq), today=TODAY,
                           long_term=True)


def ticket(state: str = "called", recalls: int = 0) -> TicketView:
    return TicketView(id=7, number="A007", category="A", category_name="社保", state=state, green_channel=False,
                      appointment=False, counter_number=1, issued_at=datetime(2026, 12, 8, 9, 0),
                      called_at=datetime(2026, 12, 8, 9, 5), recalls=recalls)


ITEM = ItemChecklist(code="SB001", name="社会保障卡申领", department="人社局", case_type="即办", promised_days=1,
                     sample=True, lines=(ChecklistLine(1, "居民身份证", True, True, "original", 1, ""),))
SAVED = CaseSummary(number="KS-2026-000001", state="accepted", item_code="SB001", item_name="社会保障卡申领",
                    applicant_masked="5101**********0011", promised_date=TODAY, created_at=datetime(2026, 12, 8, 9, 30))


@pytest.fixture
def told() -> tuple[CounterSession, list[Change]]:
    session, changes = CounterSession(), []
    session.subscribe(changes.append)
    return session, changes


def test_a_new_session_is_empty_and_waits_for_a_ticket() -> None:
    session = CounterSession()
    assert session.stage is Stage.NO_TICKET
    assert (session.ticket, session.applicant, session.agent, session.item, session.saved) == (None,) * 5
    assert session.card_for is Role.APPLICANT and not session.has_unsaved_work()


def test_the_ticket_is_told_only_when_it_differs(told) -> None:
    session, changes = told
    session.set_ticket(ticket())
    session.set_ticket(ticket())  # the same ticket read again by the next refresh
    assert changes == [Change.TICKET] and session.stage is Stage.AWAITING_APPLICANT
    session.set_ticket(ticket(recalls=1))
    session.set_ticket(None)
    assert changes == [Change.TICKET] * 3 and session.stage is Stage.NO_TICKET


def test_a_card_goes_to_whom_the_clerk_asked_for_then_to_the_applicant_again(told) -> None:
    session, changes = told
    applicant, agent, third = person("王建国", 11), person("李代办", 21), person("赵三", 31)
    assert session.card_read(applicant, b"BMP") is Role.APPLICANT
    session.expect_card(Role.AGENT)
    assert session.card_read(agent) is Role.AGENT
    assert session.card_for is Role.APPLICANT
    assert (session.applicant, session.agent) == (applicant, agent)
    assert session.photo(Role.APPLICANT) == b"BMP" and session.photo(Role.AGENT) is None
    assert session.card_read(third) is Role.APPLICANT and session.agent == agent  # the agent stays
    assert changes == [Change.PEOPLE] * 3 and session.stage is Stage.BUILDING_CASE


def test_an_item_is_unsaved_work_until_its_case_is_saved(told) -> None:
    session, changes = told
    session.place(Role.APPLICANT, person("王建国", 11))
    session.choose_item(ITEM)
    assert session.has_unsaved_work() and session.item == ITEM
    session.case_saved(SAVED)
    assert not session.has_unsaved_work() and session.stage is Stage.CASE_SAVED
    assert changes == [Change.PEOPLE, Change.ITEM, Change.CASE]


def test_the_next_case_keeps_the_people_and_the_ticket(told) -> None:
    session, changes = told
    applicant = person("王建国", 11)
    session.set_ticket(ticket("serving"))
    session.place(Role.APPLICANT, applicant)
    session.choose_item(ITEM)
    session.case_saved(SAVED)
    session.new_case()
    assert (session.item, session.saved) == (None, None)
    assert session.applicant == applicant and session.ticket == ticket("serving")
    assert changes[-1] is Change.CASE and session.stage is Stage.BUILDING_CASE


def test_ending_the_visit_forgets_everyone_and_the_case(told) -> None:
    session, changes = told
    session.set_ticket(ticket("serving"))
    session.place(Role.APPLICANT, person("王建国", 11), b"BMP")
    session.expect_card(Role.AGENT)
    session.place(Role.AGENT, person("李代办", 21))
    session.choose_item(ITEM)
    session.end_visit()
    assert (session.applicant, session.agent, session.item, session.saved) == (None,) * 4
    assert session.photo(Role.APPLICANT) is None and session.card_for is Role.APPLICANT
    assert not session.has_unsaved_work()
    assert changes[-1] is Change.ENDED
    assert session.ticket == ticket("serving")  # the queue says when the ticket goes, not the session


def test_a_listener_that_stopped_is_not_told_again() -> None:
    session, first, second = CounterSession(), [], []
    stop = session.subscribe(first.append)
    session.subscribe(second.append)
    session.set_ticket(ticket())
    stop()
    stop()  # twice is harmless (a widget destroyed after its session let go)
    session.set_ticket(None)
    assert first == [Change.TICKET] and second == [Change.TICKET] * 2


# -- the materials of the case being built ----------------------------------------------------------
BOOKLET = ItemChecklist(code="HK002", name="户口迁移", department="公安局", case_type="承诺件", promised_days=5,
                        sample=True, lines=(ChecklistLine(1, "居民身份证", True, True, "original", 1, ""),
                                            ChecklistLine(2, "居民户口簿", True, False, "copy", 1, ""),
                                            ChecklistLine(3, "照片", False, False, "original", 1, "")))


def building(told) -> tuple[CounterSession, list[Change]]:
    session, changes = told
    session.place(Role.APPLICANT, person("王建国", 11))
    session.choose_item(BOOKLET)
    changes.clear()
    return session, changes


def test_a_chosen_item_starts_with_every_material_pending_and_only_a_notice_allowed(told) -> None:
    session, _ = building(told)
    assert [m.line.name for m in session.materials] == ["居民身份证", "居民户口簿", "照片"]
    assert all(m.status == "pending" for m in session.materials)
    assert session.materials.allowed_decisions() == [Decision.NOTICE]  # the key ID card is not there yet
    assert session.materials.open_required() == ["居民身份证", "居民户口簿"]


def test_capturing_every_required_material_allows_acceptance_and_is_saved_with_its_pages(told) -> None:
    session, changes = building(told)
    card, booklet, photo = session.materials.lines
    assert session.capture(card, b"%PDF-card", 2) and session.capture(booklet, b"%PDF-booklet", 1)
    assert changes == [Change.MATERIALS] * 2
    assert session.materials.allowed_decisions() == [Decision.ACCEPT] and session.materials.still_missing() == []
    saved = session.materials.inputs()
    assert [(m.position, m.status, m.pdf, m.page_count) for m in saved] == [
        (1, MaterialStatus.CAPTURED, b"%PDF-card", 2), (2, MaterialStatus.CAPTURED, b"%PDF-booklet", 1),
        (3, MaterialStatus.MISSING, None, 0)]  # the optional photo nobody looked at counts as missing


def test_a_missing_non_key_material_allows_a_gap_and_says_what_to_bring(told) -> None:
    session, _ = building(told)
    card, booklet, _photo = session.materials.lines
    session.capture(card, b"%PDF-card", 1)
    session.lack(booklet, LineStatus.MISSING, "Please bring: 居民户口簿")
    assert session.materials.allowed_decisions() == [Decision.ACCEPT_WITH_GAP, Decision.NOTICE]
    assert session.materials.still_missing() == ["居民户口簿"]
    assert session.materials.inputs()[1].how_to_supply == "Please bring: 居民户口簿"
    session.lack(booklet, LineStatus.INCORRECT, "Bring the original")
    assert session.materials.allowed_decisions() == [Decision.NOTICE]  # an incorrect material is never deferred


def test_marking_a_line_again_replaces_what_it_held(told) -> None:
    session, _ = building(told)
    card = session.materials.lines[0]
    session.capture(card, b"%PDF-card", 3)
    session.lack(card, LineStatus.INCORRECT, "Bring the original")
    assert (card.status, card.pdf, card.pages, card.licence) == ("incorrect", None, 0, None)
    session.capture(card, b"%PDF-again", 1)
    assert (card.status, card.pdf, card.pages, card.how_to_supply) == ("captured", b"%PDF-again", 1, "")


def test_a_line_of_an_earlier_case_is_not_changed_by_a_late_capture(told) -> None:
    session, changes = building(told)
    old = session.materials.lines[0]
    session.new_case()  # the clerk moved on while a scan or an e-licence fetch was still running
    session.choose_item(BOOKLET)
    changes.clear()
    assert not session.capture(old, b"%PDF-late", 1)
    assert changes == [] and all(m.status == "pending" for m in session.materials)


def test_only_missing_or_incorrect_count_as_lacking(told) -> None:
    session, _ = building(told)
    with pytest.raises(ValueError, match="not a lacking status"):
        session.lack(session.materials.lines[0], LineStatus.CAPTURED, "")


def test_a_new_case_and_the_end_of_the_visit_leave_no_materials(told) -> None:
    session, _ = building(told)
    session.capture(session.materials.lines[0], b"%PDF", 1)
    session.new_case()
    assert len(session.materials) == 0 and session.materials.allowed_decisions() == []
    session.choose_item(BOOKLET)
    session.end_visit()
    assert len(session.materials) == 0


# -- the clerk's choices for the case -----------------------------------------------------------------
def choosing(told, region: str = "510104") -> tuple[CounterSession, list[Change]]:
    session, changes = told
    session.place(Role.APPLICANT, manual_identity(name="王建国", id_number=make_id_number(region, date(1990, 5, 1), 11),
                                                  today=TODAY, long_term=True))
    session.choose_item(BOOKLET)
    changes.clear()
    return session, changes


def complete(session: CounterSession) -> None:
    card, booklet, _photo = session.materials.lines
    session.capture(card, b"%PDF-card", 1)
    session.capture(booklet, b"%PDF-booklet", 1)


def test_the_handling_place_is_the_applicants_home_county_unless_it_left_the_list(told) -> None:
    session, _ = choosing(told)
    assert session.handling_place == "510104"
    other, _ = choosing((CounterSession(), []), region="510122")  # 双流县: became 双流区 (510116) in 2015
    assert other.handling_place == "" and other.missing() is Missing.PLACE


def test_a_chosen_place_is_told_once_and_must_be_a_county_of_the_list(told) -> None:
    session, changes = choosing(told)
    session.choose_place("110101")
    session.choose_place("110101")  # a widget showing the choice echoes it back
    assert session.handling_place == "110101" and changes == [Change.CHOICES]
    with pytest.raises(ValueError, match="not a county"):
        session.choose_place("510122")
    assert session.handling_place == "110101"


def test_the_decision_follows_what_the_checklist_allows(told) -> None:
    session, changes = choosing(told)
    assert session.decision is Decision.NOTICE  # nothing received: a notice is all there is
    complete(session)
    assert session.decision is Decision.ACCEPT and changes == [Change.MATERIALS] * 2  # a notice is no longer offered
    session.lack(session.materials.lines[1], LineStatus.MISSING, "Please bring: 居民户口簿")
    assert session.decision is Decision.ACCEPT_WITH_GAP
    session.choose_decision(Decision.NOTICE)
    session.capture(session.materials.lines[0], b"%PDF-again", 2)  # still allowed: the clerk's choice stays
    assert session.decision is Decision.NOTICE
    with pytest.raises(ValueError, match="does not allow"):
        session.choose_decision(Decision.ACCEPT)
    session.choose_best_decision()
    assert session.decision is Decision.ACCEPT_WITH_GAP


def test_the_gap_is_due_two_weeks_from_today_unless_the_clerk_says_otherwise() -> None:
    session = CounterSession(today=lambda: TODAY)
    assert session.gap_due == date(2026, 12, 22)
    session.choose_gap_due(date(2026, 12, 30))
    assert session.gap_due == date(2026, 12, 30)


def test_the_saved_case_carries_the_choices_and_a_postal_address_only_by_post() -> None:
    session = CounterSession(today=lambda: TODAY)
    session.set_ticket(ticket("serving"))
    choosing((session, []))
    session.capture(session.materials.lines[0], b"%PDF-card", 1)
    session.lack(session.materials.lines[1], LineStatus.MISSING, "Please bring: 居民户口簿")
    assert session.decision is Decision.NOTICE  # still allowed: kept until the clerk reaches the decision
    session.choose_best_decision()
    session.choose_place("110101")
    session.choose_delivery(Delivery.MAIL)
    assert session.missing() is Missing.ADDRESS
    session.set_delivery_address("  四川省成都市锦江区某路1号 ")
    intake = session.intake(counter_number=3, staff_id=5, staff_username="clerk1")
    assert (intake.handling_region_code, intake.decision, intake.gap_due_date) == (
        "110101", Decision.ACCEPT_WITH_GAP, date(2026, 12, 22))
    assert (intake.delivery, intake.delivery_address, intake.ticket_id, intake.counter_number) == (
        "mail", "四川省成都市锦江区某路1号", 7, 3)
    session.choose_decision(Decision.NOTICE)
    session.choose_delivery(Delivery.WINDOW)
    intake = session.intake(counter_number=3, staff_id=5, staff_username="clerk1")
    assert (intake.gap_due_date, intake.delivery, intake.delivery_address) == (None, "window", "")


def test_nothing_is_saved_before_the_applicant_the_item_and_the_decision() -> None:
    session = CounterSession()
    assert session.missing() is Missing.APPLICANT
    session.place(Role.APPLICANT, person("王建国", 11))
    assert session.missing() is Missing.DECISION and session.decision is None  # no item, no decision
    with pytest.raises(ValueError, match="not complete"):
        session.intake(counter_number=1, staff_id=None, staff_username="clerk1")
    session.choose_item(BOOKLET)
    assert session.missing() is None


def test_a_new_case_and_the_end_of_the_visit_start_the_choices_afresh(told) -> None:
    session, _ = choosing(told)
    session.choose_delivery(Delivery.MAIL)
    session.set_delivery_address("某路1号")
    session.choose_gap_due(date(2027, 1, 5))
    session.new_case()
    assert session.choices == CaseChoices() and session.decision is None
    choosing((session, []))
    session.choose_place("110101")
    session.end_visit()
    assert session.choices == CaseChoices()
