"""drivers.probe.serial_sam against the SAM reader simulator on a real pty, and ports that fail."""

from __future__ import annotations

import os
import sys
import tty
from collections.abc import Iterator

import pytest
import serial

from drivers.idcard.sample import load_cards
from drivers.idcard.simulator import ReaderSimulator
from drivers.probe.serial_sam import probe_sam

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the reader simulator needs a POSIX pty")


@pytest.fixture
def reader() -> Iterator[ReaderSimulator]:
    with ReaderSimulator(load_cards()) as sim:
        yield sim


@pytest.fixture
def silent_port() -> Iterator[str]:
    """A serial port where nothing answers (a device at another speed, or no device at all)."""
    master, slave = os.openpty()
    tty.setraw(slave)
    yield os.ttyname(slave)
    os.close(slave)
    os.close(master)


def test_a_reader_answers_at_the_first_speed(reader: ReaderSimulator) -> None:
    probe = probe_sam(reader.port)
    assert (probe.cause, probe.baud) == ("ok", 115200)


def test_a_port_where_nothing_answers_is_no_answer_after_both_speeds(silent_port: str) -> None:
    assert probe_sam(silent_port, timeout=0.2).cause == "no_answer"


def test_a_missing_port_is_port_absent() -> None:
    assert probe_sam("/dev/ttyUSB-hallapp-missing").cause == "port_absent"


def test_a_port_another_program_holds_is_port_busy(reader: ReaderSimulator) -> None:
    with serial.Serial(reader.port, 115200, exclusive=True):  # the vendor's tool, holding the reader
        assert probe_sam(reader.port).cause == "port_busy"
    assert probe_sam(reader.port).cause == "ok"  # and free again once it lets go


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root opens a chmod 000 device anyway: permission_denied cannot happen as root")
def test_a_port_without_permission_is_permission_denied(reader: ReaderSimulator) -> None:
    os.chmod(reader.port, 0)
    try:
        assert probe_sam(reader.port).cause == "permission_denied"
    finally:
        os.chmod(reader.port, 0o620)
