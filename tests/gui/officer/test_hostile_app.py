"""The app under hostile conditions: failed autosaves are shown, a runaway clause never blocks the window."""

from __future__ import annotations

import time

from tests.gui.conftest import EXAMPLES, settle

RUNAWAY = (
    "---\nid: common.closing\ntitle: Closing\ntopic: closing\nstatus: approved\napproved_by: Legal\n---\n"
    "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}\n"
)


def _full_disk(*_args, **_kwargs):
    raise OSError(28, "No space left on device")


def test_a_failed_autosave_is_shown_once_and_the_save_error_tells_the_truth(qtbot, window, prompter, tmp_path):
    window.recovery.write = _full_disk
    window.document.edit_field("reference", "FOI-AUTOSAVE")
    assert window.autosaver.save_now() is None
    assert window.autosaver.last_error == "No space left on device"
    assert [e[0] for e in prompter.errors] == ["Autosave failed"]
    assert "Autosave failed" in window.statusBar().currentMessage()
    window.autosaver.save_now()
    assert [e[0] for e in prompter.errors] == ["Autosave failed"]  # warned once, not on every keystroke

    prompter.save_answer = tmp_path / "missing-folder" / "case.yaml"
    assert not window.files.save_as()
    title, message, _ = prompter.errors[-1]
    assert title == "Cannot save case"
    assert "NOT saved anywhere" in message and "autosaved" not in message


def test_a_runaway_personal_clause_leaves_the_window_responsive_and_export_and_close_work(
    qtbot, window, prompter, tmp_path
):
    personal = tmp_path / "me"
    personal.mkdir()
    (personal / "closing.md").write_text(RUNAWAY, encoding="utf-8")
    assert window.files.open_case(EXAMPLES / "foia-partial.yaml")
    settle(qtbot, window.document)
    window.document.set_library_folders([tmp_path / "org", personal])
    result = settle(qtbot, window.document)
    started = time.perf_counter()
    qtbot.wait(50)  # the event loop turns: the window is not frozen
    assert time.perf_counter() - started < 1.0
    assert result is None or result.letter is not None
    prompter.export_answer = tmp_path / "letter.docx"
    started = time.perf_counter()
    assert window.files.export()
    assert time.perf_counter() - started < 5.0
    assert (tmp_path / "letter.docx").stat().st_size > 0
    assert any("template limit" in " ".join(p) for p in [[str(x) for x in window.document.letter.problems]])
    window.document.undo_stack.setClean()
    started = time.perf_counter()
    assert window.close()
    assert time.perf_counter() - started < 5.0
