"""Library maintenance: validation as typed, approval, preview with sample data, history."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from app.core.casefile.model import load_case
from app.core.drafting.clauses import parse_clause
from app.core.drafting.template_errors import UNCLOSED_BLOCK
from app.core.paths import EXAMPLES_DIR
from app.core.workbench.history import GitHistory, SnapshotHistory, diff, history_for
from app.core.workbench.maintenance import ApprovalError, approve, preview, save_with_history, validate_text

DRAFT = """---
id: wb.closing
title: Sign-off
topic: closing
status: draft
---
Yours sincerely,

{{ case.signatory.name }}
"""


def test_validation_reports_syntax_error_with_its_line():
    clause, problems = validate_text(DRAFT.replace("{{ case.signatory.name }}", "{% if x %}"), "wb.md")
    assert clause is None
    assert [(p.line, p.code) for p in problems] == [(9, UNCLOSED_BLOCK)]


def test_validation_reports_unknown_topic_and_variable():
    text = DRAFT.replace("topic: closing", "topic: farewell").replace("signatory.name", "signatory.pet")
    _, problems = validate_text(text, "wb.md")
    messages = [p.message for p in problems]
    assert any("topic 'farewell' is not used" in m for m in messages)
    assert any("'case.signatory.pet' is not a fact the engine provides" in m for m in messages)


def test_approve_records_name_dates_and_review_due():
    clause, problems = validate_text(DRAFT, "wb.md")
    approved = approve(clause, "Jo Reviewer", dt.date(2026, 11, 21), problems)
    assert (approved.status, approved.approved_by, approved.approved_on) == (
        "approved",
        "Jo Reviewer",
        dt.date(2026, 11, 21),
    )
    assert approved.review_due == dt.date(2027, 11, 21)


def test_approval_is_refused_without_a_name_or_with_problems():
    clause, problems = validate_text(DRAFT, "wb.md")
    with pytest.raises(ApprovalError, match="reviewer's name"):
        approve(clause, " ", dt.date(2026, 11, 21), problems)
    broken, problems = validate_text(DRAFT.replace("signatory.name", "signatory.pet"), "wb.md")
    with pytest.raises(ApprovalError, match="fix the problems first"):
        approve(broken, "Jo", dt.date(2026, 11, 21), problems)


def test_approval_is_written_to_the_file(tmp_path):
    clause, problems = validate_text(DRAFT, "wb.md")
    path = tmp_path / "wb.md"
    save_with_history(approve(clause, "Jo Reviewer", dt.date(2026, 11, 21), problems), path, "Approve", "Jo")
    text = path.read_text(encoding="utf-8")
    assert "status: approved" in text and "approved_by: Jo Reviewer" in text and "approved_on: 2026-11-21" in text


def test_preview_renders_with_sample_case_data():
    clause, _ = parse_clause(DRAFT, "wb.md")
    text, problem = preview(clause, load_case(EXAMPLES_DIR / "foisa-cost-limit.yaml"), dt.date(2026, 11, 21))
    assert problem is None and "J. Smith" in text


def test_snapshots_record_versions_and_diff(tmp_path):
    path = tmp_path / "c.md"
    path.write_text("one\n", encoding="utf-8")
    history = SnapshotHistory(tmp_path)
    first = history.record(path, "first", "Jo", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert history.record(path, "same again", "Jo") is None
    path.write_text("two\n", encoding="utf-8")
    second = history.record(path, "second", "Al", dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    assert [v.message for v in history.versions(path)] == ["second", "first"]
    assert history.text_at(path, first) == "one\n"
    assert "-one\n+two\n" in diff(history.text_at(path, first), history.text_at(path, second))
    assert isinstance(history_for(tmp_path), SnapshotHistory)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_saving_in_a_git_library_makes_a_commit(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    clause, _ = parse_clause(DRAFT, "wb.md")
    path = tmp_path / "wb.md"
    history = history_for(tmp_path)
    assert isinstance(history, GitHistory)
    save_with_history(clause, path, "Add sign-off", "Jo Reviewer")
    changed = clause.__class__(**{**clause.__dict__, "body": "Yours faithfully,\n"})
    version = save_with_history(changed, path, "Use faithfully", "Jo Reviewer")
    versions = history.versions(path)
    assert [v.message for v in versions] == ["Use faithfully", "Add sign-off"]
    assert version == versions[0] and versions[0].author == "Jo Reviewer"
    change = diff(history.text_at(path, versions[1]), history.text_at(path, versions[0]))
    assert "-Yours sincerely," in change and "+Yours faithfully," in change
