"""The other letter kinds: review outcome, clarification, public interest extension and fees notice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core.casefile.model import OUTCOMES, REVIEW_DECISIONS, load_case, parse_case
from app.core.checks.compliance import ERROR, check
from app.core.drafting.assemble import assemble
from app.core.drafting.grouping import CASE_REVIEW_DECISIONS
from app.core.drafting.library import load_library

TODAY = dt.date(2026, 11, 21)
EXAMPLES = Path(__file__).resolve().parents[3] / "resources" / "examples"

# Which letter kinds each regime has (FOIA s10(3), s9; FOISA s9): the PIT extension is FOIA only, and fees
# notices belong to the Acts (the Regulations' charging rules in reg 8 are not modelled).
APPLICABLE = [
    ("review-outcome", "foia"),
    ("review-outcome", "foisa"),
    ("review-outcome", "eir"),
    ("review-outcome", "eisr"),
    ("clarification", "foia"),
    ("clarification", "foisa"),
    ("clarification", "eir"),
    ("clarification", "eisr"),
    ("pit-extension", "foia"),
    ("fees-notice", "foia"),
    ("fees-notice", "foisa"),
]

# Sections cited for each outcome that needs them, per regime.
CITED = {
    "foia": {"partial": ["31(1)(a)", "40(2)"], "withheld": ["31(1)(a)"], "ncnd": ["31(1)(a)"]},
    "foisa": {"partial": ["35(1)(a)", "38(1)(b)"], "withheld": ["35(1)(a)"], "ncnd": ["35(1)(a)"]},
    "eir": {"partial": ["12(5)(e)", "13"], "withheld": ["12(5)(b)"], "ncnd": ["12(5)(a)", "13"]},
    "eisr": {"partial": ["10(5)(e)", "11"], "withheld": ["10(5)(b)"], "ncnd": ["10(5)(a)", "11"]},
}
DEFAULT_OUTCOME = {
    "review-outcome": "withheld",
    "clarification": "disclosed",
    "pit-extension": "withheld",
    "fees-notice": "disclosed",
}


@pytest.fixture(scope="module")
def library():
    """The built-in clause library, loaded once."""
    return load_library()


def make_case(
    regime: str,
    letter: str,
    outcome: str | None = None,
    *,
    decision: str = "upheld",
    reasons: str = "We checked the searches again and found nothing further.",
    clarification: str = "Which **site** you mean, and the period you are interested in.",
    extension_date: str | None = "2026-12-18",
    fee: str | None = "25",
    multi: bool = True,
) -> str:
    """Case text for a letter kind; optional facts can be left out by passing None/""."""
    outcome = outcome or DEFAULT_OUTCOME[letter]
    cited = CITED[regime].get(outcome, [])
    lines = [
        f"regime: {regime}",
        f"letter: {letter}",
        "reference: REF-2026-77",
        "received: 2026-10-26",
        "date: 2026-11-20",
        "authority: {name: Test Council, email: foi@test.example, address: [1 High Street, Town, AB1 2CD]}",
        "requester: {name: A. Requester}",
        "signatory: {name: J. Smith, role: Information Officer}",
        'request: "Please send the file about the site."',
        "review:",
        "  requested: 2026-11-02",
        "  original_reference: REF-2026-70",
        "  original_date: 2026-10-30",
        f"  decision: {decision}",
        f"  reasons: {reasons!r}" if reasons else "  reasons: ''",
    ]
    if clarification:
        lines.append(f"clarification: {clarification!r}")
    if extension_date:
        lines.append(f"extension_date: {extension_date}")
    if fee:
        lines.append(f"fee: {fee}")
    lines += [
        "parts:",
        "  - question: The file",
        f"    outcome: {outcome}",
        f"    exemptions: {cited}",
        '    answer: "Our answer to this part."',
        "    cost: {hours: 60}",
    ]
    lines.append("    emissions: false")
    if multi:
        lines += ["  - question: The map", "    outcome: disclosed", '    answer: "The map is attached."']
    if regime in ("eir", "eisr") and outcome in ("cost-limit", "vexatious", "repeated"):
        cited = list(dict.fromkeys([*cited, "12(4)(b)" if regime == "eir" else "10(4)(b)"]))  # its balance too
    if cited:
        lines.append("reasoning:")
        lines += [
            f'  "{e}": {{harm: "Why disclosure harms this case.", balance: "Why the balance falls."}}' for e in cited
        ]
    return "\n".join(lines) + "\n"


def run(library, text: str):
    """Parse, assemble and check; return (case, letter, error findings)."""
    case = parse_case(text)
    letter = assemble(case, library, TODAY)
    findings = check(case, letter, TODAY)
    return case, letter, [f for f in findings if f.severity == ERROR]


def clean(letter) -> str:
    """The letter text, asserting no template markup is left in it."""
    text = letter.markdown()
    assert "{{" not in text and "{%" not in text
    return text


# ------------------------------------------------------------------ every kind assembles


@pytest.mark.parametrize("letter_kind, regime", APPLICABLE)
def test_each_letter_kind_assembles_and_passes_the_check(library, letter_kind, regime):
    _case, letter, errs = run(library, make_case(regime, letter_kind))
    assert letter.problems == []
    assert [str(e) for e in errs] == []
    clean(letter)


@pytest.mark.parametrize("regime", ["foia", "foisa", "eir", "eisr"])
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_review_outcome_works_for_every_part_outcome(library, regime, outcome):
    _case, letter, errs = run(library, make_case(regime, "review-outcome", outcome))
    assert letter.problems == []
    assert [str(e) for e in errs] == []
    clean(letter)


@pytest.mark.parametrize("regime", ["foia", "foisa", "eir", "eisr"])
@pytest.mark.parametrize("decision", REVIEW_DECISIONS)
def test_review_decision_wording_follows_the_decision(library, regime, decision):
    _case, letter, errs = run(library, make_case(regime, "review-outcome", decision=decision))
    assert errs == []
    block = letter.block("review/review-decision")
    assert block.clause_id == f"letters.review.decision.{regime}"
    others = set()
    for other in REVIEW_DECISIONS:  # 'substituted' and 'overturned' both mean the original was replaced
        if CASE_REVIEW_DECISIONS[other] != CASE_REVIEW_DECISIONS[decision]:
            _, other_letter, _ = run(library, make_case(regime, "review-outcome", decision=other))
            others.add(other_letter.block("review/review-decision").text)
    assert block.text not in others


def test_review_outcome_uses_the_review_opening_not_the_response_opening(library):
    for regime in ("foia", "foisa", "eir", "eisr"):
        _case, letter, _errs = run(library, make_case(regime, "review-outcome"))
        opening = letter.block("opening/review-opening")
        assert opening.clause_id == f"letters.review.opening.{regime}"
        assert "30 October 2026" in opening.text and "REF-2026-70" in opening.text


# ------------------------------------------------------------------ FOISA review outcome


def test_foisa_review_outcome_gives_the_s21_notice_and_s21_10_rights(library):
    _case, letter, errs = run(library, make_case("foisa", "review-outcome", "cost-limit"))
    assert errs == []
    text = clean(letter)
    assert "section 21(4)(a)" in text and "section 21(5)" in text
    rights = letter.section("rights")
    regulator = rights.visible_blocks()[0]
    assert "21(10)-commissioner" in regulator.provides
    assert "six months of receiving this review" in regulator.text
    court = letter.block("rights/court")
    assert court.clause_id == "letters.review.court.foisa" and "21(10)-court" in court.provides
    assert "Court of Session" in court.text and "42 days" in court.text and "point of law" in court.text


def test_foisa_review_outcome_without_court_of_session_is_reported(library):
    case = parse_case(make_case("foisa", "review-outcome"))
    case.edits.removed.append("rights/court")
    letter = assemble(case, library, TODAY)
    assert any(f.rule.endswith("21(10)-court") for f in check(case, letter, TODAY) if f.severity == ERROR)


def test_review_reasons_are_printed_as_the_officers_markdown(library):
    reasons = "We found **two** more documents:\n\n- the site plan\n- the licence"
    _case, letter, _errs = run(library, make_case("foisa", "review-outcome", reasons=reasons))
    block = letter.block("review/review-reasons")
    assert "We found **two** more documents:" in block.text and "- the site plan" in block.text


def test_review_outcome_without_reasons_leaves_out_the_reasons_block(library):
    _case, letter, _errs = run(library, make_case("foisa", "review-outcome", reasons=""))
    assert letter.block("review/review-reasons") is None
    assert "Our reasons are set out below" not in letter.block("review/review-decision").text


@pytest.mark.parametrize(
    "regime, code, words",
    [
        ("foia", "17(7)(b)", "section 50"),
        ("eir", "14(5)(b)", "regulation 18"),
        ("eisr", "13(e)", "six months of receiving this review"),
    ],
)
def test_review_outcome_regulator_paragraphs(library, regime, code, words):
    _case, letter, _errs = run(library, make_case(regime, "review-outcome"))
    regulator = letter.block("rights/regulator")
    assert regulator.clause_id == f"letters.review.regulator.{regime}"
    assert code in regulator.provides and words in regulator.text.replace("Regulation", "regulation")


def test_eir_review_outcome_ncnd_carries_the_public_interest_and_caveat(library):
    _case, letter, errs = run(library, make_case("eir", "review-outcome", "ncnd"))
    assert errs == []
    decision = letter.find("decision", 1)
    assert decision.clause_id == "letters.review.part-ncnd.eir"
    assert "presumption in favour of disclosure" in decision.text
    assert "should be taken as an indication" in decision.text


def test_example_foisa_review_outcome(library):
    case = load_case(EXAMPLES / "foisa-review-outcome.yaml")
    assert case.letter == "review-outcome" and case.review.decision == "upheld"
    letter = assemble(case, library, TODAY)
    assert letter.problems == []
    assert [f for f in check(case, letter, TODAY) if f.severity == ERROR] == []
    text = clean(letter)
    assert "Court of Session" in text and "six months" in text
    assert "section 12(1)" in text


# ------------------------------------------------------------------ clarification


@pytest.mark.parametrize(
    "regime, code, law",
    [
        ("foia", "1(3)", "section 1(3)"),
        ("foisa", "1(3)", "section 1(3)"),
        ("eir", "9", "regulation 9(2)"),
        ("eisr", "9", "regulation 9"),
    ],
)
def test_clarification_says_what_is_needed_and_that_the_clock_restarts(library, regime, code, law):
    _case, letter, _errs = run(library, make_case(regime, "clarification"))
    block = letter.block("clarification/clarification")
    assert code in block.provides
    assert "Which **site** you mean" in block.text
    assert law in block.text and "20 working days" in block.text
    assert letter.block("opening/opening").clause_id == "letters.clarification.opening"
    assert letter.block("clarification/advice") is not None


@pytest.mark.parametrize("regime, rule", [("foia", "1(3)"), ("foisa", "1(3)"), ("eir", "9"), ("eisr", "9")])
def test_clarification_without_the_question_is_reported(library, regime, rule):
    _case, letter, errs = run(library, make_case(regime, "clarification", clarification=""))
    if regime in ("foia", "foisa"):
        assert any(e.rule.endswith(rule) for e in errs)
    assert letter.block("clarification/clarification") is None  # `when: [clarification]` does not hold


# ------------------------------------------------------------------ PIT extension (FOIA)


def test_pit_extension_shows_the_estimated_date(library):
    _case, letter, errs = run(library, make_case("foia", "pit-extension"))
    assert errs == []
    extension = letter.block("extension/extension")
    assert "17(2)" in extension.provides
    assert "18 December 2026" in extension.text
    assert "20 working days" in extension.text and "Section 10(3)" in extension.text


def test_pit_extension_names_the_qualified_exemptions(library):
    _case, letter, _errs = run(library, make_case("foia", "pit-extension", "partial"))
    notice = letter.find("extension-notice", 1)
    assert set(notice.provides) == {"17(1)(a)", "17(1)(b)"}
    assert "section 31(1)(a) – Law enforcement (qualified exemption)" in notice.text
    assert "(absolute exemption)" in notice.text
    assert "Section 31(1)(a) is a qualified exemption" in notice.text


def test_pit_extension_for_ncnd_does_not_say_the_information_is_held(library):
    _case, letter, errs = run(library, make_case("foia", "pit-extension", "ncnd"))
    assert errs == []
    notice = letter.find("extension-notice", 1).text
    assert "We hold information" not in notice and "section 31(3)" in notice


def test_removing_the_extension_block_is_reported_as_s17_2(library):
    case = parse_case(make_case("foia", "pit-extension"))
    case.edits.removed.append("extension/extension")
    letter = assemble(case, library, TODAY)
    found = [f for f in check(case, letter, TODAY) if f.severity == ERROR]
    assert any(f.citation == "FOIA s17(2)" for f in found)


def test_pit_extension_without_a_date_is_reported_as_s17_2(library):
    _case, _letter, errs = run(library, make_case("foia", "pit-extension", extension_date=None))
    assert any(e.citation == "FOIA s17(2)" for e in errs)


# ------------------------------------------------------------------ fees notice


def test_foia_fees_notice(library):
    _case, letter, errs = run(library, make_case("foia", "fees-notice", fee="12.50"))
    assert errs == []
    fees = letter.block("fees/fees")
    assert "9(1)" in fees.provides
    assert "£12.50" in fees.text and "three months" in fees.text and "section 10(2)" in fees.text
    assert "section 9(1)" in letter.block("opening/opening").text


def test_foisa_fees_notice_explains_the_calculation_and_carries_s19_rights(library):
    _case, letter, errs = run(library, make_case("foisa", "fees-notice"))
    assert errs == []
    fees = letter.block("fees/fees").text
    assert "10% of the costs over £100" in fees and "£15 an hour" in fees and "three months" in fees
    provided = {p for b in letter.blocks() for p in b.effective_provides}
    assert {"9(1)", "19(a)", "19(b)-review", "19(b)-commissioner"} <= provided


@pytest.mark.parametrize("regime", ["foia", "foisa"])
def test_fees_notice_without_a_fee_is_reported(library, regime):
    _case, _letter, errs = run(library, make_case(regime, "fees-notice", fee=None))
    assert any(e.rule.endswith("9(1)") for e in errs)
