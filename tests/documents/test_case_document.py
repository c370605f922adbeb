"""The document model only ever holds masked ID numbers; the status address comes from the hall's template."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hallapp.documents import MaterialLine, render_notice, render_receipt, status_url
from hallapp.documents.sample import SAMPLE_ID_NUMBER, sample_notice_case


def test_a_full_id_number_is_refused(case):
    with pytest.raises(ValueError, match="masked"):
        replace(case, applicant_id_masked=SAMPLE_ID_NUMBER)
    with pytest.raises(ValueError, match="masked"):
        replace(case, agent_id_masked="330726199205170021")


def test_mail_delivery_needs_an_address(case):
    with pytest.raises(ValueError, match="delivery_address"):
        replace(case, delivery="mail", delivery_address=" ")


def test_a_promised_case_that_was_not_accepted_has_no_date_and_that_is_fine(case, fonts, saved):
    """一次性告知 of a 承诺件: nothing was accepted, so nothing was promised; the notice still prints."""
    notified = replace(sample_notice_case(), promised_date=None)
    assert notified.case_type == "promised"
    text = saved(render_notice(notified, fonts)).flat_text()
    assert "一次性告知书" in text and "承诺办结" not in text


def test_only_the_receipt_of_a_promised_case_needs_its_date(case, fonts):
    with pytest.raises(ValueError, match="promised_date"):
        render_receipt(replace(case, promised_date=None), fonts)


def test_unknown_material_form_is_refused():
    with pytest.raises(ValueError, match="form"):
        MaterialLine("居民身份证", "scan")  # type: ignore[arg-type]


def test_status_url_fills_in_the_quoted_case_number():
    assert status_url("https://hall.example/q/{number}", "DEMO 01/7") == "https://hall.example/q/DEMO%2001%2F7"
    with pytest.raises(ValueError, match="{number}"):
        status_url("https://hall.example/q/", "DEMO-1")
