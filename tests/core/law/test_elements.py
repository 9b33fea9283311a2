"""The vocabulary of `provides` codes: one data file, enforced by library validation, mirrored by the guide."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from app.core.casefile.model import load_case
from app.core.checks.requirements import requirements_for
from app.core.drafting.assemble import assemble
from app.core.drafting.clauses import parse_clause
from app.core.drafting.library import UNKNOWN_ELEMENT, check_clause, load_library
from app.core.law.elements import known_codes, load_elements, read_elements
from app.core.paths import CLAUSES_DIR, EXAMPLES_DIR
from app.core.problems import InputError

NAMES = {"foia": "FOIA", "foisa": "FOISA", "eir": "EIR", "eisr": "EISR"}


def guide_table() -> str:
    """Return the codes table of clauses/GUIDE.md as the vocabulary file gives it."""
    rows = ["| regime | codes |", "|---|---|"]
    for regime, codes in load_elements().items():
        cells = " · ".join(f"`{e.code}` {e.means}" for e in codes.values())
        rows.append(f"| {NAMES[regime]} | {cells} |")
    return "\n".join(rows)


def test_guide_codes_table_matches_the_vocabulary():
    guide = (CLAUSES_DIR / "GUIDE.md").read_text(encoding="utf-8")
    table = re.search(r"^\| regime \| codes \|\n(?:\|.*\|\n?)+", guide, re.M)
    assert table is not None, "GUIDE.md has no codes table"
    assert table.group(0).strip() == guide_table(), "regenerate the table:\n" + guide_table()


def test_every_shipped_clause_provides_known_codes():
    problems = [p for p in load_library().problems if p.code == UNKNOWN_ELEMENT]
    assert problems == []


@pytest.mark.parametrize(
    "provides, line",
    [('provides: ["17(7)(x)"]', 7), ('provides:\n  - "17(7)(a)"\n  - "19(a)"', 9)],
)
def test_unknown_code_is_a_problem_naming_file_and_line(provides, line):
    text = f"---\nid: x\ntitle: X\ntopic: review\nstatus: draft\nregimes: [foia]\n{provides}\n---\nAsk for a review.\n"
    clause, problems = parse_clause(text, "clauses/x.md")
    assert clause is not None and problems == []
    [problem] = check_clause(clause)
    assert (problem.path, problem.line, problem.code, problem.field) == (
        "clauses/x.md",
        line,
        UNKNOWN_ELEMENT,
        "provides",
    )
    assert "FOIA" in problem.message


def test_a_code_of_another_regime_is_accepted_only_for_that_regime():
    assert "16(4)" in known_codes(["foisa"]) and "16(4)" not in known_codes(["foia"])
    assert {"16", "15", "9"} <= known_codes([])  # a clause for every regime may use each one's code


def test_broken_vocabulary_file_names_file_and_line(tmp_path):
    path = tmp_path / "provides.yaml"
    path.write_text('foia:\n  "16": {law: FOIA s16}\nwales: {}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_elements(path)
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "foia.16"), (None, "wales")]


def test_every_element_the_law_requires_of_the_examples_is_in_the_vocabulary():
    library = load_library()
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        case = load_case(path)
        letter = assemble(case, library, dt.date(2026, 3, 2))
        unknown = {r.element for r in requirements_for(case, letter)} - known_codes([case.regime])
        assert not unknown, f"{path.name}: {unknown}"
