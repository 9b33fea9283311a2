"""Dated law: cost limits and the regulator's name are data chosen by the letter's date and the organisation's switches."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.core.law import costs, regulators
from app.core.law.costs import cost_limit_for
from app.core.law.dated import DatedDataError, period, period_problems, valid_on
from app.core.law.regulators import read_commencements, regulator_on

SWITCH = "information-commission"


@pytest.mark.parametrize(
    ("row", "commencements", "span"),
    [
        ({"valid_from": dt.date(2005, 1, 1)}, {}, (dt.date(2005, 1, 1), dt.date.max)),
        ({"valid_until": dt.date(2027, 3, 31)}, {}, (dt.date.min, dt.date(2027, 3, 31))),
        ({"until": SWITCH}, {}, (dt.date.min, dt.date.max)),
        ({"until": SWITCH}, {SWITCH: dt.date(2027, 4, 1)}, (dt.date.min, dt.date(2027, 3, 31))),
        ({"from": SWITCH}, {}, (dt.date.max, dt.date.max)),
        ({"from": SWITCH}, {SWITCH: dt.date(2027, 4, 1)}, (dt.date(2027, 4, 1), dt.date.max)),
    ],
)
def test_a_rows_period_comes_from_its_dates_and_switches(row, commencements, span):
    assert period(row, commencements) == span


def test_the_row_valid_on_a_day_is_chosen_and_a_day_nothing_covers_is_an_error():
    rows = [
        {"valid_until": dt.date(2027, 3, 31), "limit": 450},
        {"valid_from": dt.date(2027, 4, 1), "limit": 300},
    ]
    assert valid_on(rows, dt.date(2027, 3, 31))["limit"] == 450
    assert valid_on(rows, dt.date(2027, 4, 1))["limit"] == 300
    with pytest.raises(DatedDataError):
        valid_on([{"valid_from": dt.date(2030, 1, 1)}], dt.date(2029, 12, 31))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([{"valid_until": dt.date(2027, 3, 31)}, {"valid_from": dt.date(2027, 4, 1)}], []),
        ([{"valid_until": dt.date(2027, 4, 1)}, {"valid_from": dt.date(2027, 4, 1)}], ["overlaps"]),
        ([{"valid_until": dt.date(2027, 3, 1)}, {"valid_from": dt.date(2027, 4, 1)}], ["nothing applies"]),
        ([{"until": SWITCH}, {"from": SWITCH}], []),
    ],
)
def test_overlaps_and_gaps_between_periods_are_described(rows, expected):
    found = period_problems(rows)
    assert len(found) == len(expected)
    assert all(word in text for word, text in zip(expected, found))


def test_shipped_cost_limits_and_regulator_names_have_no_overlap_or_gap_and_cite_their_law():
    tables = [*costs._periods().values(), *regulators._data()["regulators"].values()]
    for rows in tables:
        assert period_problems(rows) == []
        assert period_problems(rows, {SWITCH: dt.date(2027, 4, 1)}) == []
        assert all(str(row.get("source", "")).strip() for row in rows)


@pytest.mark.parametrize(
    ("regime", "central", "limit", "rate"),
    [("foia", False, 450, 25), ("foia", True, 600, 25), ("foisa", False, 600, 15), ("eir", False, 450, 25)],
)
def test_cost_limits_are_read_from_the_dated_data(regime, central, limit, rate):
    found = cost_limit_for(regime, central, dt.date(2026, 12, 1))
    assert (found.limit, found.hourly_rate, found.hours_cap) == (Decimal(limit), Decimal(rate), Decimal(limit) / rate)
    assert found.statutory is (regime != "eir")


def test_a_new_cost_limit_applies_to_letters_dated_from_its_start(monkeypatch):
    reduced = {
        "foia": [
            {"valid_until": dt.date(2027, 3, 31), "schedule_1_part_1": 600, "other": 450, "hourly_rate": 25},
            {"valid_from": dt.date(2027, 4, 1), "schedule_1_part_1": 500, "other": 375, "hourly_rate": 25},
        ],
        "foisa": costs._periods()["foisa"],
    }
    monkeypatch.setattr(costs, "_periods", lambda: reduced)
    assert cost_limit_for("foia", False, dt.date(2027, 3, 31)).limit == 450
    assert cost_limit_for("foia", False, dt.date(2027, 4, 1)).limit == 375
    assert "£500 applies to bodies in Schedule 1 Part I" in cost_limit_for("foia", True, dt.date(2027, 4, 1)).note


def test_the_regulator_keeps_its_name_until_the_organisation_dates_the_switch():
    day = dt.date(2027, 6, 1)
    assert regulator_on("ico", day).title == "Information Commissioner"
    switched = {SWITCH: dt.date(2027, 4, 1)}
    assert regulator_on("ico", day, switched).title == "Information Commission"
    assert regulator_on("ico", dt.date(2027, 3, 31), switched).abbreviation == "ICO"
    assert regulator_on("osic", day, switched).title == "Scottish Information Commissioner"


@pytest.mark.parametrize(
    ("raw", "dates", "codes"),
    [
        (None, {}, []),
        ({SWITCH: dt.date(2027, 4, 1)}, {SWITCH: dt.date(2027, 4, 1)}, []),
        ({SWITCH: None}, {}, []),
        ({SWITCH: "soon"}, {}, [regulators.BAD_COMMENCEMENT]),
        ({"information-comission": dt.date(2027, 4, 1)}, {}, [regulators.UNKNOWN_SWITCH]),
        (["x"], {}, [regulators.BAD_COMMENCEMENT]),
    ],
)
def test_commencement_settings_are_read_or_refused_with_a_code(raw, dates, codes):
    found, problems = read_commencements(raw)
    assert found == dates
    assert [code for code, _name, _message in problems] == codes
