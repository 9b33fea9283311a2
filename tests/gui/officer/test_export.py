"""Export to Word: a read-only destination gives a clear message and the draft stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.casefile.writing import dump_case
from tests.gui.conftest import EXAMPLES, settle


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Path:
    """Return a folder nobody can write in (root ignores permissions, so then use /sys)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    probe = folder / "probe"
    try:
        probe.write_text("x")
    except PermissionError:
        yield folder
    else:
        probe.unlink()
        if not Path("/sys/kernel").is_dir():
            pytest.skip("running as root and no read-only file system (/sys) to export to")
        yield Path("/sys/kernel")
    finally:
        folder.chmod(0o755)


def test_read_only_export_path_shows_an_error_and_keeps_the_draft(qtbot, window, prompter, read_only_folder):
    doc = window.document
    assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml")
    settle(qtbot, doc)
    doc.edit_block_text("part-1/decision", "Unsaved wording that must survive a failed export.")
    before = dump_case(doc.case)
    target = read_only_folder / "letter.docx"
    prompter.export_answer = target
    assert not window.files.export()
    title, message, _ = prompter.errors[-1]
    assert title == "Export failed"
    assert "letter.docx" in message and "permission denied" in message.lower()
    assert "Nothing was lost" in message
    assert not target.exists()
    assert dump_case(doc.case) == before
    assert window.isWindowModified() and doc.is_modified()
    assert doc.undo_stack.canUndo()


def test_export_uses_the_letterhead_chosen_in_settings(qtbot, window, prompter, tmp_path):
    import docx

    letterhead = tmp_path / "ours.docx"
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "OUR OWN LETTERHEAD"
    document.save(str(letterhead))
    prefs = window.preferences
    prefs.letterhead = str(letterhead)
    assert window.apply_preferences(prefs)
    assert window.files.open_case(EXAMPLES / "foisa-cost-limit.yaml")
    target = tmp_path / "letter.docx"
    assert window.files.export(target)
    exported = docx.Document(str(target))
    assert "OUR OWN LETTERHEAD" in exported.sections[0].header.paragraphs[0].text


def test_a_broken_letterhead_is_reported_without_losing_anything(qtbot, window, prompter, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip", encoding="utf-8")
    prefs = window.preferences
    prefs.letterhead = str(broken)
    window.apply_preferences(prefs)
    window.document.edit_field("reference", "R-1")
    assert not window.files.export(tmp_path / "out.docx")
    assert "broken.docx" in prompter.errors[-1][1]
    assert window.document.case.reference == "R-1"


def test_export_for_sign_off_writes_the_officers_edit_as_tracked_changes(qtbot, window, tmp_path):
    import docx
    from docx.oxml.ns import qn

    prefs = window.preferences
    prefs.signatory_name = "E. Officer"
    window.apply_preferences(prefs)
    doc = window.document
    assert window.files.open_case(EXAMPLES / "foia-tracked-edit.yaml")
    settle(qtbot, doc)
    plain, tracked = tmp_path / "plain.docx", tmp_path / "tracked.docx"
    assert window.export(plain) and window.export_for_sign_off(tracked)
    assert docx.Document(str(plain)).element.body.find(f".//{qn('w:ins')}") is None
    body = docx.Document(str(tracked)).element.body
    inserted = " ".join(t.text for i in body.iter(qn("w:ins")) for t in i.iter(qn("w:t")))
    assert "in the table below" in inserted
    assert {i.get(qn("w:author")) for i in body.iter(qn("w:ins"))} == {"E. Officer"}
