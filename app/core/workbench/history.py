"""Clause history: git when the library folder is a repository, local timestamped snapshots otherwise."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.core.storage.atomic import write_text_atomic

SNAPSHOT_DIR = ".history"


@dataclass(frozen=True)
class Version:
    """One saved version of a clause file."""

    id: str
    when: dt.datetime
    author: str
    message: str


class History(Protocol):
    """What the workbench needs from a history store."""

    kind: str

    def record(self, path: Path, message: str, author: str) -> Version | None:
        """Record the current content of path as a new version."""

    def versions(self, path: Path) -> list[Version]:
        """Return the versions of path, newest first."""

    def text_at(self, path: Path, version: Version) -> str:
        """Return the file's text at a version."""


def diff(old: str, new: str, old_name: str = "before", new_name: str = "after") -> str:
    """Return a unified diff of two texts."""
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=old_name, tofile=new_name
        )
    )


def history_for(folder: Path) -> History:
    """Return git history when folder is in a git work tree (and git is installed), else snapshots."""
    root = git_root(folder)
    return GitHistory(root) if root else SnapshotHistory(folder)


def git_root(folder: Path) -> Path | None:
    """Return the top of the git work tree containing folder, or None."""
    if shutil.which("git") is None:
        return None
    result = _git(folder, "rev-parse", "--show-toplevel")
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run git in a folder, capturing text output; never raises for a git failure."""
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False
    )


class GitHistory:
    """History kept as commits in the team's shared git repository."""

    kind = "git"

    def __init__(self, root: Path):
        self.root = root

    def record(self, path: Path, message: str, author: str) -> Version | None:
        """Commit just this file with a message; return the new version (None if unchanged)."""
        relative = str(path.resolve().relative_to(self.root.resolve()))
        _git(self.root, "add", "--", relative)
        who = author or "Clause reviewer"
        identity = ["-c", f"user.name={who}", "-c", "user.email=reviewer@localhost"]
        result = _git(self.root, *identity, "commit", "-m", message or f"Update {relative}", "--", relative)
        if result.returncode != 0:
            if "nothing" in (result.stdout + result.stderr):
                return None
            raise OSError(f"git commit failed: {result.stderr.strip() or result.stdout.strip()}")
        return self.versions(path)[0]

    def versions(self, path: Path) -> list[Version]:
        """Return the commits that touched the file, newest first."""
        relative = str(path.resolve().relative_to(self.root.resolve()))
        result = _git(self.root, "log", "--follow", "--format=%H%x1f%aI%x1f%an%x1f%s", "--", relative)
        versions = []
        for line in result.stdout.splitlines():
            sha, when, author, message = line.split("\x1f", 3)
            versions.append(Version(sha, dt.datetime.fromisoformat(when), author, message))
        return versions

    def text_at(self, path: Path, version: Version) -> str:
        """Return the file's text at a commit."""
        relative = path.resolve().relative_to(self.root.resolve()).as_posix()
        result = _git(self.root, "show", f"{version.id}:{relative}")
        if result.returncode != 0:
            raise OSError(f"git show failed: {result.stderr.strip()}")
        return result.stdout


class SnapshotHistory:
    """History kept as timestamped copies in a hidden .history folder of the library."""

    kind = "snapshots"

    def __init__(self, folder: Path):
        self.folder = folder

    def _store(self, path: Path) -> Path:
        """Return the snapshot folder of one clause file."""
        try:
            relative = path.resolve().relative_to(self.folder.resolve())
        except ValueError:
            relative = Path(path.name)
        return self.folder / SNAPSHOT_DIR / relative

    def record(self, path: Path, message: str, author: str, when: dt.datetime | None = None) -> Version | None:
        """Copy the file's current text into a new snapshot (None if identical to the last)."""
        text = path.read_text(encoding="utf-8")
        existing = self.versions(path)
        if existing and self.text_at(path, existing[0]) == text:
            return None
        when = when or dt.datetime.now(dt.UTC)
        stamp = when.strftime("%Y%m%dT%H%M%S%fZ")
        store = self._store(path)
        store.mkdir(parents=True, exist_ok=True)
        write_text_atomic(store / f"{stamp}.md", text)
        write_text_atomic(store / f"{stamp}.meta", f"{author}\n{message}\n")
        return Version(stamp, when, author, message)

    def versions(self, path: Path) -> list[Version]:
        """Return the snapshots of a file, newest first."""
        store = self._store(path)
        if not store.is_dir():
            return []
        versions = []
        for snapshot in sorted(store.glob("*.md"), reverse=True):
            meta = snapshot.with_suffix(".meta")
            author, message = (
                ([*meta.read_text(encoding="utf-8").split("\n", 1), ""])[:2] if meta.exists() else ("", "")
            )
            when = dt.datetime.strptime(snapshot.stem, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.UTC)
            versions.append(Version(snapshot.stem, when, author, message.strip()))
        return versions

    def text_at(self, path: Path, version: Version) -> str:
        """Return the text of one snapshot."""
        return (self._store(path) / f"{version.id}.md").read_text(encoding="utf-8")
