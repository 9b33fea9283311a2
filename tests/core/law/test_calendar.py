"""Tests for the FOIA/FOISA working-day calendars and the extra bank holidays file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core.law.calendar import (
    DEFAULT_EXTRA_DAYS_FILE,
    ExtraDay,
    WorkingCalendar,
    add_calendar_months,
    calendar_for,
    easter_sunday,
    load_extra_days,
    parse_iso_date,
)
from app.core.law.extra_days import (
    BAD_DATE,
    BAD_NAME,
    BAD_YAML,
    MISSING_KEY,
    NO_NATIONS,
    NOT_A_LIST,
    NOT_A_MAPPING,
    UNKNOWN_KEY,
    UNKNOWN_NATION,
    UNREADABLE,
)

FOIA = calendar_for("foia")
FOISA = calendar_for("foisa")
# What a naive implementation would use for FOIA: England and Wales only. Wrong, kept for contrast.
ENGLAND_AND_WALES = WorkingCalendar(subdivisions=("ENG",), christmas_day=True, good_friday=True)


def d(text: str) -> date:
    """Return the date written as YYYY-MM-DD."""
    return date.fromisoformat(text)


# Test vectors (FOIA s10(6) / FOISA s73 working days, python-holidays calendars):
# received, FOIA 20th, FOISA 20th, E&W-only 20th (wrong for FOIA), FOIA 40th, FOISA 40th.
TEST_VECTORS = [
    ("2025-12-01", "2025-12-31", "2025-12-31", "2025-12-31", "2026-01-30", "2026-01-30"),
    ("2025-12-15", "2026-01-16", "2026-01-16", "2026-01-15", "2026-02-13", "2026-02-13"),
    ("2026-03-02", "2026-03-31", "2026-03-30", "2026-03-30", "2026-04-30", "2026-04-28"),
    ("2026-06-01", "2026-06-30", "2026-06-30", "2026-06-29", "2026-07-29", "2026-07-28"),
    ("2026-07-01", "2026-07-30", "2026-07-29", "2026-07-29", "2026-08-28", "2026-08-27"),
    ("2026-07-20", "2026-08-18", "2026-08-18", "2026-08-17", "2026-09-16", "2026-09-15"),
    ("2026-12-14", "2027-01-15", "2027-01-15", "2027-01-14", "2027-02-12", "2027-02-12"),
    ("2027-03-08", "2027-04-08", "2027-04-06", "2027-04-07", "2027-05-07", "2027-05-05"),
]


@pytest.mark.parametrize(
    "received, foia20, foisa20, ew20, foia40, foisa40", TEST_VECTORS, ids=[r[0] for r in TEST_VECTORS]
)
def test_working_day_vectors(received: str, foia20: str, foisa20: str, ew20: str, foia40: str, foisa40: str) -> None:
    start = d(received)
    assert FOIA.add_working_days(start, 20) == d(foia20)
    assert FOISA.add_working_days(start, 20) == d(foisa20)
    assert ENGLAND_AND_WALES.add_working_days(start, 20) == d(ew20)
    assert FOIA.add_working_days(start, 40) == d(foia40)
    assert FOISA.add_working_days(start, 40) == d(foisa40)


@pytest.mark.parametrize("received", [r[0] for r in TEST_VECTORS if r[1] != r[3]])
def test_union_of_uk_holidays_matters_for_foia(received: str) -> None:
    assert FOIA.add_working_days(d(received), 20) > ENGLAND_AND_WALES.add_working_days(d(received), 20)


def test_eir_and_eisr_share_the_foia_and_foisa_calendars() -> None:
    start = d("2026-03-02")
    assert calendar_for("eir").add_working_days(start, 20) == d("2026-03-31")
    assert calendar_for("EISR").add_working_days(start, 20) == d("2026-03-30")


# day, FOIA working?, FOISA working?, England-and-Wales-only working?
DAYS = [
    ("2026-03-06", True, True, True),  # ordinary Friday
    ("2026-03-07", False, False, False),  # Saturday
    ("2026-03-08", False, False, False),  # Sunday
    ("2025-12-25", False, False, False),  # Christmas Day
    ("2025-12-26", False, False, False),  # Boxing Day
    ("2025-12-29", True, True, True),  # between Christmas and New Year
    ("2026-01-01", False, False, False),  # New Year's Day
    ("2026-01-02", False, False, True),  # 2 January: Scotland only, so also FOIA
    ("2027-12-27", False, False, False),  # Christmas Day 2027 is a Saturday: substitute Monday
    ("2027-12-28", False, False, False),  # Boxing Day substitute
    ("2028-01-03", False, False, False),  # New Year's Day substitute
    ("2028-01-04", False, False, True),  # Scottish 2 January substitute
    ("2026-03-17", False, True, True),  # St Patrick's Day: Northern Ireland only
    ("2026-04-03", False, False, False),  # Good Friday
    ("2026-04-06", False, True, False),  # Easter Monday: not a Scottish bank holiday
    ("2026-06-15", False, False, True),  # one-off Scottish holiday (FIFA World Cup)
    ("2027-07-12", False, True, True),  # Battle of the Boyne, a Monday: Northern Ireland only
    ("2026-07-13", False, True, True),  # Boyne substitute: 12 July 2026 is a Sunday
    ("2026-08-03", False, False, True),  # first Monday of August: Scotland
    ("2026-08-31", False, True, False),  # last Monday of August: not Scotland
    ("2026-11-30", False, False, True),  # St Andrew's Day, a Monday
    ("2025-12-01", False, False, True),  # St Andrew's Day 2025 is a Sunday: substitute Monday
    ("2027-11-30", False, False, True),  # St Andrew's Day, a Tuesday
    ("2020-05-04", True, True, True),  # early May bank holiday moved to VE Day in 2020
    ("2020-05-08", False, False, False),  # VE Day 75
    ("2022-09-19", False, False, False),  # State funeral of Queen Elizabeth II
    ("2023-05-08", False, False, False),  # Coronation of King Charles III
    ("2035-12-25", False, False, False),  # far-future year still works
    ("2035-12-27", True, True, True),
]


@pytest.mark.parametrize("day, foia, foisa, england_and_wales", DAYS, ids=[row[0] for row in DAYS])
def test_is_working_day(day: str, foia: bool, foisa: bool, england_and_wales: bool) -> None:
    assert FOIA.is_working_day(d(day)) is foia
    assert FOISA.is_working_day(d(day)) is foisa
    assert ENGLAND_AND_WALES.is_working_day(d(day)) is england_and_wales


@pytest.mark.parametrize(
    "received, foia, foisa, england_and_wales",
    [
        # Christmas to New Year: Christmas, Boxing Day, 1 January and (Scotland, hence FOIA) 2 January.
        ("2025-12-22", "2026-01-23", "2026-01-23", "2026-01-22"),
        # Easter 2026: Good Friday everywhere, Easter Monday not in Scotland.
        ("2026-03-23", "2026-04-22", "2026-04-21", "2026-04-22"),
        # Scotland's 15 June 2026 counts for FOISA and, as a UK bank holiday, for FOIA.
        ("2026-06-08", "2026-07-07", "2026-07-07", "2026-07-06"),
        # St Andrew's Day 2026 (Monday 30 November).
        ("2026-11-23", "2026-12-22", "2026-12-22", "2026-12-21"),
    ],
)
def test_twentieth_working_day_around_holidays(received: str, foia: str, foisa: str, england_and_wales: str) -> None:
    assert FOIA.add_working_days(d(received), 20) == d(foia)
    assert FOISA.add_working_days(d(received), 20) == d(foisa)
    assert ENGLAND_AND_WALES.add_working_days(d(received), 20) == d(england_and_wales)


@pytest.mark.parametrize(
    "start, n, expected",
    [
        ("2026-03-06", 0, "2026-03-06"),
        ("2026-03-06", 1, "2026-03-09"),  # Friday -> Monday
        ("2026-03-07", 1, "2026-03-09"),  # Saturday -> Monday
        ("2026-03-09", 5, "2026-03-16"),
        ("2026-03-09", -1, "2026-03-06"),  # backwards over a weekend
        ("2026-04-07", -1, "2026-04-02"),  # backwards over Easter (FOIA)
    ],
)
def test_add_working_days(start: str, n: int, expected: str) -> None:
    assert FOIA.add_working_days(d(start), n) == d(expected)


@pytest.mark.parametrize(
    "start, end, expected",
    [
        ("2026-03-09", "2026-03-09", 0),
        ("2026-03-06", "2026-03-09", 1),  # Friday to Monday
        ("2026-03-06", "2026-03-08", 0),  # only the weekend
        ("2026-03-02", "2026-03-31", 20),  # the FOIA test vector, counted the other way
        ("2026-03-09", "2026-03-06", -1),  # end before start
        ("2026-03-31", "2026-03-02", -20),
    ],
)
def test_working_days_between(start: str, end: str, expected: int) -> None:
    assert FOIA.working_days_between(d(start), d(end)) == expected


def test_calendar_from_plain_set_of_dates() -> None:
    closed = WorkingCalendar(non_working=frozenset({d("2026-03-10")}))
    assert not closed.is_working_day(d("2026-03-10"))
    assert closed.is_working_day(d("2026-04-03"))  # no Good Friday unless asked for
    assert closed.add_working_days(d("2026-03-09"), 2) == d("2026-03-12")


@pytest.mark.parametrize(
    "calendar, day, reason",
    [
        (FOIA, "2026-03-07", "Saturday"),
        (FOIA, "2027-07-12", "Battle of the Boyne (Northern Ireland)"),
        (FOIA, "2026-04-06", "Easter Monday (England, Wales, Northern Ireland)"),
        (FOISA, "2026-11-30", "Saint Andrew's Day"),
        (FOIA, "2026-04-03", "Good Friday"),
        (FOIA, "2026-03-06", None),
    ],
)
def test_non_working_reason(calendar: WorkingCalendar, day: str, reason: str | None) -> None:
    assert calendar.non_working_reason(d(day)) == reason


def test_unknown_regime_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown regime"):
        calendar_for("gdpr")


@pytest.mark.parametrize(
    "year, easter", [(2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"), (2038, "2038-04-25")]
)
def test_easter_sunday(year: int, easter: str) -> None:
    assert easter_sunday(year) == d(easter)


@pytest.mark.parametrize(
    "start, months, expected",
    [
        ("2026-01-15", 3, "2026-04-15"),
        ("2026-11-30", 3, "2027-02-28"),
        ("2027-11-30", 3, "2028-02-29"),
        ("2026-08-31", 6, "2027-02-28"),
        ("2026-12-31", -1, "2026-11-30"),
    ],
)
def test_add_calendar_months(start: str, months: int, expected: str) -> None:
    assert add_calendar_months(d(start), months) == d(expected)


@pytest.mark.parametrize("text", ["2026-02-30", "02/03/2026", "20260302", "2026-W10-1", ""])
def test_parse_iso_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_iso_date(text)


# --- extra bank holidays file -------------------------------------------------------------

GOOD_FILE = """\
# proclaimed days
- date: 2026-03-10
  nations: [scotland]
  name: Imaginary Scottish holiday
