"""Tests for response, extension, review and appeal deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.law.calendar import WorkingCalendar, calendar_for
from app.core.law.deadlines import (
    ReceiptRule,
    clarification_restart,
    commissioner_application_deadline,
    court_of_session_deadline,
    eir_review_response_due,
    environmental_extension_due,
    fee_payment_deadline,
    fees_pause,
    pit_extension,
    response_deadline,
    response_due,
    review_request_deadline,
    review_response_due,
    tribunal_appeal_deadline,
    working_days_left,
)

FOIA = calendar_for("foia")
FOISA = calendar_for("foisa")
EIR = calendar_for("eir")
EISR = calendar_for("eisr")
CALENDARS = {"foia": FOIA, "foisa": FOISA, "eir": EIR, "eisr": EISR}


def d(text: str) -> date:
    """Return the date written as YYYY-MM-DD."""
    return date.fromisoformat(text)


# Deadline vectors (FOIA s10, FOISA s10): received, FOIA 20th, FOISA 20th, FOIA 40th, FOISA 40th.
TEST_VECTORS = [
    ("2025-12-01", "2025-12-31", "2025-12-31", "2026-01-30", "2026-01-30"),
    ("2025-12-15", "2026-01-16", "2026-01-16", "2026-02-13", "2026-02-13"),
    ("2026-03-02", "2026-03-31", "2026-03-30", "2026-04-30", "2026-04-28"),
    ("2026-06-01", "2026-06-30", "2026-06-30", "2026-07-29", "2026-07-28"),
    ("2026-07-01", "2026-07-30", "2026-07-29", "2026-08-28", "2026-08-27"),
    ("2026-07-20", "2026-08-18", "2026-08-18", "2026-09-16", "2026-09-15"),
    ("2026-12-14", "2027-01-15", "2027-01-15", "2027-02-12", "2027-02-12"),
    ("2027-03-08", "2027-04-08", "2027-04-06", "2027-05-07", "2027-05-05"),
]


@pytest.mark.parametrize("received, foia20, foisa20, foia40, foisa40", TEST_VECTORS, ids=[r[0] for r in TEST_VECTORS])
def test_response_due_matches_the_vectors(received: str, foia20: str, foisa20: str, foia40: str, foisa40: str) -> None:
    start = d(received)
    assert response_due(start, FOIA) == d(foia20)
    assert response_due(start, FOISA) == d(foisa20)
    assert response_due(start, FOIA, working_days=40) == d(foia40)
    assert response_due(start, FOISA, working_days=40) == d(foisa40)


@pytest.mark.parametrize(
    "regime, received, ico, next_working_day",
    [
        # The first test vector: Monday 1 December 2025 is the St Andrew's Day substitute,
        # a non-working day in both calendars, so the receipt rule matters even on a Monday.
        ("foia", "2025-12-01", "2025-12-31", "2026-01-05"),
        ("foisa", "2025-12-01", "2025-12-31", "2026-01-05"),
        # An ordinary Monday: both rules agree.
        ("foia", "2026-03-02", "2026-03-31", "2026-03-31"),
        # Saturday 7 March 2026. FOIA loses St Patrick's Day, Good Friday and Easter Monday.
        ("foia", "2026-03-07", "2026-04-08", "2026-04-09"),
        # FOISA loses only Good Friday; Easter Monday 6 April is a working day in Scotland.
        ("foisa", "2026-03-07", "2026-04-06", "2026-04-07"),
        # Sunday before the spring bank holiday: the rule moves receipt to Tuesday 26 May;
        # Scotland's 15 June also falls in the period.
        ("foia", "2026-05-24", "2026-06-23", "2026-06-24"),
        # Received on Good Friday.
        # Received on Good Friday (FOISA): day 1 is Easter Monday; the other rule loses the early May holiday too.
        ("foisa", "2026-04-03", "2026-05-01", "2026-05-05"),
    ],
)
def test_receipt_on_a_non_working_day(regime: str, received: str, ico: str, next_working_day: str) -> None:
    calendar = CALENDARS[regime]
    assert response_due(d(received), calendar) == d(ico)
    assert response_due(d(received), calendar, rule=ReceiptRule.ICO) == d(ico)
    assert response_due(d(received), calendar, rule=ReceiptRule.NEXT_WORKING_DAY) == d(next_working_day)


def test_response_deadline_cites_the_regime() -> None:
    assert response_deadline(d("2026-03-02"), FOISA).basis == "FOISA s10(1)"
    assert response_deadline(d("2026-03-02"), FOIA).basis == "FOIA s10(1)"
    assert response_deadline(d("2026-03-02"), EIR).due == d("2026-03-31")


def test_negative_working_days_refused() -> None:
    with pytest.raises(ValueError):
        response_due(d("2026-03-02"), FOIA, working_days=-1)


def test_pit_extension() -> None:
    extension = pit_extension(d("2026-03-02"), FOIA)
    assert extension.notice_due == d("2026-03-31")
    assert extension.guidance_limit == d("2026-04-30")
    assert "s17(2)" in extension.notice_basis
    assert "ICO guidance" in extension.limit_basis


@pytest.mark.parametrize("regime", ["foisa", "eisr", "eir"])
def test_no_public_interest_extension_outside_foia(regime: str) -> None:
    with pytest.raises(ValueError, match="only under FOIA"):
        pit_extension(d("2026-03-02"), CALENDARS[regime])


@pytest.mark.parametrize(
    "regime, due, basis, notice_by",
    [("eir", "2026-04-30", "EIR reg 7(1)", "2026-03-31"), ("eisr", "2026-04-28", "EISR reg 7(1)", "2026-03-30")],
)
def test_environmental_extension(regime: str, due: str, basis: str, notice_by: str) -> None:
    deadline = environmental_extension_due(d("2026-03-02"), CALENDARS[regime])
    assert deadline.due == d(due)
    assert deadline.basis == basis
    assert notice_by in deadline.note


@pytest.mark.parametrize(
    "regime, clarified, due, basis",
    [
        ("foia", "2026-03-02", "2026-03-31", "FOIA s1(3), s10(6)(b)"),
        ("foisa", "2026-03-02", "2026-03-30", "FOISA s1(3), s10(1)(b)"),
        ("foisa", "2026-11-23", "2026-12-22", "FOISA s1(3), s10(1)(b)"),
    ],
)
def test_clarification_restart(regime: str, clarified: str, due: str, basis: str) -> None:
    deadline = clarification_restart(d(clarified), CALENDARS[regime])
    assert (deadline.due, deadline.basis) == (d(due), basis)


@pytest.mark.parametrize(
    "regime, received, notice, paid, due",
    [
        # 4 working days used (3-6 March); the remaining 16 run from the day after payment,
        # skipping the early May and spring bank holidays.
        ("foia", "2026-03-02", "2026-03-09", "2026-05-01", "2026-05-27"),
        ("foisa", "2026-03-02", "2026-03-09", "2026-05-01", "2026-05-27"),
        # Notice on the day of receipt: all 20 working days run after payment.
        ("foisa", "2026-03-02", "2026-03-02", "2026-03-02", "2026-03-30"),
        # Notice on the 20th working day: one working day is left after payment.
        ("foia", "2026-03-02", "2026-03-31", "2026-04-01", "2026-04-02"),
    ],
)
def test_fees_pause(regime: str, received: str, notice: str, paid: str, due: str) -> None:
    deadline = fees_pause(d(received), d(notice), d(paid), CALENDARS[regime])
    assert deadline.due == d(due)
    assert deadline.basis == f"{regime.upper()} s10(2)"


def test_fees_notice_after_the_deadline_does_not_pause() -> None:
    deadline = fees_pause(d("2026-03-02"), d("2026-04-01"), d("2026-04-20"), FOIA)
    assert deadline.due == d("2026-03-31")
    assert "no pause" in deadline.note


@pytest.mark.parametrize(
    "received, notice, paid",
    [("2026-03-02", "2026-03-09", "2026-03-08"), ("2026-03-02", "2026-03-01", "2026-03-03")],
)
def test_fees_pause_refuses_impossible_order(received: str, notice: str, paid: str) -> None:
    with pytest.raises(ValueError):
        fees_pause(d(received), d(notice), d(paid), FOIA)


@pytest.mark.parametrize(
    "sent, due",
    [("2026-01-15", "2026-04-15"), ("2026-11-30", "2027-02-28"), ("2027-11-30", "2028-02-29")],
)
def test_fee_payment_deadline(sent: str, due: str) -> None:
    deadline = fee_payment_deadline(d(sent))
    assert deadline.due == d(due)
    assert "s9" in deadline.basis


@pytest.mark.parametrize(
    "regime, response, due, basis, statutory",
    [
        ("foisa", "2026-03-30", "2026-05-28", "FOISA s20(5)", True),
        ("foia", "2026-03-31", "2026-06-01", "ICO guidance (internal review is not statutory under FOIA)", False),
        ("eir", "2026-03-31", "2026-06-01", "EIR reg 11(2)", True),
        ("eisr", "2026-03-30", "2026-05-28", "EISR reg 16", True),
    ],
)
def test_review_request_deadline(regime: str, response: str, due: str, basis: str, statutory: bool) -> None:
    deadline = review_request_deadline(d(response), CALENDARS[regime])
    assert (deadline.due, deadline.basis, deadline.statutory) == (d(due), basis, statutory)


@pytest.mark.parametrize(
    "regime, received, due, basis_start, statutory",
    [
        ("foisa", "2026-03-02", "2026-03-30", "FOISA s21(1)", True),
        ("eisr", "2026-03-02", "2026-03-30", "EISR reg 16", True),
        ("foia", "2026-03-02", "2026-03-31", "s45 Code of Practice", False),
    ],
)
def test_review_response_due(regime: str, received: str, due: str, basis_start: str, statutory: bool) -> None:
    deadline = review_response_due(d(received), CALENDARS[regime])
    assert deadline.due == d(due)
    assert deadline.basis.startswith(basis_start)
    assert deadline.statutory is statutory


def test_eir_review_allows_forty_working_days() -> None:
    deadline = eir_review_response_due(d("2026-03-02"), EIR)
    assert (deadline.due, deadline.basis) == (d("2026-04-30"), "EIR reg 11(4)")


@pytest.mark.parametrize(
    "regime, decision, due, statutory, basis_fragment",
    [
        ("foisa", "2026-03-02", "2026-09-02", True, "FOISA s47(4)"),
        ("foisa", "2026-08-31", "2027-02-28", True, "FOISA s47(4)"),
        ("eisr", "2026-03-02", "2026-09-02", True, "EISR reg 17"),
        ("foia", "2026-03-02", "2026-04-13", False, "ICO guidance"),
        ("eir", "2026-12-21", "2027-02-01", False, "not statutory"),
    ],
)
def test_commissioner_application_deadline(
    regime: str, decision: str, due: str, statutory: bool, basis_fragment: str
) -> None:
    deadline = commissioner_application_deadline(regime, d(decision))
    assert deadline.due == d(due)
    assert deadline.statutory is statutory
    assert basis_fragment in deadline.basis


@pytest.mark.parametrize("decision, due", [("2026-03-02", "2026-04-13"), ("2026-12-01", "2027-01-12")])
def test_court_of_session_deadline(decision: str, due: str) -> None:
    deadline = court_of_session_deadline(d(decision))
    assert deadline.due == d(due)
    assert "41.20" in deadline.basis


@pytest.mark.parametrize("decision, due", [("2026-03-02", "2026-03-30"), ("2026-02-10", "2026-03-10")])
def test_tribunal_appeal_deadline(decision: str, due: str) -> None:
    assert tribunal_appeal_deadline(d(decision)).due == d(due)


@pytest.mark.parametrize(
    "calendar, today, due, left",
    [
        (FOIA, "2026-03-11", "2026-03-13", 2),
        (FOIA, "2026-03-13", "2026-03-13", 0),
        (FOIA, "2026-03-07", "2026-03-09", 1),  # Saturday before a Monday deadline
        (FOIA, "2026-03-14", "2026-03-13", -1),  # Saturday after a Friday deadline
        (FOIA, "2026-03-16", "2026-03-13", -1),
        (FOISA, "2026-03-17", "2026-03-13", -2),
        (FOIA, "2026-03-17", "2026-03-13", -2),  # St Patrick's Day: counted to Wednesday 18th
        (FOIA, "2026-04-02", "2026-04-07", 1),  # Easter weekend in between (FOIA)
        (FOISA, "2026-04-02", "2026-04-07", 2),  # Easter Monday is a working day in Scotland
    ],
)
def test_working_days_left(calendar: WorkingCalendar, today: str, due: str, left: int) -> None:
    assert working_days_left(d(today), d(due), calendar) == left
