"""Offline by construction: every command works with sockets blocked, and under a namespace with no network."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from app.cli import main
from app.core.paths import CLAUSES_DIR, EXAMPLES_DIR, ROOT
from tests.conftest import NetworkBlocked

EXAMPLE = EXAMPLES_DIR / "foia-partial.yaml"


def test_the_fixture_really_blocks_the_network(no_network):
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("localhost", 80)
    with pytest.raises(NetworkBlocked):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert len(no_network) == 3
    no_network.clear()


def test_render_check_spell_and_validate_with_sockets_blocked(no_network, tmp_path, capsys):
    out = tmp_path / "letter.docx"
    assert main(["render", str(EXAMPLE), "-o", str(out), "--today", "2026-11-21"]) == 0
    assert "Freedom of Information" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert main(["check", str(EXAMPLE)]) == 0
    words = tmp_path / "words.txt"
    words.write_text("The organisation's programme was recieved.\n", encoding="utf-8")
    assert main(["spell", str(words)]) == 1
    assert main(["library", "validate", str(CLAUSES_DIR)]) == 0
    flagged = [
        line.split(":")[2].strip() for line in capsys.readouterr().out.splitlines() if line.startswith(str(words))
    ]
    assert flagged == ["recieved"]


def test_a_foicase_file_renders_and_checks_like_yaml(tmp_path):
    case = tmp_path / "request.foicase"
    shutil.copyfile(EXAMPLE, case)
    assert main(["check", str(case)]) == 0
    assert main(["render", str(case), "-o", str(tmp_path / "letter.docx"), "--today", "2026-11-21"]) == 0
    assert (tmp_path / "letter.docx").stat().st_size > 0


def _unshare_works() -> bool:
    """Tell whether this machine lets us start a process in a new network namespace."""
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.external
@pytest.mark.skipif(not _unshare_works(), reason="unshare -n (a new network namespace) is not available here")
def test_render_in_a_process_with_no_network_at_all(tmp_path):
    out = tmp_path / "letter.docx"
    command = [sys.executable, str(Path(ROOT) / "main.py"), "render", str(EXAMPLE), "-o", str(out)]
    done = subprocess.run(["unshare", "-n", *command], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0
