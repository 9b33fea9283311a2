"""Statutory and guidance deadlines for FOI requests, reviews and appeals, as pure date functions."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from app.core.law.calendar import WorkingCalendar, add_calendar_months, normalise_regime

# Not yet called by the app, kept (and tested) for the letters and case lists still to come: the
# review and extension letters of issue 11 (pit_extension, environmental_extension_due,
# review_response_due, eir_review_response_due, clarification_restart, fees_pause,
# fee_payment_deadline) and the rights paragraphs and case list of issue 12 (response_deadline,
# commissioner_application_deadline, court_of_session_deadline, tribunal_appeal_deadline).

RESPONSE_WORKING_DAYS = 20
EXTENDED_WORKING_DAYS = 40

T = TypeVar("T")


class ReceiptRule(enum.Enum):
    """How to treat a request that arrives on a non-working day."""

    # Day 1 is the first working day after the calendar date of receipt (ICO approach; earlier, safer).
    ICO = "ico"
    # A request received on a non-working day counts as received on the next working day (2018 s45 Code reading).
    NEXT_WORKING_DAY = "next-working-day"


@dataclass(frozen=True)
class Deadline:
    """A due date with the provision or guidance it comes from."""

    due: date
    basis: str
    statutory: bool = True
    note: str = ""


@dataclass(frozen=True)
class PitExtension:
    """FOIA public interest extension: the s17(2) notice date and the ICO's outer limit."""

    notice_due: date
    guidance_limit: date
    notice_basis: str = "FOIA s17(2), s10(3)"
    limit_basis: str = "ICO guidance (normally no more than 20 further working days; not statutory)"


_RESPONSE_BASIS = {
    "foia": "FOIA s10(1)",
    "eir": "EIR reg 5(2)",
    "foisa": "FOISA s10(1)",
    "eisr": "EISR reg 5(2)(a)",
    None: "20 working days",
}
_CLARIFICATION_BASIS = {
    "foia": "FOIA s1(3), s10(6)(b)",
    "eir": "EIR reg 9",
    "foisa": "FOISA s1(3), s10(1)(b)",
    "eisr": "EISR reg 9",
    None: "clarification restarts the clock",
}
_FEES_BASIS = {
    "foia": "FOIA s10(2)",
    "eir": "EIR reg 8",
    "foisa": "FOISA s10(2)",
    "eisr": "EISR reg 8",
    None: "fees period disregarded",
}
_REVIEW_REQUEST_BASIS = {
    "foia": ("ICO guidance (internal review is not statutory under FOIA)", False),
    "eir": ("EIR reg 11(2)", True),
    "foisa": ("FOISA s20(5)", True),
    "eisr": ("EISR reg 16", True),
    None: ("40 working days", False),
}
_REVIEW_RESPONSE_BASIS = {
    "foia": ("s45 Code of Practice / ICO guidance (good practice; up to 40 working days in exceptional cases)", False),
    "eir": ("ICO good practice; the statutory maximum is 40 working days (EIR reg 11(4))", False),
    "foisa": ("FOISA s21(1)", True),
    "eisr": ("EISR reg 16", True),
    None: ("20 working days", False),
}


def _basis(table: Mapping[str | None, T], calendar: WorkingCalendar) -> T:
    """Return the table entry for the calendar's regime (or the generic entry)."""
    return table.get(calendar.regime, table[None])


def effective_receipt(received: date, calendar: WorkingCalendar, rule: ReceiptRule = ReceiptRule.ICO) -> date:
    """Return the date from which working days are counted under the chosen receipt rule."""
    if rule is ReceiptRule.NEXT_WORKING_DAY:
        return calendar.next_working_day(received)
    return received


def response_due(
    received: date,
    calendar: WorkingCalendar,
    working_days: int = RESPONSE_WORKING_DAYS,
    rule: ReceiptRule = ReceiptRule.ICO,
) -> date:
    """Return the last day for a response: the nth working day after receipt (FOIA/FOISA s10(1))."""
    if working_days < 0:
        raise ValueError("the number of working days cannot be negative")
    return calendar.add_working_days(effective_receipt(received, calendar, rule), working_days)


