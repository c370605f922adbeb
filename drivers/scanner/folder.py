"""A folder where the vendor's scan tool (TWAIN/WIA software on Windows, a network scanner's
"scan to folder") drops files. Polling only: no extra dependency, works on network shares.

A file is offered once it is complete: its size and modification time have not changed for
`stable_for` seconds and it can be opened for reading (on Windows a file still being written is
locked). Temporary and hidden files are ignored. After the import, `mark_done` moves the file to
`done/` (`mark_failed`: to `failed/`); nothing is ever deleted, and a name already there gets a
numbered suffix instead of overwriting. Use from one thread (the UI's import worker).
"""

from __future__ import annotations

import fnmatch
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_PATTERNS = ("*.pdf", "*.jpg", "*.jpeg", "*.png", "*.tif", "*.tiff")
DONE_DIR = "done"
FAILED_DIR = "failed"
# Names that scan tools, browsers and office programs use while a file is being written.
_TEMP_PREFIXES = (".", "~", "~$", ".~lock")
_TEMP_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".filepart", ".swp", "~")


def is_temporary(name: str) -> bool:
    lower = name.lower()
    return lower.startswith(_TEMP_PREFIXES) or lower.endswith(_TEMP_SUFFIXES)


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float  # clock time when this size/mtime was first seen


class WatchedFolder:
    """Offers each new complete file of `path` matching `patterns` (case-insensitive) once."""

    def __init__(
        self,
        path: str | Path,
        patterns: Iterable[str] = DEFAULT_PATTERNS,
        *,
        stable_for: float = 2.0,
        poll_interval: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = Path(path)
        self.patterns = tuple(p.lower() for p in patterns)
        self.stable_for = stable_for
        self.poll_interval = poll_interval
        self._clock = clock
        self._seen: dict[str, _Seen] = {}
        self._offered: set[str] = set()

    @property
    def done_dir(self) -> Path:
        return self.path / DONE_DIR

    @property
    def failed_dir(self) -> Path:
        return self.path / FAILED_DIR

    def _wanted(self, name: str) -> bool:
        lower = name.lower()
        return not is_temporary(name) and any(fnmatch.fnmatchcase(lower, pattern) for pattern in self.patterns)

    def poll(self) -> list[Path]:
        """One look at the folder: the files that became complete since the last look (oldest first)."""
        now = self._clock()
        present: dict[str, os.stat_result] = {}
        try:
            with os.scandir(self.path) as entries:
                for entry in entries:
                    if self._wanted(entry.name) and entry.is_file(follow_symlinks=False):
                        try:
                            present[entry.name] = entry.stat(follow_symlinks=False)
                        except FileNotFoundError:  # renamed or removed by the scan tool meanwhile
                            continue
        except FileNotFoundError:
            log.warning("watched folder is missing")
            return []
        for gone in set(self._seen) - set(present):
            del self._seen[gone]
        self._offered &= set(present)
        ready: list[tuple[int, str]] = []
        for name, stat in present.items():
            seen = self._seen.get(name)
            if seen is None or (seen.size, seen.mtime_ns) != (stat.st_size, stat.st_mtime_ns):
                self._seen[name] = _Seen(stat.st_size, stat.st_mtime_ns, now)
                if name in self._offered:  # rewritten after it was offered: offer the new version later
                    self._offered.discard(name)
                continue
            if name in self._offered or stat.st_size == 0 or now - seen.since < self.stable_for:
                continue
            if not _readable(self.path / name):
                continue
            ready.append((stat.st_mtime_ns, name))
        ready.sort()
        for _, name in ready:
            self._offered.add(name)
        return [self.path / name for _, name in ready]

    def watch(self, stop: threading.Event, timeout: float | None = None) -> Iterator[Path]:
        """Poll until `stop` is set (or `timeout` seconds passed), yielding each complete file."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not stop.is_set():
            yield from self.poll()
            if deadline is not None and time.monotonic() >= deadline:
                return
            stop.wait(self.poll_interval)

    def mark_done(self, path: Path) -> Path:
        """Move an imported file to done/; returns where it went."""
        return self._move(path, self.done_dir)

    def mark_failed(self, path: Path) -> Path:
        """Move a file that could not be imported to failed/, out of the way but kept."""
        return self._move(path, self.failed_dir)

    def release(self, path: Path) -> None:
        """Offer `path` again at the next poll (the import was interrupted, not failed)."""
        self._offered.discard(path.name)

    def _move(self, path: Path, folder: Path) -> Path:
        folder.mkdir(exist_ok=True)
        target = _free_name(folder, path.name)
        os.replace(path, target)  # same file system: atomic; never copies and deletes
        self._offered.discard(path.name)
        self._seen.pop(path.name, None)
        log.info("watched folder: file moved to %s/", folder.name)
        return target


def _readable(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError:  # locked by the writer (Windows), permissions not yet set, gone
        return False
    return True


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = os.path.splitext(name)
    number = 1
    while target.exists():
        target = folder / f"{stem}-{number}{suffix}"
        number += 1
    return target
