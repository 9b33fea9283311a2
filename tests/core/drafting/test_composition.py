"""A letter says each thing once: decisions per outcome, reasons per ground, request quoted once, signed off."""

from __future__ import annotations

import collections
import datetime as dt
import re
from pathlib import Path

import docx
import pytest

from app.core.casefile.model import load_case, parse_case
from app.core.checks.compliance import ERROR, check
from app.core.drafting.assemble import assemble
from app.core.drafting.library import load_library
from app.core.drafting.request_text import quoted_request, request_markdown
from app.core.drafting.salutation import salutation
from app.core.paths import EXAMPLES_DIR
from app.core.word.export import ExportOptions, export_letter

TODAY = dt.date(2026, 11, 20)

# Six questions: answered, two refused on cost, three withheld under the same two exemptions, one not held.
SIX = """\
regime: foia
reference: FOI-2026-600
received: 2026-10-26
date: 2026-11-20
authority: {name: Westmere District Council, email: foi@westmere.example, address: [Market Street, Westmere]}
requester: {name: Ms Jane Smith, email: jane@example.org}
signatory: {name: R. Okafor, role: Information Governance Officer}
request: |
  Dear FOI team,

  1. How many staff work in planning?
  2. Every e-mail about the bypass since 2010.
  3. Every letter about the bypass since 2010.
  4. The consultants' draft report on the bypass.
  5. The minutes of the bypass project board.
  6. The legal advice on the bypass.
  7. The number of complaints about the bypass in 1990.

  Yours faithfully,
  Jane Smith
cost: {hours: 90}
parts:
  - {question: Planning staff, outcome: disclosed, answer: "There are 42 staff in planning."}
  - {question: E-mails, outcome: cost-limit}
  - {question: Letters, outcome: cost-limit}
  - {question: Draft report, outcome: withheld, exemptions: ["36(2)(b)(i)", "40(2)"],
     opinion: {by: Chief Executive, date: 2026-11-10}}
  - {question: Minutes, outcome: partial, exemptions: ["36(2)(b)(i)", "40(2)"], answer: "Redacted minutes attached.",
     opinion: {by: Chief Executive, date: 2026-11-10}}
  - {question: Legal advice, outcome: withheld, exemptions: ["36(2)(b)(i)", "40(2)"],
     opinion: {by: Chief Executive, date: 2026-11-10}}
  - {question: Complaints in 1990, outcome: not-held}
reasoning:
  "36(2)(b)(i)":
    harm: "Officials are still advising on the bypass and would be less candid."
    balance: "The decision is not yet taken; the interest in a safe space for advice is stronger."
  "40(2)":
    balance: "The junior officers named would not expect to be identified, and naming them adds nothing."
"""


@pytest.fixture(scope="module")
def library():
    """The built-in clause library, loaded once."""
    return load_library()


@pytest.fixture(scope="module")
def six(library):
    """The six-question case, assembled and checked."""
    case = parse_case(SIX)
    letter = assemble(case, library, TODAY)
    return case, letter, check(case, letter, TODAY, library=library)


def repeated_paragraphs(text: str) -> list[str]:
    """Return each paragraph of 15 or more words that occurs more than once."""
    paragraphs = [p.strip() for p in text.split("\n\n") if len(re.findall(r"\w+", p)) >= 15]
    return [p for p, n in collections.Counter(paragraphs).items() if n > 1]


def test_six_question_letter_says_each_thing_once(six):
    _case, letter, findings = six
    assert letter.problems == []
    assert [f for f in findings if f.severity == ERROR] == []
    assert repeated_paragraphs(letter.markdown()) == []


def test_one_notice_names_the_questions_it_covers(six):
    _case, letter, _findings = six
    withheld = letter.find("decision", 4)
    assert withheld is letter.find("decision", 5) is letter.find("decision", 6) and withheld.covers == (4, 5, 6)
    assert "questions 4 and 6" in withheld.text and "question 5" in withheld.text
    assert withheld.text.count("section 17(1)") == 1 and withheld.text.count("Prejudice to effective conduct") == 1
    cost = letter.find("decision", 2)
    assert cost is letter.find("decision", 3) and "questions 2 and 3" in cost.text and "section 17(5)" in cost.text


