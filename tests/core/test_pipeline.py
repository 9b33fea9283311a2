"""The shared letter pipeline: a build after warm_up gives what a cold build gives, using the library read ahead once."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from app.core import pipeline
from app.core.casefile.model import load_case
from app.core.paths import EXAMPLES_DIR

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FOI_DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(pipeline, "_WARM", {})
    return tmp_path


def _build(folders: tuple[Path, ...], generation: int = 1) -> pipeline.BuildResult:
    case = load_case(EXAMPLES_DIR / "foia-partial.yaml")
    return pipeline.build(pipeline.snapshot_of(case, None, folders, TODAY, generation))


def test_a_build_after_warm_up_is_the_cold_build(cache: Path) -> None:
    folders = (cache / "organisation",)
    cold = _build(folders)
    pipeline.warm_up(folders)
    assert all(name in sys.modules for name in pipeline._BUILD_MODULES)
    warmed = pipeline._WARM[folders]
    warm = _build(folders)
    assert warm.library is warmed and folders not in pipeline._WARM, "the library read ahead is used once"
    assert (warm.html, warm.due, warm.days_left, warm.error) == (cold.html, cold.due, cold.days_left, cold.error)
    assert [str(f) for f in warm.findings] == [str(f) for f in cold.findings]
    again = _build(folders)
    assert again.library is not warmed and again.html == cold.html


def test_a_library_read_ahead_for_other_folders_is_not_used(cache: Path) -> None:
    pipeline.warm_up((cache / "one",))
    result = _build((cache / "two",))
    assert result.library is not pipeline._WARM[(cache / "one",)]
    assert result.error == ""
