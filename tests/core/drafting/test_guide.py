"""The guide for lawyers (clauses/GUIDE.md) documents every fact, every header condition and each template error."""

from __future__ import annotations

import re

import pytest

from app.core.casefile.model import parse_case
from app.core.drafting import template_errors
from app.core.drafting.assemble import assemble
from app.core.drafting.clauses import KNOWN_META, parse_clause
from app.core.drafting.conditions import WORDS
from app.core.drafting.context import catalogue
from app.core.drafting.library import Layer, check_clause, load_library
from app.core.paths import CLAUSES_DIR
from tests.core.conftest import TODAY, write_clause

GUIDE = (CLAUSES_DIR / "GUIDE.md").read_text(encoding="utf-8")
HEADER = "---\nid: t.x\ntitle: X\ntopic: closing\nstatus: draft\n---\n"


def _section(title: str) -> str:
    """Return one `## ` section of the guide."""
    start = GUIDE.index(f"## {title}")
    end = GUIDE.find("\n## ", start + 1)
    return GUIDE[start : end if end >= 0 else len(GUIDE)]


def test_every_fact_the_engine_provides_is_in_the_guide():
    facts = _section("Facts the engine provides")
    documented = set(re.findall(r"^\| `([a-z0-9_.]+)` \|", facts, re.M))
    expected = {e.path for e in catalogue() if not (e.path.startswith("contacts.") and e.path.count(".") >= 2)}
    assert sorted(expected - documented) == [], "add these facts to the guide"
    assert sorted(documented - expected) == [], "the guide lists facts the engine does not provide"


def test_every_header_condition_is_in_the_guide_with_an_example():
    words = _section("Saying when a clause applies")
    rows = re.findall(r"^\| `([a-z0-9_]+)(?::[^`]*)?`.*\| `(when: [^`]+)` \|$", words, re.M)
    assert sorted(name for name, _ in rows) == sorted(WORDS)
    for name, example in rows:
        clause, problems = parse_clause(HEADER.removesuffix("---\n") + example + "\n---\nBody\n", "x.md")
        assert problems == [] and clause is not None and any(c.word == name for c in clause.when), example


def test_every_header_field_is_in_the_guide():
    fields = _section("One clause, one file")
    for key in KNOWN_META:
        assert f"`{key}`" in fields, key


@pytest.mark.parametrize(
    "body",
    [
        "{% if case.late %}\nSorry\n",
        "{% if case.late %}\n{% for e in case.exemptions %}\n{% endif %}\n",
        "{% endif %}\n",
        "{% else %}\n",
        "{% iff case.late %}x{% endif %}\n",
        "{{ case.reference\n",
        "{% if %}x{% endif %}\n",
        "{{ exemption.ncdn }}\n",
    ],
)
def test_each_template_error_is_explained_in_the_guide(body):  # found by library validate
    clause, problems = parse_clause(HEADER + body, "x.md")
    if clause is not None:
        problems = check_clause(clause)
    assert len(problems) == 1
    problems_section = re.sub(r"\d+", "#", _section("Problems and what to do"))
    stem = re.sub(r"\d+", "#", problems[0].message)[:28]
    assert stem in problems_section, f"document {problems[0].message!r} (code {problems[0].code})"
    assert problems[0].code in template_errors.CODES | {"unknown-variable"}


@pytest.mark.parametrize("body", ["{{ part.number }}", "{{ case.signatory.nmae }}", "{{ case.review.reasons }}"])
def test_each_error_found_when_a_letter_is_built_is_explained_in_the_guide(tmp_path, body):
    folder = tmp_path / "lib"
    folder.mkdir()
    write_clause(folder, "closing", "closing", [], [], body)
    case = parse_case("regime: foia\nreceived: 2026-10-01\nparts:\n  - question: Q\n    outcome: disclosed\n")
    letter = assemble(case, load_library([Layer("t", folder)], validate=False, cache=False), TODAY)
    message = next(p.message for p in letter.problems if p.path.endswith("closing.md"))
    stem = message.replace("t.closing", "…")[:70]
    assert stem in _section("Problems and what to do"), f"document {message!r}"
