"""Build the template views (CaseView, PartView, …) from a case, the registry and the calendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Any

from app.core.casefile.facts import Reasoning
from app.core.casefile.model import REFUSAL_OUTCOMES, Case, Part
from app.core.drafting.context import (
    CONTACT_KEYS,
    CaseView,
    ContactView,
    CostView,
    ExemptionView,
    PartView,
    PersonView,
    ReasonsView,
    ReviewView,
)
from app.core.drafting.grouping import CASE_REVIEW_DECISIONS, grounds, outcome_groups, questions_text, review_groups
from app.core.drafting.request_text import request_markdown
from app.core.drafting.salutation import salutation
from app.core.drafting.templating import Trusted
from app.core.law.authorities import foisa_s48, s36_absolute, schedule_1_part_1
from app.core.law.calendar import WorkingCalendar, calendar_for
from app.core.law.citations import CitationError, parse_citation
from app.core.law.contacts import load_contacts
from app.core.law.costs import assess_cost, cost_limit_for, format_money
from app.core.law.dated import Commencements
from app.core.law.deadlines import response_due, review_request_deadline
from app.core.law.ncnd import ncnd_is_absolute
from app.core.law.purposes import purpose_texts
from app.core.law.registry import Registry, load_registry
from app.core.law.regulators import RegulatorName, regulator_keys, regulator_on


def build_case_view(
    case: Case, today: dt.date, calendar: WorkingCalendar | None = None, commencements: Commencements | None = None
) -> CaseView:
    """Return what clause templates see of a case (commencements: the organisation's dates of dated law)."""
    registry = load_registry(case.regime)
    calendar = calendar or calendar_for(case.regime)
    letter_date = case.letter_date(today)
    limit = cost_limit_for(case.regime, schedule_1_part_1(case.authority), letter_date)
    reasoning = _reasoning_by_cite(case, registry)
    decision = case.review.decision if case.review else None
    parts = [
        _part_view(i + 1, p, registry, limit, reasoning, len(case.parts), decision, s36_absolute(case.authority))
        for i, p in enumerate(case.parts)
    ]
    due = response_due(case.received, calendar)
    contacts = contact_views(letter_date, commencements)
    return CaseView(
        regime=case.regime,
        regime_name=registry.name,
        act=registry.short_name,
        provision_word=registry.provision_word,
        letter=case.letter,
        reference=case.reference,
        received=case.received,
        date=letter_date,
        due=due,
        late=letter_date > due,
        authority=_person(case.authority.name, case.authority.address, case.authority.email, case.authority.phone),
        foi_contact=_foi_contact(case),
        requester=_person(case.requester.name, case.requester.address, case.requester.email),
        signatory=_person(case.signatory.name, role=case.signatory.role),
        request=Trusted(request_markdown(case.request)),
        parts=parts,
        multi_part=len(parts) > 1,
        outcomes=list(dict.fromkeys(p.outcome for p in parts)),
        exemptions=_distinct_exemptions(parts),
        refusal=any(p.outcome in REFUSAL_OUTCOMES for p in parts),
        cost=_cost_view(case, limit),
        regulator=contacts[registry.regulator],
        review=_review_view(case),
        clarification=Trusted(case.clarification),
        extension_date=case.extension_date,
        fee=format_money(case.fee) if case.fee is not None else "",
        review_deadline=review_request_deadline(letter_date, calendar).due,
        layout=case.layout,
        salutation=salutation(case.requester.name, case.salutation),
        decisions=outcome_groups(parts),
        grounds=grounds(parts),
        review_groups=review_groups(parts),
        s48=_s48(case),
        authority_kind=case.authority.kind,
        burden_reasons=_burden_reasons(case, reasoning),
    )


BURDEN_OUTCOMES = ("cost-limit", "vexatious", "repeated")


def burden_exception(regime: str, outcome: str) -> str:
    """Return the exception a part refused on burden rests on (EIR 12(4)(b), EISR 10(4)(b)); "" otherwise."""
    return load_registry(regime).manifestly_unreasonable if outcome in BURDEN_OUTCOMES else ""


def _burden_reasons(case: Case, reasoning: dict[str, Reasoning]) -> ReasonsView:
    """Return the officer's reasons for the manifestly unreasonable exception, when a burden refusal relies on it."""
    cite = next((c for c in (burden_exception(case.regime, p.outcome) for p in case.parts) if c), "")
    if not cite:
        return ReasonsView()
    reasons = reasoning.get(cite, Reasoning())
    return ReasonsView(Trusted(reasons.for_disclosure), Trusted(reasons.against), Trusted(reasons.balance))


def _s48(case: Case) -> str:
    """Return how far FOISA s48 bars an application to the Commissioner: '', 'partial' or 'full'."""
    kind = foisa_s48(case.authority) if case.regime in ("foisa", "eisr") else None
    if kind is None:
        return ""
    return "partial" if kind.partial_s48 else "full"


def request_hours(case: Case) -> Decimal | None:
    """Return the officer's estimate for the whole request: its own, else the total of the parts'."""
    if case.cost is not None and case.cost.hours is not None:
        return case.cost.hours
    hours = [p.cost_hours for p in case.parts if p.outcome == "cost-limit" and p.cost_hours is not None]
    return sum(hours, Decimal(0)) if hours else None


def _cost_view(case: Case, limit: Any) -> CostView:
    """Return the cost limit with the request-level estimate, if any."""
    hours = request_hours(case)
    estimate = assess_cost(limit, hours=hours) if hours is not None else None
    aggregated = case.cost is not None and case.cost.aggregated
    return CostView(
        limit=format_money(limit.limit),
        rate=format_money(limit.hourly_rate),
        hours=_number(limit.hours_cap),
        regulations=limit.regulations,
        statutory=limit.statutory,
        estimate_hours=_number(hours) if hours is not None else "",
        estimate=format_money(estimate.estimated_cost) if estimate else "",
        exceeds=bool(estimate and estimate.exceeds),
        aggregated=aggregated,
        aggregation_reason=Trusted(case.cost.aggregation_reason if case.cost else ""),
    )


def contact_views(day: dt.date | None = None, commencements: Commencements | None = None) -> dict[str, ContactView]:
    """Return the contact details of other bodies, keyed as in contacts.yaml, as named on a letter date.

    The regulators' names come from the dated law (resources/law/regulators.yaml) valid on day
    (today when not given), with the organisation's commencement dates.
    """
    return _contact_views(day or dt.date.today(), tuple(sorted((commencements or {}).items())))


@lru_cache(maxsize=8)
def _contact_views(day: dt.date, commencements: tuple[tuple[str, dt.date], ...]) -> dict[str, ContactView]:
    """Build the contact views for one date (cached: every clause of a letter asks)."""
    raw = load_contacts()
    dated = {key: regulator_on(key, day, dict(commencements)) for key in regulator_keys()}
    return {key: _contact(raw.get(key, {}), dated.get(key)) for key in CONTACT_KEYS}


def _contact(data: dict[str, Any], named: RegulatorName | None = None) -> ContactView:
    """Build a contact view from a contacts.yaml entry, named as the dated law names it when it is a regulator."""
    name = str(data.get("name") or "")
    return ContactView(
        name=named.office if named else name,
        title=named.title if named else name,
        short=named.short if named else name,
        abbreviation=named.abbreviation if named else name,
        first_mention=named.first_mention if named else name,
        address=[str(x) for x in data.get("address") or []],
        phone=str(data.get("phone") or ""),
        email=str(data.get("email") or ""),
        website=str(data.get("website") or ""),
        complaint_url=str(data.get("complaint_url") or ""),
    )


def _person(
    name: str, address: list[str] | None = None, email: str = "", phone: str = "", role: str = ""
) -> PersonView:
    """Build a person view."""
    return PersonView(name=name, address=list(address or []), email=email, phone=phone, role=role)


def _foi_contact(case: Case) -> PersonView:
    """Return where requesters write for a review: the FOI unit, else the authority."""
    a = case.authority
    name = f"{a.foi_unit}, {a.name}" if a.foi_unit else a.name
    return _person(name, a.foi_address or a.address, a.foi_email or a.email, a.phone)


def _reasoning_by_cite(case: Case, registry: Registry) -> dict[str, Reasoning]:
    """Return the officer's reasons keyed by canonical citation (officers write sections many ways)."""
    out: dict[str, Reasoning] = {}
    for cite, reasons in case.reasoning.items():
        try:
            out[str(parse_citation(cite))] = reasons
        except CitationError:
            continue
    return out


def _with_part_facts(
    view: ExemptionView,
    part: Part,
    number: int,
    reasons: Reasoning | None,
    registry: Registry,
    total: int,
    houses: bool = False,
) -> ExemptionView:
    """Return an exemption view carrying this part's facts and the officer's reasons for it.

    houses: the authority is either House of Parliament, for which s36 is absolute (FOIA s2(3)(e)).
    """
    facts = part.facts
    publication = facts.publication
    reasons = reasons or Reasoning()
    ncnd = part.outcome == "ncnd"
    absolute = view.absolute or (ncnd and ncnd_is_absolute(registry.regime, view.ncnd_provision))
    absolute = absolute or (registry.regime == "foia" and view.key.startswith("36") and houses)
    return dataclasses.replace(
        view,
        absolute=absolute,
        qualified=not absolute,
        numbers=[number],
        questions=questions_text([number], total),
        ncnd=ncnd,
        harm=Trusted(reasons.harm),
        likelihood=reasons.likelihood or "would be likely to",
        for_disclosure=Trusted(reasons.for_disclosure),
        against=Trusted(reasons.against),
        balance=Trusted(reasons.balance),
        opinion_by=part.opinion.by if part.opinion else "",
        opinion_date=part.opinion.date if part.opinion else None,
        publication_date=publication.date if publication else None,
        within_12_weeks=bool(publication and publication.within_12_weeks),
        purposes=purpose_texts(registry.regime, facts.purposes, registry.provision_word),
        matter_live=facts.matter_live is True,
        not_emissions=facts.emissions is False,
    )


def part_review_decision(part: Part, case_review: str | None) -> str:
    """Return the review decision for a part: its own, else the one recorded for the whole request."""
    own = part.facts.review.decision if part.facts.review else None
    return own or CASE_REVIEW_DECISIONS.get(case_review or "", "")


def _part_view(
    number: int,
    part: Part,
    registry: Registry,
    limit: Any,
    reasoning: dict[str, Reasoning],
    total: int,
    case_review: str | None = None,
    houses: bool = False,
) -> PartView:
    """Build the view of one part."""
    exemptions = [
        _with_part_facts(view, part, number, reasoning.get(view.cite), registry, total, houses)
        for view in (exemption_view(e, registry) for e in part.exemptions)
        if view
    ]
    review_decision = part_review_decision(part, case_review)
    estimate = ""
    if part.cost_hours is not None:
        estimate = format_money(assess_cost(limit, hours=part.cost_hours).estimated_cost)
    return PartView(
        number=number,
        question=part.question,
        outcome=part.outcome,
        exemptions=exemptions,
        qualified_exemptions=[e for e in exemptions if e.qualified],
        answer=Trusted(part.answer),
        cost_hours=_number(part.cost_hours) if part.cost_hours is not None else "",
        cost_estimate=estimate,
        opinion_by=part.opinion.by if part.opinion else "",
        opinion_date=part.opinion.date if part.opinion else None,
        review_decision=review_decision,
        questions=questions_text([number], total),
        review_reasons=Trusted(part.facts.review.reasons if part.facts.review else ""),
    )


def exemption_view(text: str, registry: Registry) -> ExemptionView | None:
    """Return the view of a cited section, or None when it is not a provision of the regime."""
    try:
        citation = parse_citation(text)
    except CitationError:
        return None
    provisions = registry.lookup_all(citation)
    if not provisions:
        return None
    if not any(citation.startswith(p.cite) for p in provisions):
        citation = provisions[0].cite  # an NCND provision cited alone (40(5B)) stands for its exemption (40(2))
    first = provisions[0]
    tests = [p.test for p in provisions]
    absolute = all(p.absolute for p in provisions)
    return ExemptionView(
        cite=str(citation),
        cite_text=registry.cite_text(citation),
        key=str(first.cite),
        title="; ".join(dict.fromkeys(p.title for p in provisions)),
        absolute=absolute,
        qualified=not absolute,
        test="prejudice" if "prejudice" in tests else first.test,
        harm_wording=registry.harm_wording,
        ncnd_provision=first.ncnd or "",
        ncnd_cite_text=_ncnd_cite_text(citation, first.ncnd, registry),
    )


def _ncnd_cite_text(citation: Any, ncnd: str | None, registry: Registry) -> str:
    """Return 'section 30(3), read with section 30(1)', or just the NCND provision when that is what was cited."""
    if not ncnd:
        return registry.cite_text(citation)
    provision = parse_citation(ncnd)
    if citation.startswith(provision) or not ncnd[0].isdigit():
        return registry.cite_text(citation if citation.startswith(provision) else provision)
    return f"{registry.cite_text(provision)}, read with {registry.cite_text(citation)}"


def _distinct_exemptions(parts: list[PartView]) -> list[ExemptionView]:
    """Return each cited section once, in order of first citation."""
    seen: dict[str, ExemptionView] = {}
    for part in parts:
        for exemption in part.exemptions:
            seen.setdefault(exemption.cite, exemption)
    return list(seen.values())


def _review_view(case: Case) -> ReviewView | None:
    """Return the internal review facts, if any."""
    if case.review is None:
        return None
    r = case.review
    return ReviewView(
        requested=r.requested,
        original_reference=r.original_reference,
        original_date=r.original_date,
        decision=r.decision or "",
        reasons=Trusted(r.reasons),
        independent=r.independent is True,
    )


def _number(value: Decimal) -> str:
    """Return a number without a needless decimal part."""
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize())
