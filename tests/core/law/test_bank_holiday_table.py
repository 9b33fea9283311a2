"""The bundled UK bank-holiday table agrees with python-holidays, and python-holidays covers the rest."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import holidays
import pytest

from app.core.law import calendar
from app.core.law.calendar import BANK_HOLIDAY_TABLE, ExtraDay, calendar_for, load_extra_days

FIRST, LAST, TABLE = calendar._parse_table(BANK_HOLIDAY_TABLE.read_text(encoding="utf-8"))


def test_the_table_covers_the_years_officers_work_in() -> None:
    assert FIRST <= 2005 and LAST >= 2045


@pytest.mark.parametrize("subdivision", calendar.UK_SUBDIVISIONS)
def test_every_nation_year_in_the_table_agrees_with_python_holidays(subdivision: str) -> None:
    for year in range(FIRST, LAST + 1):
        expected = dict(holidays.country_holidays("GB", subdiv=subdivision, years=year).items())
        assert TABLE.get((subdivision, year), {}) == expected, f"{subdivision} {year}: rerun build_bank_holidays.py"


def test_years_outside_the_table_come_from_python_holidays() -> None:
    for year in (FIRST - 1, LAST + 1):
        expected = set(holidays.country_holidays("GB", subdiv="NIR", years=year))
        assert set(calendar._holidays_of("NIR", year)) == expected
    # Christmas Day of the year after the table is still a non-working day for FOIA.
    christmas = date(LAST + 1, 12, 25)
    assert christmas.weekday() >= 5 or not calendar_for("foia").is_working_day(christmas)


def test_a_day_named_in_the_table_is_explained_with_its_nations() -> None:
    assert calendar_for("foia").non_working_reason(date(2026, 3, 17)) == "Saint Patrick's Day (Northern Ireland)"


def test_the_extra_holidays_file_still_applies_on_top_of_the_table(tmp_path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("- date: 2026-09-14\n  nations: [scotland]\n  name: A proclaimed day\n", encoding="utf-8")
    days, problems = load_extra_days(extra)
    assert problems == []
    assert days == [ExtraDay(date(2026, 9, 14), ("scotland",), "A proclaimed day")]
    for regime in ("foia", "foisa"):
        assert calendar_for(regime).is_working_day(date(2026, 9, 14))
        assert not calendar_for(regime, days).is_working_day(date(2026, 9, 14))


def test_a_malformed_table_is_not_used() -> None:
    with pytest.raises(ValueError):
        calendar._parse_table("# years: 2000-2001\n2000-01-01\tENG\n")
    with pytest.raises(ValueError):
        calendar._parse_table("2000-01-01\tENG\tNew Year's Day\n")


def test_the_deadline_command_does_not_import_python_holidays_or_yaml() -> None:
    code = (
        "import sys; from app.cli import main; "
        "status = main(['deadline', '--regime', 'foia', '--received', '2026-03-02']); "
        "print(sorted(m for m in ('holidays', 'yaml', 'jinja2', 'docx') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["2026-03-31", "[]"]


def test_a_malformed_year_of_the_table_falls_back_to_python_holidays(monkeypatch) -> None:
    good = "2001-01-01\tENG\tNew Year's Day"
    monkeypatch.setattr(calendar, "_bundled_table", lambda: (2000, 2001, {"2000": ["2000-01-01\tENG"], "2001": [good]}))
    for cached in (calendar._bundled_year, calendar._holidays_of):
        cached.cache_clear()
    try:
        assert calendar._bundled_year(2000) is None
        assert set(calendar._holidays_of("ENG", 2000)) == set(holidays.country_holidays("GB", subdiv="ENG", years=2000))
        assert dict(calendar._holidays_of("ENG", 2001)) == {date(2001, 1, 1): "New Year's Day"}
    finally:
        for cached in (calendar._bundled_year, calendar._holidays_of, calendar._union_of_holidays):
            cached.cache_clear()
