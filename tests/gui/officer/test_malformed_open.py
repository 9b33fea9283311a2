"""File ▸ Open on each malformed case file shows a dialog and keeps the current case."""

from __future__ import annotations

from tests.bench.fuzz_cases import write_malformed_set
from tests.gui.conftest import EXAMPLES, settle


def test_every_malformed_case_gives_a_dialog_and_keeps_the_open_case(qtbot, window, prompter, tmp_path):
    assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml")
    settle(qtbot, window.document)
    reference = window.document.case.reference
    folder = tmp_path / "malformed"
    write_malformed_set(folder)
    for path in sorted(folder.glob("*.yaml")):
        before = len(prompter.errors)
        if window.files.open_case(path, ask_first=False):
            settle(qtbot, window.document)  # some are only odd, not broken: they open
            assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml", ask_first=False)
            settle(qtbot, window.document)
            continue
        assert len(prompter.errors) == before + 1, path.name
        title, message, _details = prompter.errors[-1]
        assert title == "Cannot open case" and path.name in message
        assert window.document.case.reference == reference
