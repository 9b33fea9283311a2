"""Files in the user's cache folder that spare a process work an earlier one did: checked, atomic, disposable.

Every cache file starts with a magic line and a CRC-32 of its payload, and is replaced by an
atomic rename of a private temporary file, so two processes writing at once are harmless and a
reader sees one whole file or the other. Anything unexpected (absent, foreign, truncated,
corrupt, written by other code) reads as "not cached": a cache problem never reaches the user,
and failing to write (a read-only or full disk) is not an error.

`remembered` keeps the result of reading a shipped data file (the statute registries, the
requirements of the law), keyed by the file's path, size and modification time and by the
program's own code and Python version.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

CACHE_DIR_VARIABLE = "FOI_DRAFTER_CACHE_DIR"
QUIET_SECONDS = 3.0  # files changed more recently than this are not cached yet (timestamp resolution)
_DATA_MAGIC = b"FOI-DRAFTER DATA CACHE 1\n"
_APP_ROOT = Path(__file__).resolve().parents[2]
_DATA_CODE_DIRS = ("core/law", "core/storage")  # the readers of shipped data and what they build

T = TypeVar("T")


def cache_dir() -> Path:
    """Return the folder for cache files (it need not exist yet)."""
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return Path(override)
    return _user_cache_dir()


@cache
def _user_cache_dir() -> Path:
    """Return the platform's per-user cache folder for the app (platformdirs is imported once, here)."""
    from platformdirs import user_cache_path

    return user_cache_path("foi-drafter", appauthor=False)


def code_stamp(source: Path) -> tuple[int, int]:
    """Return (size, mtime in ns) of a module's source file, or of the running program in a standalone build.

    A standalone build carries the code inside its executable, not as .py files, so the executable
    stands for all of it: installing another build changes it.
    """
    try:
        info = source.stat()
    except OSError:
        info = Path(sys.executable).stat()
    return info.st_size, info.st_mtime_ns


def file_stats(folder: Path, suffix: str, deep: bool = True) -> tuple[Any, ...]:
    """Return (relative path, size, modification time in ns) of each file below folder with the suffix.

    With deep=False only the folder's own files.
    """
    if not folder.is_dir():
        return ("missing",)
    found: list[tuple[str, int, int]] = []
    _scan(str(folder), "", suffix, found, deep)
    return tuple(sorted(found))


def _scan(folder: str, prefix: str, suffix: str, found: list[tuple[str, int, int]], deep: bool = True) -> None:
    """Add the matching files of one folder and its sub-folders (os.scandir: one stat per file, no Path objects)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):  # as Path.rglob, which does not enter linked folders
                if deep:
                    _scan(entry.path, f"{prefix}{entry.name}/", suffix, found)
            elif entry.name.endswith(suffix):
                info = entry.stat()
                found.append((prefix + entry.name, info.st_size, info.st_mtime_ns))


def read_checked(path: Path, magic: bytes) -> bytes | None:
    """Return the payload of a cache file written by write_checked, or None if absent, foreign or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = len(magic) + 4
    payload = data[header:]
    if not data.startswith(magic) or zlib.crc32(payload).to_bytes(4, "big") != data[len(magic) : header]:
        return None
    return payload


def write_checked(path: Path, magic: bytes, payload: bytes) -> None:
    """Write magic, a checksum and the payload to a private temporary file, then rename it over path.

    A reader sees the old file or the new one, whole. No fsync: a file damaged by a crash fails
    its checksum and is rebuilt. Failing to write (a read-only or full disk) is not an error.
    """
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(magic + zlib.crc32(payload).to_bytes(4, "big") + payload)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def remembered(tag: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """Return build(), kept on disk under tag until a source file, the data readers' code or Python changes.

    What build raises is raised and nothing is kept; a source changed in the last few seconds is
    read but not kept, since a rewrite within the timestamp resolution could keep its size and time.
    """
    try:
        key = (tag, tuple(_source_stat(Path(source)) for source in sources), _data_code_key(), sys.version)
        path = cache_dir() / f"data-{tag}-{zlib.crc32(repr(key[1]).encode()):08x}.pickle"
    except OSError:
        return build()
    found = read_keyed(path, _DATA_MAGIC, key)
    if found is not None:
        return found[0]  # type: ignore[no-any-return]
    value = build()
    newest = max((stat[2] for stat in key[1]), default=0)
    if newest < (time.time() - QUIET_SECONDS) * 1e9:
        write_keyed(path, _DATA_MAGIC, key, value)
    return value


def _source_stat(path: Path) -> tuple[str, int, int]:
    """Return (absolute path, size, modification time in ns) of a source file (OSError when it cannot be read)."""
    info = path.stat()
    return str(path.absolute()), info.st_size, info.st_mtime_ns


@cache
def _data_code_key() -> tuple[Any, ...]:
    """Return the stamps of the code that reads shipped data (looked at once a process)."""
    return (
        *(file_stats(_APP_ROOT / sub, ".py") for sub in _DATA_CODE_DIRS),
        code_stamp(_APP_ROOT / "core" / "problems.py"),
        code_stamp(_APP_ROOT / "__init__.py"),
    )


def read_keyed(path: Path, magic: bytes, key: tuple[Any, ...]) -> tuple[Any] | None:
    """Return (value,) from a cache file written by write_keyed for this very key; else None."""
    payload = read_checked(path, magic)
    if payload is None:
        return None
    try:
        stored_key, value = pickle.loads(payload)
    except Exception:  # written by other code, or damaged in a way the checksum missed
        return None
    return (value,) if stored_key == key else None


def write_keyed(path: Path, magic: bytes, key: tuple[Any, ...], value: object) -> None:
    """Keep value under key in a cache file; a value that cannot be pickled is simply not kept."""
    try:
        payload = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    write_checked(path, magic, payload)
