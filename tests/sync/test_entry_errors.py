"""An outbox entry's last error keeps a code and params (worded by whoever reads it), the command line
and logs get English, and rows stored before the codes read as they were."""

from __future__ import annotations

from hallapp.domain import outbox
from hallapp.sync.platform_port import TransientError


def test_a_coded_failure_is_stored_as_code_and_params_and_read_back() -> None:
    error = outbox.coded(TransientError(retry_after_s=5), "sync.unavailable", status=503, reason="busy")
    assert str(error) == "The national platform is unavailable for now (503 busy); sending is retried later."
    assert error.retry_after_s == 5
    text = outbox.stored(error)
    assert text.startswith("sync.unavailable|") and len(text) <= 400
    said = outbox.read(text)
    assert (said.code, dict(said.params)) == ("sync.unavailable", {"status": "503", "reason": "busy"})
    assert outbox.english_text(text) == str(error)


def test_an_older_plain_row_and_a_failure_without_code_stay_their_text() -> None:
    for plain in ("422 invalid: 缺少办理地", "平台暂时不可用 (503 )", "a.b|not json", ""):
        said = outbox.read(plain)
        assert said.code is None and str(said) == plain
    assert outbox.stored(RuntimeError("disk full")) == "disk full"


def test_a_long_platform_detail_is_cut_so_the_code_survives_the_column() -> None:
    error = outbox.coded(TransientError(), "sync.rejected", status=422, reason="invalid", detail="x" * 2000)
    text = outbox.stored(error)
    assert len(text) <= 400 and outbox.read(text).code == "sync.rejected"


def test_the_states_compare_equal_to_what_the_database_holds() -> None:
    assert [str(s) for s in outbox.OutboxState] == ["queued", "sending", "sent", "retrying", "needs_attention",
                                                    "confirmed"]
    assert outbox.OutboxState.NEEDS_ATTENTION == "needs_attention"
    assert "confirmed" not in outbox.UNCONFIRMED
