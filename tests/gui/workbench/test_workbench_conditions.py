"""The clause form shows and edits header conditions (when:) and the kinds of authority a clause suits."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from app.core.drafting.clauses import UNKNOWN_CONDITION, parse_clause
from app.core.drafting.conditions import Condition
from app.core.drafting.library import Layer
from app.core.paths import CLAUSES_DIR
from app.gui.workbench.window import WorkbenchWindow
from tests.gui.workbench.test_workbench import (  # noqa: F401  (fixtures)
    TODAY,
    FakeWorkbenchPrompter,
    answers,
    layers,
    open_clause,
    save,
    set_body,
)


@pytest.fixture
def bench(qtbot: Any, layers: list[Layer], answers: FakeWorkbenchPrompter) -> WorkbenchWindow:  # noqa: F811
    """A workbench whose organisation layer holds a copy of a shipped clause with conditions one a line."""
    shutil.copy(CLAUSES_DIR / "eir" / "exemption-12-4-b.md", layers[1].folder / "foia" / "manifest.md")
    window = WorkbenchWindow(layers, lambda: TODAY, "Jo Reviewer", answers, delay_ms=20)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=20000):
        window.show()
    yield window
    window.loader.shutdown()


def _type(field: Any, text: str) -> None:
    """Type into a list field of the form as a reviewer would."""
    field.line.setText(text)
    field.line.textEdited.emit(text)


def test_the_form_shows_conditions_as_written(bench):
    open_clause(bench, "eir.exemption.12-4-b")
    form = bench.editor.form
    assert form.fields["when"].line.text() == "not outcome: cost-limit, not outcome: vexatious, not outcome: repeated"
    assert form.fields["authorities"].line.text() == ""
    assert "ncnd" in form.fields["when"].button.toolTip() and "police" in form.fields["authorities"].button.toolTip()


def test_conditions_and_authorities_are_edited_validated_and_saved(bench, qtbot, layers):  # noqa: F811
    open_clause(bench, "org.advice.narrowing")
    form = bench.editor.form
    _type(form.fields["when"], "late, not ncdn")
    problems = set_body(qtbot, bench, "You could narrow your request.\n")
    bad = [p for p in problems if p.problem.code == UNKNOWN_CONDITION]
    assert len(bad) == 1 and bad[0].kind == "field" and bad[0].key == "when"
    assert "allowed: ncnd" in bad[0].problem.message

    _type(form.fields["when"], "late, not multi_part")
    _type(form.fields["authorities"], "police, council")
    problems = set_body(qtbot, bench, "You could narrow your request, as we are late.\n")
    assert not [p for p in problems if p.key in ("when", "authorities")]
    assert save(qtbot, bench) is True
    text = (layers[1].folder / "foia" / "advice-narrowing.md").read_text(encoding="utf-8")
    clause, found = parse_clause(text, "advice-narrowing.md")
    assert found == [] and clause is not None
    assert clause.when == (Condition("late"), Condition("multi_part", negated=True))
    assert clause.authorities == ("police", "council")
    assert "review_due: 2027-01-31" in text  # fields the reviewer did not touch keep their lines
