"""A letter dated "today" is saved as such, so a reopened case keeps the officer's choice."""

from __future__ import annotations

import datetime as dt

from app.core.casefile.model import parse_case
from app.core.casefile.writing import dump_case

BASE = "regime: foia\nreceived: 2026-10-01\nparts:\n  - outcome: disclosed\n"


def test_today_is_written_and_read_back_as_today():
    case = parse_case(BASE)
    assert case.date is None
    text = dump_case(case)
    assert "date: today" in text
    again = parse_case(text)
    assert again.date is None and again.letter_date(dt.date(2026, 10, 9)) == dt.date(2026, 10, 9)


def test_a_fixed_date_stays_fixed():
    case = parse_case(BASE + "date: 2026-10-05\n")
    assert parse_case(dump_case(case)).date == dt.date(2026, 10, 5)
    assert parse_case(BASE + "date: Today\n").date is None
