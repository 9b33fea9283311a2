"""The shared library in the app: the workbench pulls after showing what comes in; the officer's app reloads."""

from __future__ import annotations

import dataclasses
import shutil
from dataclasses import dataclass, field
from typing import Any

import pytest

from app.core.settings.preferences import Preferences, save_preferences
from app.core.workbench import sync
from app.gui.workbench.launcher import open_workbench
from tests.core.workbench.test_sync import CLOSING, REVIEWED, SENTENCE, approve, clones, edit  # noqa: F401
from tests.gui.conftest import settle
from tests.gui.workbench.test_workbench import FakeWorkbenchPrompter

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@dataclass
class SharingPrompter(FakeWorkbenchPrompter):
    """Also answers the shared-library questions."""

    apply_incoming: bool = True
    side: str = ""
    shown: list[str] = field(default_factory=list)
    told: list[str] = field(default_factory=list)

    def information(self, parent, title, message):
        self.told.append(message)

    def confirm_incoming(self, parent, summary, diff):
        self.shown.append(summary + "\n" + diff)
        return self.apply_incoming

    def conflict_choice(self, parent, message):
        self.told.append(message)
        return self.side


@pytest.fixture
def officer_app(qtbot: Any, env: Any, clones):  # noqa: F811
    """The officer's main window, its organisation library the officer's clone, watching for changes."""
    from app.gui.officer.main_window import MainWindow

    _, officer = clones
    save_preferences(Preferences(library_folders=[str(officer)], signatory_name="Oscar Officer"), env.preferences_path)
    window = MainWindow(dataclasses.replace(env, library_poll_ms=50))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.files.new_case()
    settle(qtbot, window.document)
    yield window
    window.document.undo_stack.setClean()


def closing(window: Any) -> str:
    return next(b for b in window.document.letter.blocks() if b.clause_id == "common.closing").text


def test_the_officers_app_notices_a_pull_and_rebuilds_the_letter(qtbot, officer_app, clones):  # noqa: F811
    reviewer, officer = clones
    edit(reviewer, SENTENCE, REVIEWED, "Plainer closing")
    approve(reviewer)
    assert sync.push(reviewer).ok
    assert REVIEWED not in closing(officer_app)
    with qtbot.waitSignal(officer_app.library_watch.changed, timeout=10000):
        assert sync.pull(officer).ok  # e.g. `foi-drafter library pull` in a terminal
    qtbot.waitUntil(lambda: REVIEWED in closing(officer_app), timeout=10000)


def test_the_workbench_shows_incoming_changes_then_pulls_and_pushes(qtbot, officer_app, clones):  # noqa: F811
    reviewer, officer = clones
    answers = SharingPrompter(apply_incoming=False)
    bench = open_workbench(officer_app, answers)
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        pass
    assert bench.shared.folder() == officer and bench.shared.pull_action.isEnabled()
    assert "Organisation" in bench.layers_bar.lines()[1] and "git repository" in bench.layers_bar.lines()[1]
    edit(reviewer, SENTENCE, REVIEWED, "Plainer closing")
    approve(reviewer)
    assert sync.push(reviewer).ok

    assert bench.shared.pull() is False  # shown, then declined: nothing applied
    assert "Plainer closing" in answers.shown[-1] and REVIEWED in answers.shown[-1]
    assert REVIEWED not in (officer / CLOSING).read_text(encoding="utf-8")
    answers.apply_incoming = True
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        assert bench.shared.pull() is True
    qtbot.waitUntil(lambda: REVIEWED in closing(officer_app), timeout=10000)
    assert "Pulled 1 changed file(s)" in answers.told[-1]

    assert bench.browser.select_id("common.closing")
    edit(officer, REVIEWED, "Officer's closing sentence", "Officer's wording")
    assert bench.shared.push() is True and "Pushed 1 change(s)" in answers.told[-1]
    assert sync.pull(reviewer).ok and "Officer's closing sentence" in (reviewer / CLOSING).read_text()
    bench.close()


def test_a_conflict_in_the_workbench_keeps_both_versions_until_a_side_is_chosen(qtbot, officer_app, clones):  # noqa: F811
    reviewer, officer = clones
    answers = SharingPrompter()
    bench = open_workbench(officer_app, answers)
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        pass
    edit(reviewer, SENTENCE, REVIEWED, "Reviewer's closing")
    assert sync.push(reviewer).ok
    edit(officer, SENTENCE, "The officer's own sentence", "Officer's closing")

    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        assert bench.shared.pull() is False  # decided later
    assert "both changed the same lines" in answers.told[-1]
    title, message = answers.errors[-1]
    assert title == "Pull not finished" and "Nothing was lost" in message
    assert "The officer's own sentence" in (officer / CLOSING).read_text(encoding="utf-8")
    assert REVIEWED in (officer / f"{CLOSING}.incoming").read_text(encoding="utf-8")

    answers.side = "theirs"
    with qtbot.waitSignal(bench.library_loaded, timeout=30000):
        assert bench.shared.pull() is True
    assert REVIEWED in (officer / CLOSING).read_text(encoding="utf-8")
    assert not (officer / f"{CLOSING}.incoming").exists()
    bench.close()
