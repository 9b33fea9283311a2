"""Clause and library problems carry a code and a field, so no code has to read their messages."""

from __future__ import annotations

from app.core.drafting import clauses, library, template_errors
from app.core.drafting.clauses import parse_clause
from app.core.drafting.library import Layer, check_clause, load_library
from app.core.drafting.skeleton import all_topics

BODY = "We hold the information.\n"


def _text(*header: str, body: str = BODY) -> str:
    return "---\n" + "\n".join(header) + "\n---\n" + body


def test_missing_field_names_the_field():
    clause, problems = parse_clause(_text("id: x", "title: X", "status: draft"), "x.md")
    assert clause is None
    assert [(p.code, p.field) for p in problems] == [(clauses.MISSING_FIELD, "topic")]


def test_unrecorded_approval_is_on_approved_by_at_the_status_line():
    text = _text("id: x", "title: X", "topic: decision-disclosed", "status: approved")
    _, problems = parse_clause(text, "x.md")
    [problem] = problems
    assert (problem.code, problem.field, problem.line) == (clauses.UNRECORDED_APPROVAL, "approved_by", 5)


def test_template_syntax_error_makes_the_clause_unusable():
    clause, problems = parse_clause(_text("id: x", "title: X", "topic: t", "status: draft", body="{% if %}\n"), "x.md")
    assert clause is None
    assert [p.code for p in problems] == [template_errors.UNCLOSED_BLOCK]
    assert template_errors.UNCLOSED_BLOCK in clauses.UNUSABLE
    assert problems[0].field == ""


def test_reference_problems_are_located_from_the_text_read_not_the_disk(tmp_path):
    # the path does not exist: lines come from the header that was parsed
    text = _text("id: x", "title: X", "status: draft", "sections: ['99']", "topic: no-such-topic")
    clause, _ = parse_clause(text, str(tmp_path / "gone.md"))
    assert clause is not None
    found = {p.code: p for p in check_clause(clause, all_topics())}
    assert (found[library.UNKNOWN_TOPIC].field, found[library.UNKNOWN_TOPIC].line) == ("topic", 6)
    assert (found[library.UNKNOWN_SECTION].field, found[library.UNKNOWN_SECTION].line) == ("sections", 5)


def test_duplicate_id_is_reported_on_the_id_line(tmp_path):
    header = ("title: X", "topic: decision-disclosed", "status: draft", "id: same")
    (tmp_path / "a.md").write_text(_text(*header), encoding="utf-8")
    (tmp_path / "b.md").write_text(_text(*header), encoding="utf-8")
    problems = load_library([Layer("test", tmp_path)]).problems
    [duplicate] = [p for p in problems if p.code == library.DUPLICATE_ID]
    assert (duplicate.path.endswith("b.md"), duplicate.field, duplicate.line) == (True, "id", 5)
