"""The watched folder on the real file system: complete files only, once, moved to done/ and never lost."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from drivers.scanner.folder import WatchedFolder, is_temporary


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> _Clock:
    return _Clock()


def test_a_file_is_offered_only_once_it_stopped_growing(tmp_path: Path, clock: _Clock) -> None:
    folder = WatchedFolder(tmp_path, stable_for=2.0, clock=clock)
    path = tmp_path / "scan0001.pdf"
    with path.open("wb") as handle:
        for _ in range(5):  # the vendor tool writes a chunk, the clock moves on, we look
            handle.write(b"x" * 1000)
            handle.flush()
            assert folder.poll() == []
            clock.now += 1.5
    assert folder.poll() == []  # unchanged for 1.5 s only
    clock.now += 1.0
    assert folder.poll() == [path]
    assert folder.poll() == []  # offered once
    assert path.stat().st_size == 5000


def test_slow_writer_in_real_time_is_picked_up_complete_and_moved_to_done(tmp_path: Path) -> None:
    folder = WatchedFolder(tmp_path, stable_for=1.0, poll_interval=0.05)  # 20x the write interval
    content = bytes(range(256)) * 40
    finished = threading.Event()

    def write_slowly() -> None:
        with (tmp_path / "IMG_0007.JPG").open("wb") as handle:
            for start in range(0, len(content), 1024):
                handle.write(content[start : start + 1024])
                handle.flush()
                time.sleep(0.05)
        finished.set()

    writer = threading.Thread(target=write_slowly)
    stop = threading.Event()
    writer.start()
    got: list[Path] = []
    for path in folder.watch(stop, timeout=10):
        assert finished.is_set(), "offered while still being written"
        got.append(path)
        stop.set()
    writer.join()
    assert got == [tmp_path / "IMG_0007.JPG"]
    assert got[0].read_bytes() == content
    moved = folder.mark_done(got[0])
    assert moved == tmp_path / "done" / "IMG_0007.JPG"
    assert moved.read_bytes() == content
    assert not got[0].exists()
    assert folder.poll() == []


def test_temporary_hidden_and_other_files_are_ignored(tmp_path: Path, clock: _Clock) -> None:
    folder = WatchedFolder(tmp_path, stable_for=0.0, clock=clock)
    for name in ["~$scan.pdf", ".scan.pdf", "scan.pdf.part", "scan.tmp", "scan.jpg.crdownload", "notes.txt", "scan.docx"]:
        (tmp_path / name).write_bytes(b"data")
    (tmp_path / "done").mkdir()
    (tmp_path / "done" / "old.pdf").write_bytes(b"data")
    (tmp_path / "Scan.TIF").write_bytes(b"data")
    folder.poll()
    clock.now += 1
    assert folder.poll() == [tmp_path / "Scan.TIF"]
    assert is_temporary("~WRL0001.tmp") and not is_temporary("scan.pdf")


def test_empty_files_wait(tmp_path: Path, clock: _Clock) -> None:
    folder = WatchedFolder(tmp_path, stable_for=1.0, clock=clock)
    (tmp_path / "scan.png").write_bytes(b"")
    folder.poll()
    clock.now += 5
    assert folder.poll() == []


def test_done_never_overwrites_and_failed_keeps_the_file(tmp_path: Path, clock: _Clock) -> None:
    folder = WatchedFolder(tmp_path, stable_for=1.0, clock=clock)
    for round_number in range(2):
        (tmp_path / "scan.pdf").write_bytes(f"round {round_number}".encode())
        folder.poll()
        clock.now += 2
        (ready,) = folder.poll()
        folder.mark_done(ready)
    assert (tmp_path / "done" / "scan.pdf").read_bytes() == b"round 0"
    assert (tmp_path / "done" / "scan-1.pdf").read_bytes() == b"round 1"
    (tmp_path / "bad.jpg").write_bytes(b"not a jpeg")
    folder.poll()
    clock.now += 2
    (bad,) = folder.poll()
    assert folder.mark_failed(bad).read_bytes() == b"not a jpeg"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["done", "failed"]


def test_release_offers_a_file_again(tmp_path: Path, clock: _Clock) -> None:
    folder = WatchedFolder(tmp_path, stable_for=1.0, clock=clock)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-")
    folder.poll()
    clock.now += 2
    (ready,) = folder.poll()
    assert folder.poll() == []
    folder.release(ready)
    assert folder.poll() == [ready]


def test_a_file_rewritten_after_it_was_offered_is_offered_again_when_stable(tmp_path: Path, clock: _Clock) -> None:
    folder = WatchedFolder(tmp_path, stable_for=1.0, clock=clock)
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"first")
    folder.poll()
    clock.now += 2
    assert folder.poll() == [path]
    path.write_bytes(b"second, longer")
    assert folder.poll() == []
    clock.now += 2
    assert folder.poll() == [path]


def test_a_missing_folder_gives_nothing(tmp_path: Path) -> None:
    assert WatchedFolder(tmp_path / "not-there").poll() == []
