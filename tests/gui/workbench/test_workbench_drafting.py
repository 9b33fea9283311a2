"""The workbench inside the app: a clause saved in the workbench changes the letter in the drafting view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.core.settings.preferences import Preferences, save_preferences
from app.gui.widgets.answers import CANCEL, DISCARD
from app.gui.workbench.launcher import open_workbench
from app.gui.workbench.prompter import APPROVE, DRAFT
from app.gui.workbench.window import WorkbenchWindow
from tests.gui.conftest import settle
from tests.gui.workbench.test_workbench import FakeWorkbenchPrompter, set_body

CLOSING = "common.closing"
NEW_WORDING = "WORKBENCH WORDING: write to us if anything in this letter is unclear."


@pytest.fixture
def libraries(tmp_path: Path) -> tuple[Path, Path]:
    """Empty organisation and personal library folders."""
    org, personal = tmp_path / "org-library", tmp_path / "my-library"
    org.mkdir()
    personal.mkdir()
    return org, personal


@pytest.fixture
def drafting(qtbot: Any, env: Any, libraries: tuple[Path, Path]) -> Any:
    """The main window with a new case, its preferences naming the two library folders."""
    from app.gui.officer.main_window import MainWindow

    save_preferences(
        Preferences(library_folders=[str(f) for f in libraries], signatory_name="Jo Reviewer"), env.preferences_path
    )
    window = MainWindow(env)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.files.new_case()
    settle(qtbot, window.document)
    yield window
    window.document.undo_stack.setClean()


@pytest.fixture
def answers() -> FakeWorkbenchPrompter:
    return FakeWorkbenchPrompter(approval_answer=APPROVE)


@pytest.fixture
def bench(qtbot: Any, drafting: Any, answers: FakeWorkbenchPrompter) -> WorkbenchWindow:
    """The workbench opened from the main window, its library loaded (delivered through the event loop)."""
    window = open_workbench(drafting, answers)
    with qtbot.waitSignal(window.library_loaded, timeout=30000):
        pass
    yield window
    window.close()


def closing_block(document: Any) -> Any:
    return next(b for b in document.letter.blocks() if b.clause_id == CLOSING)


def save_and_rebuild(qtbot: Any, bench: WorkbenchWindow, drafting: Any, action: Any) -> Any:
    """Run a saving action, wait for the workbench to reload and the letter to be rebuilt."""
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        assert action()
    return settle(qtbot, drafting.document)


def test_open_workbench_uses_the_preferences_libraries_and_reviewer(bench, libraries):
    assert [(layer.name, layer.folder) for layer in bench.layers[1:]] == [
        ("organisation", libraries[0]),
        ("personal", libraries[1]),
    ]
    assert bench.reviewer_name() == "Jo Reviewer"
    assert bench.parent() is not None and bench.isVisible()


def test_a_clause_saved_in_the_workbench_changes_the_letter_in_the_drafting_view(bench, qtbot, drafting, libraries):
    document = drafting.document
    before = closing_block(document).text
    assert NEW_WORDING not in before
    assert bench.browser.select_id(CLOSING)
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        assert bench.override(bench.layers[2])
    set_body(qtbot, bench, NEW_WORDING + "\n\n{{ 'Yours sincerely' if case.requester.name else 'Yours faithfully' }}\n")
    settle(qtbot, document)
    assert NEW_WORDING not in closing_block(document).text

    save_and_rebuild(qtbot, bench, drafting, bench.save)
    assert NEW_WORDING not in closing_block(document).text  # the copy starts as a draft
    result = save_and_rebuild(qtbot, bench, drafting, bench.approve)
    assert "approved_by: Jo Reviewer" in (libraries[1] / "common" / "closing.md").read_text(encoding="utf-8")
    assert NEW_WORDING in closing_block(document).text
    assert NEW_WORDING in drafting.preview.plain_text()
    assert result.library.clauses[CLOSING].layer == "personal"

    drafting.document.edit_field("reference", "FOI-1")
    save_and_rebuild(qtbot, bench, drafting, bench.remove_override)
    assert closing_block(document).text != "" and NEW_WORDING not in closing_block(document).text
    assert NEW_WORDING not in drafting.preview.plain_text()


def test_a_draft_reaches_the_letter_only_when_the_officer_allows_drafts(bench, qtbot, drafting, answers):
    document = drafting.document
    answers.approval_answer = DRAFT
    assert bench.browser.select_id(CLOSING)
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        assert bench.override(bench.layers[1])
    set_body(qtbot, bench, NEW_WORDING + "\n")
    save_and_rebuild(qtbot, bench, drafting, bench.save)
    assert all(NEW_WORDING not in b.text for b in document.letter.blocks())
    document.edit_field("allow_drafts", True)
    settle(qtbot, document)
    assert NEW_WORDING in closing_block(document).text


def test_closing_the_app_asks_about_unsaved_workbench_changes(bench, qtbot, drafting, answers):
    assert bench.browser.select_id(CLOSING)
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        assert bench.override(bench.layers[2])
    set_body(qtbot, bench, NEW_WORDING + "\n")
    answers.discard_answer = CANCEL
    assert drafting.close() is False
    assert drafting.isVisible() and answers.discards == 1 and bench.editor.is_modified()
    answers.discard_answer = DISCARD
    assert drafting.close() is True
