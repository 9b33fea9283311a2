"""When a letter is due: 20 working days from receipt of the request, or, for a review outcome, of the review request."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.core.law.deadlines import letter_clock

if TYPE_CHECKING:
    from app.core.casefile.model import Case
    from app.core.law.calendar import WorkingCalendar


def letter_due(case: Case, calendar: WorkingCalendar) -> date:
    """Return the due date of the case's letter.

    A review outcome counts from the date the review was asked for (FOISA s21(1); EISR reg 16(4);
    for FOIA the s45 Code's 20 working days, which is guidance; for the EIR reg 11(4)'s 40);
    every other letter from the receipt of the request.
    """
    requested = case.review.requested if case.review is not None else None
    start, days = letter_clock(case.regime, case.letter, case.received, requested)
    return calendar.add_working_days(start, days)


def due_basis(case: Case) -> str:
    """Say in words what the due date counts from, for the officer."""
    if case.letter == "review-outcome":
        basis = {"foisa": "FOISA s21(1)", "eisr": "EISR reg 16(4)", "eir": "EIR reg 11(4)"}
        return f"from the review request ({basis.get(case.regime, 'the s45 Code of Practice: guidance')})"
    return "from receipt of the request"
