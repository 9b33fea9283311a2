"""`foi-drafter gui` pauses the garbage collector while the app starts and never leaves it paused."""

from __future__ import annotations

import argparse
import gc

import pytest

import app.gui.application
from app.commands import gui

pytestmark = pytest.mark.gui  # imports the desktop app (no window is shown)


@pytest.fixture
def collector_on():
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def test_the_app_starts_with_the_collector_paused_and_told_to_resume_it(monkeypatch, collector_on):
    seen = []
    monkeypatch.setattr(
        app.gui.application,
        "run_app",
        lambda case, collector_paused: seen.append((case, gc.isenabled(), collector_paused)) or 0,
    )
    assert gui.run(argparse.Namespace(case=None)) == 0
    assert seen == [(None, False, True)] and gc.isenabled()


def test_the_collector_is_back_on_when_the_app_fails(monkeypatch, collector_on):
    def fail(case, collector_paused):
        raise RuntimeError("no display")

    monkeypatch.setattr(app.gui.application, "run_app", fail)
    with pytest.raises(RuntimeError):
        gui.run(argparse.Namespace(case=None))
    assert gc.isenabled()
