"""The law in substance: each wrong letter is refused or flagged with its subsection; the corrected case passes."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.casefile.model import parse_case
from app.core.checks.compliance import ERROR, WARNING, check
from app.core.drafting.assemble import assemble
from app.core.drafting.library import load_library

TODAY = dt.date(2026, 11, 20)
COUNCIL = "authority: {name: Westmere District Council, email: foi@westmere.example}\n"


def case_text(body: str, regime: str = "foia", letter: str = "response", authority: str = COUNCIL) -> str:
    """A case with the common fields around the body under test."""
    return (
        f"regime: {regime}\nletter: {letter}\nreference: T-1\nreceived: 2026-10-26\ndate: 2026-11-20\n"
        f"{authority}requester: {{name: Ms Jane Smith}}\nrequest: The file.\n{body}"
    )


# (name, wrong case body, citation expected, corrected case body, options)
ROWS = [
    (
        "cost under the council limit",
        "parts:\n  - {outcome: cost-limit, cost: {hours: 15}}\n",
        "FOIA s12(1)",
        "parts:\n  - {outcome: cost-limit, cost: {hours: 19}}\n",
        {},
    ),
    (
        "cost refusal with no estimate",
        "parts:\n  - {outcome: cost-limit}\n",
        "FOIA s12(1)",
        "cost: {hours: 40}\nparts:\n  - {outcome: cost-limit}\n",
        {},
    ),
    (
        "aggregated without a reason",
        "cost: {hours: 40, aggregated: true}\nparts:\n  - {outcome: cost-limit}\n",
        "SI 2004/3244 reg 5",
        "cost: {hours: 40, aggregated: true, aggregation_reason: 'Three requests in 20 working days.'}\n"
        "parts:\n  - {outcome: cost-limit}\n",
        {},
    ),
    (
        "public interest extension without a date",
        "parts:\n  - {outcome: withheld, exemptions: ['31(1)(a)']}\n",
        "FOIA s17(2)",
        "extension_date: 2026-12-18\nparts:\n  - {outcome: withheld, exemptions: ['31(1)(a)']}\n"
        "reasoning: {'31(1)(a)': {harm: Suspects would learn of the operation.}}\n",
        {"letter": "pit-extension"},
    ),
    (
        "review outcome without decisions",
        "review: {requested: 2026-11-02}\nparts:\n  - {outcome: cost-limit, cost: {hours: 60}}\n",
        "FOIA review",
        "review: {requested: 2026-11-02, reasons: 'Checked.'}\n"
        "parts:\n  - {outcome: cost-limit, cost: {hours: 60}, review: {decision: upheld}}\n",
        {"letter": "review-outcome"},
    ),
    (
        "review outcome without the date it was asked for",
        "review: {decision: upheld}\nparts:\n  - {outcome: cost-limit, cost: {hours: 60}}\n",
        "FOIA review",
        "review: {decision: upheld, requested: 2026-11-02}\nparts:\n  - {outcome: cost-limit, cost: {hours: 60}}\n",
        {"letter": "review-outcome"},
    ),
    (
        "s36 without the qualified person's opinion",
        "parts:\n  - {outcome: withheld, exemptions: ['36(2)(b)(i)']}\n"
        "reasoning: {'36(2)(b)(i)': {harm: Chilling effect on advice., balance: Safe space needed now.}}\n",
        "FOIA s36(2)",
        "parts:\n  - {outcome: withheld, exemptions: ['36(2)(b)(i)'], opinion: {by: Chief Executive, date: 2026-11-01}}\n"
        "reasoning: {'36(2)(b)(i)': {harm: Chilling effect on advice., balance: Safe space needed now.}}\n",
        {},
    ),
    (
        "s22 without a publication date",
        "parts:\n  - {outcome: withheld, exemptions: ['22']}\nreasoning: {'22': {balance: Publication is weeks away.}}\n",
        "FOIA s22",
        "parts:\n  - {outcome: withheld, exemptions: ['22'], publication: {date: 2027-01-15}}\n"
        "reasoning: {'22': {balance: Publication is weeks away.}}\n",
        {},
    ),
    (
        "s31(1)(g) without a s31(2) purpose",
        "parts:\n  - {outcome: withheld, exemptions: ['31(1)(g)']}\n"
        "reasoning: {'31(1)(g)': {harm: Inspections would be evaded., balance: Inspections protect workers.}}\n",
        "FOIA s31(2)",
        "parts:\n  - {outcome: withheld, exemptions: ['31(1)(g)'], purposes: ['31(2)(i)']}\n"
        "reasoning: {'31(1)(g)': {harm: Inspections would be evaded., balance: Inspections protect workers.}}\n",
        {},
    ),
    (
        "qualified exemption with the library's generic reasons only",
        "parts:\n  - {outcome: withheld, exemptions: ['30(1)(a)']}\n",
        "FOIA s17(3)",
        "parts:\n  - {outcome: withheld, exemptions: ['30(1)(a)']}\n"
        "reasoning: {'30(1)(a)': {balance: The investigation is open and suspects are not yet charged.}}\n",
        {},
    ),
    (
        "EIR exception that could cover emissions, not recorded",
        "parts:\n  - {outcome: withheld, exemptions: ['12(5)(e)']}\n"
        "reasoning: {'12(5)(e)': {harm: Rates would be undercut., balance: Re-tender is months away.}}\n",
        "EIR reg 12(9)",
        "parts:\n  - {outcome: withheld, exemptions: ['12(5)(e)'], emissions: false}\n"
        "reasoning: {'12(5)(e)': {harm: Rates would be undercut., balance: Re-tender is months away.}}\n",
        {"regime": "eir"},
    ),
]


@pytest.fixture(scope="module")
def library():
    """The built-in clause library, loaded once."""
    return load_library()


def findings_of(library, text: str, severity: str = ERROR):
    case = parse_case(text)
    letter = assemble(case, library, TODAY)
    return [f for f in check(case, letter, TODAY, library=library) if f.severity == severity], letter


@pytest.mark.parametrize(("name", "wrong", "citation", "right", "options"), ROWS, ids=[r[0] for r in ROWS])
def test_wrong_letter_is_flagged_and_corrected_one_passes(library, name, wrong, citation, right, options):
    errors, _ = findings_of(library, case_text(wrong, **options))
    assert any(f.citation.startswith(citation) for f in errors), [str(f) for f in errors]
    errors, letter = findings_of(library, case_text(right, **options))
    assert errors == [], [str(f) for f in errors]
    assert letter.problems == []


def test_department_without_schedule_1_field_is_warned_and_field_set_is_not(library):
    department = "authority: {name: Department for Transport, email: foi@dft.example}\n"
    body = "cost: {hours: 20}\nparts:\n  - {outcome: cost-limit}\n"
    warnings, _ = findings_of(library, case_text(body, authority=department), WARNING)
    assert any(f.rule == "schedule-1" and "£600" in f.message for f in warnings)
    set_field = department.replace("email:", "central_government: true, email:")
    warnings, letter = findings_of(library, case_text(body, authority=set_field), WARNING)
    assert not any(f.rule == "schedule-1" for f in warnings)
    assert "£600" in letter.markdown()  # 20 hours is £500: under £600, so this refusal is itself an error
    errors, _ = findings_of(library, case_text(body, authority=set_field))
    assert any(f.rule == "cost-under-limit" for f in errors)


def test_deleting_the_eir_commissioner_paragraph_is_caught(library):
    body = "parts:\n  - {outcome: not-held}\nedits: {removed: ['rights/regulator']}\n"
    errors, _ = findings_of(library, case_text(body, regime="eir"))
    assert any(f.citation == "EIR reg 14" and "Commissioner" in f.message for f in errors)


def test_house_of_commons_s36_is_absolute_with_no_public_interest_test(library):
    commons = "authority: {name: House of Commons, kind: house-of-commons, email: foi@parliament.example}\n"
    body = "parts:\n  - {outcome: withheld, exemptions: ['36(2)(b)(i)'], opinion: {by: Speaker, date: 2026-11-01}}\n"
    body += "reasoning: {'36(2)(b)(i)': {harm: Candour in advice to the House would suffer.}}\n"
    errors, letter = findings_of(library, case_text(body, authority=commons))
    assert errors == []
    assert letter.find("pit", 1) is None and "absolute exemption (section 2(3)(e))" in letter.markdown()


@pytest.mark.parametrize(("kind", "offered"), [("scottish-information-commissioner", False), ("police", True)])
def test_foisa_s48_authorities_offer_no_s47_application(library, kind, offered):
    authority = f"authority: {{name: Body, kind: {kind}, email: foi@body.example}}\n"
    body = "parts:\n  - {outcome: not-held}\n"
    errors, letter = findings_of(library, case_text(body, regime="foisa", authority=authority))
    assert errors == []
    text = letter.markdown()
    assert ("for a decision under section 47(1)" in text) is offered
    assert ("Section 48 of the Act" in text) is not offered


@pytest.mark.parametrize(("date", "named"), [("2026-03-01", True), ("2026-01-10", False)])
def test_data_protection_reasoning_follows_the_letter_date(library, date, named):
    body = "parts:\n  - {outcome: withheld, exemptions: ['40(2)']}\n"
    text = case_text(body).replace("received: 2026-10-26\ndate: 2026-11-20", f"received: {date}\ndate: {date}")
    _errors, letter = findings_of(library, text)
    assert ("Article 6(1)(ea)" in letter.markdown()) is named
    assert "Article 6(1)(f)" in letter.markdown()


@pytest.mark.parametrize("cited", ["40(5B)", "23(5)", "24(2)", "30(3)", "31(3)"])
def test_ncnd_provisions_are_accepted_and_never_doubled(library, cited):
    body = (
        f"parts:\n  - {{outcome: ncnd, exemptions: ['{cited}']}}\nreasoning: {{'{cited}': {{harm: H., balance: B.}}}}\n"
    )
    errors, letter = findings_of(library, case_text(body))
    assert letter.problems == [] and not [f for f in errors if f.rule == "case-law"]
    assert f"section {cited}, read with section {cited}" not in letter.markdown()


def test_s40_5b_ncnd_needs_no_public_interest_test(library):
    body = "parts:\n  - {outcome: ncnd, exemptions: ['40(2)']}\n"
    errors, letter = findings_of(library, case_text(body))
    assert errors == [] and letter.find("ncnd-pit", 1) is None


def test_no_officers_case_prints_a_citation_form_the_act_lacks(library):
    body = "parts:\n  - {outcome: withheld, exemptions: ['40(2)(3B)', '30(1)(a)(b)(c)(2)']}\n"
    _errors, letter = findings_of(library, case_text(body))
    text = letter.markdown()
    assert "40(2)(3B)" not in text and "section 40(2) and (3B)" in text
    assert "(c)(2)" not in text


def test_mixed_review_decisions_are_each_said_for_their_questions(library):
    body = (
        "review: {requested: 2026-11-02}\nparts:\n"
        "  - {outcome: cost-limit, review: {decision: upheld}}\n"
        "  - {outcome: disclosed, answer: Attached., review: {decision: overturned, reasons: We found it.}}\n"
        "cost: {hours: 60}\n"
    )
    errors, letter = findings_of(library, case_text(body, regime="foisa", letter="review-outcome"))
    assert errors == []
    decision = letter.find("review-decision").text
    assert "For question 1, we have confirmed" in decision and "For question 2, we have substituted" in decision
    assert "We found it." in letter.markdown()
