"""Template errors in plain English, at the file line where the problem starts (header lines counted)."""

from __future__ import annotations

import pytest

from app.cli import main
from app.core.casefile.model import parse_case
from app.core.drafting import template_errors as te
from app.core.drafting.assemble import assemble
from app.core.drafting.clauses import UNUSABLE, parse_clause
from app.core.drafting.library import UNKNOWN_VARIABLE, Layer, check_clause, load_library
from tests.core.conftest import TODAY, write_clause

HEADER = "---\nid: t.x\ntitle: X\ntopic: closing\nstatus: draft\n---\n"  # the body starts on line 7


@pytest.mark.parametrize(
    "body, line, code, message",
    [
        (
            "Thank you.\n\n{% if case.late %}\nSorry for the delay.\n\nYours sincerely\n",
            9,
            te.UNCLOSED_BLOCK,
            "this 'if' on line 9 is never closed: add {% endif %} where it ends",
        ),
        (
            "{% for e in case.exemptions %}\n- {{ e.cite_text }}\n",
            7,
            te.UNCLOSED_BLOCK,
            "this 'for' on line 7 is never closed: add {% endfor %} where it ends",
        ),
        (
            "{% if case.late %}\n{% for e in case.exemptions %}\n{{ e.cite }}\n{% endif %}\n",
            8,
            te.UNCLOSED_BLOCK,
            "this 'for' on line 8 is never closed: the 'endif' on line 10 comes first (add {% endfor %} before it)",
        ),
        (
            "Thank you.\n{% endif %}\n",
            8,
            te.UNMATCHED_END,
            "this 'endif' on line 8 has no 'if' to close",
        ),
        (
            "Thank you.\n\n{% else %}\nOther.\n",
            9,
            te.MISPLACED_TAG,
            "this 'else' on line 9 is not inside an 'if' or 'for'",
        ),
        (
            "{% for e in case.exemptions %}\n{% elif case.late %}\n{% endfor %}\n",
            8,
            te.MISPLACED_TAG,
            "this 'elif' on line 8 is inside the 'for' opened on line 7, not directly inside an 'if'",
        ),
        (
            "Hello\n{% iff case.late %}Sorry{% endif %}\n",
            8,
            te.UNKNOWN_TAG,
            "'iff' on line 8 is not a template tag; did you mean 'if'?",
        ),
        (
            "{% shout %}\n",
            7,
            te.UNKNOWN_TAG,
            "'shout' on line 7 is not a template tag; the tags clauses use are if, elif, else, endif, for, endfor, set",
        ),
        (
            "Our reference is {{ case.reference.\n\nYours sincerely\n",
            7,
            te.UNCLOSED_TAG,
            "this placeholder '{{' on line 7 is never closed with '}}'",
        ),
        (
            "Our reference is {{ case.reference }.\n\nWe wrote on {{ case.date|date }}.\n",
            7,
            te.UNCLOSED_TAG,
            "this placeholder '{{' on line 7 is never closed with '}}'",
        ),
        (
            "Text\n{% if case.late\nSorry.\n",
            8,
            te.UNCLOSED_TAG,
            "this tag '{%' on line 8 is never closed with '%}'",
        ),
        (
            "Text\n{# a note for reviewers\n",
            8,
            te.UNCLOSED_TAG,
            "this comment '{#' on line 8 is never closed with '#}'",
        ),
        (
            "Text\n\n{% if %}Sorry{% endif %}\n",
            9,
            te.TEMPLATE_SYNTAX,
            "the template on line 9 cannot be read: Expected an expression, got 'end of statement block'",
        ),
    ],
)
def test_each_kind_of_template_error_is_explained_where_it_starts(body, line, code, message):
    clause, problems = parse_clause(HEADER + body, "x.md")
    assert clause is None and code in UNUSABLE
    assert [(p.line, p.code, p.message) for p in problems] == [(line, code, message)]


def test_strings_and_raw_blocks_do_not_confuse_the_tag_walk():
    body = "{{ '}} and {%' }} {% raw %}{% if %}{% endraw %}\n{% if case.late %}\nSorry\n"
    _clause, problems = parse_clause(HEADER + body, "x.md")
    assert [(p.line, p.code) for p in problems] == [(8, te.UNCLOSED_BLOCK)]


@pytest.mark.parametrize(
    "name, message",
    [
        ("exemption.ncdn", "'exemption.ncdn' is not a fact the engine provides; did you mean 'exemption.ncnd'?"),
        ("case.requester.nmae", "did you mean 'case.requester.name'?"),
        ("part.matter_live", "did you mean 'exemption.matter_live'?"),  # the fact exists, under another name
        ("exemptoin.ncnd", "did you mean 'exemption.ncnd'?"),
        ("case.requester.shoe_size", "'case.requester.shoe_size' is not a fact the engine provides (see `foi"),
    ],
)
def test_an_unknown_fact_offers_the_closest_known_one(name, message):
    clause, problems = parse_clause(HEADER + "Text\n\n{{ " + name + " }}\n", "x.md")
    assert clause is not None and problems == []
    found = check_clause(clause)
    assert [(p.line, p.code) for p in found] == [(9, UNKNOWN_VARIABLE)]
    assert message in found[0].message


def test_library_validate_prints_the_plain_message_at_the_opening_line(tmp_path, capsys):
    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "late.md").write_text(HEADER + "Thank you.\n\n{% if case.late %}\nSorry.\n\nMore.\n", encoding="utf-8")
    assert main(["library", "validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "late.md:9: this 'if' on line 9 is never closed: add {% endif %} where it ends" in out


RENDER_CASE = """\
regime: foia
received: 2026-10-01
date: 2026-10-20
requester: {name: "A. Requester"}
request: "Please send the figures"
parts:
  - question: Arrests by year
    outcome: disclosed
"""


@pytest.mark.parametrize(
    "body, message",
    [
        (
            "{{ part.number }}",
            "'part' is not available where this clause is used: the part being answered (in part sections)",
        ),
        ("{{ cse.act }}", "'cse' is not a fact the engine provides; did you mean 'case'?"),
        (
            "{{ case.signatory.nmae }}",
            "'nmae' is not a fact here; did you mean 'name'? the facts here are name, address, email, phone, role",
        ),
        ("{{ case.review.reasons }}", "'reasons' cannot be read: the fact before it is empty in this letter"),
        ("{{ case.parts[3].question }}", "there is no item 3 here (the list has 1)"),
        ("{{ contacts.icoo.name }}", "'icoo' is not a fact here; did you mean 'ico'?"),
    ],
)
def test_reading_a_fact_that_is_not_there_is_explained_when_the_letter_is_built(tmp_path, body, message):
    folder = tmp_path / "lib"
    folder.mkdir()
    write_clause(folder, "closing", "closing", [], [], "Yours sincerely\n\n" + body)
    letter = assemble(parse_case(RENDER_CASE), load_library([Layer("t", folder)], validate=False, cache=False), TODAY)
    found = [p for p in letter.problems if p.path.endswith("closing.md")]
    assert len(found) == 1 and found[0].line == 10  # the line of the placeholder, counted in the file
    assert found[0].message.startswith("cannot render clause t.closing: ") and message in found[0].message
