"""EIR/EISR refusals as manifestly unreasonable carry the officer's own public interest balance, or the check says so."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.casefile.model import parse_case
from app.core.checks.compliance import check
from app.core.drafting.assemble import assemble
from app.core.drafting.library import load_library

TODAY = dt.date(2026, 11, 20)
BALANCE = "Sorting 30 years of unindexed site files would stop our planning work for weeks."


def case_text(regime: str, outcome: str, reasoning: str = "") -> str:
    cost = "cost: {hours: 60}\n" if outcome == "cost-limit" else ""
    return (
        f"regime: {regime}\nletter: response\nreference: B-1\nreceived: 2026-10-26\ndate: 2026-11-20\n"
        "authority: {name: Westmere District Council, email: foi@westmere.example}\n"
        f"requester: {{name: Ms Jane Smith}}\nrequest: Every site file.\n{cost}"
        f"parts:\n  - {{outcome: {outcome}, answer: 'We have dealt with this request before.'}}\n{reasoning}"
    )


@pytest.fixture(scope="module")
def library():
    return load_library()


def rules_and_text(library, text: str) -> tuple[set[str], str]:
    case = parse_case(text)
    letter = assemble(case, library, TODAY)
    errors = {f.rule for f in check(case, letter, TODAY, library=library) if f.severity == "error"}
    return errors, letter.markdown()


@pytest.mark.parametrize(
    ("regime", "cite", "outcome"),
    [
        ("eir", "12(4)(b)", "cost-limit"),
        ("eir", "12(4)(b)", "vexatious"),
        ("eisr", "10(4)(b)", "cost-limit"),
        ("eisr", "10(4)(b)", "repeated"),
    ],
)
def test_a_generic_balance_is_an_error_and_the_officers_balance_replaces_it(library, regime, cite, outcome):
    errors, text = rules_and_text(library, case_text(regime, outcome))
    assert "generic-burden-pit" in errors
    assert "Having weighed these factors" in text
    reasoning = f"reasoning: {{'{cite}': {{balance: '{BALANCE}', for: '- The files show past flooding.'}}}}\n"
    errors, text = rules_and_text(library, case_text(regime, outcome, reasoning))
    assert "generic-burden-pit" not in errors
    assert BALANCE in text and "The files show past flooding." in text
    assert "Having weighed these factors" not in text


def test_foia_cost_refusals_have_no_public_interest_test_to_flag(library):
    errors, _ = rules_and_text(library, case_text("foia", "cost-limit"))
    assert "generic-burden-pit" not in errors
