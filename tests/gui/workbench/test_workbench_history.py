"""Workbench history: git commits and diffs when a layer is a repository, local snapshots otherwise."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.core.workbench.history import GitHistory, SnapshotHistory
from app.core.workbench.model import history_of
from tests.gui.workbench.test_workbench import answers, bench, layers, open_clause, save, set_body  # noqa: F401 - fixtures

NARROWED = "You could narrow your request to one year, {{ case.requester.name }}.\n"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(folder: Path, *args: str) -> str:
    """Run git in a folder and return its output."""
    identity = ["-c", "user.name=Setup", "-c", "user.email=setup@localhost"]
    return subprocess.run(["git", *identity, *args], cwd=folder, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(layers):  # noqa: F811 - the fixture imported above
    """Make the organisation layer a git repository with its clause committed."""
    folder = layers[1].folder
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "Organisation clauses")
    return folder


def test_without_git_each_save_keeps_a_snapshot_to_compare_and_restore(bench, qtbot, layers):  # noqa: F811
    path = layers[1].folder / "foia" / "advice-narrowing.md"
    original = path.read_text(encoding="utf-8")
    assert isinstance(history_of(layers[1]), SnapshotHistory)
    open_clause(bench, "org.advice.narrowing")
    set_body(qtbot, bench, NARROWED)
    bench.note.setText("Suggest one year")
    assert save(qtbot, bench) is True
    set_body(qtbot, bench, NARROWED + "\nWe will answer within 20 working days.\n")
    assert save(qtbot, bench) is True

    panel = bench.history
    assert [v.message for v in panel.versions] == [
        "Update org.advice.narrowing",
        "Suggest one year",
        "Version before the first change in the workbench",
    ]
    assert "snapshots" in panel.kind.text() and (layers[1].folder / ".history").is_dir()
    panel.select(1)
    panel.compare_with("previous")
    assert "-You could narrow your request, {{ case.requester.name }}." in panel.diff_text
    assert "+You could narrow your request to one year" in panel.diff_text

    panel.select(2)
    panel.restore.click()
    assert bench.editor.is_modified() and bench.editor.text() == original
    assert save(qtbot, bench) is True
    assert path.read_text(encoding="utf-8") == original


@needs_git
def test_in_a_git_library_a_saved_change_becomes_a_commit_and_its_diff_is_shown(bench, qtbot, repo):  # noqa: F811
    with qtbot.waitSignal(bench.library_loaded):
        bench.reload()
    assert isinstance(history_of(bench.layers[1]), GitHistory)
    open_clause(bench, "org.advice.narrowing")
    set_body(qtbot, bench, NARROWED)
    bench.note.setText("Suggest narrowing to one year")
    assert save(qtbot, bench) is True

    log = git(repo, "log", "--format=%an|%s", "--", "foia/advice-narrowing.md").splitlines()
    assert log == ["Jo Reviewer|Suggest narrowing to one year", "Setup|Organisation clauses"]
    assert git(repo, "status", "--porcelain") == ""
    assert "commit" in bench.statusBar().currentMessage()
    panel = bench.history
    assert "Git history" in panel.kind.text()
    assert [v.message for v in panel.versions] == ["Suggest narrowing to one year", "Organisation clauses"]
    panel.select(0)
    with qtbot.waitSignal(panel.diff_shown) as shown:
        panel.compare_with("previous")
    assert "-You could narrow your request, {{ case.requester.name }}." in shown.args[0]
    assert "+You could narrow your request to one year, {{ case.requester.name }}." in shown.args[0]
    assert "#0b6b2e" in panel.view.toHtml() or "#0b6b2e" in panel.view.toHtml().lower()


@needs_git
def test_a_failed_commit_is_reported_but_the_file_is_saved(bench, qtbot, answers, repo):  # noqa: F811
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'policy: commits are frozen' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    open_clause(bench, "org.advice.narrowing")
    set_body(qtbot, bench, NARROWED)
    assert save(qtbot, bench) is True
    title, message = answers.errors[-1]
    assert title == "Saved, but not recorded in the history"
    assert "advice-narrowing.md" in message and "commits are frozen" in message
    assert "one year" in (repo / "foia" / "advice-narrowing.md").read_text(encoding="utf-8")
