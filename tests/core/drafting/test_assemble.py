"""Assembly: the most specific clause wins, edits apply, and rendering is safe and strict."""

from __future__ import annotations

import pytest

from app.core.casefile.model import AddedClause, parse_case
from app.core.drafting.assemble import assemble
from app.core.drafting.library import Layer, load_library
from tests.core.conftest import TODAY, write_clause

CASE = """\
regime: foia
received: 2026-10-01
date: 2026-10-20
requester: {name: "A. Requester"}
request: "Please send *everything* <now>"
parts:
  - question: Arrests by year
    outcome: partial
    exemptions: ["30(1)(a)", "40(2)"]
    answer: "| Year | Arrests |\\n|---|---|\\n| 2022 | 5 |\\n"
  - question: Convictions
    outcome: disclosed
"""


@pytest.fixture
def case():
    """A two-part FOIA case."""
    return parse_case(CASE)


def test_most_specific_clause_is_chosen(case, small_library):
    letter = assemble(case, small_library, TODAY)
    assert letter.problems == []
    assert letter.find("exemption", 1, "30(1)(a)").clause_id == "t.exemption-30"
    assert letter.find("exemption", 1, "40(2)").clause_id == "t.exemption-generic"
    assert letter.find("decision", 1).clause_id == "t.decision-partial"
    assert letter.find("decision", 2).clause_id == "t.decision-any"


def test_qualified_exemption_gets_pit_and_absolute_does_not(case, small_library):
    letter = assemble(case, small_library, TODAY)
    assert letter.find("pit", 1, "30(1)(a)") is not None
    assert letter.find("pit", 1, "40(2)") is None
    assert letter.find("personal-data", 1, "40(2)") is not None
    assert letter.find("harm", 1, "30(1)(a)") is None  # s30 is class-based


def test_data_is_escaped_but_the_answer_is_markdown(case, small_library):
    letter = assemble(case, small_library, TODAY)
    assert letter.block("request/request").text.strip() == r"Please send \*everything\* \<now\>"
    assert letter.find("answer", 1).text.startswith("| Year |")


def test_edits_removals_order_and_added_clauses_apply(case, small_library):
    case.edits.texts["decision/decision@partial"] = "My own wording."
    case.edits.removed.append("closing/closing")
    case.edits.order["ground-exemption"] = ["ground-exemption/exemption:40(2)", "ground-exemption/exemption:30(1)(a)"]
    case.edits.added.append(AddedClause("t.closing", "part-1"))
    letter = assemble(case, small_library, TODAY)
    decision = letter.find("decision", 1)
    assert decision.text == "My own wording." and decision.edited
    assert decision.library_text.startswith("We are withholding")
    assert letter.block("closing/closing").removed
    assert [b.key for b in letter.section("ground-exemption").blocks][:2] == [
        "ground-exemption/exemption:40(2)",
        "ground-exemption/exemption:30(1)(a)",
    ]
    assert letter.block("part-1/+t.closing").added
    assert letter.block("closing/closing").text.strip() == "Yours sincerely"  # still there, but removed
    assert not any("Yours sincerely" in b.text for b in letter.section("closing").visible_blocks())


def test_missing_variable_is_an_error_not_a_blank(case, tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    write_clause(folder, "closing", "closing", [], [], "Signed {{ case.signatory.nickname }}")
    letter = assemble(case, load_library([Layer("t", folder)], validate=False), TODAY)
    problems = [str(p) for p in letter.problems if "closing.md" in p.path]
    assert problems and "'nickname' is not a fact here; the facts here are name, address" in problems[0]
    assert problems[0].split(":")[1] == "8"
    assert letter.block("closing/closing").text == ""


def test_template_cannot_reach_python_internals(case, tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    write_clause(folder, "closing", "closing", [], [], "{{ ''.__class__.__mro__ }}")
    letter = assemble(case, load_library([Layer("t", folder)], validate=False), TODAY)
    assert any("unsafe" in p.message for p in letter.problems)
    assert "object" not in letter.block("closing/closing").text


def test_missing_clause_for_a_required_slot_is_reported(case, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    letter = assemble(case, load_library([Layer("t", folder)]), TODAY)
    assert any("no approved clause in the library for 'review'" in p.message for p in letter.problems)


def test_drafts_are_used_only_when_the_officer_opts_in(case, tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "c.md").write_text(
        "---\nid: d\ntitle: D\ntopic: closing\nstatus: draft\n---\nDraft sign-off\n", encoding="utf-8"
    )
    library = load_library([Layer("t", folder)])
    assert assemble(case, library, TODAY).block("closing/closing") is None
    case.allow_drafts = True
    assert assemble(case, library, TODAY).block("closing/closing").text.strip() == "Draft sign-off"


def test_deeper_section_match_wins_over_alphabetical_order(case, small_library, tmp_path):
    from tests.core.conftest import CLAUSES

    folder = tmp_path / "deep"
    folder.mkdir()
    for name, (topic, outcomes, sections, body) in CLAUSES.items():
        write_clause(folder, name, topic, outcomes, sections, body)
    write_clause(folder, "a-shallow", "exemption", [], ["40"], "Section 40 in general.")
    write_clause(folder, "z-deep", "exemption", [], ["40(2)"], "Section 40(2) in particular.")
    letter = assemble(case, load_library([Layer("t", folder)]), TODAY)
    assert letter.find("exemption", 1, "40(2)").clause_id == "t.z-deep"


def test_a_crashing_filter_becomes_a_problem(case, tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    write_clause(folder, "closing", "closing", [], [], "Due {{ case.extension_date|date }}")
    letter = assemble(case, load_library([Layer("t", folder)], validate=False), TODAY)
    assert any("cannot render clause t.closing" in p.message for p in letter.problems)


def test_added_clause_goes_before_the_sign_off(case, small_library):
    case.edits.added.append(AddedClause("t.review", "closing"))
    topics = [b.topic for b in assemble(case, small_library, TODAY).section("closing").blocks]
    assert topics == ["review", "closing", "signature"]
