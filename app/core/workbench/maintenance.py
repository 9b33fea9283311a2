"""Library maintenance for legal reviewers: validate as you type, approve, preview, save with history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.core.casefile.model import Case
from app.core.drafting.assemble import render_clause
from app.core.drafting.clauses import UNRECORDED_APPROVAL, Clause, parse_clause, save_clause
from app.core.drafting.context import ExemptionView
from app.core.drafting.library import check_clause
from app.core.drafting.skeleton import all_topics
from app.core.drafting.views import build_case_view, contact_views, exemption_view
from app.core.law.registry import load_registry
from app.core.problems import Problem
from app.core.workbench.history import History, Version, history_for

REVIEW_PERIOD_DAYS = 365


class ApprovalError(ValueError):
    """A clause cannot be approved as it stands."""


def validate_text(text: str, path: str) -> tuple[Clause | None, list[Problem]]:
    """Parse and check clause text as typed; return the clause (if usable) and every problem."""
    clause, problems = parse_clause(text, path)
    if clause is not None:
        problems = problems + check_clause(clause, all_topics())
    return clause, sorted(problems, key=lambda p: p.line or 0)


def approve(clause: Clause, reviewer: str, on: dt.date, problems: list[Problem]) -> Clause:
    """Return the clause marked approved by a reviewer on a date; refuse while it has problems."""
    if not reviewer.strip():
        raise ApprovalError("enter the reviewer's name to approve a clause")
    blocking = [p for p in problems if p.code != UNRECORDED_APPROVAL]
    if blocking:
        raise ApprovalError(f"fix the problems first: {blocking[0]}")
    return replace(
        clause,
        status="approved",
        approved_by=reviewer.strip(),
        approved_on=on,
        last_reviewed=on,
        review_due=on + dt.timedelta(days=REVIEW_PERIOD_DAYS),
    )


def save_with_history(
    clause: Clause, path: Path, message: str, author: str, history: History | None = None
) -> Version | None:
    """Save a clause atomically and record the change in the library's history."""
    save_clause(clause, path)
    store = history or history_for(path.parent)
    return store.record(path, message, author)


def sample_context(
    case: Case, today: dt.date, clause: Clause | None = None, commencements: Mapping[str, dt.date] | None = None
) -> dict[str, Any]:
    """Return a rendering context from a sample case: its first part and a fitting exemption.

    commencements are the library's dates of dated law, so bodies are named as the letter would name them.
    """
    view = build_case_view(case, today, commencements=commencements)
    ctx: dict[str, Any] = {
        "case": view,
        "contacts": contact_views(view.date, commencements),
        "part": view.parts[0],
    }
    exemption = _sample_exemption(case, clause) or next((e for p in view.parts for e in p.exemptions), None)
    if exemption is not None:
        ctx["exemption"] = exemption
    return ctx


def _sample_exemption(case: Case, clause: Clause | None) -> ExemptionView | None:
    """Return the view of the first section a clause explains, under the sample case's regime."""
    if clause is None:
        return None
    registry = load_registry(case.regime)
    for section in clause.sections:
        view = exemption_view(section, registry)
        if view is not None:
            return view
    return None


def preview(
    clause: Clause, case: Case, today: dt.date, commencements: Mapping[str, dt.date] | None = None
) -> tuple[str, Problem | None]:
    """Render a clause with sample case data; return Markdown or the problem that stopped it."""
    return render_clause(clause, sample_context(case, today, clause, commencements))
