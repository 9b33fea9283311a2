"""Cost limits for FOI requests (FOIA s12 / FOISA s12) and estimates of the cost of compliance."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from typing import Any

from app.core.law.calendar import normalise_regime
from app.core.law.dated import valid_on
from app.core.paths import LAW_DIR
from app.core.storage import yamlio

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


def cost_limit_for(regime: str, central_government: bool = False, on: dt.date | None = None) -> CostLimit:
    """Return the cost limit of a regime on a letter date (today when not given).

    central_government selects FOIA's Schedule 1 Part I limit. EIR and EISR have no statutory cost
    limit (a burdensome request is "manifestly unreasonable", EIR reg 12(4)(b) / EISR reg 10(4)(b));
    the FOIA/FOISA figures are returned as an indicator with statutory=False.
    """
    key = normalise_regime(regime)
    scottish = key in ("foisa", "eisr")
    row = valid_on(_periods()["foisa" if scottish else "foia"], on or dt.date.today())
    limit = Decimal(row["schedule_1_part_1"] if central_government else row["other"])
    rate = Decimal(row["hourly_rate"])
    statutory = key in ("foia", "foisa")
    note = _note(row, scottish)
    if not statutory:
        law = "EISR: use reg 10(4)(b)" if scottish else "EIR: use reg 12(4)(b)"
        note = f"No statutory cost limit under the {law} (manifestly unreasonable). " + note
    return CostLimit(
        regime=key,
        limit=limit,
        hourly_rate=rate,
        hours_cap=limit / rate,
        regulations=_FOISA_REGS if scottish else _FOIA_REGS,
        counted=_FOISA_COUNTED if scottish else _FOIA_COUNTED,
        excluded=_FOISA_EXCLUDED if scottish else _FOIA_EXCLUDED,
        statutory=statutory,
        rate_is_maximum=row.get("rate_is_maximum") is True,
        note=note,
    )


def _note(row: Mapping[str, Any], scottish: bool) -> str:
    """Explain the figures of a period in words."""
    if scottish:
        rate = format_money(Decimal(row["hourly_rate"]))
        return f"Staff time is charged at the actual rate up to a maximum of {rate} an hour per member of staff."
    part_1, other = format_money(Decimal(row["schedule_1_part_1"])), format_money(Decimal(row["other"]))
    return (
        f"{part_1} applies to bodies in Schedule 1 Part I of FOIA (government departments, Parliament, "
        f"devolved legislatures, armed forces); {other} to all other public authorities."
    )


@cache
def _periods() -> dict[str, list[dict[str, Any]]]:
    """Return the dated cost limit periods of resources/law/costs.yaml (read once)."""
    text = (LAW_DIR / "costs.yaml").read_text(encoding="utf-8")
    data: dict[str, list[dict[str, Any]]] = yamlio.compose_and_load(text, lenient_dates=False)[1]
    return data


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
