"""Editable from day one: a fresh user overrides a clause with no Settings step; layers follow Settings."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from app.gui.workbench.launcher import open_workbench
from app.gui.workbench.window import WorkbenchWindow
from tests.gui.conftest import settle
from tests.gui.workbench.test_workbench import FakeWorkbenchPrompter, set_body

CLOSING = "common.closing"
NEW_WORDING = "DAY ONE WORDING: write to us if anything in this letter is unclear."


@pytest.fixture
def answers() -> FakeWorkbenchPrompter:
    return FakeWorkbenchPrompter()


def opened(qtbot: Any, window: Any, answers: FakeWorkbenchPrompter) -> WorkbenchWindow:
    bench = open_workbench(window, answers)
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        pass
    return bench


def closing_text(document: Any) -> str:
    return next(b for b in document.letter.blocks() if b.clause_id == CLOSING).text


def test_a_fresh_user_overrides_a_built_in_clause_and_the_letter_changes(qtbot, window, env, answers):
    assert not env.preferences_path.exists() and window.preferences.library_folders == []
    bench = opened(qtbot, window, answers)
    organisation = bench.layers[1]
    assert (organisation.name, organisation.folder) == ("organisation", env.organisation_dir)
    assert env.organisation_dir.is_dir()
    assert bench.layers_bar.lines()[1] == f"Organisation: {env.organisation_dir} (folder)"
    assert "read-only" in bench.layers_bar.lines()[0]

    bench.reviewer.setText("Jo Reviewer")
    assert bench.browser.select_id(CLOSING)
    assert bench.override_actions["organisation"].isEnabled()
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        assert bench.override(organisation)
    copy = env.organisation_dir / "common" / "closing.md"
    assert "status: draft" in copy.read_text(encoding="utf-8")
    set_body(qtbot, bench, NEW_WORDING + "\n\n{{ 'Yours sincerely' if case.requester.name else 'Yours faithfully' }}\n")
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        assert bench.approve()
    settle(qtbot, window.document)
    assert NEW_WORDING in closing_text(window.document)
    assert "approved_by: Jo Reviewer" in copy.read_text(encoding="utf-8")
    assert not answers.errors


def test_layers_follow_settings_without_reopening_the_workbench(qtbot, window, answers, tmp_path):
    bench = opened(qtbot, window, answers)
    shared, mine = tmp_path / "shared", tmp_path / "mine"
    shared.mkdir()
    mine.mkdir()
    prefs = dataclasses.replace(window.preferences, library_folders=[str(shared), str(mine)])
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        assert window.apply_preferences(prefs)
    assert [(layer.name, layer.folder) for layer in bench.layers[1:]] == [("organisation", shared), ("personal", mine)]
    assert set(bench.override_actions) == {"organisation", "personal"}
    assert any(str(mine) in line for line in bench.layers_bar.lines())
    assert bench.browser.select_id(CLOSING)
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        assert bench.override(bench.layers[2])
    assert (mine / "common" / "closing.md").is_file()
    bench.close()
