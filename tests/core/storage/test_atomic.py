"""Atomic writes leave no temporary files behind, even after an interrupted earlier write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from app.core.storage.atomic import remove_stale_temps, write_bytes_atomic


def test_a_killed_write_leaves_a_temp_file_the_next_write_removes(tmp_path):
    target = tmp_path / "letter.docx"
    script = (
        "import sys, time, app.core.storage.atomic as a\n"
        "a.os.replace = lambda *args: time.sleep(60)\n"  # hang just before the rename
        f"a.write_bytes_atomic({str(target)!r}, b'x' * 100000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".letter.docx.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert len(list(tmp_path.glob(".letter.docx.*.tmp"))) == 1
    assert not target.exists()

    write_bytes_atomic(target, b"letter")
    assert target.read_bytes() == b"letter"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.docx"]


def test_only_this_files_leftovers_go_on_write_and_old_ones_at_start(tmp_path):
    mine = tmp_path / ".a.docx.abcd1234.tmp"
    other = tmp_path / ".b.docx.abcd1234.tmp"
    unrelated = tmp_path / ".a.docx.notes.txt"
    for path in (mine, other, unrelated):
        path.write_bytes(b"old")
    write_bytes_atomic(tmp_path / "a.docx", b"new")
    assert not mine.exists()
    assert other.exists() and unrelated.exists()

    assert remove_stale_temps(tmp_path, older_than=3600) == 0  # fresh: perhaps another window is writing it
    old = time.time() - 7200
    os.utime(other, (old, old))
    assert remove_stale_temps(tmp_path, older_than=3600) == 1
    assert not other.exists() and unrelated.exists()
    assert remove_stale_temps(tmp_path / "missing") == 0
