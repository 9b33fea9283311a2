"""Approval that means something: listed reviewers only, four eyes, and a history diff of real changes."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.drafting.library import Layer
from app.gui.workbench.window import WorkbenchWindow
from tests.gui.workbench.test_workbench import (  # noqa: F401  (fixtures)
    CLOSING,
    NEW_WORDING,
    TODAY,
    FakeWorkbenchPrompter,
    answers,
    layers,
    open_clause,
    override,
    save,
    set_body,
)

POLICY = "reviewers: [A. Lawyer, B. Counsel]\nfour_eyes: true\n"


@pytest.fixture
def strict(qtbot: Any, layers: list[Layer], answers: FakeWorkbenchPrompter) -> WorkbenchWindow:  # noqa: F811
    """A workbench whose organisation layer lists two reviewers and requires four eyes."""
    (layers[1].folder / "library.yaml").write_text(POLICY, encoding="utf-8")
    window = WorkbenchWindow(layers, lambda: TODAY, "Jo Officer", answers, delay_ms=20)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=20000):
        window.show()
    yield window
    window.loader.shutdown()


def test_only_a_listed_reviewer_other_than_the_last_editor_can_approve(strict, qtbot, answers, layers):  # noqa: F811
    assert strict.policy.reviewers == ("A. Lawyer", "B. Counsel")
    assert "A. Lawyer, B. Counsel" in strict.reviewer.toolTip() and "four eyes" in strict.reviewer.toolTip()
    assert strict.reviewer.completer() is not None
    open_clause(strict, CLOSING)
    override(qtbot, strict)
    set_body(qtbot, strict, NEW_WORDING + "\n")
    assert save(qtbot, strict) is True  # anyone may save a draft
    path = layers[2].folder / "common" / "closing.md"
    assert "status: draft" in path.read_text(encoding="utf-8")

    assert strict.approve() is False
    assert "Jo Officer is not on the organisation's list of reviewers" in answers.errors[-1][1]

    strict.reviewer.setText("A. Lawyer")
    set_body(qtbot, strict, NEW_WORDING + "\n\nWith a change of my own.\n")
    assert strict.approve() is False  # unsaved edits make A. Lawyer the last editor
    assert "four eyes" in answers.errors[-1][1]
    assert save(qtbot, strict) is True
    assert strict.approve() is False
    assert "A. Lawyer made the last change" in answers.errors[-1][1]

    strict.reviewer.setText("B. Counsel")
    assert save(qtbot, strict, strict.approve) is True
    text = path.read_text(encoding="utf-8")
    assert "status: approved" in text and "approved_by: B. Counsel" in text


def test_a_new_clause_starts_as_a_draft(strict, qtbot, answers, layers):  # noqa: F811
    answers.new_clause_answer = ("org.closing.short", "organisation")
    assert strict.new_clause()
    assert "status: draft" in strict.editor.text()


def test_the_history_diff_of_an_approval_shows_only_the_approval(strict, qtbot, answers, layers):  # noqa: F811
    from app.gui.workbench.history import WITH_PREVIOUS

    open_clause(strict, CLOSING)
    override(qtbot, strict)
    strict.reviewer.setText("B. Counsel")
    assert save(qtbot, strict, strict.approve) is True
    strict.history.refresh()
    strict.history.select(0)
    strict.history.compare_with(WITH_PREVIOUS)
    changed = [
        line
        for line in strict.history.diff_text.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed and all(
        line[1:].split(":")[0] in {"status", "approved_by", "approved_on", "last_reviewed", "review_due"}
        for line in changed
    ), changed
