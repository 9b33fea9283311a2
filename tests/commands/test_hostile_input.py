"""Hostile input through the command line: broken clauses are never replaced silently, no traceback."""

from __future__ import annotations

import docx
import pytest

from app.cli import main

TODAY = "2026-11-21"
CASE = """\
regime: foia
letter: response
reference: FOI-1
received: 2026-10-01
authority:
  name: Example Council
  email: foi@example.gov.uk
  central_government: false
requester: A. Person
request: Everything about the depot.
parts:
  - question: All records about the depot.
    outcome: cost-limit
    cost:
      hours: 30
"""

BROKEN = {
    "syntax.md": "---\nid: common.closing\ntitle: Closing\ntopic: closing\nstatus: approved\napproved_by: Legal\n---\n{% if %}\n",
    "missing.md": "---\nid: common.closing\ntitle: Closing\nstatus: approved\napproved_by: Legal\n---\nBye.\n",
    "typo.md": "---\nid: common.closing\ntitle: Closing\ntopic: closing\nstatus: aproved\n---\nBye.\n",
    "no-approver.md": "---\nid: common.closing\ntitle: Closing\ntopic: closing\nstatus: approved\n---\nORG WORDING\n",
    "regime.md": "---\nid: common.closing\ntitle: Closing\ntopic: closing\nstatus: approved\n"
    "approved_by: Legal\nregimes: [foia, fioa]\n---\nORG WORDING\n",
    "duplicate.md": "---\nid: common.closing\ntitle: Closing\ntopic: closing\nstatus: approved\n"
    "approved_by: Legal\nstatus: draft\n---\nORG WORDING\n",
    "optional.md": "---\nid: common.closing\ntitle: Closing\ntopic: closing\nstatus: approved\n"
    "approved_by: Legal\noptional: 'no'\n---\nORG WORDING\n",
    "control.md": "---\nid: common.closing\ntitle: Clos\x01ing\ntopic: closing\nstatus: approved\n---\nORG WORDING\n",
}


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


def _text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_quoted_false_central_government_is_an_error_never_600_pounds(case_file, tmp_path, capsys):
    out = tmp_path / "letter.docx"
    case_file.write_text(CASE.replace("central_government: false", 'central_government: "false"'), encoding="utf-8")
    assert main(["render", str(case_file), "-o", str(out), "--today", TODAY]) == 1
    assert "authority.central_government: must be true or false, not 'false'" in capsys.readouterr().err
    assert not out.exists()
    case_file.write_text(CASE, encoding="utf-8")
    assert main(["render", str(case_file), "-o", str(out), "--today", TODAY]) == 0
    text = _text(out)
    assert "£450" in text
    assert "£600" not in text


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_organisation_clause_stops_render_naming_the_file(name, case_file, tmp_path, capsys):
    org = tmp_path / "org"
    org.mkdir()
    (org / name).write_bytes(BROKEN[name].encode("utf-8"))
    out = tmp_path / "letter.docx"
    assert main(["render", str(case_file), "-o", str(out), "--library", str(org), "--today", TODAY]) == 1
    err = capsys.readouterr().err
    assert f"{name}: organisation clause 'common.closing' is broken and not used" in err
    assert "the built-in clause 'common.closing'" in err
    assert "letter not written" in err
    assert not out.exists()

    assert main(["render", str(case_file), "-o", str(out), "--library", str(org), "--today", TODAY, "--force"]) == 0
    err = capsys.readouterr().err
    assert "letters would use the built-in clause 'common.closing'" in err
    text = _text(out)
    assert "ORG WORDING" not in text
    assert "If you have any questions about this response" in text  # the built-in closing


def test_check_and_validate_report_a_broken_personal_clause(case_file, tmp_path, capsys):
    org, personal = tmp_path / "org", tmp_path / "me"
    org.mkdir()
    personal.mkdir()
    (personal / "bad.md").write_bytes(b"---\nid: my.closing\ntitle: \xff\n---\nx\n")
    assert main(["check", str(case_file), "--library", str(org), "--library", str(personal), "--today", TODAY]) == 1
    out = capsys.readouterr().out
    assert "bad.md: personal clause 'my.closing' is broken and not used" in out
    assert "is not UTF-8 text" in out
    assert main(["library", "validate", str(personal)]) == 1
    assert "bad.md: is not UTF-8 text" in capsys.readouterr().out


def test_a_clean_organisation_override_is_used(case_file, tmp_path):
    org = tmp_path / "org"
    org.mkdir()
    (org / "closing.md").write_text(
        "---\nid: common.closing\ntitle: Closing\ntopic: closing\nstatus: approved\napproved_by: Legal\n"
        "optional: no\n---\nORG WORDING\n",
        encoding="utf-8",
    )
    out = tmp_path / "letter.docx"
    assert main(["render", str(case_file), "-o", str(out), "--library", str(org), "--today", TODAY]) == 0
    assert "ORG WORDING" in _text(out)


def test_a_lone_surrogate_escape_is_refused_with_a_message(tmp_path, capsys):
    path = tmp_path / "case.yaml"
    path.write_text(CASE.replace("reference: FOI-1", 'reference: "\\ud800"'), encoding="utf-8")
    assert main(["render", str(path), "-o", str(tmp_path / "l.docx"), "--today", TODAY]) == 1
    assert "reference: contains an invalid character (a lone surrogate, U+D800)" in capsys.readouterr().err


def test_library_validate_reports_unknown_filters_tests_and_includes(tmp_path, capsys):
    folder = tmp_path / "me"
    folder.mkdir()
    (folder / "odd.md").write_text(
        "---\nid: me.odd\ntitle: Odd\ntopic: closing\nstatus: draft\n---\n"
        "{{ case.reference|shout }}{% if 3 is weird %}x{% endif %}\n{% include 'other.md' %}\n",
        encoding="utf-8",
    )
    assert main(["library", "validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "odd.md:7: unknown filter 'shout'" in out
    assert "odd.md:7: unknown test 'is weird'" in out
    assert "odd.md:8: 'include' is not allowed" in out


@pytest.mark.parametrize("field", ["requester", "authority", "signatory"])
def test_a_lone_surrogate_in_a_one_line_name_is_refused(field, tmp_path, capsys):
    path = tmp_path / "case.yaml"
    path.write_text(
        f'regime: foia\nreceived: 2026-10-01\n{field}: "\\ud800"\nparts:\n  - outcome: disclosed\n', encoding="utf-8"
    )
    assert main(["render", str(path), "-o", str(tmp_path / "l.docx"), "--today", TODAY]) == 1
    assert f"{field}: contains an invalid character" in capsys.readouterr().err