- date: "2026-03-11"
  nations: [england, wales]
  name: Imaginary English holiday
- date: 2026-03-12
  nations: Northern Ireland
  name: Imaginary NI holiday
"""


def write(tmp_path: Path, text: str) -> Path:
    """Write text to an extra-holidays file and return its path."""
    path = tmp_path / "extra.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_extra_days_good_file(tmp_path: Path) -> None:
    days, problems = load_extra_days(write(tmp_path, GOOD_FILE))
    assert problems == []
    assert days == [
        ExtraDay(d("2026-03-10"), ("scotland",), "Imaginary Scottish holiday"),
        ExtraDay(d("2026-03-11"), ("england", "wales"), "Imaginary English holiday"),
        ExtraDay(d("2026-03-12"), ("northern-ireland",), "Imaginary NI holiday"),
    ]


def test_extra_days_apply_by_nation(tmp_path: Path) -> None:
    days, _ = load_extra_days(write(tmp_path, GOOD_FILE))
    foia, foisa = calendar_for("foia", days), calendar_for("foisa", days)
    assert [foia.is_working_day(d(f"2026-03-1{i}")) for i in range(3)] == [False, False, False]
    assert [foisa.is_working_day(d(f"2026-03-1{i}")) for i in range(3)] == [False, True, True]
    assert foisa.add_working_days(d("2026-03-02"), 20) == d("2026-03-31")
    assert foia.non_working_reason(d("2026-03-11")) == "Imaginary English holiday (extra day)"


def test_bare_dates_apply_to_every_regime() -> None:
    assert not calendar_for("foisa", [d("2026-03-10")]).is_working_day(d("2026-03-10"))
    assert not calendar_for("eir", [d("2026-03-10")]).is_working_day(d("2026-03-10"))


@pytest.mark.parametrize(
    "text, line, fragment, code",
    [
        ("- date: 2026-03-10\n  nations: [scotland\n  name: x\n", 3, "not valid YAML", BAD_YAML),
        ("days:\n  - 2026-03-10\n", 1, "expected a list", NOT_A_LIST),
        ("- 2026-03-10\n", 1, "must be a mapping", NOT_A_MAPPING),
        ("- date: 2026-03-10\n  nations: [scotland]\n", 1, "missing name", MISSING_KEY),
        (
            "- date: 2026-03-10\n  nations: [scotland]\n  name: ok\n"
            "- date: 2026-02-30\n  nations: [wales]\n  name: bad\n",
            4,
            "not a real date",
            BAD_DATE,
        ),
        ("- date: 10/03/2026\n  nations: [wales]\n  name: bad\n", 1, "YYYY-MM-DD", BAD_DATE),
        (
            "- date: 2026-03-10\n  nations: [scotland, cornwall]\n  name: x\n",
            2,
            "unknown nation 'cornwall'",
            UNKNOWN_NATION,
        ),
        ("- date: 2026-03-10\n  nations: []\n  name: x\n", 2, "no valid nations", NO_NATIONS),
        ("- date: 2026-03-10\n  nations: [wales]\n  name: x\n  colour: red\n", 4, "unknown key 'colour'", UNKNOWN_KEY),
        ("- date: 2026-03-10\n  nations: [wales]\n  name: [a, b]\n", 3, "name must be", BAD_NAME),
    ],
)
def test_load_extra_days_reports_problems_with_path_and_line(
    tmp_path: Path, text: str, line: int, fragment: str, code: str
) -> None:
    path = write(tmp_path, text)
    _, problems = load_extra_days(path)
    assert problems, "expected a problem"
    assert any(str(p).startswith(f"{path}:{line}: ") and fragment in p.message for p in problems), problems
    assert code in [p.code for p in problems if p.line == line]


def test_load_extra_days_keeps_good_entries_beside_bad_ones(tmp_path: Path) -> None:
    text = (
        "- date: 2026-03-10\n  nations: [scotland, cornwall]\n  name: kept\n"
        "- date: nope\n  nations: [wales]\n  name: dropped\n"
    )
    days, problems = load_extra_days(write(tmp_path, text))
    assert days == [ExtraDay(d("2026-03-10"), ("scotland",), "kept")]
    assert len(problems) == 2


@pytest.mark.parametrize("text", ["", "# only a comment\n", "[]\n"])
def test_load_extra_days_empty_file(tmp_path: Path, text: str) -> None:
    assert load_extra_days(write(tmp_path, text)) == ([], [])


def test_load_extra_days_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    days, problems = load_extra_days(path)
    assert days == []
    assert len(problems) == 1 and str(problems[0]).startswith(f"{path}: cannot read")
    assert problems[0].code == UNREADABLE


def test_bundled_extra_days_file_is_valid() -> None:
    assert DEFAULT_EXTRA_DAYS_FILE.is_file()
    days, problems = load_extra_days(DEFAULT_EXTRA_DAYS_FILE)
    assert problems == []
    assert all(day.nations for day in days)
