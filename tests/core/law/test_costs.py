"""Tests for the FOIA/FOISA cost limits and cost-of-compliance estimates."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.law.costs import Activity, assess_cost, cost_limit_for, format_money


@pytest.mark.parametrize(
    "regime, central, limit, rate, hours, statutory, citation",
    [
        ("foia", False, 450, 25, 18, True, "SI 2004/3244"),
        ("foia", True, 600, 25, 24, True, "SI 2004/3244"),
        ("eir", False, 450, 25, 18, False, "SI 2004/3244"),
        ("eir", True, 600, 25, 24, False, "SI 2004/3244"),
        ("foisa", False, 600, 15, 40, True, "SSI 2004/467"),
        ("foisa", True, 600, 15, 40, True, "SSI 2004/467"),  # no central government distinction
        ("eisr", False, 600, 15, 40, False, "SSI 2004/467"),
    ],
)
def test_cost_limit_for(
    regime: str, central: bool, limit: int, rate: int, hours: int, statutory: bool, citation: str
) -> None:
    cost_limit = cost_limit_for(regime, central_government=central)
    assert cost_limit.regime == regime
    assert cost_limit.limit == Decimal(limit)
    assert cost_limit.hourly_rate == Decimal(rate)
    assert cost_limit.hours_cap == Decimal(hours)
    assert cost_limit.statutory is statutory
    assert citation in cost_limit.regulations


def test_foia_counts_determining_whether_held_but_foisa_does_not() -> None:
    foia, foisa = cost_limit_for("foia"), cost_limit_for("foisa")
    assert foia.counted_activities == [
        "determining whether the information is held",
        "locating the information or a document containing it",
        "retrieving the information or a document containing it",
        "extracting the information from a document containing it",
    ]
    assert "determining whether the information is held" in foisa.excluded_activities
    assert "deciding whether the information is exempt or should be disclosed" in foisa.excluded_activities
    assert "providing the information to the applicant" in foisa.counted_activities
    assert "redacting exempt information" in foia.excluded_activities


def test_environmental_limits_say_there_is_no_statutory_limit() -> None:
    assert "12(4)(b)" in cost_limit_for("eir").note
    assert "10(4)(b)" in cost_limit_for("eisr").note


@pytest.mark.parametrize(
    "regime, central, hours, cost, exceeds",
    [
        ("foia", False, 18, "450.00", False),  # exactly at the limit is not over it
        ("foia", False, "18.5", "462.50", True),
        ("foia", True, 24, "600.00", False),
        ("foia", True, 25, "625.00", True),
        ("foisa", False, 40, "600.00", False),
        ("foisa", False, "40.25", "603.75", True),
        ("foia", False, 0.1, "2.50", False),  # floats are read via their decimal text
    ],
)
def test_assess_cost_from_hours(regime: str, central: bool, hours: object, cost: str, exceeds: bool) -> None:
    assessment = assess_cost(cost_limit_for(regime, central), hours=hours)  # type: ignore[arg-type]
    assert assessment.estimated_cost == Decimal(cost)
    assert assessment.exceeds is exceeds


@pytest.mark.parametrize(
    "rate, applied, capped, cost, exceeds",
    [
        ("22.50", "15", True, "615.00", True),  # a higher salary rate is capped at £15
        (15, "15", False, "615.00", True),
        (12, "12", False, "492.00", False),  # a lower actual rate is used as it is
    ],
)
def test_foisa_staff_rate_capped_at_15(rate: object, applied: str, capped: bool, cost: str, exceeds: bool) -> None:
    assessment = assess_cost(cost_limit_for("foisa"), hours=41, hourly_rate=rate)  # type: ignore[arg-type]
    assert assessment.hourly_rate == Decimal(applied)
    assert assessment.rate_capped is capped
    assert assessment.estimated_cost == Decimal(cost)
    assert assessment.exceeds is exceeds


def test_foisa_cap_is_explained() -> None:
    assessment = assess_cost(cost_limit_for("foisa"), hours=10, hourly_rate=30)
    assert assessment.notes == ("Staff rate of £30 an hour capped at £15 (SSI 2004/467 reg 3).",)


def test_foia_rate_is_always_25() -> None:
    assessment = assess_cost(cost_limit_for("foia"), hours=10, hourly_rate=40)
    assert assessment.hourly_rate == Decimal(25)
    assert assessment.estimated_cost == Decimal(250)
    assert "£25 an hour" in assessment.notes[0]


ACTIVITIES = {
    Activity.DETERMINING_WHETHER_HELD: 10,
    "locating": 20,
    "retrieving": "6",
    Activity.CONSIDERING_EXEMPTIONS: 30,
}


@pytest.mark.parametrize(
    "regime, hours, cost, exceeds, disregarded",
    [
        # FOIA: 10 + 20 + 6 = 36 hours at £25; exemption work never counts.
        ("foia", 36, "900.00", True, {Activity.CONSIDERING_EXEMPTIONS}),
        # FOISA: deciding whether held is excluded too: 26 hours at £15.
        ("foisa", 26, "390.00", False, {Activity.CONSIDERING_EXEMPTIONS, Activity.DETERMINING_WHETHER_HELD}),
    ],
)
def test_assess_cost_by_activity(regime: str, hours: int, cost: str, exceeds: bool, disregarded: set[Activity]) -> None:
    assessment = assess_cost(cost_limit_for(regime), activities=ACTIVITIES)
    assert assessment.hours == Decimal(hours)
    assert assessment.estimated_cost == Decimal(cost)
    assert assessment.exceeds is exceeds
    assert {activity for activity, _ in assessment.disregarded} == disregarded


def test_headroom() -> None:
    assert assess_cost(cost_limit_for("foia"), hours=10).headroom == Decimal(200)
    assert assess_cost(cost_limit_for("foia"), hours=20).headroom == Decimal(-50)


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"hours": -1}, {"hours": "lots"}, {"hours": float("nan")}, {"activities": {"juggling": 2}}],
)
def test_assess_cost_refuses_bad_input(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        assess_cost(cost_limit_for("foia"), **kwargs)


def test_unknown_regime() -> None:
    with pytest.raises(ValueError):
        cost_limit_for("dpa")


@pytest.mark.parametrize(
    "amount, text",
    [
        (Decimal(600), "£600"),
        (Decimal(450), "£450"),
        (Decimal("1012.5"), "£1,012.50"),
        (Decimal("1234567.891"), "£1,234,567.89"),
        (Decimal("0.5"), "£0.50"),
        (Decimal("0"), "£0"),
        (Decimal("-12.5"), "-£12.50"),
        (Decimal("600.00"), "£600"),
        (Decimal("0.005"), "£0.01"),
    ],
)
def test_format_money(amount: Decimal, text: str) -> None:
    assert format_money(amount) == text
