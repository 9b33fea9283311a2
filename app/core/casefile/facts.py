"""Facts the law needs that wording depends on: recorded by the officer, never assumed.

Each fact here is a case field. Clause wording that states one of them reads it from the case, and
a fact the law requires that is not recorded is an error (see app/core/law/facts.py), never a
default sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

LAYOUTS = ("quoted-request", "question-by-question")
PART_REVIEW_DECISIONS = ("upheld", "upheld-with-changes", "overturned", "new-decision")
LIKELIHOODS = {"would": "would", "would be likely to": "would be likely to", "likely": "would be likely to"}


class Reader(Protocol):
    """What fact readers need of the case-file reader (app/core/casefile/model.py)."""

    def text(self, data: dict[str, Any], key: str, where: str, required: bool = False) -> str: ...
    def date(self, data: dict[str, Any], key: str, where: str, required: bool = False) -> dt.date | None: ...
    def mapping(self, data: Any, where: str) -> dict[str, Any]: ...
    def decimal(self, value: Any, where: str) -> Decimal | None: ...
    def problem(self, where: str, message: str) -> None: ...


@dataclass
class PartReview:
    """The internal review's decision on one part, with the reviewer's reasons."""

    decision: str | None = None
    reasons: str = ""


@dataclass
class Publication:
    """When withheld information is to be published (FOIA s22, FOISA s27(1))."""

    date: dt.date | None = None
    within_12_weeks: bool = False


@dataclass
class Reasoning:
    """The officer's own reasons for one exemption in this case (harm and public interest)."""

    harm: str = ""
    for_disclosure: str = ""
    against: str = ""
    balance: str = ""
    likelihood: str = ""  # "would" or "would be likely to": the level of harm claimed ("" = not recorded)

    def is_empty(self) -> bool:
        """Tell whether the officer has written nothing."""
        return not (self.harm or self.for_disclosure or self.against or self.balance or self.likelihood)


@dataclass
class RequestCost:
    """The officer's cost estimate for the whole request (FOIA/FOISA s12 apply to the request)."""

    hours: Decimal | None = None
    aggregated: bool = False
    aggregation_reason: str = ""


@dataclass
class PartFacts:
    """Yes/no and dated facts about the information in one part that wording depends on."""

    review: PartReview | None = None
    publication: Publication | None = None
    purposes: list[str] = field(default_factory=list)
    matter_live: bool | None = None
    emissions: bool | None = None


# ---------------------------------------------------------------- reading


def read_flag(r: Reader, data: dict[str, Any], key: str, where: str) -> bool | None:
    """Read a yes/no fact: only YAML true/false, never a truthy string; None when not recorded."""
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    r.problem(where, f"must be true or false, not {value!r}")
    return None


def read_part_facts(r: Reader, data: dict[str, Any], where: str) -> PartFacts:
    """Read the facts of one part."""
    return PartFacts(
        review=_read_part_review(r, data.get("review"), f"{where}.review"),
        publication=_read_publication(r, data.get("publication"), f"{where}.publication"),
        purposes=_read_texts(r, data.get("purposes"), f"{where}.purposes"),
        matter_live=read_flag(r, data, "matter_live", f"{where}.matter_live"),
        emissions=read_flag(r, data, "emissions", f"{where}.emissions"),
    )


def _read_part_review(r: Reader, raw: Any, where: str) -> PartReview | None:
    if raw is None:
        return None
    data = r.mapping(raw, where)
    decision = data.get("decision")
    if decision is not None and decision not in PART_REVIEW_DECISIONS:
        r.problem(f"{where}.decision", f"must be one of {', '.join(PART_REVIEW_DECISIONS)}, not {decision!r}")
        decision = None
    return PartReview(decision=decision, reasons=r.text(data, "reasons", f"{where}.reasons"))


def _read_publication(r: Reader, raw: Any, where: str) -> Publication | None:
    if raw is None:
        return None
    data = r.mapping(raw, where)
    within = read_flag(r, data, "within_12_weeks", f"{where}.within_12_weeks")
    return Publication(date=r.date(data, "date", f"{where}.date"), within_12_weeks=bool(within))


def _read_texts(r: Reader, raw: Any, where: str) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        r.problem(where, "must be a list of provisions, such as ['31(2)(a)']")
        return []
    return [x.strip() for x in raw]


def read_reasoning(r: Reader, raw: Any, where: str = "reasoning") -> dict[str, Reasoning]:
    """Read the officer's reasons, keyed by the section as cited in the parts."""
    data = r.mapping(raw, where)
    out: dict[str, Reasoning] = {}
    for cite, value in data.items():
        at = f"{where}.{cite}"
        item = r.mapping(value, at)
        out[str(cite).strip()] = Reasoning(
            harm=r.text(item, "harm", f"{at}.harm"),
            for_disclosure=r.text(item, "for", f"{at}.for"),
            against=r.text(item, "against", f"{at}.against"),
            balance=r.text(item, "balance", f"{at}.balance"),
            likelihood=_read_likelihood(r, item, f"{at}.likelihood"),
        )
    return out


def _read_likelihood(r: Reader, item: dict[str, Any], where: str) -> str:
    """Read the level of harm claimed: 'would' or 'would be likely to' ('likely' for short)."""
    value = " ".join(r.text(item, "likelihood", where).lower().split())
    if value and value not in LIKELIHOODS:
        r.problem(
            where, "must be 'would' (more probable than not) or 'would be likely to' (a real and significant risk)"
        )
        return ""
    return LIKELIHOODS.get(value, "")


def read_request_cost(r: Reader, raw: Any, where: str = "cost") -> RequestCost | None:
    """Read the request-level cost estimate, when given."""
    if raw is None:
        return None
    data = r.mapping(raw, where)
    aggregated = read_flag(r, data, "aggregated", f"{where}.aggregated")
    return RequestCost(
        hours=r.decimal(data.get("hours"), f"{where}.hours"),
        aggregated=bool(aggregated),
        aggregation_reason=r.text(data, "aggregation_reason", f"{where}.aggregation_reason"),
    )


# ---------------------------------------------------------------- saving


def part_facts_data(facts: PartFacts) -> dict[str, Any]:
    """Return the facts of a part as plain data (only what is recorded)."""
    data: dict[str, Any] = {}
    if facts.review is not None:
        data["review"] = _drop_empty({"decision": facts.review.decision, "reasons": facts.review.reasons})
    if facts.publication is not None:
        pub = facts.publication
        data["publication"] = _drop_empty({"date": pub.date, "within_12_weeks": pub.within_12_weeks or None})
    if facts.purposes:
        data["purposes"] = list(facts.purposes)
    for key in ("matter_live", "emissions"):
        value = getattr(facts, key)
        if value is not None:
            data[key] = value
    return data


def reasoning_data(reasoning: dict[str, Reasoning]) -> dict[str, Any]:
    """Return the officer's reasons as plain data."""
    return {
        cite: _drop_empty(
            {
                "harm": r.harm,
                "for": r.for_disclosure,
                "against": r.against,
                "balance": r.balance,
                "likelihood": r.likelihood,
            }
        )
        for cite, r in reasoning.items()
        if not r.is_empty()
    }


def request_cost_data(cost: RequestCost) -> dict[str, Any]:
    """Return the request-level cost estimate as plain data."""
    hours = cost.hours
    data: dict[str, Any] = {}
    if hours is not None:
        data["hours"] = int(hours) if hours == hours.to_integral_value() else float(hours)
    if cost.aggregated:
        data["aggregated"] = True
    if cost.aggregation_reason:
        data["aggregation_reason"] = cost.aggregation_reason
    return data


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}
