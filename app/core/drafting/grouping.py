"""Compose a letter from what its parts share: one notice per outcome, one set of reasons per ground.

A request's questions often end the same way. Rather than repeat a notice, a cost paragraph or an
exemption's reasons under every question, the letter groups the parts: each outcome gets one
decision paragraph naming the questions it covers, and each ground of refusal one section whose
exemptions are written once, each naming the questions it covers.
"""

from __future__ import annotations

import dataclasses

from app.core.drafting.context import ExemptionView, GroupView, PartView

# Outcomes in the order their decisions appear in a letter.
OUTCOME_ORDER = ("disclosed", "partial", "ncnd", "not-held", "cost-limit", "vexatious", "repeated")
# Outcomes that share one decision: a refusal notice for information withheld in part or in full.
DECISION_OUTCOMES = {"partial": ("partial", "withheld")}

# Grounds of refusal: the reasons sections, and which outcomes each one covers.
GROUNDS: dict[str, tuple[str, ...]] = {
    "exemption": ("partial", "withheld"),
    "ncnd": ("ncnd",),
    "not-held": ("not-held",),
    "cost": ("cost-limit",),
    "vexatious": ("vexatious",),
    "repeated": ("repeated",),
}
GROUND_HEADINGS = {
    "exemption": "Information we are withholding",
    "ncnd": "Why we can neither confirm nor deny",
    "not-held": "Information we do not hold",
    "cost": "The cost of answering your request",
    "vexatious": "Why we are not answering your request",
    "repeated": "Why we are not answering your request again",
}


def questions_text(numbers: list[int], total: int) -> str:
    """Name the questions a passage covers: 'your request', 'question 2', 'questions 1, 2 and 5'."""
    if total <= 1 or len(numbers) == total:
        return "your request"
    if len(numbers) == 1:
        return f"question {numbers[0]}"
    listed = [str(n) for n in numbers]
    return f"questions {', '.join(listed[:-1])} and {listed[-1]}"


def outcome_groups(parts: list[PartView]) -> list[GroupView]:
    """Return one group per outcome present, in letter order."""
    groups = []
    for outcome in OUTCOME_ORDER:
        covered = DECISION_OUTCOMES.get(outcome, (outcome,))
        members = [p for p in parts if p.outcome in covered]
        if members:
            groups.append(_group(outcome, covered, members, len(parts), ""))
    return groups


def part_group(part: PartView, total: int) -> GroupView:
    """Return the decision group of one part on its own (for letters written part by part)."""
    return _group(part.outcome, (part.outcome,), [part], total, "")


def grounds(parts: list[PartView]) -> list[GroupView]:
    """Return one group per ground of refusal present, in letter order."""
    found = []
    for kind, outcomes in GROUNDS.items():
        members = [p for p in parts if p.outcome in outcomes]
        if members:
            found.append(_group(kind, outcomes, members, len(parts), GROUND_HEADINGS[kind]))
    return found


REVIEW_ORDER = ("upheld", "upheld-with-changes", "overturned", "new-decision")
# The whole-request review decision of older case files, as a per-part decision.
CASE_REVIEW_DECISIONS = {
    "upheld": "upheld",
    "upheld-modified": "upheld-with-changes",
    "substituted": "overturned",
    "overturned": "overturned",
}


def review_groups(parts: list[PartView]) -> list[GroupView]:
    """Return one group per review decision recorded, in letter order (unrecorded parts are left out)."""
    groups = []
    for decision in REVIEW_ORDER:
        members = [p for p in parts if p.review_decision == decision]
        if members:
            groups.append(_group(decision, tuple(p.outcome for p in members), members, len(parts), ""))
    return groups


def _group(kind: str, outcomes: tuple[str, ...], members: list[PartView], total: int, heading: str) -> GroupView:
    numbers = [p.number for p in members]
    return GroupView(
        kind=kind,
        outcomes=[o for o in outcomes if any(p.outcome == o for p in members)],
        parts=members,
        numbers=numbers,
        questions=questions_text(numbers, total),
        all_parts=len(numbers) == total,
        exemptions=shared_exemptions(members, total),
        heading=heading,
        qualified=any(e.qualified for p in members for e in p.exemptions),
        partial_questions=_questions_with(members, "partial", total),
        withheld_questions=_questions_with(members, "withheld", total),
        explained=any(str(p.answer).strip() for p in members),
    )


def _questions_with(members: list[PartView], outcome: str, total: int) -> str:
    """Name the members with one outcome ('' when none has it)."""
    numbers = [p.number for p in members if p.outcome == outcome]
    return questions_text(numbers, total) if numbers else ""


def shared_exemptions(parts: list[PartView], total: int) -> list[ExemptionView]:
    """Return each exemption the parts cite once, naming the questions that rely on it."""
    numbers: dict[str, list[int]] = {}
    first: dict[str, ExemptionView] = {}
    for part in parts:
        for exemption in part.exemptions:
            first.setdefault(exemption.cite, exemption)
            numbers.setdefault(exemption.cite, []).append(part.number)
    return [
        dataclasses.replace(
            view,
            numbers=numbers[cite],
            questions=questions_text(numbers[cite], total),
            for_questions="" if len(numbers[cite]) == total else questions_text(numbers[cite], total),
        )
        for cite, view in first.items()
    ]
