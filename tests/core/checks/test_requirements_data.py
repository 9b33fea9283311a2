"""The law's requirements as data: every row names a known element and its source; broken files are reported."""

from __future__ import annotations

import re

import pytest

from app.core.casefile.model import LETTERS, OUTCOMES
from app.core.law.data_files import BAD_VALUE, MISSING_KEY, UNKNOWN_KEY, RegistryError
from app.core.law.elements import known_codes
from app.core.law.registry import REGIMES, load_registry
from app.core.law.requirement_rows import REQUIREMENTS_FILE, load_requirements, read_requirements
from app.core.paths import CLAUSES_DIR

ROWS = [(regime, row) for regime, law in load_requirements().items() for row in law.rows()]
GUIDANCE = ("ICO guidance", "OSIC guidance")  # where a row asks for good practice the statute does not


def test_every_regime_has_requirements():
    assert set(load_requirements()) == set(REGIMES)


@pytest.mark.parametrize(("regime", "row"), ROWS, ids=[f"{r}:{row.citation}:{row.element}" for r, row in ROWS])
def test_every_row_names_an_element_of_the_vocabulary_and_cites_its_source(regime, row):
    assert row.element in known_codes([regime]), f"{row.element} is not in resources/provides.yaml for {regime}"
    act = load_registry(regime).short_name
    assert row.source.startswith((f"{act} ", *GUIDANCE)), row.source
    assert row.citation.startswith((f"{act} ", "ICO ", "OSIC ")), row.citation
    assert set(row.outcomes or ()) <= set(OUTCOMES) and set(row.letters or ()) <= set(LETTERS)
    assert set(row.letters_except) <= set(LETTERS)
    assert ("{exemption}" in row.must) == (row.scope == "exemption"), "an exemption row names its exemption"


def test_letter_kinds_named_by_a_regime_are_letter_kinds():
    for law in load_requirements().values():
        assert set(law.own_notice) | set(law.notice_letters) <= set(LETTERS)


def test_every_element_required_is_listed_for_its_regime_in_the_guide():
    guide = (CLAUSES_DIR / "GUIDE.md").read_text(encoding="utf-8")
    for regime in REGIMES:
        name = load_registry(regime).short_name
        line = re.search(rf"^\| {name} \| (.*) \|$", guide, re.M)
        assert line is not None, f"GUIDE.md has no codes row for {name}"
        listed = set(re.findall(r"`([^`]+)`", line.group(1)))
        required = {row.element for r, row in ROWS if r == regime}
        assert required <= listed, f"{name}: {sorted(required - listed)} missing from the guide's codes table"


def _broken(tmp_path, body: str):
    text = REQUIREMENTS_FILE.read_text(encoding="utf-8").replace("          source: FOIA s1(3)\n", body, 1)
    path = tmp_path / "requirements.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        read_requirements(path)
    return path, text, caught.value.problems


@pytest.mark.parametrize(
    ("body", "code", "key"),
    [
        ("", MISSING_KEY, "source"),
        ("          source: FOIA s1(3)\n          scope_of: part\n", UNKNOWN_KEY, "scope_of"),
        ("          source: FOIA s1(3)\n          severity: fatal\n", BAD_VALUE, "severity"),
        ("          source: FOIA s1(3)\n          s48: [some]\n", BAD_VALUE, "s48"),
        ("          source: FOIA s1(3)\n          outcomes: partial\n", BAD_VALUE, "outcomes"),
    ],
)
def test_a_broken_row_is_reported_with_its_file_line_and_field(tmp_path, body, code, key):
    _path, text, problems = _broken(tmp_path, body)
    [problem] = problems
    assert problem.code == code and problem.path.endswith("requirements.yaml")
    assert problem.field == f"foia.own_notice.clarification.rows[0].{key}"
    row_start = text.splitlines().index('        - element: "1(3)"') + 1
    assert row_start <= problem.line <= row_start + 6


def test_an_unusable_file_is_reported_not_raised_as_a_crash(tmp_path):
    path = tmp_path / "requirements.yaml"
    path.write_text("foia: [\n", encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        read_requirements(path)
    assert "invalid YAML" in caught.value.problems[0].message
    path.write_text("foia: {}\nwales: {}\n", encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        read_requirements(path)
    assert {(p.field, p.code) for p in caught.value.problems} >= {("wales", UNKNOWN_KEY), ("eir", MISSING_KEY)}
