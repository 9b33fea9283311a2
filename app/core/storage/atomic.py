"""Atomic file writes: a crash or full disk never leaves a truncated file behind."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path

_TEMP = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")  # what mkstemp(prefix=".<name>.", suffix=".tmp") makes
STALE_SECONDS = 3600  # at start, a temporary file this old belongs to no running write


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    """Write data to path via a temporary file in the same folder and an atomic rename."""
    target = Path(path)
    remove_stale_temps(target.parent, name=target.name)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(target, tmp_name)
        os.replace(tmp_name, target)
    except BaseException:
        _remove_quietly(tmp_name)
        raise


def write_text_atomic(path: Path | str, text: str) -> None:
    """Write UTF-8 text to path atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _copy_mode(target: Path, tmp_name: str) -> None:
    """Keep the permissions of an existing target; default to a readable file."""
    try:
        os.chmod(tmp_name, target.stat().st_mode & 0o777)
    except FileNotFoundError:
        os.chmod(tmp_name, 0o644)


def _remove_quietly(name: str) -> None:
    """Delete a temporary file, ignoring a file that is already gone."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name)


def remove_stale_temps(folder: Path | str, name: str | None = None, older_than: float = 0.0) -> int:
    """Delete temporary files left by interrupted writes in folder; return how many went.

    With name, only the leftovers of writes to that file (a new write to it supersedes them);
    otherwise every leftover older than older_than seconds (used at start, when another instance
    might be writing). Folders that cannot be listed are skipped quietly.
    """
    removed = 0
    cutoff = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _TEMP.fullmatch(entry.name)
        if not match or (name is not None and match.group("name") != name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime <= cutoff:
                os.unlink(entry.path)
                removed += 1
    return removed
