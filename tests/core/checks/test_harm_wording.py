"""Harm wording states only what is recorded: the kind of body, the level of harm claimed, the officer's own reasons."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.casefile.model import parse_case
from app.core.casefile.writing import dump_case
from app.core.drafting.assemble import assemble
from app.core.drafting.library import load_library
from app.core.problems import InputError

TODAY = dt.date(2026, 11, 20)


def case_text(regime: str, kind: str, cite: str, reasoning: str = "") -> str:
    kind_field = f", kind: {kind}" if kind else ""
    return (
        f"regime: {regime}\nletter: response\nreference: H-1\nreceived: 2026-10-26\ndate: 2026-11-20\n"
        f"authority: {{name: Example Body{kind_field}, email: foi@example.org}}\n"
        "requester: {name: Ms Jane Smith}\nrequest: The records.\n"
        f"parts:\n  - {{outcome: withheld, exemptions: ['{cite}']}}\n{reasoning}"
    )


@pytest.fixture(scope="module")
def library():
    return load_library()


def letter(library, text: str) -> str:
    built = assemble(parse_case(text), library, TODAY)
    assert built.problems == []
    return built.markdown()


@pytest.mark.parametrize(
    ("regime", "cite", "kind", "policing"),
    [
        ("foia", "31(1)(a)", "police", True),
        ("foia", "31(1)(a)", "council", False),
        ("foia", "31(1)(a)", "", False),  # the kind not recorded: nothing said about policing
        ("foisa", "35(1)(a)", "police", True),
        ("foisa", "35(1)(a)", "council", False),
    ],
)
def test_policing_wording_only_for_a_body_recorded_as_police(library, regime, cite, kind, policing):
    text = letter(library, case_text(regime, kind, cite))
    assert ("policing" in text) is policing


@pytest.mark.parametrize(
    ("likelihood", "claimed"),
    [("", "would be likely to prejudice"), ("would", "would prejudice"), ("likely", "would be likely to prejudice")],
)
def test_the_level_of_harm_claimed_is_the_one_recorded(library, likelihood, claimed):
    field = f", likelihood: {likelihood}" if likelihood else ""
    reasoning = f"reasoning: {{'43(2)': {{harm: Prices would be undercut{field}}}}}\n"
    text = letter(library, case_text("foia", "council", "43(2)", reasoning))
    assert f"disclosure {claimed}" in text
    if likelihood == "would":
        assert "would be likely to prejudice" not in text


def test_the_officers_own_harm_reasons_are_printed_in_the_general_harm_test(library):
    reasoning = "reasoning: {'43(2)': {harm: 'Rival bidders would learn our tender prices.'}}\n"
    for regime, cite in (("foia", "43(2)"), ("foisa", "33(1)(b)")):
        text = letter(library, case_text(regime, "council", cite, reasoning.replace("43(2)", cite)))
        assert "Rival bidders would learn our tender prices." in text
        assert "for the reasons we have explained" not in text


def test_an_unknown_level_of_harm_is_refused_naming_the_field_and_a_known_one_survives_saving():
    with pytest.raises(InputError) as raised:
        parse_case(case_text("foia", "council", "43(2)", "reasoning: {'43(2)': {likelihood: probably}}\n"))
    assert any(p.field.endswith("likelihood") or "likelihood" in str(p) for p in raised.value.problems)
    case = parse_case(case_text("foia", "council", "43(2)", "reasoning: {'43(2)': {likelihood: would}}\n"))
    assert parse_case(dump_case(case)).reasoning["43(2)"].likelihood == "would"


@pytest.mark.parametrize(("regime", "cite"), [("foia", "32(1)"), ("foisa", "37(1)(a)")])
def test_a_class_exemptions_reasons_are_printed_once_and_none_are_claimed_without_them(library, regime, cite):
    why = "The papers were filed with the court in the Eastfield case."
    bare = letter(library, case_text(regime, "council", cite))
    assert "for the reasons we have explained" not in bare and "for the following reasons" not in bare
    text = letter(library, case_text(regime, "council", cite, f"reasoning: {{'{cite}': {{harm: '{why}'}}}}\n"))
    assert text.count(why) == 1


def test_a_prejudice_based_exemptions_harm_is_said_once(library):
    why = "Rival bidders would learn our tender prices."
    text = letter(library, case_text("foia", "council", "43(2)", f"reasoning: {{'43(2)': {{harm: '{why}'}}}}\n"))
    assert text.count(why) == 1


@pytest.mark.parametrize(("live", "said"), [("", False), ("    matter_live: true\n", True)])
def test_foisa_s30b_says_the_matter_was_under_consideration_only_when_recorded(library, live, said):
    text = case_text("foisa", "council", "30(b)(i)").replace("exemptions: ['30(b)(i)']}", "exemptions: ['30(b)(i)']")
    text = text.replace(
        "  - {outcome: withheld, exemptions: ['30(b)(i)']\n",
        f"  - outcome: withheld\n    exemptions: ['30(b)(i)']\n{live}",
    )
    assert ("still under consideration when we received your request" in letter(library, text)) is said
    assert "on the understanding that they would not be made public" not in letter(library, text)


@pytest.mark.parametrize("live", [False, True])
def test_public_interest_wording_says_a_matter_was_live_only_when_recorded(library, live):
    for regime, cite, words in (
        ("foisa", "30(b)(i)", "still under consideration when we received"),
        ("foia", "35(1)(a)", "still being developed when we received"),
        ("foia", "36(2)(b)(i)", "still live when we received"),
    ):
        text = case_text(regime, "council", cite)
        extra = "    matter_live: true\n" if live else ""
        opinion = "    opinion: {by: Chief Executive, date: 2026-11-01}\n" if cite.startswith("36") else ""
        text = text.replace(
            f"  - {{outcome: withheld, exemptions: ['{cite}']}}\n",
            f"  - outcome: withheld\n    exemptions: ['{cite}']\n{extra}{opinion}",
        )
        assert (words in letter(library, text)) is live, (regime, cite)


@pytest.mark.parametrize(
    ("regime", "cite", "citation"),
    [
        ("foia", "40(2)", "FOIA s17(1)(c)"),
        ("foisa", "38(1)(b)", "FOISA s16(1)(d)"),
        ("eir", "13", "EIR"),
        ("eisr", "11", "EISR"),
    ],
)
def test_the_personal_data_balancing_test_is_the_officers_or_the_check_says_so(library, regime, cite, citation):
    from app.core.checks.compliance import check

    def errors(text: str):
        case = parse_case(text)
        built = assemble(case, library, TODAY)
        found = [f for f in check(case, built, TODAY, library=library) if f.severity == "error"]
        return found, built.markdown()

    found, text = errors(case_text(regime, "council", cite))
    assert any(f.rule == "generic-personal-data" and f.citation.startswith(citation) for f in found), found
    why = "The two officers named are junior staff who would not expect to be named, and could be harassed."
    found, text = errors(case_text(regime, "council", cite, f"reasoning: {{'{cite}': {{balance: '{why}'}}}}\n"))
    assert not any(f.rule == "generic-personal-data" for f in found)
    assert text.count(why) == 1 and "would have no reasonable expectation" not in text
