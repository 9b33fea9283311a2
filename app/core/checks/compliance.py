"""The compliance check: what the statute requires of this letter, and whether the letter has it.

Findings come from tracking which statutory element each block of the assembled (and edited)
letter provides, never from searching the text, so deleting the rights paragraph or emptying
the public interest reasons is caught.
"""

from __future__ import annotations

import datetime as dt

from app.core.casefile.authority import authority_problems
from app.core.casefile.model import Case
from app.core.casefile.places import officer_place
from app.core.casefile.rules import case_problems
from app.core.checks.case_facts import fact_findings, reasoning_findings
from app.core.checks.findings import SEVERITIES, Finding
from app.core.checks.requirements import Requirement, requirements_for
from app.core.drafting.letter import Letter
from app.core.drafting.library import Library
from app.core.law.calendar import WorkingCalendar, calendar_for
from app.core.law.deadlines import response_due
from app.core.law.letter_deadline import due_basis, letter_due, letter_period
from app.core.law.registry import load_registry

ERROR, WARNING, INFO = SEVERITIES
__all__ = ["ERROR", "INFO", "WARNING", "Finding", "check"]


def check(
    case: Case, letter: Letter, today: dt.date, calendar: WorkingCalendar | None = None, library: Library | None = None
) -> list[Finding]:
    """Return every finding for the letter as it stands (clause review dates need the library)."""
    calendar = calendar or calendar_for(case.regime)
    findings = [_missing(req, letter) for req in requirements_for(case, letter)]
    found = [f for f in findings if f is not None]
    found += _case_rules(case, today, calendar)
    found += _problem_findings(letter)
    found += _authority_findings(case)
    found += reasoning_findings(case, letter)
    if library is not None:
        found += _clause_findings(letter, library, today)
    return sorted(found, key=lambda f: (f.severity != ERROR, f.severity != WARNING, f.part or 0))


def _missing(req: Requirement, letter: Letter) -> Finding | None:
    """Return a finding when no visible block in scope provides the required element."""
    for block in letter.blocks():
        if req.element not in block.effective_provides:
            continue
        if req.part is not None and not block.covers_part(req.part):
            continue
        if req.exemption and block.exemption not in ("", req.exemption):
            continue
        return None
    section_key = f"part-{req.part}" if req.part else req.section
    block_key = _likely_block(letter, req)
    return Finding(
        rule=req.rule,
        severity=req.severity,
        citation=req.citation,
        message=req.message,
        part=req.part,
        block_key=block_key,
        section_key=section_key,
    )


def _likely_block(letter: Letter, req: Requirement) -> str | None:
    """Return the key of the block that would have provided the element, even if removed."""
    for block in letter.blocks():
        if req.element in block.provides and (req.part is None or block.covers_part(req.part)):
            if not req.exemption or block.exemption == req.exemption:
                return block.key
    return None


def _case_rules(case: Case, today: dt.date, calendar: WorkingCalendar) -> list[Finding]:
    """Findings about the case itself: dates, NCND use, s36 opinion."""
    registry = load_registry(case.regime)
    act = registry.short_name
    found: list[Finding] = []
    letter_date = case.letter_date(today)
    if letter_date < case.received:
        found.append(
            Finding(
                "letter-date-before-receipt",
                ERROR,
                f"{act} s10(1)",
                f"the letter is dated {letter_date.isoformat()}, before the request was received "
                f"({case.received.isoformat()})",
            )
        )
    if case.letter == "review-outcome" and case.review is not None and case.review.requested is not None:
        review_due = letter_due(case, calendar)
        if letter_date > review_due:
            law = f"{act} s21(1)" if case.regime == "foisa" else f"{act} review ({due_basis(case)})"
            found.append(
                Finding(
                    "late-review",
                    WARNING,
                    law,
                    f"the review outcome is late: it was due by {review_due.isoformat()}, "
                    f"{letter_period(case)[1]} working days after the review was asked for",
                )
            )
    due = response_due(case.received, calendar)
    if case.letter == "response" and letter_date > due:
        found.append(
            Finding(
                "late-response",
                WARNING,
                f"{act} s10(1)",
                f"the response is late: it was due by {due.isoformat()}; consider adding the "
                "apology clause and explaining the delay",
            )
        )
    for problem in case_problems(case):
        found.append(
            Finding(
                "case-law",
                ERROR,
                problem.citation,
                f"{officer_place(problem.where)}: {problem.message}",
                part=problem.part,
            )
        )
    return found + fact_findings(case)


def _clause_findings(letter: Letter, library: Library, today: dt.date) -> list[Finding]:
    """Warn about clauses in the letter that are overdue for review or still drafts."""
    found: list[Finding] = []
    for block in letter.blocks():
        clause = library.get(block.clause_id) if block.clause_id and not block.removed else None
        if clause is None:
            continue
        if clause.review_overdue(today):
            found.append(
                Finding(
                    "clause-review-overdue",
                    WARNING,
                    "library",
                    f"clause {clause.id} ({clause.title}) was due for legal review on {clause.review_due}",
                    part=block.part,
                    block_key=block.key,
                )
            )
        if clause.status != "approved":
            found.append(
                Finding(
                    "draft-clause",
                    WARNING,
                    "library",
                    f"clause {clause.id} ({clause.title}) is a draft, not approved wording",
                    part=block.part,
                    block_key=block.key,
                )
            )
    return found


def _authority_findings(case: Case) -> list[Finding]:
    """Errors for a letter sent in the placeholder's name or with nowhere to ask for a review."""
    registry = load_registry(case.regime)
    # Where the review particulars come from: FOIA s17(7)(a), FOISA s19(b), EIR reg 14(5)(a), EISR reg 13.
    review = {"foia": "s17(7)(a)", "foisa": "s19(b)", "eir": "reg 14(5)(a)", "eisr": "reg 13"}
    citations = {"name": "authority profile", "review": f"{registry.short_name} {review[case.regime]}"}
    return [
        Finding(f"authority-{key}", ERROR, citations[key], message)
        for key, message in authority_problems(case.authority)
    ]


def _problem_findings(letter: Letter) -> list[Finding]:
    """Turn assembly problems (missing clauses, rendering errors) into findings."""
    return [Finding("assembly", ERROR, "library", str(p)) for p in letter.problems]
