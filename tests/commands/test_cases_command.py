"""`foi-drafter cases DIR` prints every case with its due date; `render` writes PDF and disclosure-log copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.core.casefile.model import load_case
from tests.docx_text import docx_all_text

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def test_cases_lists_every_example_with_its_due_date(capsys):
    assert main(["cases", str(EXAMPLES), "--today", "2023-08-01"]) == 0
    out = capsys.readouterr().out
    for path in EXAMPLES.glob("*.yaml"):
        case = load_case(path, legal=False)
        line = next(line for line in out.splitlines() if path.name in line)
        assert case.reference in line
    assert "2023-08-02" in out and "overdue" in out
    assert out.strip().endswith("1 overdue")


def test_cases_search_and_missing_folder(capsys, tmp_path):
    assert main(["cases", str(EXAMPLES), "--search", "eir council", "--today", "2023-08-01"]) == 0
    out = capsys.readouterr().out
    assert "0 cases" in out
    assert main(["cases", str(tmp_path / "nope")]) == 1
    assert "no such folder" in capsys.readouterr().err


def test_render_disclosure_log_has_no_requester_details_anywhere(tmp_path, capsys):
    target = tmp_path / "published.docx"
    assert main(["render", str(EXAMPLES / "foia-partial.yaml"), "-o", str(target), "--disclosure-log"]) == 0
    text = docx_all_text(target)
    case = load_case(EXAMPLES / "foia-partial.yaml")
    assert case.requester.name and case.requester.email
    assert case.requester.name not in text and case.requester.email not in text
    assert "Freedom of Information" in text and case.reference in text


def test_render_refuses_a_disclosure_copy_that_would_still_name_the_requester(tmp_path, capsys):
    text = (EXAMPLES / "foia-partial.yaml").read_text(encoding="utf-8")
    case = tmp_path / "case.yaml"
    case.write_text(text.replace("reference: 01.FOI.22.025326", "reference: B. Requester 1"), encoding="utf-8")
    target = tmp_path / "published.docx"
    assert main(["render", str(case), "-o", str(target), "--disclosure-log"]) == 1
    assert "would still show B. Requester" in capsys.readouterr().err and not target.exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_render_to_pdf_with_libreoffice(tmp_path, capsys):
    target = tmp_path / "out.pdf"
    assert main(["render", str(EXAMPLES / "foia-partial.yaml"), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")


def test_render_to_pdf_without_libreoffice_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FOI_DRAFTER_SOFFICE", str(tmp_path / "no-soffice"))
    target = tmp_path / "out.pdf"
    assert main(["render", str(EXAMPLES / "foia-partial.yaml"), "-o", str(target)]) == 1
    assert "needs LibreOffice" in capsys.readouterr().err and not target.exists()
