"""Printer status from the answers to `DLE EOT n` (10 04 n), as the Epson ESC/POS reference
defines them; Chinese printers (Xprinter, Gprinter, Rongta, ...) follow it for n = 1..4.

Each answer is one byte with bits 1 and 4 set and bits 0 and 7 clear (`xxx1 xx10`); a byte that
does not fit this pattern is not taken as an answer.

  n=1 printer:       bit 3 offline
  n=2 offline cause: bit 2 cover open, bit 3 paper fed by the button, bit 5 stopped for paper end,
                     bit 6 an error occurred
  n=3 error cause:   bit 2 recoverable error, bit 3 autocutter error, bit 5 unrecoverable error,
                     bit 6 auto-recoverable error (head too hot)
  n=4 paper sensor:  bits 2-3 paper near end, bits 5-6 paper end (no paper)
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.errors import register

DLE_EOT = b"\x10\x04"
QUERIES = (1, 2, 3, 4)

STATES = register({
    "printer.ok": "The ticket printer is ready.",
    "printer.status_unknown": "The ticket printer did not report its state (this connection or model cannot); "
                              "tickets are still sent to it.",
    "printer.cover_open": "The ticket printer's paper cover is open: close it.",
    "printer.out_of_paper": "The ticket printer is out of paper: put in a new roll.",
    "printer.mechanical_error": "The ticket printer reports a fault (cutter or print head): switch it off, check "
                                "it and switch it on again.",
    "printer.offline": "The ticket printer is offline: check the printer.",
    "printer.paper_near_end": "The ticket printer's paper roll is nearly used up: have a new roll ready.",
})
MSG_OK = STATES["printer.ok"]
MSG_UNKNOWN = STATES["printer.status_unknown"]
MSG_PAPER_OUT = STATES["printer.out_of_paper"]
MSG_NEAR_END = STATES["printer.paper_near_end"]
MSG_COVER_OPEN = STATES["printer.cover_open"]
MSG_ERROR = STATES["printer.mechanical_error"]
MSG_OFFLINE = STATES["printer.offline"]


def is_status_byte(value: int) -> bool:
    return value & 0x93 == 0x12


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer reported. `ok` is None when the status is unknown (no answer, or a
    transport that cannot read back): that is not an error, the ticket is still sent.
    `codes` name every problem, the most urgent first (`printer.ok` / `printer.status_unknown` if none);
    `message` is English, for logs and the command line."""

    ok: bool | None
    paper_out: bool = False
    paper_near_end: bool = False
    cover_open: bool = False
    offline: bool = False
    error: bool = False
    message: str = MSG_OK

    @property
    def codes(self) -> tuple[str, ...]:
        if self.ok is None:
            return ("printer.status_unknown",)
        problems = (
            (self.cover_open, "printer.cover_open"), (self.paper_out, "printer.out_of_paper"),
            (self.error, "printer.mechanical_error"),
            (self.offline and not (self.cover_open or self.paper_out or self.error), "printer.offline"),
            (self.paper_near_end, "printer.paper_near_end"),
        )
        return tuple(code for flag, code in problems if flag) or ("printer.ok",)

    @property
    def code(self) -> str:
        """The most urgent state: what the window says first."""
        return self.codes[0]

    @property
    def known(self) -> bool:
        return self.ok is not None

    @property
    def blocks_printing(self) -> bool:
        """Paper out, cover open or a mechanical error: a ticket sent now would not come out."""
        return self.paper_out or self.cover_open or self.error

    @classmethod
    def unknown(cls, message: str = MSG_UNKNOWN) -> PrinterStatus:
        return cls(ok=None, message=message)


def _bit(answers: dict[int, int], query: int, mask: int) -> bool:
    return bool(answers.get(query, 0) & mask)


def decode_status(answers: dict[int, int]) -> PrinterStatus:
    """The status from the answer bytes by query number; unknown without a valid answer to n=1."""
    answers = {n: b for n, b in answers.items() if n in QUERIES and is_status_byte(b)}
    if 1 not in answers:
        return PrinterStatus.unknown()
    paper_out = _bit(answers, 4, 0x60) or _bit(answers, 2, 0x20)
    cover_open = _bit(answers, 2, 0x04)
    error = _bit(answers, 3, 0x2C) or (_bit(answers, 2, 0x40) and not (paper_out or cover_open))
    offline = _bit(answers, 1, 0x08)
    near_end = _bit(answers, 4, 0x0C) and not paper_out
    problems = [
        (cover_open, MSG_COVER_OPEN), (paper_out, MSG_PAPER_OUT), (error, MSG_ERROR),
        (offline and not (cover_open or paper_out or error), MSG_OFFLINE), (near_end, MSG_NEAR_END),
    ]
    message = " ".join(text for flag, text in problems if flag) or MSG_OK
    ok = not (paper_out or cover_open or error or offline)
    return PrinterStatus(ok, paper_out, near_end, cover_open, offline, error, message)
