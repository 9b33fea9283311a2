"""Tests for the problems a preferences file gives: each carries a code and names the setting it concerns."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.settings.preferences import (
    BAD_JSON,
    BAD_PROFILE,
    BAD_VALUE,
    NOT_AN_OBJECT,
    UNREADABLE,
    load_preferences,
    read_object,
)


@pytest.mark.parametrize(
    ("text", "code", "field"),
    [
        ("{not json", BAD_JSON, ""),
        ("[1, 2]", NOT_AN_OBJECT, ""),
        ('{"default_regime": "scotland"}', BAD_VALUE, "default_regime"),
        ('{"library_folders": "one folder"}', BAD_VALUE, "library_folders"),
        ('{"authorities": [{"key": "x", "name": 7}]}', BAD_PROFILE, "authorities"),
    ],
)
def test_preference_problems_carry_a_code_and_the_setting(tmp_path: Path, text: str, code: str, field: str) -> None:
    path = tmp_path / "preferences.json"
    path.write_text(text, encoding="utf-8")
    prefs, problems = load_preferences(path)
    assert prefs.default_regime == "foia"
    assert [(p.code, p.field) for p in problems] == [(code, field)]
    assert str(problems[0]).startswith(str(path))


def test_an_unreadable_preferences_file_is_a_coded_problem(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    path.write_bytes(b"\xff\xfe not text")
    data, problems = read_object(path)
    assert data is None
    assert [p.code for p in problems] == [UNREADABLE]
    assert "cannot read preferences" in problems[0].message
