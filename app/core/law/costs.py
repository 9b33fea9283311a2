"""Cost limits for FOI requests (FOIA s12 / FOISA s12) and estimates of the cost of compliance."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.core.law.calendar import normalise_regime

PENNY = Decimal("0.01")


class Activity(enum.Enum):
    """A task whose staff time may (or may not) count towards the cost limit."""

    DETERMINING_WHETHER_HELD = "determining whether the information is held"
    LOCATING = "locating the information or a document containing it"
    RETRIEVING = "retrieving the information or a document containing it"
    EXTRACTING = "extracting the information from a document containing it"
    PROVIDING = "providing the information to the applicant"
    CONSIDERING_EXEMPTIONS = "deciding whether the information is exempt or should be disclosed"
    REDACTING = "redacting exempt information"


_FOIA_COUNTED = (
    Activity.DETERMINING_WHETHER_HELD,
    Activity.LOCATING,
    Activity.RETRIEVING,
    Activity.EXTRACTING,
)
_FOIA_EXCLUDED = (Activity.CONSIDERING_EXEMPTIONS, Activity.REDACTING, Activity.PROVIDING)
_FOISA_COUNTED = (Activity.LOCATING, Activity.RETRIEVING, Activity.PROVIDING)
_FOISA_EXCLUDED = (Activity.DETERMINING_WHETHER_HELD, Activity.CONSIDERING_EXEMPTIONS)

_FOIA_REGS = (
    "Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004 (SI 2004/3244), regs 3–4"
)
_FOISA_REGS = (
    "Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004 (SSI 2004/467), regs 3 and 5"
)


@dataclass(frozen=True)
class CostLimit:
    """The cost ceiling of a regime, the staff rate used to reach it, and what counts towards it."""

    regime: str
    limit: Decimal
    hourly_rate: Decimal
    hours_cap: Decimal
    regulations: str
    counted: tuple[Activity, ...]
    excluded: tuple[Activity, ...]
    statutory: bool = True
    rate_is_maximum: bool = False
    note: str = ""

    @property
    def counted_activities(self) -> list[str]:
        """Return the activities whose staff time counts, in words."""
        return [activity.value for activity in self.counted]

    @property
    def excluded_activities(self) -> list[str]:
        """Return the activities whose staff time must be left out, in words."""
        return [activity.value for activity in self.excluded]


@dataclass(frozen=True)
class CostAssessment:
    """The outcome of estimating the cost of compliance against a cost limit."""

    limit: CostLimit
    hours: Decimal
    hourly_rate: Decimal
    estimated_cost: Decimal
    exceeds: bool
    rate_capped: bool = False
    disregarded: tuple[tuple[Activity, Decimal], ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def headroom(self) -> Decimal:
        """Return the money left under the limit (negative when over it)."""
        return self.limit.limit - self.estimated_cost


def cost_limit_for(regime: str, central_government: bool = False) -> CostLimit:
    """Return the cost limit of a regime; central_government selects FOIA's £600 Schedule 1 Part I limit.

    EIR and EISR have no statutory cost limit (a burdensome request is "manifestly unreasonable",
    EIR reg 12(4)(b) / EISR reg 10(4)(b)); the FOIA/FOISA figures are returned as an indicator
    with statutory=False.
    """
    key = normalise_regime(regime)
    if key in ("foisa", "eisr"):
        return _scottish_limit(key)
    return _uk_limit(key, central_government)


def _uk_limit(regime: str, central_government: bool) -> CostLimit:
    """Return the FOIA appropriate limit (or its EIR indicator)."""
    limit = Decimal(600) if central_government else Decimal(450)
    rate = Decimal(25)
    statutory = regime == "foia"
    note = (
        "£600 applies to bodies in Schedule 1 Part I of FOIA (government departments, Parliament, "
        "devolved legislatures, armed forces); £450 to all other public authorities."
    )
    if not statutory:
        note = "No statutory cost limit under the EIR: use reg 12(4)(b) (manifestly unreasonable). " + note
    return CostLimit(
        regime=regime,
        limit=limit,
        hourly_rate=rate,
        hours_cap=limit / rate,
        regulations=_FOIA_REGS,
        counted=_FOIA_COUNTED,
        excluded=_FOIA_EXCLUDED,
        statutory=statutory,
        note=note,
    )


def _scottish_limit(regime: str) -> CostLimit:
    """Return the FOISA prescribed amount (or its EISR indicator)."""
    limit, rate = Decimal(600), Decimal(15)
    statutory = regime == "foisa"
    note = "Staff time is charged at the actual rate up to a maximum of £15 an hour per member of staff."
    if not statutory:
        note = "No statutory cost limit under the EISR: use reg 10(4)(b) (manifestly unreasonable). " + note
    return CostLimit(
        regime=regime,
        limit=limit,
        hourly_rate=rate,
        hours_cap=limit / rate,
        regulations=_FOISA_REGS,
        counted=_FOISA_COUNTED,
        excluded=_FOISA_EXCLUDED,
        statutory=statutory,
        rate_is_maximum=True,
        note=note,
    )


def assess_cost(
    limit: CostLimit,
    hours: Decimal | int | float | str | None = None,
    hourly_rate: Decimal | int | float | str | None = None,
    activities: Mapping[Activity | str, Decimal | int | float | str] | None = None,
) -> CostAssessment:
    """Estimate the cost of compliance from total counted hours or hours per activity.

    Hours spent on activities the regime excludes (or does not mention) are left out and
    reported. Under FOIA the rate is fixed at £25; under FOISA the staff rate given is
    capped at £15 an hour.
    """
    if hours is None and activities is None:
        raise ValueError("give the estimated hours or the hours per activity")
    notes: list[str] = []
    counted_hours = _to_decimal(hours, "hours") if hours is not None else Decimal(0)
    disregarded: list[tuple[Activity, Decimal]] = []
    for activity, spent in _activity_hours(activities or {}).items():
        if activity in limit.counted:
            counted_hours += spent
        else:
            disregarded.append((activity, spent))
            if activity not in limit.excluded:
                notes.append(f"Not counted: the regulations do not mention {activity.value}.")
    rate, capped, rate_note = _applied_rate(limit, hourly_rate)
    notes += [rate_note] if rate_note else []
    cost = (counted_hours * rate).quantize(PENNY, rounding=ROUND_HALF_UP)
    return CostAssessment(
        limit=limit,
        hours=counted_hours,
        hourly_rate=rate,
        estimated_cost=cost,
        exceeds=cost > limit.limit,
        rate_capped=capped,
        disregarded=tuple(disregarded),
        notes=tuple(notes),
    )


def _activity_hours(activities: Mapping[Activity | str, Decimal | int | float | str]) -> dict[Activity, Decimal]:
    """Return hours per Activity, accepting enum members, their names or their wording as keys."""
    result: dict[Activity, Decimal] = {}
    for key, spent in activities.items():
        activity = _to_activity(key)
        result[activity] = result.get(activity, Decimal(0)) + _to_decimal(spent, activity.name.lower())
    return result


def _to_activity(key: Activity | str) -> Activity:
    """Return the Activity named by key, or raise ValueError."""
    if isinstance(key, Activity):
        return key
    wanted = key.strip().lower().replace(" ", "_").replace("-", "_")
    for activity in Activity:
        if wanted in (activity.name.lower(), activity.value.replace(" ", "_")):
            return activity
    raise ValueError(f"unknown activity {key!r}")


def _applied_rate(limit: CostLimit, hourly_rate: Decimal | int | float | str | None) -> tuple[Decimal, bool, str]:
    """Return the hourly rate to use, whether it was capped, and a note explaining any change."""
    if hourly_rate is None:
        return limit.hourly_rate, False, ""
    asked = _to_decimal(hourly_rate, "hourly rate")
    if limit.rate_is_maximum:
        if asked > limit.hourly_rate:
            return (
                limit.hourly_rate,
                True,
                (
                    f"Staff rate of {format_money(asked)} an hour capped at "
                    f"{format_money(limit.hourly_rate)} (SSI 2004/467 reg 3)."
                ),
            )
        return asked, False, ""
    if asked != limit.hourly_rate:
        return (
            limit.hourly_rate,
            False,
            (
                f"Staff time is always costed at {format_money(limit.hourly_rate)} an hour (SI 2004/3244 reg 4(4)), "
                f"not {format_money(asked)}."
            ),
        )
    return asked, False, ""


def _to_decimal(value: Decimal | int | float | str, what: str) -> Decimal:
    """Return value as a non-negative Decimal (floats via their shortest text form)."""
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValueError(f"{what} must be a number, not {value!r}") from None
    if not number.is_finite() or number < 0:
        raise ValueError(f"{what} must be zero or more, not {value!r}")
    return number


def format_money(amount: Decimal | int) -> str:
    """Return an amount in pounds: "£600" for whole pounds, otherwise "£1,012.50"."""
    value = Decimal(amount).quantize(PENNY, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value == value.to_integral_value():
        return f"{sign}£{int(value):,}"
    return f"{sign}£{value:,.2f}"
