"""Header conditions (`when:`): read, validated with file and line, used to choose clauses, kept by caches."""

from __future__ import annotations

import os
import time
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from app.cli import main
from app.core.casefile.model import parse_case
from app.core.drafting.assemble import assemble
from app.core.drafting.clause_fit import candidates
from app.core.drafting.clauses import UNKNOWN_CONDITION, clause_to_text, parse_clause
from app.core.drafting.conditions import WORDS, Condition, parse_when
from app.core.drafting.library import IGNORED_FILES, NEVER_APPLIES, Layer, check_clause, load_library
from app.core.drafting.templating import environment
from app.core.drafting.views import build_case_view
from app.core.paths import CLAUSES_DIR
from app.core.storage import disk_cache
from tests.core.conftest import TODAY, write_clause

HEADER = "---\nid: t.x\ntitle: X\ntopic: closing\nstatus: draft\n"

ONE_PART = """\
regime: foia
received: 2026-10-01
date: 2026-10-20
requester: {name: "A. Requester"}
request: "Please send the figures"
parts:
  - question: Arrests by year
    outcome: not-held
"""

TWO_PARTS = ONE_PART + "  - question: Convictions\n    outcome: disclosed\n"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("ncnd", [Condition("ncnd")]),
        ("not ncnd", [Condition("ncnd", negated=True)]),
        (["late", "not multi_part"], [Condition("late"), Condition("multi_part", negated=True)]),
        ([{"outcome": "not-held"}], [Condition("outcome", "not-held")]),  # YAML reads `outcome: not-held` so
        ([{"not s48": "full"}], [Condition("s48", "full", negated=True)]),
        (["authority: police"], [Condition("authority", "police")]),
        (None, []),
    ],
)
def test_conditions_are_read_in_every_form_yaml_gives(raw, expected):
    conditions, errors = parse_when(raw)
    assert (list(conditions), errors) == (expected, [])


@pytest.mark.parametrize(
    "item, words",
    [
        ("ncdn", "unknown condition 'ncdn'; allowed: ncnd, qualified"),
        ({"outcome": "held"}, "outcome takes one of disclosed, partial"),
        ("outcome", "outcome takes one of disclosed"),
        ({"late": "yes"}, "late takes no value"),
        (3, "3 is not a condition"),
    ],
)
def test_a_condition_outside_the_vocabulary_is_explained(item, words):
    conditions, errors = parse_when([item])
    assert conditions == () and len(errors) == 1
    assert words in errors[0][1]


def test_every_word_reads_a_slot_context_without_error():
    view = build_case_view(parse_case(TWO_PARTS), TODAY)
    for scope in ({"case": view}, {"case": view, "part": view.parts[0]}):
        for word in WORDS.values():
            value = word.values[0] if word.values else ""
            assert isinstance(Condition(word.name, value).holds(scope), bool)


