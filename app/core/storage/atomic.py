"""Atomic file writes: a crash or full disk never leaves a truncated file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    """Write data to path via a temporary file in the same folder and an atomic rename."""
    target = Path(path)
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
