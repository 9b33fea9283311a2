"""When a letter is due: 20 working days from receipt of the request, or, for a review outcome, of the review request."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.core.law.deadlines import REVIEW_OUTCOME_CLOCK, letter_clock

if TYPE_CHECKING:
    from app.core.casefile.model import Case
    from app.core.law.calendar import WorkingCalendar


def letter_due(case: Case, calendar: WorkingCalendar) -> date:
    """Return the due date of the case's letter.

    A review outcome counts from the date the review was asked for (deadlines.REVIEW_OUTCOME_CLOCK);
    every other letter from the receipt of the request.
    """
    start, days = letter_period(case)
    return calendar.add_working_days(start, days)


def letter_period(case: Case) -> tuple[date, int]:
    """Return the day the case's letter's working days count from, and how many there are."""
    requested = case.review.requested if case.review is not None else None
    return letter_clock(case.regime, case.letter, case.received, requested)


def due_basis(case: Case) -> str:
    """Say in words what the due date counts from, for the officer."""
    if case.letter == "review-outcome":
        cite = REVIEW_OUTCOME_CLOCK.get(case.regime, REVIEW_OUTCOME_CLOCK["foia"])[1]
        return f"from the review request ({cite})"
    return "from receipt of the request"