def response_deadline(received: date, calendar: WorkingCalendar, rule: ReceiptRule = ReceiptRule.ICO) -> Deadline:
    """Return the 20-working-day response deadline with its statutory basis."""
    due = response_due(received, calendar, RESPONSE_WORKING_DAYS, rule)
    return Deadline(due, _basis(_RESPONSE_BASIS, calendar))


def pit_extension(received: date, calendar: WorkingCalendar, rule: ReceiptRule = ReceiptRule.ICO) -> PitExtension:
    """Return the s17(2) notice date (20th working day) and the ICO's 40th-working-day limit (FOIA only)."""
    if calendar.regime not in (None, "foia"):
        raise ValueError(f"a public interest extension exists only under FOIA s10(3), not {calendar.regime.upper()}")
    return PitExtension(
        notice_due=response_due(received, calendar, RESPONSE_WORKING_DAYS, rule),
        guidance_limit=response_due(received, calendar, EXTENDED_WORKING_DAYS, rule),
    )


def environmental_extension_due(
    received: date, calendar: WorkingCalendar, rule: ReceiptRule = ReceiptRule.ICO
) -> Deadline:
    """Return the 40th working day allowed for complex or voluminous requests (EIR/EISR reg 7(1))."""
    scottish = calendar.regime in ("foisa", "eisr")
    notice = response_due(received, calendar, RESPONSE_WORKING_DAYS, rule)
    return Deadline(
        due=response_due(received, calendar, EXTENDED_WORKING_DAYS, rule),
        basis="EISR reg 7(1)" if scottish else "EIR reg 7(1)",
        note=f"The applicant must be told of the extension by {notice.isoformat()} (20th working day).",
    )


def clarification_restart(
    clarification_received: date, calendar: WorkingCalendar, rule: ReceiptRule = ReceiptRule.ICO
) -> Deadline:
    """Return the new due date: 20 working days from receipt of the clarification."""
    due = response_due(clarification_received, calendar, RESPONSE_WORKING_DAYS, rule)
    return Deadline(due, _basis(_CLARIFICATION_BASIS, calendar))


def fees_pause(
    received: date,
    fees_notice_sent: date,
    fee_received: date,
    calendar: WorkingCalendar,
    rule: ReceiptRule = ReceiptRule.ICO,
) -> Deadline:
    """Return the due date with the working days from fees notice to payment (inclusive) disregarded (s10(2))."""
    if fees_notice_sent < received:
        raise ValueError("the fees notice cannot be sent before the request was received")
    if fee_received < fees_notice_sent:
        raise ValueError("the fee cannot be received before the fees notice was sent")
    start = effective_receipt(received, calendar, rule)
    used = max(0, calendar.working_days_between(start, fees_notice_sent - timedelta(days=1)))
    remaining = RESPONSE_WORKING_DAYS - used
    basis = _basis(_FEES_BASIS, calendar)
    if remaining <= 0:
        due = response_due(received, calendar, RESPONSE_WORKING_DAYS, rule)
        return Deadline(due, basis, note="The fees notice was sent after the deadline had passed; no pause applies.")
    note = "" if calendar.regime not in ("eir", "eisr") else "Check the regulation 8 advance-payment rules."
    return Deadline(calendar.add_working_days(fee_received, remaining), basis, note=note)


def fee_payment_deadline(fees_notice_sent: date) -> Deadline:
    """Return the end of the 3 calendar months the applicant has to pay a fees notice (clamped to month end)."""
    return Deadline(
        due=add_calendar_months(fees_notice_sent, 3),
        basis="FOIA s9(2); FOISA s9",
        note="If the fee is not paid by then, the authority need not comply with the request.",
    )


def review_request_deadline(response_date: date, calendar: WorkingCalendar) -> Deadline:
    """Return the last day for the applicant to ask for a review: 40 working days after the response.

    Under FOISA s20(5) the 40 days run from receipt of the response or, where none was given,
    from the expiry of the 20-working-day deadline: pass that date as response_date.
    """
    basis, statutory = _basis(_REVIEW_REQUEST_BASIS, calendar)
    note = "The authority may accept a late request (FOISA s20(6))." if calendar.regime == "foisa" else ""
    due = calendar.add_working_days(response_date, EXTENDED_WORKING_DAYS)
    return Deadline(due, basis, statutory, note)