def test_shared_exemption_is_written_once_naming_its_questions(six):
    _case, letter, _findings = six
    blocks = [b for b in letter.blocks() if b.topic == "exemption" and b.exemption == "36(2)(b)(i)"]
    assert len(blocks) == 1 and blocks[0].covers == (4, 5, 6)
    assert "questions 4, 5 and 6" in letter.markdown()
    assert letter.markdown().count("Chief Executive") == 1


def test_cost_is_said_once_for_the_request(six):
    _case, letter, _findings = six
    costs = [b for b in letter.blocks() if b.topic == "cost"]
    advice = [b for b in letter.blocks() if b.topic == "advice" and "cost" in b.clause_id]
    assert len(costs) == 1 and costs[0].covers == (2, 3)
    assert "90 hours" in costs[0].text and "£2,250" in costs[0].text
    assert len(advice) == 1


def test_aggregated_requests_are_said_once_with_the_reason(library):
    text = SIX.replace(
        "cost: {hours: 90}", "cost: {hours: 90, aggregated: true, aggregation_reason: 'Two related requests.'}"
    )
    case = parse_case(text)
    letter = assemble(case, library, TODAY)
    cost = next(b for b in letter.blocks() if b.topic == "cost")
    assert "Regulation 5" in cost.text and "Two related requests." in cost.text
    assert letter.markdown().count("Regulation 5") == 1


def test_request_is_quoted_once_without_greeting_or_sign_off(six):
    _case, letter, _findings = six
    request = letter.find("request")
    assert request.style == "quote"
    assert "Dear FOI team" not in request.text and "Yours faithfully" not in request.text
    assert "Jane Smith" not in request.text
    assert letter.markdown().count("consultants' draft report") == 1


def test_question_by_question_layout_quotes_each_question_above_its_answer(library):
    case = parse_case(SIX + "layout: question-by-question\n")
    letter = assemble(case, library, TODAY)
    assert letter.section("request") is None
    text = letter.markdown()
    assert text.count("Draft report") == 1 and text.index("Draft report") < text.index("Minutes")
    assert letter.find("question", 1).style == "quote"


@pytest.mark.parametrize(
    ("name", "explicit", "expected"),
    [
        ("Ms Jane Smith", "", "Dear Ms Smith"),
        ("Dr. A. Patel", "", "Dear Dr. Patel"),
        ("Sir John Major", "", "Dear Sir John"),
        ("Jane Smith", "", "Dear Jane Smith"),
        ("", "", "Dear Sir or Madam"),
        ("Ms Jane Smith", "Dear Jane", "Dear Jane"),
    ],
)
def test_salutation_rules(name, explicit, expected):
    assert salutation(name, explicit) == expected


def test_requester_greeting_and_signature_lines_are_stripped():
    text = "Hello,\n\nPlease send the file.\n\nKind regards\nBob\n07700 900000\n"
    assert quoted_request(text) == "Please send the file.\n"
    assert request_markdown("1. One *thing*\n2) Another\n") == "1. One \\*thing\\*\n2. Another\n"


def test_signature_block_names_signatory_and_role(six):
    _case, letter, _findings = six
    signature = letter.find("signature")
    assert signature.style == "signature"
    assert signature.text.replace("\\", "").split("\n")[:2] == ["R. Okafor", "Information Governance Officer"]


def test_word_letter_has_outline_headings_title_quote_and_repeating_table_header(tmp_path, library):
    case = load_case(EXAMPLES_DIR / "foia-partial.yaml")
    letter = assemble(case, library, TODAY)
    target = tmp_path / "letter.docx"
    export_letter(letter, case, target, ExportOptions(today=TODAY))
    document = docx.Document(str(target))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Letter Heading", "Request Quote", "Signature Block"} <= styles
    heading = document.styles["Letter Heading"]
    assert heading.base_style.name == "Heading 1"
    assert heading.element.pPr.find(docx.oxml.ns.qn("w:outlineLvl")).get(docx.oxml.ns.qn("w:val")) == "0"
    assert document.core_properties.title.startswith("Freedom of Information response")
    assert document.tables and document.tables[0].rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    assert (
        document.styles["Normal"].element.rPr.find(docx.oxml.ns.qn("w:lang")).get(docx.oxml.ns.qn("w:val")) == "en-GB"
    )


@pytest.mark.parametrize("example", sorted(Path(EXAMPLES_DIR).glob("*.yaml")), ids=lambda p: p.stem)
def test_no_example_repeats_a_paragraph(example, library):
    case = load_case(example)
    letter = assemble(case, library, TODAY)
    assert repeated_paragraphs(letter.markdown()) == []
