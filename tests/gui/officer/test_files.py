"""Case files in the app: save and reopen, bad files, the modified marker, discarding, recent files."""

from __future__ import annotations

from pathlib import Path

from app.core.casefile.model import load_case
from app.gui.widgets.answers import CANCEL, SAVE
from tests.gui.conftest import EXAMPLES, settle


def letter_text(document) -> str:
    return document.letter.markdown()


def test_saving_and_reopening_gives_the_same_letter(qtbot, window, prompter, tmp_path):
    doc = window.document
    assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml")
    settle(qtbot, doc)
    doc.edit_block_text("part-1/decision", "Our own wording for part 1.")
    doc.remove_block("rights/court")
    doc.edit_part_field(1, "answer", "- first point\n- second point\n\n| Year | Count |\n|---|---|\n| 2022 | 4 |\n")
    settle(qtbot, doc)
    before = letter_text(doc)
    assert window.isWindowModified()
    prompter.save_answer = tmp_path / "draft.yaml"
    assert window.files.save_as()
    assert not window.isWindowModified() and doc.path == tmp_path / "draft.yaml"
    assert load_case(tmp_path / "draft.yaml").edits.texts == {"part-1/decision": "Our own wording for part 1."}
    window.files.new_case()
    settle(qtbot, doc)
    assert letter_text(doc) != before
    assert window.files.open_case(tmp_path / "draft.yaml")
    settle(qtbot, doc)
    assert letter_text(doc) == before
    assert window.windowTitle().startswith("draft.yaml")


def test_a_malformed_case_file_lists_each_problem_and_keeps_the_current_case(qtbot, window, prompter, tmp_path):
    doc = window.document
    assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("regime: foisa\nletter: nonsense\nreceived: 5 July\nparts: []\n", encoding="utf-8")
    assert not window.files.open_case(bad)
    title, message, details = prompter.errors[-1]
    assert title == "Cannot open case" and "unchanged" in message
    assert any(":2: letter: must be one of" in d for d in details)
    assert any(":3: received: must be an ISO date" in d for d in details)
    assert doc.case.reference == "IM-FOI-2023-1751" and doc.path == EXAMPLES / "foisa-cost-limit.yaml"


def test_an_incomplete_draft_reopens_and_its_legal_problem_is_a_finding(qtbot, window, prompter, tmp_path):
    doc = window.document
    doc.edit_part_field(0, "outcome", "withheld")
    prompter.save_answer = tmp_path / "unfinished.yaml"
    assert window.files.save()
    window.files.new_case()
    assert window.files.open_case(tmp_path / "unfinished.yaml")
    result = settle(qtbot, doc)
    assert doc.case.parts[0].outcome == "withheld"
    assert any(f.rule == "case-law" and "at least one exemption" in f.message and f.part == 1 for f in result.findings)


def test_unsaved_changes_are_never_discarded_without_asking(qtbot, window, prompter, tmp_path):
    doc = window.document
    doc.edit_field("reference", "KEEP-ME")
    prompter.discard_answer = CANCEL
    assert not window.files.new_case()
    assert doc.case.reference == "KEEP-ME" and prompter.asked_discard == 1
    prompter.discard_answer = SAVE
    prompter.save_answer = tmp_path / "kept.yaml"
    assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml")
    assert load_case(tmp_path / "kept.yaml").reference == "KEEP-ME"
    doc.edit_field("reference", "CHANGED")
    prompter.discard_answer = CANCEL
    window.close()
    assert window.isVisible()
    assert "[*]" in window.windowTitle() and window.isWindowModified()


def test_recent_files_are_remembered_newest_first(qtbot, window, prompter, tmp_path):
    first, second = tmp_path / "one.yaml", tmp_path / "two.yaml"
    for path in (first, second):
        path.write_text((EXAMPLES / "foisa-cost-limit.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        assert window.files.open_case(path)
    assert window.files.recent()[:2] == [second.resolve(), first.resolve()]
    menu = window.actions.recent_menu
    window.files.fill_recent_menu(menu)
    labels = [a.text() for a in menu.actions()]
    assert labels[0] == "&1 two.yaml" and labels[1] == "&2 one.yaml"
    ini = Path(window.env.state_path).read_text(encoding="utf-8") if Path(window.env.state_path).exists() else ""
    window.state.sync()
    assert "two.yaml" in Path(window.env.state_path).read_text(encoding="utf-8") or ini
