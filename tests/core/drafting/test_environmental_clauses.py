"""The built-in EIR and EISR clauses: coverage of every exception, every outcome, and the law they state."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.casefile.model import OUTCOMES, parse_case
from app.core.checks.compliance import ERROR, check
from app.core.drafting.assemble import assemble
from app.core.drafting.library import load_library
from app.core.law.registry import load_registry

TODAY = dt.date(2026, 11, 21)
REGIMES = ("eir", "eisr")

# Exceptions that may be used for each outcome in the tests (NCND only for the interests the
# Regulations allow: EIR 12(5)(a) and 13, EISR 10(5)(a) and 11).
EXCEPTIONS = {
    "eir": {"partial": ["12(5)(e)", "13"], "withheld": ["12(4)(e)"], "ncnd": ["12(5)(a)", "13"]},
    "eisr": {"partial": ["10(5)(e)", "11"], "withheld": ["10(4)(e)"], "ncnd": ["10(5)(a)", "11"]},
}


@pytest.fixture(scope="module")
def library():
    """The built-in clause library, loaded once."""
    return load_library()


def make_case(
    regime: str, outcome: str, exemptions: list[str], letter: str = "response", hours: int | None = 40
) -> str:
    """Case text for a two-part request: the part under test, then a disclosed part."""
    cost = f"\n    cost: {{hours: {hours}}}" if hours is not None else ""
    return f"""\
regime: {regime}
letter: {letter}
reference: ENV-2026-1
received: 2026-10-26
date: 2026-11-20
authority:
  name: Westmere District Council
  address: [Council Offices, Market Street, Westmere, WM1 2AB]
  email: information.requests@westmere.example.gov.uk
requester: {{name: Ms P. Hollins}}
signatory: {{name: R. Okafor, role: Information Governance Officer}}
request: "Please send the noise complaints file for the Eastfield site."
review:
  requested: 2026-11-02
  original_reference: ENV-2026-0
  original_date: 2026-10-30
  decision: upheld
  reasons: "We searched the planning and environmental health systems again."
parts:
  - question: The noise complaints file
    outcome: {outcome}
    exemptions: {exemptions}
    answer: "Our answer to this part."{cost}
    emissions: false
  - question: The monitoring results
    outcome: disclosed
    answer: "The results are attached."