def test_library_validate_names_the_file_the_line_and_the_allowed_words(tmp_path, capsys):
    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "odd.md").write_text(
        HEADER + "when:\n  - late\n  - not ncdn\n---\nSorry for the delay.\n", encoding="utf-8"
    )
    assert main(["library", "validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "odd.md:8: when: unknown condition 'not ncdn'; allowed: ncnd, qualified, matter_live" in out
    assert "outcome: disclosed|partial|withheld" in out and "(any of them may start with 'not')" in out
    library = load_library([Layer("org", folder)], cache=False)
    assert [p.code for p in library.problems] == [UNKNOWN_CONDITION]
    assert "t.x" not in library.clauses  # a clause with a condition nobody can read is never used


def test_library_conditions_lists_the_vocabulary(capsys):
    assert main(["library", "conditions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(WORDS) + 1
    assert lines[0].startswith("ncnd  we neither confirm nor deny")
    assert any(line.startswith("s48: full|partial  FOISA s48") for line in lines)


def test_a_condition_on_the_exemption_in_a_slot_without_one_is_reported(tmp_path):
    text = HEADER + "when:\n  - late\n  - matter_live\n---\nBody\n"
    clause, problems = parse_clause(text, "x.md")
    assert clause is not None and problems == []
    found = check_clause(clause)
    assert [(p.line, p.code, p.field) for p in found] == [(8, NEVER_APPLIES, "when")]
    assert "'matter_live' never holds for a 'closing' clause" in found[0].message and "pit" in found[0].message
    pit, _ = parse_clause(text.replace("topic: closing", "topic: pit"), "x.md")
    assert pit is not None and check_clause(pit) == []


def test_a_flow_list_condition_is_located_at_its_key(tmp_path):
    _clause, problems = parse_clause(HEADER + "when: [late, matter_alive]\n---\nBody\n", "x.md")
    assert [(p.line, p.code, p.field) for p in problems] == [(6, UNKNOWN_CONDITION, "when")]


def _library(tmp_path: Path, closing_when: str) -> object:
    """A tiny library whose closing has a plain version and a version with header conditions."""
    folder = tmp_path / "lib"
    folder.mkdir(exist_ok=True)
    write_clause(folder, "opening", "opening", [], [], "Dear {{ case.requester.name }}")
    write_clause(folder, "decision", "decision", [], [], "Our decision.")
    write_clause(folder, "review", "review", [], [], "Review.")
    write_clause(folder, "regulator", "regulator", [], [], "Regulator.")
    write_clause(folder, "closing", "closing", [], [], "Yours sincerely")
    write_clause(folder, "closing-single", "closing", [], [], "Yours faithfully")
    path = folder / "closing-single.md"
    path.write_text(path.read_text().replace("---\nYours", f"when: {closing_when}\n---\nYours"), encoding="utf-8")
    return load_library([Layer("t", folder)], validate=False, cache=False)


def test_a_clause_whose_conditions_hold_beats_one_without(tmp_path):
    library = _library(tmp_path, "[not multi_part]")
    single = assemble(parse_case(ONE_PART), library, TODAY)
    several = assemble(parse_case(TWO_PARTS), library, TODAY)
    assert single.block("closing/closing").clause_id == "t.closing-single"
    assert several.block("closing/closing").clause_id == "t.closing"  # the condition fails: the plain one
    assert single.problems == several.problems == []


def test_a_slot_whose_only_clause_does_not_apply_is_left_out_without_a_problem(tmp_path):
    library = _library(tmp_path, "[not multi_part]")
    (tmp_path / "lib" / "closing.md").unlink()
    library = load_library([Layer("t", tmp_path / "lib")], validate=False, cache=False)
    letter = assemble(parse_case(TWO_PARTS), library, TODAY)
    assert letter.block("closing/closing") is None and letter.problems == []


def test_outcome_reads_the_decision_being_written(tmp_path):
    library = _library(tmp_path, "[not multi_part]")
    write_clause(tmp_path / "lib", "decision-held", "decision", [], [], "We hold it.")
    path = tmp_path / "lib" / "decision-held.md"
    path.write_text(path.read_text().replace("---\nWe", "when: [not outcome: not-held]\n---\nWe"), encoding="utf-8")
    library = load_library([Layer("t", tmp_path / "lib")], validate=False, cache=False)
    letter = assemble(parse_case(TWO_PARTS), library, TODAY)
    chosen = {b.key: b.clause_id for b in letter.blocks() if b.topic == "decision"}
    assert chosen == {"decision/decision@not-held": "t.decision", "decision/decision@disclosed": "t.decision-held"}


def test_conditions_survive_writing_the_file_back():
    text = HEADER + "when:\n  - not outcome: not-held\n  - ncnd\n---\nBody\n"
    clause, problems = parse_clause(text, "x.md")
    assert problems == [] and clause is not None
    again, problems = parse_clause(clause_to_text(clause), "x.md")
    assert problems == [] and again is not None and again.when == clause.when
    assert [str(c) for c in again.when] == ["not outcome: not-held", "ncnd"]


def test_the_library_cache_keeps_conditions(tmp_path, monkeypatch):
    monkeypatch.setenv(disk_cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    folder = tmp_path / "org"
    folder.mkdir()
    path = folder / "c.md"
    path.write_text(HEADER + "when: [not s48: full, late]\n---\nBody\n", encoding="utf-8")
    old = time.time() - 3600
    os.utime(path, (old, old))
    layers = [Layer("org", folder)]
    first = load_library(layers)
    assert list((tmp_path / "cache").iterdir())  # written
    second = load_library(layers)
    assert (
        second.clauses["t.x"].when == first.clauses["t.x"].when == (Condition("s48", "full", True), Condition("late"))
    )


def _body_wide_if(body: str) -> bool:
    """Tell whether a body is one {% if %} without else around all its wording."""
    tree = environment().parse(body)
    content = [n for n in tree.body if not (isinstance(n, nodes.Output) and _blank(n))]
    return len(content) == 1 and isinstance(content[0], nodes.If) and not content[0].else_ and not content[0].elif_


def _blank(node: nodes.Output) -> bool:
    """Tell whether an output node prints only whitespace."""
    return all(isinstance(n, nodes.TemplateData) and not n.data.strip() for n in node.nodes)


def test_no_shipped_clause_wraps_its_whole_body_in_an_if():
    wrapped = []
    for path in sorted(CLAUSES_DIR.rglob("*.md")):
        if path.name in IGNORED_FILES:
            continue
        clause, _ = parse_clause(path.read_text(encoding="utf-8"), str(path))
        assert clause is not None
        if _body_wide_if(clause.body):
            wrapped.append(path.name)
    assert wrapped == [], "say when the clause applies in its header (when:) instead"


def test_the_body_wide_if_detector_sees_one():
    assert _body_wide_if("{% if case.fee %}\nPay {{ case.fee }}.\n{% endif %}\n")
    assert not _body_wide_if("{% if case.fee %}\nPay.\n{% else %}\nFree.\n{% endif %}\n")
    with pytest.raises(jinja2.TemplateSyntaxError):
        _body_wide_if("{% if x %}")


def _fits(library, case_text: str, today=TODAY) -> dict[str, bool]:
    """Return clause id -> whether the clause picker marks it as fitting the case (adding to the closing)."""
    return {c.clause.id: c.fits for c in candidates(library, parse_case(case_text), None, "closing", today)}


def test_the_clause_picker_marks_a_clause_whose_conditions_fail_as_not_fitting(tmp_path):
    library = _library(tmp_path, "[not multi_part]")
    assert _fits(library, ONE_PART)["t.closing-single"] is True
    assert _fits(library, TWO_PARTS)["t.closing-single"] is False
    assert _fits(library, TWO_PARTS)["t.closing"] is True
    assert _fits(library, TWO_PARTS, today=None)["t.closing-single"] is True  # no letter day: not judged


def test_the_clause_picker_judges_exemption_conditions_in_each_exemption_of_the_part(tmp_path):
    folder = tmp_path / "lib"
    _library(tmp_path, "[not multi_part]")
    write_clause(folder, "pit-live", "pit", [], [], "The matter is still live.")
    path = folder / "pit-live.md"
    path.write_text(path.read_text().replace("---\nThe", "when: [matter_live]\n---\nThe"), encoding="utf-8")
    library = load_library([Layer("t", folder)], validate=False, cache=False)
    withheld = ONE_PART.replace("outcome: not-held", "outcome: withheld\n    exemptions: ['35(1)(a)']")
    live = withheld + "    matter_live: true\n"

    def fits(text: str) -> bool:
        found = candidates(library, parse_case(text), None, "part-1", TODAY)
        return next(c.fits for c in found if c.clause.id == "t.pit-live")

    assert fits(live) is True
    assert fits(withheld) is False
