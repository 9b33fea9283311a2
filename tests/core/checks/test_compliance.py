"""The compliance check: each statutory rule fires when its element is missing and not otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.casefile.model import parse_case
from app.core.checks.compliance import ERROR, WARNING, check
from app.core.checks.requirements import requirements_for
from app.core.drafting.letter import Letter, LetterBlock, LetterSection

TODAY = dt.date(2026, 11, 21)


def make_case(regime: str, outcome: str, exemptions: list[str], letter: str = "response", extra: str = ""):
    """Return a one-part case."""
    return parse_case(
        f"regime: {regime}\nletter: {letter}\nreceived: 2026-10-01\ndate: 2026-10-20\n"
        "authority: {name: Example Council, foi_email: foi@example.gov.uk}\n"
        "extension_date: 2026-11-30\nreview: {requested: 2026-10-05, decision: upheld}\n"  # facts the law needs
        f"parts:\n  - outcome: {outcome}\n    exemptions: {exemptions}\n    cost: {{hours: 60}}\n    emissions: false\n{extra}"
    )


def complete_letter(case) -> Letter:
    """A letter with one block providing each required element, in the right scope."""
    blocks = [
        LetterBlock(
            key=f"b{i}",
            section="s",
            topic="t",
            text="wording",
            provides=(req.element,),
            part=req.part,
            exemption=req.exemption,
        )
        for i, req in enumerate(requirements_for(case, Letter(title="")))
    ]
    return Letter(title="t", sections=[LetterSection("s", "", blocks)])


SCENARIOS = [
    (
        "foia",
        "withheld",
        ["31(1)(a)"],
        "response",
        {"FOIA s17(1)(a)", "FOIA s17(1)(b)", "FOIA s17(1)(c)", "FOIA s17(3)", "FOIA s17(7)(a)", "FOIA s17(7)(b)"},
    ),
    (
        "foia",
        "withheld",
        ["40(2)"],
        "response",
        {"FOIA s17(1)(a)", "FOIA s17(1)(b)", "FOIA s17(1)(c)", "FOIA s17(7)(a)", "FOIA s17(7)(b)"},
    ),
    ("foia", "cost-limit", [], "response", {"FOIA s17(5)", "FOIA s17(7)(a)", "FOIA s17(7)(b)"}),
    ("foia", "vexatious", [], "response", {"FOIA s17(5)", "FOIA s17(7)(a)", "FOIA s17(7)(b)"}),
    (
        "foia",
        "ncnd",
        ["31(1)(a)"],
        "response",
        {"FOIA s17(1)(a)", "FOIA s17(1)(b)", "FOIA s17(3)", "FOIA s17(7)(a)", "FOIA s17(7)(b)"},
    ),
    ("foia", "disclosed", [], "response", set()),
    (
        "foia",
        "withheld",
        ["31(1)(a)"],
        "pit-extension",
        {"FOIA s17(1)(a)", "FOIA s17(1)(b)", "FOIA s17(1)(c)", "FOIA s17(2)", "FOIA s17(7)(a)", "FOIA s17(7)(b)"},
    ),
    ("foia", "withheld", ["31(1)(a)"], "review-outcome", {"FOIA s50"}),
    ("foia", "disclosed", [], "clarification", {"FOIA s1(3)"}),
    ("foia", "disclosed", [], "fees-notice", {"FOIA s9(1)"}),
    (
        "foisa",
        "withheld",
        ["35(1)(a)"],
        "response",
        {
            "FOISA s16(1)(a)",
            "FOISA s16(1)(b)",
            "FOISA s16(1)(c)",
            "FOISA s16(1)(d)",
            "FOISA s16(2)",
            "FOISA s19(a)",
            "FOISA s19(b)",
        },
    ),
    (
        "foisa",
        "withheld",
        ["38(1)(b)"],
        "response",
        {"FOISA s16(1)(a)", "FOISA s16(1)(b)", "FOISA s16(1)(c)", "FOISA s16(1)(d)", "FOISA s19(a)", "FOISA s19(b)"},
    ),
    ("foisa", "cost-limit", [], "response", {"FOISA s16(4)", "FOISA s19(a)", "FOISA s19(b)"}),
    ("foisa", "repeated", [], "response", {"FOISA s16(5)", "FOISA s19(a)", "FOISA s19(b)"}),
    ("foisa", "not-held", [], "response", {"FOISA s17(1)", "FOISA s19(a)", "FOISA s19(b)"}),
    ("foisa", "ncnd", ["35(1)(a)"], "response", {"FOISA s18(1)", "FOISA s19(a)", "FOISA s19(b)"}),
    ("foisa", "cost-limit", [], "review-outcome", {"FOISA s21(5)", "FOISA s21(10)"}),
    ("foisa", "disclosed", [], "fees-notice", {"FOISA s9(1)", "FOISA s19(a)", "FOISA s19(b)"}),
    ("eir", "withheld", ["12(5)(e)"], "response", {"EIR reg 14"}),
    ("eisr", "not-held", [], "response", {"EISR reg 13"}),
]


@pytest.mark.parametrize("regime, outcome, exemptions, letter, citations", SCENARIOS)
def test_required_elements_per_regime_letter_and_outcome(regime, outcome, exemptions, letter, citations):
    case = make_case(regime, outcome, exemptions, letter)
    required = {r.citation for r in requirements_for(case, Letter(title="")) if r.severity == ERROR}
    assert required == citations


@pytest.mark.parametrize("regime, outcome, exemptions, letter, citations", SCENARIOS)
def test_complete_letter_passes(regime, outcome, exemptions, letter, citations):
    case = make_case(regime, outcome, exemptions, letter)
    assert [f for f in check(case, complete_letter(case), TODAY) if f.severity == ERROR] == []


@pytest.mark.parametrize("regime, outcome, exemptions, letter, citations", SCENARIOS)
def test_each_element_removed_is_reported_with_its_subsection(regime, outcome, exemptions, letter, citations):
    case = make_case(regime, outcome, exemptions, letter)
    for index, req in enumerate(requirements_for(case, Letter(title=""))):
        full = complete_letter(case)
        block = full.sections[0].blocks[index]
        block.removed = True
        findings = check(case, full, TODAY)
        missing = [f for f in findings if f.rule == req.rule and f.part == req.part]
        assert missing, f"removing {req.element} was not reported"
        assert missing[0].citation == req.citation
        assert missing[0].block_key == block.key


def test_emptied_public_interest_reasons_are_caught():
    case = make_case("foia", "withheld", ["31(1)(a)"])
    letter = complete_letter(case)
    pit = next(b for b in letter.blocks() if b.provides == ("17(3)",))
    pit.text = "   \n"
    [finding] = [f for f in check(case, letter, TODAY) if f.severity == ERROR]
    assert finding.citation == "FOIA s17(3)" and "public interest" in finding.message


def test_element_in_another_part_does_not_count():
    case = parse_case(
        "regime: foisa\nreceived: 2026-10-01\ndate: 2026-10-20\nauthority: {name: A, email: a@example.org}\n"
        "cost: {hours: 60}\nparts:\n  - outcome: cost-limit\n  - outcome: cost-limit\n"
    )
    letter = complete_letter(case)
    part_two = next(b for b in letter.blocks() if b.provides == ("16(4)",) and b.part == 2)
    part_two.part = 1
    findings = [f for f in check(case, letter, TODAY) if f.severity == ERROR]
    assert [(f.citation, f.part) for f in findings] == [("FOISA s16(4)", 2)]


@pytest.mark.parametrize(
    "received, date, fires", [("2026-10-01", "2026-09-30", True), ("2026-10-01", "2026-10-01", False)]
)
def test_letter_dated_before_receipt(received, date, fires):
    case = parse_case(f"regime: foia\nreceived: {received}\ndate: {date}\nparts: [{{outcome: disclosed}}]\n")
    found = [f for f in check(case, complete_letter(case), TODAY) if f.rule == "letter-date-before-receipt"]
    assert bool(found) is fires


@pytest.mark.parametrize("date, fires", [("2026-10-29", False), ("2026-10-30", True)])
def test_late_response_warns_and_offers_apology(date, fires):
    # Received Thu 1 Oct 2026: the 20th working day is Thu 29 Oct 2026 (no bank holidays in between).
    case = parse_case(f"regime: foia\nreceived: 2026-10-01\ndate: {date}\nparts: [{{outcome: disclosed}}]\n")
    found = [f for f in check(case, complete_letter(case), TODAY) if f.rule == "late-response"]
    assert bool(found) is fires
    if fires:
        assert found[0].severity == WARNING and "apology" in found[0].message


@pytest.mark.parametrize(
    "opinion, fires", [("", True), ("    opinion: {by: Chief Executive, date: 2026-10-10}\n", False)]
)
def test_s36_needs_qualified_person_opinion(opinion, fires):
    case = parse_case(
        "regime: foia\nreceived: 2026-10-01\ndate: 2026-10-20\nparts:\n"
        f"  - outcome: withheld\n    exemptions: ['36(2)(b)(i)']\n{opinion}"
    )
    found = [f for f in check(case, complete_letter(case), TODAY) if f.rule == "s36-opinion"]
    assert bool(found) is fires
    if fires:
        assert found[0].citation == "FOIA s36(2)"


def test_disclosed_foia_letter_only_recommends_rights():
    case = make_case("foia", "disclosed", [])
    findings = check(case, Letter(title="t"), TODAY)
    assert {f.severity for f in findings} == {WARNING}


@pytest.mark.parametrize(
    "regime, exemption, fires, citation",
    [
        ("foisa", "25", True, "FOISA s18(1)"),
        ("foisa", "35(1)(a)", False, ""),
        ("foia", "21", True, "FOIA s2(1)(a)"),
        ("foia", "31(1)(a)", False, ""),
    ],
)
def test_ncnd_only_with_provisions_that_allow_it(regime, exemption, fires, citation):
    case = parse_case(
        f"regime: {regime}\nreceived: 2026-10-01\ndate: 2026-10-20\nparts:\n"
        f"  - outcome: ncnd\n    exemptions: ['{exemption}']\n",
        legal=False,
    )
    found = [f for f in check(case, complete_letter(case), TODAY) if f.rule == "case-law"]
    assert [f.citation for f in found] == ([citation] if fires else [])
    if fires:
        assert found[0].part == 1 and found[0].message.startswith("Part 1, exemption 1: ")


@pytest.mark.parametrize(
    "review_due, status, rules",
    [
        ("2026-11-20", "approved", {"clause-review-overdue"}),
        ("2026-11-21", "approved", set()),
        ("2027-01-01", "draft", {"draft-clause"}),
    ],
)
def test_overdue_and_draft_clauses_in_the_letter_are_flagged(tmp_path, review_due, status, rules):
    from app.core.drafting.assemble import assemble
    from app.core.drafting.library import Layer, load_library

    approver = "approved_by: Jo\n" if status == "approved" else ""
    (tmp_path / "c.md").write_text(
        f"---\nid: c\ntitle: Sign-off\ntopic: closing\nstatus: {status}\n{approver}"
        f"review_due: {review_due}\n---\nYours sincerely\n",
        encoding="utf-8",
    )
    library = load_library([Layer("t", tmp_path)])
    case = make_case("foia", "disclosed", [])
    case.allow_drafts = True
    letter = assemble(case, library, TODAY)
    found = {f.rule for f in check(case, letter, TODAY, library=library)} & {"clause-review-overdue", "draft-clause"}
    assert found == rules


@pytest.mark.parametrize(
    "regime, days, basis",
    [
        ("foisa", 20, "FOISA s21(1)"),
        ("eisr", 20, "EISR review (from the review request (EISR reg 16(4)))"),
        ("eir", 40, "EIR review (from the review request (EIR reg 11(4)))"),
        ("foia", 20, "FOIA review (from the review request (the s45 Code of Practice: guidance))"),
    ],
)
def test_a_late_review_outcome_names_the_period_its_regime_gives(regime, days, basis):
    text = (
        f"regime: {regime}\nletter: review-outcome\nreceived: 2026-01-05\ndate: 2026-11-20\n"
        "review:\n  requested: 2026-03-02\nparts:\n  - outcome: disclosed\n"
    )
    (late,) = [f for f in check(parse_case(text), Letter(title=""), TODAY) if f.rule == "late-review"]
    assert late.severity == WARNING and late.citation == basis
    assert f", {days} working days after the review was asked for" in late.message
