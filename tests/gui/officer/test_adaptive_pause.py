"""The pause before the preview is rebuilt follows the officer's typing rhythm, within bounds."""

from __future__ import annotations

import pytest

from app.gui.officer import builder as builder_module
from app.gui.officer.builder import LetterBuilder


@pytest.fixture
def make(qtbot, monkeypatch):
    """Return a factory of builders whose clock the test moves by hand."""
    clock = [100.0]
    monkeypatch.setattr(builder_module.time, "monotonic", lambda: clock[0])
    made = []

    def factory(delay_ms: int = 300):
        built = LetterBuilder(lambda: None, lambda: 0, delay_ms)
        made.append(built)
        return built, clock

    yield factory
    for built in made:
        built.shutdown()


def _type(built: LetterBuilder, clock: list[float], gaps_s: list[float]) -> None:
    """Record an edit, then one more after each gap."""
    built.schedule()
    for gap in gaps_s:
        clock[0] += gap
        built.schedule()


def test_a_single_edit_waits_a_short_fixed_pause(make) -> None:
    built, _clock = make()
    built.schedule()
    assert built.pause_ms() == 100
    assert built._timer.isActive() and built._timer.interval() == 100


@pytest.mark.parametrize(
    "gaps, expected", [([0.05] * 5, 75), ([0.08, 0.1, 0.09], 135), ([0.02] * 4, 60), ([0.4] * 4, 150)]
)
def test_the_pause_is_one_and_a_half_typical_gaps_between_60_and_150_ms(make, gaps, expected) -> None:
    built, clock = make()
    _type(built, clock, gaps)
    assert built.pause_ms() == expected
    assert built._timer.interval() == expected


def test_a_long_break_between_edits_is_not_part_of_the_rhythm(make) -> None:
    built, clock = make()
    _type(built, clock, [0.06, 0.06, 5.0, 0.06])
    assert built.pause_ms() == 90


def test_the_configured_delay_is_never_exceeded(make) -> None:
    built, clock = make(delay_ms=40)
    _type(built, clock, [0.5, 0.5])
    assert built.pause_ms() == 40 and built.delay_ms == 40
