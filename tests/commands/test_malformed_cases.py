"""The 64-file malformed-case set: each is rendered or refused with a message, never a traceback."""

from __future__ import annotations

import pytest

from app.cli import main
from tests.bench.fuzz_cases import write_malformed_set


@pytest.fixture(scope="module")
def malformed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("malformed-cases")
    write_malformed_set(folder)
    return sorted(folder.glob("*.yaml"))


def test_the_set_has_64_files(malformed):
    assert len(malformed) == 64


def test_render_and_check_give_a_message_for_every_malformed_case(malformed, tmp_path, capsys):
    silent = []
    for path in malformed:
        for args in (
            ["render", str(path), "-o", str(tmp_path / "l.docx"), "--today", "2026-11-21"],
            ["check", str(path)],
        ):
            code = main(args)  # an exception here is the traceback this test forbids
            captured = capsys.readouterr()
            if code != 0 and not (captured.err.strip() or captured.out.strip()):
                silent.append((path.name, args[0]))
    assert silent == []