""" + officer_reasons(exemptions + burden_exception(regime, outcome))


def burden_exception(regime: str, outcome: str) -> list[str]:
    """The manifestly unreasonable exception a burden refusal rests on (its balance is the officer's too)."""
    if outcome in ("cost-limit", "vexatious", "repeated"):
        return ["12(4)(b)" if regime == "eir" else "10(4)(b)"]
    return []


def officer_reasons(exemptions: list[str]) -> str:
    """The officer's own harm and balance reasons for each exemption, as a case would record them."""
    exemptions = list(dict.fromkeys(exemptions))
    if not exemptions:
        return ""
    rows = "".join(
        f'  "{e}": {{harm: "Why disclosure harms this case.", balance: "Why the balance falls this way."}}\n'
        for e in exemptions
    )
    return "reasoning:\n" + rows


def assembled(library, text: str):
    """Parse, assemble and check a case; return (letter, findings)."""
    case = parse_case(text)
    letter = assemble(case, library, TODAY)
    return case, letter, check(case, letter, TODAY)


def errors(findings) -> list[str]:
    """The error findings as text."""
    return [str(f) for f in findings if f.severity == ERROR]


def exceptions_for(regime: str, outcome: str) -> list[str]:
    """The exceptions a test part cites for an outcome (none for the outcome-only refusals)."""
    return EXCEPTIONS[regime].get(outcome, [])


# ------------------------------------------------------------------ coverage


@pytest.mark.parametrize("regime", REGIMES)
def test_every_exception_in_the_registry_has_its_own_exemption_clause(library, regime):
    registry = load_registry(regime)
    missing = []
    for provision in registry.provisions:
        key = str(provision.cite)
        found = [
            c
            for c in library.by_topic("exemption")
            if c.status == "approved" and regime in c.regimes and list(c.sections) == [key]
        ]
        if not found:
            missing.append(key)
    assert missing == []


@pytest.mark.parametrize("regime", REGIMES)
def test_each_exception_is_explained_by_its_own_clause_in_a_letter(library, regime):
    registry = load_registry(regime)
    for provision in registry.provisions:
        key = str(provision.cite)
        outcome = "ncnd" if provision.ncnd else "withheld"
        _case, letter, findings = assembled(library, make_case(regime, outcome, [key]))
        assert letter.problems == [], key
        assert errors(findings) == [], key
        block = letter.find("exemption", 1, key)
        assert block is not None and block.clause_id.startswith(f"{regime}.exemption."), key
        assert block.text.strip(), key


# ------------------------------------------------------------------ outcomes


@pytest.mark.parametrize("letter_kind", ["response", "review-outcome"])
@pytest.mark.parametrize("outcome", OUTCOMES)
@pytest.mark.parametrize("regime", REGIMES)
def test_every_outcome_assembles_cleanly_and_passes_the_check(library, regime, outcome, letter_kind):
    _case, letter, findings = assembled(
        library, make_case(regime, outcome, exceptions_for(regime, outcome), letter_kind)
    )
    assert letter.problems == []
    assert errors(findings) == []
    text = letter.markdown()
    assert "{{" not in text and "{%" not in text
    assert all(not b.error for b in letter.blocks())


@pytest.mark.parametrize("outcome", ["not-held", "cost-limit", "vexatious", "repeated"])
@pytest.mark.parametrize("regime", REGIMES)
def test_citing_the_outcome_exception_as_well_does_not_repeat_it(library, regime, outcome):
    key = load_registry(regime).provisions[0 if outcome == "not-held" else 1].cite
    _case, letter, findings = assembled(library, make_case(regime, outcome, [str(key)]))
    assert letter.problems == [] and errors(findings) == []
    shown = letter.markdown()
    assert shown.count("**The public interest") <= 1
    assert letter.find("exemption", 1, str(key)) is None  # its header says it does not apply (when:)


def test_not_held_is_a_refusal_notice_under_the_eir(library):
    _case, letter, _findings = assembled(library, make_case("eir", "not-held", []))
    decision = letter.find("decision", 1).text
    assert "regulation 12(4)(a)" in decision
    assert "refusal notice under regulation 14" in decision
    assert "public interest" in decision
    assert letter.block("rights/review").text.count("regulation 11") == 1


def test_not_held_is_a_refusal_notice_under_the_eisr(library):
    _case, letter, _findings = assembled(library, make_case("eisr", "not-held", []))
    decision = letter.find("decision", 1).text
    assert "regulation 10(4)(a)" in decision and "refusal notice under regulation 13" in decision


@pytest.mark.parametrize("regime, cite", [("eir", "12(4)(b)"), ("eisr", "10(4)(b)")])
def test_cost_limit_is_manifestly_unreasonable_with_a_public_interest_test(library, regime, cite):
    _case, letter, _findings = assembled(library, make_case(regime, "cost-limit", []))
    decision = letter.find("decision", 1).text
    cost = letter.find("cost", 1).text
    assert f"regulation {cite}" in decision and "manifestly unreasonable" in decision
    assert "do not set a cost limit" in decision
    assert "indicator" in cost and "40 hours" in cost
    assert "presumption in favour of disclosure" in cost
    assert "public interest in maintaining the exception outweighs" in cost


@pytest.mark.parametrize("outcome", ["vexatious", "repeated"])
@pytest.mark.parametrize("regime, cite", [("eir", "12(4)(b)"), ("eisr", "10(4)(b)")])
def test_vexatious_and_repeated_are_manifestly_unreasonable(library, regime, cite, outcome):
    _case, letter, _findings = assembled(library, make_case(regime, outcome, []))
    decision = letter.find("decision", 1).text
    assert f"regulation {cite}" in decision and "manifestly unreasonable" in decision
    assert "presumption in favour of disclosure" in decision


def test_eir_cost_indicator_is_the_foia_limit_and_eisr_the_foisa_amount(library):
    _, eir, _ = assembled(library, make_case("eir", "cost-limit", []))
    _, eisr, _ = assembled(library, make_case("eisr", "cost-limit", []))
    assert "£450" in eir.find("cost", 1).text and "£25 an hour" in eir.find("cost", 1).text
    assert "£600" in eisr.find("cost", 1).text and "£15 an hour" in eisr.find("cost", 1).text


@pytest.mark.parametrize("regime", REGIMES)
def test_ncnd_parts_carry_the_caveat_and_public_interest(library, regime):
    _case, letter, _findings = assembled(library, make_case(regime, "ncnd", exceptions_for(regime, "ncnd")))
    keys = [b.key for b in letter.section("ground-ncnd").visible_blocks()]
    assert "ground-ncnd/ncnd-caveat" in keys
    assert any(k.startswith("ground-ncnd/ncnd-pit:") for k in keys)
    assert "neither confirm nor deny" in letter.find("decision", 1).text


# ------------------------------------------------------------------ what the clauses say


def test_presumption_in_favour_of_disclosure_appears_in_an_eir_pit_block(library):
    _case, letter, _findings = assembled(library, make_case("eir", "partial", ["12(5)(e)", "13"]))
    pit = letter.find("pit", 1, "12(5)(e)")
    assert pit is not None and pit.clause_id == "eir.pit.general"
    assert "presumption in favour of disclosure" in pit.text
    assert "regulation 12(2)" in pit.text.lower() and "regulation 12(1)(b)" in pit.text.lower()
    assert letter.find("pit", 1, "13") is None  # first condition: absolute, no public interest test


def test_presumption_in_favour_of_disclosure_appears_in_an_eisr_pit_block(library):
    _case, letter, _findings = assembled(library, make_case("eisr", "withheld", ["10(5)(b)"]))
    pit = letter.find("pit", 1, "10(5)(b)").text
    assert "presumption in favour of disclosure" in pit and "regulation 10(2)" in pit.lower()


@pytest.mark.parametrize(
    "regime, cites",
    [
        ("eir", ["12(5)(d)", "12(5)(e)", "12(5)(f)", "12(5)(g)"]),
        ("eisr", ["10(5)(d)", "10(5)(e)", "10(5)(f)", "10(5)(g)"]),
    ],
)
def test_emissions_override_is_in_the_guidance_and_the_letter(library, regime, cites):
    registry = load_registry(regime)
    for cite in cites:
        assert registry.provision(cite).emissions_override
        clause = next(c for c in library.by_topic("exemption") if regime in c.regimes and list(c.sections) == [cite])
        assert "emissions" in clause.guidance.lower(), cite
        assert "information on emissions" in clause.body, cite


def test_exceptions_without_the_emissions_override_do_not_mention_it(library):
    for regime in REGIMES:
        for provision in load_registry(regime).provisions:
            if provision.emissions_override:
                continue
            clause = next(
                c
                for c in library.by_topic("exemption")
                if regime in c.regimes and list(c.sections) == [str(provision.cite)]
            )
            assert "emissions" not in clause.body, provision.cite


@pytest.mark.parametrize(
    "regime, words",
    [
        ("eir", ["would adversely affect", "more likely than not"]),
        ("eisr", ["would, or would be likely to, prejudice substantially"]),
    ],
)
def test_harm_test_uses_the_regime_wording(library, regime, words):
    cite = "12(5)(b)" if regime == "eir" else "10(5)(b)"
    _case, letter, _findings = assembled(library, make_case(regime, "withheld", [cite]))
    harm = letter.find("harm", 1, cite).text
    for phrase in words:
        assert phrase in harm


def test_opening_explains_the_routing_away_from_the_acts(library):
    _, eir, _ = assembled(library, make_case("eir", "disclosed", []))
    _, eisr, _ = assembled(library, make_case("eisr", "disclosed", []))
    eir_opening = eir.block("opening/opening").text
    eisr_opening = eisr.block("opening/opening").text
    assert "Section 39 of the Freedom of Information Act 2000" in eir_opening
    assert "Environmental Information Regulations 2004" in eir_opening
    assert "section 39(2)" in eisr_opening and "Environmental Information (Scotland) Regulations 2004" in eisr_opening


def test_eir_rights_are_reconsideration_then_ico_then_tribunal(library):
    _case, letter, _findings = assembled(library, make_case("eir", "withheld", ["12(4)(e)"]))
    review = letter.block("rights/review")
    regulator = letter.block("rights/regulator")
    court = letter.block("rights/court")
    assert "14(5)(a)" in review.provides and "40 working days" in review.text
    assert "regulation 11" in review.text
    assert "14(5)(b)" in regulator.provides and "regulation 18" in regulator.text.lower()
    assert "section 50" in regulator.text and "six weeks" in regulator.text
    assert "28 days" in court.text


def test_eisr_rights_are_review_then_commissioner_then_court_of_session(library):
    _case, letter, _findings = assembled(library, make_case("eisr", "withheld", ["10(4)(e)"]))
    review = letter.block("rights/review").text
    regulator = letter.block("rights/regulator").text
    court = letter.block("rights/court").text
    assert "regulation 16" in review and "40 working days" in review and "20 working days" in review
    assert "regulation 17" in regulator.lower() and "six months" in regulator and "Kinburn Castle" in regulator
    assert "Court of Session" in court and "point of law" in court and "42 days" in court


def test_removing_the_reconsideration_paragraph_is_reported(library):
    case = parse_case(make_case("eir", "withheld", ["12(4)(e)"]))
    case.edits.removed.append("rights/review")
    letter = assemble(case, library, TODAY)
    assert any("14(5)(a)" in f.rule for f in check(case, letter, TODAY) if f.severity == ERROR)


def test_removing_the_public_interest_paragraph_is_reported(library):
    case = parse_case(make_case("eisr", "withheld", ["10(5)(e)"]))
    case.edits.removed.append("ground-exemption/pit:10(5)(e)")
    letter = assemble(case, library, TODAY)
    found = [f for f in check(case, letter, TODAY) if f.severity == ERROR]
    assert any("13(b)" in f.rule and f.part == 1 for f in found)


def test_environmental_letters_close_with_their_own_clauses(library):
    for regime in REGIMES:
        _case, letter, _findings = assembled(library, make_case(regime, "disclosed", []))
        closing = letter.section("closing")
        ids = {b.clause_id for b in closing.visible_blocks() if not b.builtin}
        assert ids == {f"{regime}.disclosure-log", f"{regime}.accessibility", f"{regime}.closing"}
        assert letter.markdown().rstrip().endswith("R. Okafor\\\nInformation Governance Officer")


def test_example_case_checks_clean_and_reads_as_a_letter(library):
    from pathlib import Path

    from app.core.casefile.model import load_case

    path = Path(__file__).resolve().parents[3] / "resources" / "examples" / "eir-partial.yaml"
    case = load_case(path)
    letter = assemble(case, library, TODAY)
    assert letter.problems == []
    assert errors(check(case, letter, TODAY)) == []
    text = letter.markdown()
    assert "regulation 12(5)(e)" in text and "regulation 13" in text
    assert "{{" not in text and "{%" not in text
