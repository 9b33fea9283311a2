"""The shipped examples, through the command line: letters like the seed letters, and checks that bite."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import docx
import pytest
import yaml

from app.cli import main
from app.core.paths import EXAMPLES_DIR

TODAY = "2026-11-21"


def render_text(case_path, tmp_path) -> str:
    """Render a case with the CLI and return the .docx text (body, tables and header)."""
    out = tmp_path / "letter.docx"
    assert main(["render", str(case_path), "-o", str(out), "--today", TODAY]) == 0
    document = docx.Document(str(out))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    header = [p.text for p in document.sections[0].first_page_header.paragraphs]
    return "\n".join([*header, *(p.text for p in document.paragraphs), *cells])


def test_foia_example_matches_the_met_police_letter_in_substance(tmp_path):
    text = render_text(EXAMPLES_DIR / "foia-partial.yaml", tmp_path)
    for expected in [
        "section 17",
        "section 30(1)(a), (b) and (c) and (2)",
        "section 40(2)",
        "Information Commissioner",
        "Wycliffe House",
        "Water Lane",
        "Wilmslow",
        "SK9 5AF",
        "internal review",
        "Crown Prosecution Service",
        "102 Petty France",
        "section 50",
    ]:
        assert expected.lower() in text.lower(), expected


def test_foisa_example_matches_the_police_scotland_letter_in_substance(tmp_path):
    text = render_text(EXAMPLES_DIR / "foisa-cost-limit.yaml", tmp_path)
    for expected in [
        "Section 12(1)",
        "section 16(4)",
        "40 working days",
        "Scottish Information Commissioner",
        "Kinburn Castle",
        "St Andrews",
        "KY16 9DS",
        "six months",
        "Court of Session",
        "point of law",
        "£600",
        "disclosure log",
        "alternative format",
    ]:
        assert expected.lower() in text.lower(), expected


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES_DIR.glob("*.yaml")))
def test_every_example_renders_without_template_markup_and_checks_clean(example, tmp_path, capsys):
    text = render_text(EXAMPLES_DIR / example, tmp_path)
    assert "{{" not in text and "{%" not in text and "}}" not in text
    assert not re.search(r"\\[*_<>\[\]|]", text), "escaping backslashes leaked into the letter"
    assert main(["check", str(EXAMPLES_DIR / example), "--today", TODAY]) == 0, capsys.readouterr().out


def _edited_copy(tmp_path, name, change):
    """Write a copy of an example case with a change applied to its data."""
    data = yaml.safe_load((EXAMPLES_DIR / name).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_check_fails_when_the_rights_paragraph_is_removed(tmp_path, capsys):
    def remove_rights(data):
        data.setdefault("edits", {})["removed"] = ["rights/review", "rights/regulator"]

    path = _edited_copy(tmp_path, "foisa-cost-limit.yaml", remove_rights)
    assert main(["check", str(path), "--today", TODAY]) == 1
    out = capsys.readouterr().out
    assert "FOISA s19(a)" in out and "FOISA s19(b)" in out


def test_check_fails_when_public_interest_reasons_are_emptied(tmp_path, capsys):
    def empty_pit(data):
        data.setdefault("edits", {})["texts"] = {"ground-exemption/pit:30(1)(a)(b)(c)(2)": ""}

    path = _edited_copy(tmp_path, "foia-partial.yaml", empty_pit)
    assert main(["check", str(path), "--today", TODAY, "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    errors = [f for f in findings if f["severity"] == "error"]
    assert [(f["citation"], f["part"], f["block_key"]) for f in errors] == [
        ("FOIA s17(3)", 1, "ground-exemption/pit:30(1)(a)(b)(c)(2)")
    ]


def test_check_fails_for_foisa_ncnd_citing_s25(tmp_path, capsys):
    def ncnd_s25(data):
        data["parts"][0].update(outcome="ncnd", exemptions=["25"])

    path = _edited_copy(tmp_path, "foisa-cost-limit.yaml", ncnd_s25)
    assert main(["check", str(path), "--today", TODAY]) == 1
    assert "FOISA s18(1)" in capsys.readouterr().out


def test_render_refuses_a_malformed_case_naming_the_file(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "regime: foisa\nreceived: 2023-07-05\nparts:\n  - outcome: withheld\n    exemptions: ['43']\n", encoding="utf-8"
    )
    assert main(["render", str(bad), "-o", str(tmp_path / "x.docx")]) == 1
    assert "bad.yaml:5: parts[0].exemptions[0]: FOISA has no section 43" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.external
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_exported_letter_converts_to_pdf_with_libreoffice(tmp_path):
    out = tmp_path / "letter.docx"
    assert main(["render", str(EXAMPLES_DIR / "foisa-cost-limit.yaml"), "-o", str(out), "--today", TODAY]) == 0
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0 and (tmp_path / "letter.pdf").stat().st_size > 10_000
