"""Facts the engine works out from others, so clause bodies need no logic: exemption.pit_recorded."""

from __future__ import annotations

import dataclasses

import pytest

from app.core.casefile.model import parse_case
from app.core.drafting.assemble import assemble
from app.core.drafting.context import ExemptionView
from app.core.drafting.library import load_library
from tests.core.conftest import TODAY

CASE = """\
regime: eir
received: 2026-10-01
date: 2026-10-20
requester: {name: "A. Requester"}
request: "All the papers"
parts:
  - question: All the papers
    outcome: withheld
    exemptions: ["12(4)(c)"]
"""


@pytest.mark.parametrize(
    "reasoning, shown",
    [
        ("", False),
        ('reasoning:\n  "12(4)(c)":\n    balance: "We weighed it with care."\n', True),
        ('reasoning:\n  "12(4)(c)":\n    for: "- It would inform debate."\n', True),
    ],
)
def test_the_officers_public_interest_reasons_are_printed_only_when_recorded(reasoning, shown):
    letter = assemble(parse_case(CASE + reasoning), load_library(), TODAY)
    pit = letter.find("pit", 1, "12(4)(c)")
    assert pit is not None and pit.clause_id == "eir.pit.12-4-c"
    assert ("*Our assessment for this information*" in pit.text) is shown
    assert ("We weighed it with care." in pit.text) is ("balance" in reasoning)


def test_pit_recorded_follows_the_reasons_through_every_copy_of_a_view():
    view = ExemptionView("12(4)(c)", "regulation 12(4)(c)", "12(4)(c)", "Too general", False, True, "class", "", "")
    assert view.pit_recorded is False
    assert dataclasses.replace(view, against="- Against.").pit_recorded is True
    assert dataclasses.replace(dataclasses.replace(view, against="x"), against="").pit_recorded is False
