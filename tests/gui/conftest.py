"""Fixtures for the desktop app's tests: an isolated environment, a fake prompter, Qt warnings as failures.

Every test here is marked `gui` automatically. A Qt warning (or worse) logged during a test fails it,
except the offscreen platform's note that it cannot propagate window size hints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QtMsgType

from app.gui.environment import AppEnvironment
from app.gui.officer.dialogs import Prompter
from app.gui.widgets.answers import DISCARD, RESTORE

TODAY = dt.date(2023, 7, 20)
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a GUI test."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qtlog: Any) -> Any:
    """Fail the test when Qt logs a warning, critical or fatal message."""
    yield
    bad = [
        r
        for r in qtlog.records
        if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not r.message.strip().startswith(PLATFORM_NOISE)
    ]
    if bad:
        pytest.fail("Qt warnings: " + "; ".join(r.message for r in bad), pytrace=False)


@dataclass
class FakePrompter(Prompter):
    """Answers the app's questions from fields; records what it was asked."""

    open_answer: Path | None = None
    save_answer: Path | None = None
    export_answer: Path | None = None
    discard_answer: str = DISCARD
    recovery_answer: str = RESTORE
    questions_answer: bool = True
    export_with_problems_answer: bool = True
    errors: list[tuple[str, str, list[str]]] = field(default_factory=list)
    offered: list[Any] = field(default_factory=list)
    asked_discard: int = 0
    pins_answer: str = "new"
    pins_asked: list[str] = field(default_factory=list)

    def open_path(self, parent, folder):
        return self.open_answer

    def save_path(self, parent, suggested):
        return self.save_answer

    def export_path(self, parent, suggested):
        return self.export_answer

    def confirm_discard(self, parent, name):
        self.asked_discard += 1
        return self.discard_answer

    def error(self, parent, title, message, details=()):
        self.errors.append((title, message, list(details)))

    def confirm_questions(self, parent, questions):
        return self.questions_answer

    def confirm_export_with_problems(self, parent, problems):
        return self.export_with_problems_answer

    def pinned_wording(self, parent, summary):
        self.pins_asked.append(summary)
        return self.pins_answer

    def offer_recovery(self, parent, drafts):
        self.offered.append(list(drafts))
        return self.recovery_answer, (drafts[0] if drafts else None)


@pytest.fixture
def prompter() -> FakePrompter:
    return FakePrompter()


@pytest.fixture
def env(tmp_path: Path, prompter: FakePrompter) -> AppEnvironment:
    """An environment whose files live under tmp_path, with a fixed date and fast timers."""
    return AppEnvironment(
        config_dir=tmp_path / "config",
        recovery_dir=tmp_path / "recovery",
        data_dir=tmp_path / "data",
        library_poll_ms=0,
        today=lambda: TODAY,
        prompter=prompter,
        autosave_ms=100,
        preview_delay_ms=40,
        spelling=False,
    )


@pytest.fixture
def window(qtbot: Any, env: AppEnvironment) -> Any:
    """A shown main window with a new case whose first letter has been built."""
    from app.gui.officer.main_window import MainWindow

    win = MainWindow(env)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.files.new_case()
    settle(qtbot, win.document)
    yield win
    win.document.undo_stack.setClean()


def settle(qtbot: Any, document: Any, timeout: int = 20000) -> Any:
    """Wait until the letter has been built from the case as it stands now; return the result."""
    result = document.builder.last_result
    if result is not None and result.generation == document.generation and not document.builder.is_busy():
        return result
    with qtbot.waitSignal(
        document.build_finished, timeout=timeout, check_params_cb=lambda r: r.generation == document.generation
    ) as blocker:
        pass
    return blocker.args[0]
