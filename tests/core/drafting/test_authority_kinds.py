"""Clauses say which kinds of authority they suit: a council is not offered the police-only CPS clause."""

from __future__ import annotations

from app.core.casefile.model import parse_case
from app.core.drafting.clause_fit import candidates
from app.core.drafting.clauses import parse_clause
from app.core.drafting.library import default_layers, load_library

CASE = (
    "regime: foia\nreceived: 2026-10-01\nauthority: {name: A, email: a@example.org%s}\nparts:\n  - outcome: not-held\n"
)


def offered(kind: str) -> set[str]:
    case = parse_case(CASE % (f", kind: {kind}" if kind else ""))
    library = load_library(default_layers([]), validate=False)
    return {c.clause.id for c in candidates(library, case, None, None)}


def test_council_is_not_offered_the_police_cps_clause():
    assert "foia.advice.cps" not in offered("council")
    assert "foia.advice.cps" in offered("police")
    assert "foia.advice.cps" in offered("")


def test_unknown_authority_kind_in_a_clause_header_is_a_problem():
    text = "---\nid: x\ntitle: X\ntopic: advice\nstatus: draft\nauthorities: [navy]\n---\nBody\n"
    clause, problems = parse_clause(text, "x.md")
    assert clause is not None and any("authorities: unknown value 'navy'" in p.message for p in problems)
    good, none = parse_clause(text.replace("navy", "police"), "x.md")
    assert none == [] and good.authorities == ("police",) and good.suits("police") and not good.suits("council")
