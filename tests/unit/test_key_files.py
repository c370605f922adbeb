"""Key files are made once per home, whole: engines and processes starting together all use the
one key that won, and none reads it half-written (two sync engines of session 3's CI did)."""

from __future__ import annotations

import threading
from pathlib import Path

from hallapp.storage import key_files
from hallapp.storage.repositories import audit as chain


def test_the_first_writer_wins_and_later_ones_keep_its_key(tmp_path: Path) -> None:
    path = tmp_path / "some.key"
    assert key_files.write_once(path, b"first")
    assert not key_files.write_once(path, b"second")
    assert path.read_bytes() == b"first" and path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["some.key"]  # no temporary file left behind


def test_engines_starting_together_all_get_the_same_whole_audit_key(tmp_path: Path) -> None:
    keys, results, errors = tmp_path / "keys", [], []
    start = threading.Barrier(16)

    def make() -> None:
        start.wait()
        try:
            results.append(chain.load_or_create_key(keys).secret)
        except Exception as exc:  # noqa: BLE001 - the test reports whatever a racer saw
            errors.append(exc)

    threads = [threading.Thread(target=make) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(results) == 16 and len(set(results)) == 1 and len(results[0]) == 32
