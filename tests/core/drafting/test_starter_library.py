"""Tests for the shipped starter clause library: it loads cleanly and builds complete letters."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from app.core.casefile.model import OUTCOMES, AddedClause, parse_case
from app.core.drafting.assemble import Facts, assemble, select_clause
from app.core.drafting.clauses import Clause
from app.core.drafting.letter import Letter
from app.core.drafting.library import Library, load_library
from app.core.law.citations import parse_citation
from app.core.law.registry import load_registry

TODAY = dt.date(2026, 11, 21)
REGIMES = ("foia", "foisa")

# Exemptions cited in the one-part cases that need them, per regime and outcome.
CASE_EXEMPTIONS = {
    ("foia", "partial"): ["31(1)(a)(b)", "40(2)"],
    ("foia", "withheld"): ["43(2)", "41"],
    ("foia", "ncnd"): ["30(1)(a)", "40(2)"],
    ("foisa", "partial"): ["35(1)(a)", "38(1)(b)"],
    ("foisa", "withheld"): ["33(1)(b)", "36(2)"],
    ("foisa", "ncnd"): ["34(1)(a)", "38(1)(b)"],
}

# Statutory elements each one-part letter must provide (FOIA s17, FOISA ss16-19, EIR reg 14, EISR reg 13; GUIDE.md `provides`).
FOIA_RIGHTS = {"17(7)(a)", "17(7)(b)"}
FOISA_RIGHTS = {"19(a)", "19(b)-review", "19(b)-commissioner"}
EXPECTED_PROVIDES = {
    ("foia", "disclosed"): FOIA_RIGHTS,
    ("foia", "partial"): FOIA_RIGHTS | {"17(1)(a)", "17(1)(b)", "17(1)(c)", "17(3)"},
    ("foia", "withheld"): FOIA_RIGHTS | {"17(1)(a)", "17(1)(b)", "17(1)(c)", "17(3)"},
    ("foia", "not-held"): FOIA_RIGHTS | {"16"},
    ("foia", "ncnd"): FOIA_RIGHTS | {"17(1)(a)", "17(1)(b)", "17(1)(c)", "17(3)"},
    ("foia", "cost-limit"): FOIA_RIGHTS | {"17(5)", "16"},
    ("foia", "vexatious"): FOIA_RIGHTS | {"17(5)"},
    ("foia", "repeated"): FOIA_RIGHTS | {"17(5)"},
    ("foisa", "disclosed"): FOISA_RIGHTS,
    ("foisa", "partial"): FOISA_RIGHTS | {"16(1)(a)", "16(1)(b)", "16(1)(c)", "16(1)(d)", "16(2)"},
    ("foisa", "withheld"): FOISA_RIGHTS | {"16(1)(a)", "16(1)(b)", "16(1)(c)", "16(1)(d)", "16(2)"},
    ("foisa", "not-held"): FOISA_RIGHTS | {"17(1)", "15"},
    ("foisa", "ncnd"): FOISA_RIGHTS | {"18", "16(1)(d)"},
    ("foisa", "cost-limit"): FOISA_RIGHTS | {"16(4)", "15"},
    ("foisa", "vexatious"): FOISA_RIGHTS | {"16(5)"},
    ("foisa", "repeated"): FOISA_RIGHTS | {"16(5)"},
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def case_yaml(
    regime: str,
    parts: list[dict],
    *,
    requester: str = "A. Requester",
    signatory: str = "name: J. Smith\n  role: Information Rights Officer",
) -> str:
    """Return the text of a response case file with the given parts."""
    lines = [
        f"regime: {regime}",
        "letter: response",
        "reference: REF-2026-001",
        "received: 2026-10-01",
        "date: 2026-10-20",
        "authority:",
        "  name: Example Authority",
        "  address: [1 High Street, Exampletown, EX1 1AA]",
        "  email: foi@example.gov.uk",
        "  foi_unit: Information Rights Team",
        f"requester: {requester!r}" if requester else "requester: {}",
        f"signatory:\n  {signatory}" if signatory else "signatory: {}",
        "request: |",
        "  Please tell me how many widgets you bought in 2025.",
        "parts:",
    ]
    for part in parts:
        lines.append(f"  - outcome: {part['outcome']}")
        lines.append(f"    exemptions: {part.get('exemptions', [])!r}")
        if part.get("question"):
            lines.append(f"    question: {part['question']!r}")
        lines.append("    answer: The officer's own answer.")
        if part.get("hours"):
            lines.append(f"    cost:\n      hours: {part['hours']}")
        if part.get("opinion"):
            lines.append("    opinion:\n      by: The Chief Executive\n      date: 2026-10-15")
    return "\n".join(lines) + "\n"


def build(library: Library, regime: str, parts: list[dict], **kwargs: str) -> Letter:
    """Assemble the letter for a case built from parts."""
    return assemble(parse_case(case_yaml(regime, parts, **kwargs)), library, TODAY)


def one_part(
    library: Library, regime: str, outcome: str, exemptions: list[str] | None = None, **part: object
) -> Letter:
    """Assemble a one-part letter."""
    if exemptions is None:
        exemptions = CASE_EXEMPTIONS.get((regime, outcome), [])
    return build(library, regime, [dict(outcome=outcome, exemptions=exemptions, hours=60, **part)])


def assert_clean(text: str) -> None:
    """Fail on template leftovers and typographical slips in rendered text."""
    assert "{{" not in text and "{%" not in text and "}}" not in text
    assert "  " not in text, "doubled space"
    assert not re.search(r" [.,;:]", text), "space before punctuation"
    assert not re.search(r"\b(\w+) \1\b", text, re.IGNORECASE), "repeated word"
    assert "\n\n\n" not in text


def provision_keys(regime: str) -> list[str]:
    return [str(p.cite) for p in load_registry(regime).provisions]


ALL_KEYS = [(r, k) for r in REGIMES for k in provision_keys(r)]
NCND_KEYS = [(r, str(p.cite)) for r in REGIMES for p in load_registry(r).provisions if p.ncnd]


# --------------------------------------------------------------------------- the library


def test_library_loads_without_problems(library: Library) -> None:
    assert library.problems == []
    assert len(library.clauses) > 100


def starter_clauses(library: Library) -> list[Clause]:
    """Return the clauses of the FOIA/FOISA starter library (common, foia and foisa folders)."""
    return [c for c in library.clauses.values() if re.search(r"clauses[\\/](common|foia|foisa)[\\/]", c.path)]


def test_every_approved_clause_records_review_metadata(library: Library) -> None:
    starter = starter_clauses(library)
    approved = [c for c in starter if c.status == "approved"]
    assert starter and len(approved) == len(starter)
    for clause in approved:
        assert clause.approved_by and clause.owner and clause.guidance.strip(), clause.id
        assert clause.approved_on and clause.last_reviewed and clause.review_due, clause.id
        assert clause.review_due > clause.last_reviewed, clause.id
        assert clause.references, clause.id


# A reference names the instrument itself: an Act, a statutory instrument, a code or rules of
# court, or a named page of a regulator or other official body.
SOURCE = re.compile(
    r"(FOIA|FOISA|EIR|EISR) \S.*|(SI|SSI) \d{4}/\d+( .*)?|UK GDPR Art \d.*|DPA 2018 .+|RCS r\d.*"
    r"|.+ Act \d{4}( .*)?|(ICO|OSIC|gov\.uk|CPS|COPFS|College of Policing APP|Scottish Courts and Tribunals Service)"
    r"( guidance| Guide to FOI)?: .+"
)


def test_every_reference_names_a_statute_or_official_source(library: Library) -> None:
    for clause in starter_clauses(library):
        for ref in clause.references:
            assert SOURCE.fullmatch(ref), (clause.id, ref)
            assert ".md" not in ref, (clause.id, ref)


# --------------------------------------------------------------------------- exemptions


@pytest.mark.parametrize(("regime", "key"), ALL_KEYS)
def test_every_provision_has_its_own_exemption_clause(library: Library, regime: str, key: str) -> None:
    facts = Facts(regime, "response", ("withheld",), (parse_citation(key),), False)
    clause = select_clause(library, "exemption", facts)
    assert clause is not None
    assert clause.sections, f"{regime} {key} falls back to {clause.id}"
    assert set(clause.provides) == {"17(1)(c)" if regime == "foia" else "16(1)(d)"}


@pytest.mark.parametrize(("regime", "key"), ALL_KEYS)
def test_withheld_letter_for_each_provision_renders_and_names_it(library: Library, regime: str, key: str) -> None:
    letter = one_part(library, regime, "withheld", [key], opinion=key == "36")
    assert letter.problems == []
    block = next(b for b in letter.blocks() if b.topic == "exemption")
    cite_text = load_registry(regime).cite_text(key)
    assert cite_text.lower() in block.text.lower()
    assert_clean(letter.markdown())


@pytest.mark.parametrize(("regime", "key"), NCND_KEYS)
def test_ncnd_letter_for_each_provision_does_not_reveal_holding(library: Library, regime: str, key: str) -> None:
    letter = one_part(library, regime, "ncnd", [key], opinion=key == "36")
    assert letter.problems == []
    text = letter.markdown()
    assert_clean(text)
    for giveaway in ("we are withholding", "we have withheld", "we are not providing", "We hold"):
        assert giveaway not in text, giveaway
    assert any(b.topic == "ncnd-caveat" for b in letter.blocks())


@pytest.mark.parametrize(("regime", "key"), ALL_KEYS)
def test_public_interest_block_only_for_qualified_exemptions(library: Library, regime: str, key: str) -> None:
    provision = load_registry(regime).provision(key)
    letter = one_part(library, regime, "withheld", [key], opinion=key == "36")
    pit = [b for b in letter.blocks() if b.topic == "pit"]
    if provision.absolute:
        assert pit == []
    else:
        assert len(pit) == 1
        assert "public interest" in pit[0].text
        assert set(pit[0].provides) == {"17(3)" if regime == "foia" else "16(2)"}


@pytest.mark.parametrize(
    ("regime", "key", "absolute"),
    [
        ("foia", "40(2)", True),
        ("foia", "40(2)(3B)", False),
        ("foia", "40(2)(4A)", False),
        ("foisa", "38(1)(b)", True),
    ],
)
def test_personal_data_reasoning_matches_the_condition(library: Library, regime: str, key: str, absolute: bool) -> None:
    letter = one_part(library, regime, "withheld", [key])
    block = next(b for b in letter.blocks() if b.topic == "personal-data")
    if absolute:
        assert "Article 6(1)(f)" in block.text and "absolute" in letter.markdown()  # said once, by the exemption
    else:
        assert "absolute" not in block.text
        condition = key.rsplit("(", 1)[1].rstrip(")")
        assert f"section 40({condition})" in block.text


# --------------------------------------------------------------------------- outcomes


@pytest.mark.parametrize("regime", REGIMES)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_each_outcome_assembles_a_clean_letter(library: Library, regime: str, outcome: str) -> None:
    letter = one_part(library, regime, outcome)
    assert letter.problems == []
    assert_clean(letter.markdown())
    provided = {p for b in letter.blocks() for p in b.effective_provides}
    assert EXPECTED_PROVIDES[(regime, outcome)] <= provided


@pytest.mark.parametrize("regime", REGIMES)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_multi_part_letters_restate_each_question(library: Library, regime: str, outcome: str) -> None:
    parts = [
        {
            "outcome": outcome,
            "exemptions": CASE_EXEMPTIONS.get((regime, outcome), []),
            "question": "How many were blue?",
            "hours": 60,
        },
        {"outcome": "disclosed", "question": "How many were red?"},
    ]
    letter = build(library, regime, parts)
    assert letter.problems == []
    text = letter.markdown()
    assert_clean(text)
    if outcome == "disclosed":  # one outcome for both questions: the decision speaks for the request
        assert "in your request" in text and "question 2" not in text
    else:  # each decision names the questions it covers
        assert "question 1" in text and "question 2" in text
    assert "How many were blue?" not in text  # the request is quoted once; questions are not repeated


@pytest.mark.parametrize("regime", REGIMES)
def test_cost_paragraph_gives_limit_and_estimate(library: Library, regime: str) -> None:
    letter = one_part(library, regime, "cost-limit")
    cost = next(b for b in letter.blocks() if b.topic == "cost").text
    if regime == "foia":
        assert "£450" in cost and "£25" in cost and "18 hours" in cost
        assert "determining whether we hold the information" in cost
        assert "60 hours" in cost and "£1,500" in cost
    else:
        assert "£600" in cost and "£15" in cost and "40 hours" in cost
        assert "60 hours" in cost and "£900" in cost
    assert "more than" in cost.split("We estimate")[1]


@pytest.mark.parametrize("regime", REGIMES)
def test_cost_estimate_under_the_limit_is_not_called_excessive(library: Library, regime: str) -> None:
    letter = build(library, regime, [{"outcome": "cost-limit", "hours": 5}])
    cost = next(b for b in letter.blocks() if b.topic == "cost").text
    estimate = cost.split("We estimate")[1]
    assert "5 hours" in estimate and "more than" not in estimate


def test_foia_s36_names_the_qualified_person(library: Library) -> None:
    letter = one_part(library, "foia", "withheld", ["36(2)(b)(i)"], opinion=True)
    text = letter.markdown()
    assert "The Chief Executive" in text and "15 October 2026" in text


# --------------------------------------------------------------------------- rights and closers


def rights_text(letter: Letter) -> str:
    return "\n".join(b.text for b in letter.blocks() if b.section == "rights")


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_foia_rights_name_the_ico_and_section_50(library: Library, outcome: str) -> None:
    text = rights_text(one_part(library, "foia", outcome))
    assert "Wycliffe House" in text and "section 50" in text
    assert "40 working days" in text and "six weeks" in text


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_foisa_rights_give_review_commissioner_and_court(library: Library, outcome: str) -> None:
    text = rights_text(one_part(library, "foisa", outcome))
    for needed in ("Kinburn Castle", "six months", "40 working days", "Court of Session", "section 47(1)"):
        assert needed in text, needed


@pytest.mark.parametrize(("requester", "signoff"), [("A. Requester", "Yours sincerely"), ("", "Yours faithfully")])
def test_salutation_and_sign_off_match(library: Library, requester: str, signoff: str) -> None:
    letter = build(library, "foia", [{"outcome": "disclosed"}], requester=requester)
    text = letter.markdown()
    assert signoff in text
    assert ("Dear A. Requester," if requester else "Dear Sir or Madam,") in text


def test_sign_off_without_signatory_has_no_blank_lines(library: Library) -> None:
    letter = build(library, "foisa", [{"outcome": "disclosed"}], signatory="")
    closing = next(b for b in letter.blocks() if b.topic == "closing").text
    assert closing.rstrip().endswith("Yours sincerely")
    assert_clean(letter.markdown())


@pytest.mark.parametrize(
    "clause_id", ["foia.advice.cps", "foisa.advice.copfs", "common.apology.late", "common.advice.subject-access"]
)
def test_optional_clauses_are_never_chosen_automatically_but_render(library: Library, clause_id: str) -> None:
    clause = library.get(clause_id)
    assert clause is not None and clause.optional
    regime = "foisa" if "foisa" in clause_id else "foia"
    case = parse_case(case_yaml(regime, [{"outcome": "not-held"}]))
    section = "part-1" if clause.topic == "advice" else clause.topic
    case.edits.added.append(AddedClause(clause_id, section))
    letter = assemble(case, library, TODAY)
    assert letter.problems == []
    added = [b for b in letter.blocks() if b.added]
    assert len(added) == 1 and added[0].text.strip()
    assert_clean(letter.markdown())
    assert all(b.clause_id != clause_id for b in letter.blocks() if not b.added)
