"""Facts the law needs before a letter may say something: each missing one is an error naming its field.

A letter never states a fact the officer has not recorded. These checks say which recorded facts
a case still lacks (the s36 opinion, a publication date, a s31(2) purpose, the estimated date of a
public interest decision, each part's review decision, a cost estimate over the limit), and
whether the harm and public interest reasons say anything about this case at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from app.core.casefile.model import Case, Part
from app.core.checks.findings import Finding
from app.core.drafting.context import ExemptionView, GroupView
from app.core.drafting.letter import Letter
from app.core.drafting.views import build_case_view, exemption_view, request_hours
from app.core.law.authorities import looks_like_part_1, schedule_1_part_1
from app.core.law.citations import CitationError, parse_citation
from app.core.law.costs import assess_cost, cost_limit_for, format_money
from app.core.law.purposes import needs_purpose, purpose_key
from app.core.law.registry import Registry, load_registry

ERROR, WARNING = "error", "warning"
NOTICE = {"foia": "s17(3)", "foisa": "s16(2)", "eir": "reg 14(3)(b)", "eisr": "reg 13(b)"}
REASONS = {"foia": "s17(1)(c)", "foisa": "s16(1)(d)", "eir": "reg 14(3)(a)", "eisr": "reg 13(a)"}
EMISSIONS = {"eir": "reg 12(9)", "eisr": "reg 10(6)"}


def fact_findings(case: Case) -> list[Finding]:
    """Return an error for every fact the law needs that the case does not record."""
    registry = load_registry(case.regime)
    found = list(_letter_facts(case, registry))
    for number, part in enumerate(case.parts, start=1):
        found += _part_facts(case, number, part, registry)
    return found


def _letter_facts(case: Case, registry: Registry) -> Iterator[Finding]:
    act = registry.short_name
    if case.letter == "pit-extension" and case.extension_date is None:
        law = f"{act} s17(2)" if case.regime == "foia" else f"{act} reg 7(1)"
        yield Finding(
            "extension-date",
            ERROR,
            law,
            "record the estimated date by which the public interest decision will be made (extension_date)",
        )
    if case.letter == "review-outcome":
        yield from _review_facts(case, act)
    yield from _cost_facts(case, act)
    yield from _schedule_1(case, act)


def _review_facts(case: Case, act: str) -> Iterator[Finding]:
    law = f"{act} s21" if case.regime == "foisa" else f"{act} review"
    if case.review is None or case.review.requested is None:
        yield Finding(
            "review-requested",
            ERROR,
            f"{law}(1)" if case.regime == "foisa" else law,
            "record the date the review was asked for (review.requested): the review deadline runs from it",
        )
    view = build_case_view(case, case.received)
    for part in view.parts:
        if not part.review_decision:
            yield Finding(
                "review-decision",
                ERROR,
                f"{law}(5)" if case.regime == "foisa" else law,
                f"record the review decision for question {part.number} (upheld, upheld-with-changes, "
                "overturned or new-decision): the letter must not assume one",
                part=part.number,
            )


def _cost_facts(case: Case, act: str) -> Iterator[Finding]:
    """s12 needs an estimate, over the limit that applies to this authority."""
    refused = [n for n, p in enumerate(case.parts, start=1) if p.outcome == "cost-limit"]
    if not refused or case.regime not in ("foia", "foisa"):
        return
    limit = cost_limit_for(case.regime, schedule_1_part_1(case.authority), case.letter_date(dt.date.today()))
    hours = request_hours(case)
    if hours is None:
        yield Finding(
            "cost-estimate",
            ERROR,
            f"{act} s12(1)",
            "record the estimated hours of staff time for the request (cost: hours): a refusal on cost "
            "rests on an estimate",
            part=refused[0],
        )
        return
    assessment = assess_cost(limit, hours=hours)
    if not assessment.exceeds:
        yield Finding(
            "cost-under-limit",
            ERROR,
            f"{act} s12(1)",
            f"the estimate of {hours} hours ({format_money(assessment.estimated_cost)}) does not exceed the "
            f"limit of {format_money(limit.limit)}, so section 12 does not apply",
            part=refused[0],
        )
    if case.cost is not None and case.cost.aggregated and not case.cost.aggregation_reason.strip():
        regulation = "SI 2004/3244 reg 5" if case.regime == "foia" else "SSI 2004/467 reg 6"
        yield Finding(
            "aggregation-reason",
            ERROR,
            regulation,
            "say why the requests were aggregated (cost: aggregation_reason)",
        )


def _schedule_1(case: Case, act: str) -> Iterator[Finding]:
    """A body that looks like a department but does not say whether it is in Schedule 1 Part I."""
    authority = case.authority
    unrecorded = authority.central_government is None and not authority.kind
    if case.regime in ("foia", "eir") and unrecorded and looks_like_part_1(authority.name):
        day = case.letter_date(dt.date.today())
        part_1, other = (format_money(cost_limit_for("foia", central, day).limit) for central in (True, False))
        yield Finding(
            "schedule-1",
            WARNING,
            "FOIA Sch 1 Part I",
            f"{authority.name} looks like a body in FOIA Schedule 1 Part I, whose cost limit is {part_1}, not "
            f"{other}: record authority.central_government (true or false) or its kind",
        )


def _part_facts(case: Case, number: int, part: Part, registry: Registry) -> list[Finding]:
    found: list[Finding] = []
    for text in part.exemptions:
        view = exemption_view(text, registry)
        provision = registry.lookup(text) if view else None
        if view is None or provision is None:
            continue
        for need in provision.needs:
            found += _need(case, need, number, part, view)
        if needs_purpose(case.regime, parse_citation(text)):
            found += _purposes(case, number, part, view, registry)
        if provision.emissions_override:
            found += _emissions(case, number, part, view, registry)
    return found


def _need(case: Case, need: str, number: int, part: Part, view: ExemptionView) -> list[Finding]:
    act = load_registry(case.regime).short_name
    if need == "qualified-person-opinion":
        if part.opinion is None or not part.opinion.by or part.opinion.date is None:
            return [
                Finding(
                    "s36-opinion",
                    ERROR,
                    f"{act} s36(2)",
                    f"{view.cite_text} needs the qualified person's reasonable opinion: record who gave it "
                    f"and when (question {number}: opinion by, date)",
                    part=number,
                )
            ]
    if need == "publication-date":
        publication = part.facts.publication
        ok = publication is not None and (publication.date or publication.within_12_weeks)
        if not ok:
            field = "publication: date or within_12_weeks" if case.regime == "foisa" else "publication: date"
            return [
                Finding(
                    "publication-date",
                    ERROR,
                    f"{act} {view.cite_text.replace('section ', 's')}",
                    f"{view.cite_text} needs the intended date of publication (question {number}: {field})",
                    part=number,
                )
            ]
    return []


def _purposes(case: Case, number: int, part: Part, view: ExemptionView, registry: Registry) -> list[Finding]:
    subsection = "s31(2)" if case.regime == "foia" else "s35(2)"
    act = registry.short_name
    if not part.facts.purposes:
        return [
            Finding(
                "purpose",
                ERROR,
                f"{act} {subsection}",
                f"{view.cite_text} protects functions exercised for a purpose in {subsection}: record which "
                f"(question {number}: purposes, e.g. ['{subsection[1:]}(a)'])",
                part=number,
            )
        ]
    unknown = [p for p in part.facts.purposes if purpose_key(case.regime, p) is None]
    return [
        Finding(
            "purpose",
            ERROR,
            f"{act} {subsection}",
            f"question {number}: {p!r} is not one of the purposes in {subsection} (a) to (j)",
            part=number,
        )
        for p in unknown
    ]


def _emissions(case: Case, number: int, part: Part, view: ExemptionView, registry: Registry) -> list[Finding]:
    law = f"{registry.short_name} {EMISSIONS[case.regime]}"
    if part.facts.emissions is None:
        return [
            Finding(
                "emissions",
                ERROR,
                law,
                f"{view.cite_text} cannot be used for information on emissions: record whether the information "
                f"is on emissions (question {number}: emissions: true or false)",
                part=number,
            )
        ]
    if part.facts.emissions:
        return [
            Finding(
                "emissions",
                ERROR,
                law,
                f"question {number} is information on emissions, so {view.cite_text} cannot be relied on",
                part=number,
            )
        ]
    return []


# ---------------------------------------------------------------- case-specific reasoning


def reasoning_findings(case: Case, letter: Letter) -> list[Finding]:
    """Flag harm and public interest reasons that are still only the library's generic text.

    Reasons count as case-specific when the officer has written them for this case: either in the
    case file's `reasoning` for the exemption (harm; for, against, balance), or by editing the
    harm or public interest block of the letter.
    """
    registry = load_registry(case.regime)
    view = build_case_view(case, case.received)
    found: list[Finding] = []
    for ground in view.grounds:
        for exemption in ground.exemptions:
            found += _generic(case, letter, registry, exemption, ground.numbers)
    return found + _generic_burden(case, letter, view.burden_reasons.balance, view.grounds)


def _needs_balancing(registry: Registry, cite: str) -> bool:
    """Tell whether the exemption's personal data reasoning weighs the people's rights (UK GDPR Art 6(1)(f))."""
    try:
        provision = registry.lookup(cite)
    except CitationError:
        return False
    return provision is not None and "balancing-test" in provision.needs


BURDEN_TOPICS = {"cost": "cost", "vexatious": "decision", "repeated": "decision"}  # where each ground's PIT is


def _generic_burden(case: Case, letter: Letter, balance: str, grounds: list[GroupView]) -> list[Finding]:
    """EIR/EISR burden refusals rest on the manifestly unreasonable exception, which needs its own balance."""
    cite = load_registry(case.regime).manifestly_unreasonable
    if not cite or str(balance).strip():
        return []
    found = []
    for ground in grounds:
        topic = BURDEN_TOPICS.get(ground.kind)
        block = letter.find(topic, ground.numbers[0]) if topic else None
        if block is None or block.removed or block.edited:
            continue
        found.append(
            Finding(
                "generic-burden-pit",
                ERROR,
                f"{load_registry(case.regime).short_name} {NOTICE[case.regime]}",
                f"the public interest reasons for regulation {cite} (manifestly unreasonable) are the library's "
                f"generic text; say why they apply to this request (reasoning: '{cite}': balance)",
                part=ground.numbers[0],
                block_key=block.key,
            )
        )
    return found


def _generic(
    case: Case, letter: Letter, registry: Registry, exemption: ExemptionView, numbers: list[int]
) -> list[Finding]:
    act = registry.short_name
    first = exemption.numbers[0] if exemption.numbers else numbers[0]
    found = []
    checks = [("harm", exemption.test == "prejudice", exemption.harm, REASONS, "the harm reasons")]
    balancing = not exemption.ncnd and _needs_balancing(registry, exemption.cite)
    checks.append(("personal-data", balancing, exemption.balance, REASONS, "the balancing-test reasons"))
    if exemption.ncnd:
        checks.append(("ncnd-pit", exemption.qualified, exemption.balance, NOTICE, "the public interest reasons"))
    else:
        checks.append(("pit", exemption.qualified, exemption.balance, NOTICE, "the public interest reasons"))
    for topic, applies, own, law, what in checks:
        if not applies or str(own).strip():
            continue
        block = letter.find(topic, first, exemption.cite)
        if block is None or block.removed or block.edited:
            continue
        found.append(
            Finding(
                f"generic-{topic}",
                ERROR,
                f"{act} {law[case.regime]}",
                f"{what} for {exemption.cite_text} are the library's generic text; say why they apply to this "
                f"information (reasoning: '{exemption.cite}': {'harm' if topic == 'harm' else 'balance'})",
                part=first,
                block_key=block.key,
            )
        )
    return found
