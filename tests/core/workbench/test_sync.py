"""Sharing the library through git: a real bare repository as the remote, a reviewer's and an officer's clone."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.core.casefile.model import load_case
from app.core.drafting.assemble import assemble
from app.core.drafting.library import default_layers, load_library
from app.core.drafting.library_cache import library_signature
from app.core.paths import CLAUSES_DIR, EXAMPLES_DIR
from app.core.workbench import model, sync
from app.core.workbench.approval import as_draft
from app.core.workbench.history import history_for

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CLOSING = "common/closing.md"
TODAY = dt.date(2026, 11, 21)


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout


def clone(remote: Path, target: Path, name: str) -> Path:
    subprocess.run(["git", "clone", "-q", str(remote), str(target)], check=True, capture_output=True)
    git(target, "config", "user.name", name)
    git(target, "config", "user.email", f"{name.split()[0].lower()}@example.org")
    return target


@pytest.fixture
def clones(tmp_path: Path) -> tuple[Path, Path]:
    """A bare shared repository holding one organisation clause, cloned by a reviewer and an officer."""
    remote = tmp_path / "shared.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    reviewer = clone(remote, tmp_path / "reviewer", "Rita Reviewer")
    (reviewer / "common").mkdir()
    (reviewer / CLOSING).write_text(as_draft((CLAUSES_DIR / CLOSING).read_text(encoding="utf-8")), encoding="utf-8")
    git(reviewer, "add", ".")
    git(reviewer, "commit", "-q", "-m", "Organisation copy of the closing")
    git(reviewer, "push", "-q", "-u", "origin", "HEAD")
    officer = clone(remote, tmp_path / "officer", "Oscar Officer")
    return reviewer, officer


def edit(folder: Path, old: str, new: str, message: str) -> None:
    """Change a sentence of the closing and record it as the workbench does (one commit)."""
    path = folder / CLOSING
    text = path.read_text(encoding="utf-8").replace(old, new)
    assert new in text
    model.save_text(path, text, history_for(folder), message, git(folder, "config", "user.name").strip())


def approve(folder: Path) -> None:
    path = folder / CLOSING
    text = path.read_text(encoding="utf-8").replace("status: draft", "status: approved\napproved_by: Rita Reviewer")
    model.save_text(path, text, history_for(folder), "Approve closing", "Rita Reviewer")


def closing_text(folder: Path) -> str:
    case = load_case(EXAMPLES_DIR / "foia-partial.yaml")
    letter = assemble(case, load_library(default_layers([folder])), TODAY)
    return next(b for b in letter.blocks() if b.clause_id == "common.closing").text


SENTENCE = "If you have any questions about this response, please contact us"
REVIEWED = "If anything in this response is unclear, please write to us"


def test_reviewer_approves_and_pushes_officer_sees_it_first_then_pulls_and_the_letter_changes(clones):
    reviewer, officer = clones
    edit(reviewer, SENTENCE, REVIEWED, "Plainer closing")
    approve(reviewer)
    assert sync.status(reviewer).ahead == 2
    assert sync.push(reviewer).ok and sync.status(reviewer).ahead == 0

    before = library_signature([officer])
    assert REVIEWED not in closing_text(officer)
    state = sync.status(officer)
    assert (state.behind, state.ahead) == (2, 0) and "2 change(s) from colleagues" in state.describe()
    coming = sync.incoming(officer)
    assert [c.message for c in coming.commits] == ["Approve closing", "Plainer closing"]
    assert coming.files == (CLOSING,) and REVIEWED in coming.diff
    assert REVIEWED not in (officer / CLOSING).read_text(encoding="utf-8")  # shown, not yet applied

    result = sync.pull(officer)
    assert result.ok and result.files == [CLOSING]
    assert REVIEWED in closing_text(officer)
    assert library_signature([officer]) != before
    assert sync.pull(officer).message.startswith("Already up to date")


def test_a_conflict_is_reported_in_plain_words_and_both_versions_are_kept(clones):
    reviewer, officer = clones
    edit(reviewer, SENTENCE, REVIEWED, "Reviewer's closing")
    assert sync.push(reviewer).ok
    officers = "Please get in touch if you have questions about this response"
    edit(officer, SENTENCE, officers, "Officer's closing")
    assert not sync.push(officer).ok  # behind: must pull first

    result = sync.pull(officer)
    assert not result.ok and result.conflicts == [CLOSING]
    assert "both changed the same lines of common/closing.md" in result.message and "Nothing was lost" in result.message
    assert officers in (officer / CLOSING).read_text(encoding="utf-8")
    assert REVIEWED in (officer / f"{CLOSING}.incoming").read_text(encoding="utf-8")
    assert not (officer / ".git" / "MERGE_HEAD").exists()
    assert sync.status(officer).waiting == (f"{CLOSING}.incoming",)
    assert load_library(default_layers([officer])).problems == []  # the saved copy is not a clause file

    assert sync.pull(officer, keep="theirs").ok
    assert REVIEWED in (officer / CLOSING).read_text(encoding="utf-8")
    assert not (officer / f"{CLOSING}.incoming").exists()
    assert sync.push(officer).message.startswith("Nothing to push") or sync.status(officer).ahead == 0


def test_keeping_mine_merges_their_other_lines(clones):
    reviewer, officer = clones
    edit(reviewer, SENTENCE, REVIEWED, "Reviewer's closing")
    edit(reviewer, "title: Closing and sign-off", "title: Closing (organisation)", "Retitle")
    assert sync.push(reviewer).ok
    edit(officer, SENTENCE, "Officer's own sentence", "Officer's closing")
    assert not sync.pull(officer).ok
    assert sync.pull(officer, keep="mine").ok
    text = (officer / CLOSING).read_text(encoding="utf-8")
    assert "Officer's own sentence" in text and "title: Closing (organisation)" in text
    assert sync.push(officer).ok
    assert sync.pull(reviewer).ok and "Officer's own sentence" in (reviewer / CLOSING).read_text(encoding="utf-8")


def test_folders_that_cannot_be_shared_say_why(tmp_path):
    with pytest.raises(sync.SyncError, match="not a git repository"):
        sync.status(tmp_path)
    with pytest.raises(sync.SyncError, match="does not exist"):
        sync.pull(tmp_path / "missing")
    subprocess.run(["git", "init", "-q", str(tmp_path / "alone")], check=True)
    assert "no shared copy" in sync.status(tmp_path / "alone").describe()
    with pytest.raises(sync.SyncError, match="no shared copy"):
        sync.pull(tmp_path / "alone")
    with pytest.raises(sync.SyncError, match="no git remote"):
        sync.push(tmp_path / "alone")


def test_pull_refuses_while_changes_are_unrecorded(clones):
    _, officer = clones
    (officer / CLOSING).write_text("changed but not committed", encoding="utf-8")
    with pytest.raises(sync.SyncError, match="not yet recorded in common/closing.md"):
        sync.pull(officer)


def test_the_command_line_shows_pulls_and_pushes(clones, capsys):
    reviewer, officer = clones
    edit(reviewer, SENTENCE, REVIEWED, "Plainer closing")
    assert main(["library", "push", str(reviewer)]) == 0
    assert "Pushed 1 change(s)" in capsys.readouterr().out
    assert main(["library", "status", str(officer)]) == 0
    assert "1 change(s) from colleagues waiting to be pulled" in capsys.readouterr().out
    assert main(["library", "pull", str(officer), "--dry-run", "--diff"]) == 0
    out = capsys.readouterr().out
    assert "Plainer closing" in out and REVIEWED in out and REVIEWED not in (officer / CLOSING).read_text()
    assert main(["library", "pull", str(officer)]) == 0
    assert "Pulled 1 changed file(s): common/closing.md" in capsys.readouterr().out
    assert main(["library", "status", "--no-fetch", str(officer)]) == 0
    assert "Up to date" in capsys.readouterr().out
    assert main(["library", "pull", str(officer.parent)]) == 2
    assert "not a git repository" in capsys.readouterr().err


def test_the_command_line_defaults_to_the_organisation_folder(clones, tmp_path, monkeypatch, capsys):
    _, officer = clones
    import json

    config = tmp_path / "config"
    config.mkdir()
    (config / "preferences.json").write_text(json.dumps({"library_folders": [str(officer)]}), encoding="utf-8")
    monkeypatch.setenv("FOI_DRAFTER_CONFIG_DIR", str(config))
    monkeypatch.setenv("FOI_DRAFTER_ORG_SETTINGS", str(tmp_path / "no-org.json"))
    assert main(["library", "status", "--no-fetch"]) == 0
    assert str(officer) in capsys.readouterr().out
