"""Clause files and library loading: good clauses load, every broken one is reported with its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.cli import main
from app.core.drafting.clauses import clause_to_text, parse_clause
from app.core.drafting.library import Layer, load_library

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "clauses" / "mixed"


@pytest.fixture(scope="module")
def mixed():
    """The fixture folder with one good and several broken clauses."""
    return load_library([Layer("test", FIXTURES)])


def _problems_for(library, name: str) -> list[str]:
    """Return the problem strings reported for one fixture file."""
    return [str(p) for p in library.problems if p.path.endswith(name)]


def test_good_clause_loads_despite_broken_neighbours(mixed):
    assert "test.good" in mixed.clauses
    assert "test.bad-yaml" not in mixed.clauses
    assert "test.bad-jinja" not in mixed.clauses


@pytest.mark.parametrize(
    "name, line, words",
    [
        ("bad-yaml.md", 3, "not valid YAML"),  # the line where the unclosed list begins
        ("bad-jinja.md", 8, "this 'if' on line 8 is never closed"),  # where the if opens, not where the file ends
        ("unknown-variable.md", 8, "'case.requester.shoe_size' is not a fact the engine provides"),
        ("unknown-section.md", 7, "FOISA has no section 43"),
        ("no-header.md", 1, "must start with a '---' line"),
        ("missing-fields.md", 2, "missing required field 'id'"),
    ],
)
def test_each_broken_file_is_reported_with_file_and_line(mixed, name, line, words):
    problems = _problems_for(mixed, name)
    assert problems, f"no problem reported for {name}"
    assert any(f"{name}:{line}: " in p and words in p for p in problems), problems


def test_unknown_variable_file_still_loads_so_officers_see_the_rest(mixed):
    assert "test.unknown-variable" in mixed.clauses


def test_validate_command_prints_path_line_message_and_fails(capsys):
    assert main(["library", "validate", str(FIXTURES)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(
        line.endswith("bad-jinja.md:8: this 'if' on line 8 is never closed: add {% endif %} where it ends")
        for line in out
    ), out
    assert all(":" in line for line in out)


def test_validate_command_passes_on_shipped_library(capsys):
    assert main(["library", "validate"]) == 0
    assert capsys.readouterr().out == ""


def test_approved_clause_must_name_its_approver():
    text = "---\nid: x\ntitle: T\ntopic: closing\nstatus: approved\n---\nBody\n"
    clause, problems = parse_clause(text, "x.md")
    assert clause is not None
    assert [str(p) for p in problems] == ["x.md:5: an approved clause must record approved_by"]


def test_clause_round_trips_through_its_file_text():
    text = (
        "---\nid: x\ntitle: T\ntopic: closing\nstatus: draft\nregimes: [foia]\n"
        "review_due: 2027-01-31\nguidance: |\n  Use with care.\n---\nBody {{ case.reference }}\n"
    )
    clause, problems = parse_clause(text, "x.md")
    assert problems == []
    again, problems = parse_clause(clause_to_text(clause), "x.md")
    assert problems == []
    assert again == clause
    assert again.review_due == dt.date(2027, 1, 31)
    assert again.review_overdue(dt.date(2027, 2, 1)) and not again.review_overdue(dt.date(2027, 1, 31))


def test_higher_layer_overrides_and_keeps_the_shadowed_version(tmp_path):
    base, personal = tmp_path / "base", tmp_path / "personal"
    base.mkdir(), personal.mkdir()
    clause = "---\nid: shared.closing\ntitle: T\ntopic: closing\nstatus: draft\n---\n{}\n"
    (base / "c.md").write_text(clause.format("Built-in wording"), encoding="utf-8")
    (personal / "c.md").write_text(clause.format("My wording"), encoding="utf-8")
    library = load_library([Layer("built-in", base), Layer("personal", personal)])
    assert library.clauses["shared.closing"].body.strip() == "My wording"
    assert library.clauses["shared.closing"].layer == "personal"
    assert library.shadowed["shared.closing"][0].body.strip() == "Built-in wording"


def test_unreadable_and_non_utf8_files_are_problems_not_crashes(tmp_path):
    (tmp_path / "latin1.md").write_bytes("---\nid: x\n---\ncaf\xe9".encode("latin-1"))
    library = load_library([Layer("t", tmp_path)])
    assert next(str(p) for p in library.problems).endswith("latin1.md: is not UTF-8 text (byte 17)")


def test_missing_folder_is_reported(tmp_path):
    library = load_library([Layer("organisation", tmp_path / "nowhere")])
    assert "organisation clause folder not found" in str(library.problems[0])


def test_a_draft_override_does_not_take_approved_wording_out_of_letters(tmp_path):
    import datetime as dt

    from app.core.casefile.model import parse_case
    from app.core.drafting.assemble import assemble

    base, org = tmp_path / "base", tmp_path / "org"
    base.mkdir(), org.mkdir()
    text = "---\nid: shared.closing\ntitle: T\ntopic: closing\nstatus: {status}\n{approver}---\n{body}\n"
    (base / "c.md").write_text(
        text.format(status="approved", approver="approved_by: Jo\n", body="Approved words"), encoding="utf-8"
    )
    (org / "c.md").write_text(text.format(status="draft", approver="", body="Draft words"), encoding="utf-8")
    library = load_library([Layer("built-in", base), Layer("organisation", org)])
    case = parse_case("regime: foia\nreceived: 2026-10-01\nparts: [{outcome: disclosed}]\n")
    today = dt.date(2026, 11, 21)
    assert assemble(case, library, today).block("closing/closing").text.strip() == "Approved words"
    case.allow_drafts = True
    assert assemble(case, library, today).block("closing/closing").text.strip() == "Draft words"
