"""The officer's reasons per exemption: found whichever way the section was written, changed one field at a time."""

from __future__ import annotations

import pytest

from app.core.casefile.facts import Reasoning
from app.core.casefile.reasons import reasoning_key, reasons_for, reasons_needed, with_reason
from app.core.law.registry import load_registry


@pytest.mark.parametrize(
    ("regime", "cite", "needed"),
    [
        ("foia", "31(1)(a)", ("harm", "for_disclosure", "against", "balance")),  # prejudice-based, qualified
        ("foia", "30(1)(a)", ("for_disclosure", "against", "balance")),  # class-based, qualified
        ("foia", "21", ()),  # absolute, class-based
        ("foia", "41(1)", ()),
        ("foia", "40(2)", ("balance",)),  # absolute, but the legitimate interests balance is the officer's
        ("eir", "13", ("balance",)),
    ],
)
def test_the_reasons_asked_for_follow_the_exemptions_test(regime, cite, needed):
    assert reasons_needed(load_registry(regime).lookup(cite)) == needed


def test_reasons_written_under_another_spelling_of_the_section_are_found_and_kept_there():
    reasoning = {"s31(1)(a)": Reasoning(harm="It would reveal patrol times.")}
    assert reasoning_key(reasoning, "31(1)(a)") == "s31(1)(a)"
    assert reasons_for(reasoning, "31(1)(a)").harm == "It would reveal patrol times."
    updated = with_reason(reasoning, "31(1)(a)", "balance", "Safety outweighs transparency here.")
    assert list(updated) == ["s31(1)(a)"]
    assert updated["s31(1)(a)"] == Reasoning(
        harm="It would reveal patrol times.", balance="Safety outweighs transparency here."
    )
    assert reasoning["s31(1)(a)"].balance == ""  # the original is untouched (undo keeps it)


def test_emptying_every_reason_drops_the_entry_and_an_unknown_field_is_refused():
    reasoning = {"43(2)": Reasoning(harm="Tender prices.")}
    assert with_reason(reasoning, "43(2)", "harm", "") == {}
    assert with_reason({}, "43(2)", "against", "- Competition")["43(2)"].against == "- Competition"
    with pytest.raises(ValueError):
        with_reason(reasoning, "43(2)", "opinion", "x")