def review_response_due(review_received: date, calendar: WorkingCalendar) -> Deadline:
    """Return the review deadline: 20 working days after receipt (FOISA s21(1); EISR reg 16; FOIA good practice)."""
    basis, statutory = _basis(_REVIEW_RESPONSE_BASIS, calendar)
    due = calendar.add_working_days(review_received, RESPONSE_WORKING_DAYS)
    return Deadline(due, basis, statutory)


def eir_review_response_due(review_received: date, calendar: WorkingCalendar) -> Deadline:
    """Return the statutory EIR reconsideration deadline: 40 working days after the representations (reg 11(4))."""
    due = calendar.add_working_days(review_received, EXTENDED_WORKING_DAYS)
    return Deadline(due, "EIR reg 11(4)")


# A review outcome's working days, counted from the review request, and where they come from.
REVIEW_OUTCOME_CLOCK: dict[str, tuple[int, str]] = {
    "foia": (RESPONSE_WORKING_DAYS, "the s45 Code of Practice: guidance"),
    "eir": (EXTENDED_WORKING_DAYS, "EIR reg 11(4)"),
    "foisa": (RESPONSE_WORKING_DAYS, "FOISA s21(1)"),
    "eisr": (RESPONSE_WORKING_DAYS, "EISR reg 16(4)"),
}


def letter_clock(regime: str, letter: str, received: date, review_requested: date | None) -> tuple[date, int]:
    """Return the day a letter's working days count from, and how many there are.

    A review outcome counts from the review request when it is recorded (REVIEW_OUTCOME_CLOCK).
    Every other letter counts 20 from receipt of the request (FOIA s10(1); FOISA s10(1); EIR/EISR reg 5(2)).
    """
    if letter == "review-outcome" and review_requested is not None:
        return review_requested, REVIEW_OUTCOME_CLOCK.get(regime, REVIEW_OUTCOME_CLOCK["foia"])[0]
    return received, RESPONSE_WORKING_DAYS


def commissioner_application_deadline(regime: str, decision_date: date) -> Deadline:
    """Return the last day to apply to the Commissioner after the review outcome (or its deadline).

    FOISA/EISR: six calendar months (FOISA s47(4); EISR reg 17) — statutory.
    FOIA/EIR: six weeks — ICO guidance only, not statute (FOIA s50 sets no time limit).
    """
    key = normalise_regime(regime)
    if key in ("foisa", "eisr"):
        basis = "FOISA s47(4)" if key == "foisa" else "EISR reg 17 (applying FOISA s47(4))"
        return Deadline(add_calendar_months(decision_date, 6), basis)
    return Deadline(
        due=decision_date + timedelta(weeks=6),
        basis="ICO guidance (not statutory)",
        statutory=False,
        note="FOIA s50 sets no time limit; the ICO may decline complaints made after undue delay (s50(2)).",
    )


def court_of_session_deadline(decision_date: date) -> Deadline:
    """Return the last day to appeal an OSIC decision to the Court of Session: 42 calendar days."""
    return Deadline(
        due=decision_date + timedelta(days=42),
        basis="RCS r41.20(1)(b) (appeal under FOISA s56, point of law only)",
        note="Counted from intimation of the decision; not moved off weekends or holidays.",
    )


def tribunal_appeal_deadline(decision_date: date) -> Deadline:
    """Return the last day to appeal an ICO decision notice to the First-tier Tribunal: 28 calendar days."""
    return Deadline(
        due=decision_date + timedelta(days=28),
        basis="FOIA s57; First-tier Tribunal (General Regulatory Chamber) Rules",
        note="Counted from the date the decision notice was sent; not moved off weekends or holidays.",
    )


def working_days_left(today: date, due: date, calendar: WorkingCalendar) -> int:
    """Return working days from today to due: 0 on the due date, negative once it has passed.

    When overdue, the count runs to the next working day, so the weekend after a Friday
    deadline already reads -1.
    """
    if today <= due:
        return calendar.working_days_between(today, due)
    return -calendar.working_days_between(due, calendar.next_working_day(today))
