"""Share a clause library through git: status, incoming changes, pull and push with the `git` command.

Git runs as the user, so their own credentials (SSH keys, credential helpers) are used and never
seen by the app; it is never allowed to prompt (GIT_TERMINAL_PROMPT=0). A conflict is reported in
plain words and loses nothing: the merge is undone, the reviewer's file stays as it was and the
colleague's version is saved beside it as `<file>.incoming` until the reviewer chooses a side.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

INCOMING_SUFFIX = ".incoming"
KEEP_CHOICES = {"mine": "ours", "theirs": "theirs"}
_IDENTITY = ("user.name=Clause reviewer", "user.email=reviewer@localhost")


class SyncError(Exception):
    """Git cannot do what was asked; the message says why in plain words."""


@dataclass(frozen=True)
class Commit:
    """One incoming or outgoing change."""

    id: str
    author: str
    date: str
    message: str

    def __str__(self) -> str:
        return f"{self.id} {self.date} {self.author}: {self.message}"


@dataclass(frozen=True)
class SyncStatus:
    """Where a library folder stands against its shared copy."""

    root: Path
    branch: str
    upstream: str
    ahead: int
    behind: int
    unsaved: tuple[str, ...] = ()
    waiting: tuple[str, ...] = ()  # colleagues' versions saved beside conflicting files

    def describe(self) -> str:
        """Say in plain words what pulling and pushing would do."""
        if not self.upstream:
            return (
                f"{self.root} is a git repository on branch {self.branch} with no shared copy to pull from or push to."
            )
        lines = [f"{self.root}: branch {self.branch}, shared copy {self.upstream}."]
        if not (self.ahead or self.behind):
            lines.append("Up to date with the shared copy.")
        if self.behind:
            lines.append(f"{self.behind} change(s) from colleagues waiting to be pulled.")
        if self.ahead:
            lines.append(f"{self.ahead} change(s) of yours waiting to be pushed.")
        if self.unsaved:
            lines.append(f"Changed but not recorded: {', '.join(self.unsaved)}.")
        for name in self.waiting:
            lines.append(
                f"A colleague's conflicting version is waiting in {name}: compare it, then pull choosing a side."
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class Incoming:
    """What a pull would bring in: the commits, the files and the full diff."""

    commits: tuple[Commit, ...] = ()
    files: tuple[str, ...] = ()
    diff: str = ""

    def describe(self) -> str:
        """Summarise the incoming changes."""
        if not self.commits:
            return "No new changes in the shared library."
        lines = [f"{len(self.commits)} change(s) from the shared library:"]
        lines += [f"  {c}" for c in self.commits]
        lines.append("Files: " + ", ".join(self.files))
        return "\n".join(lines)


@dataclass
class SyncResult:
    """The outcome of a pull or push."""

    ok: bool
    message: str
    files: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- running git


def _git(root: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run git in a folder without ever prompting; raise SyncError for a failure when check is set."""
    if shutil.which("git") is None:
        raise SyncError("git is not installed: install git to share the clause library")
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    result = subprocess.run(
        ["git", *args],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        check=False,
    )
    if check and result.returncode != 0:
        raise SyncError(_plain(result.stderr or result.stdout, args))
    return result


def _plain(output: str, args: Iterable[str]) -> str:
    """Turn git's error output into a sentence a reviewer can act on."""
    text = output.strip().splitlines()[-1] if output.strip() else "git failed"
    lowered = output.lower()
    if "could not read from remote" in lowered or "does not appear to be a git repository" in lowered:
        return f"the shared library cannot be reached ({text}); check the network and your git access"
    if "authentication failed" in lowered or "permission denied" in lowered:
        return f"git refused your credentials ({text})"
    return f"git {' '.join(args)} failed: {text}"


def repository(folder: Path) -> Path:
    """Return the top of the git repository holding a library folder; SyncError if there is none."""
    if not Path(folder).is_dir():
        raise SyncError(f"{folder}: the clause library folder does not exist")
    result = _git(Path(folder), "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise SyncError(f"{folder} is not a git repository: nothing to pull or push")
    return Path(result.stdout.strip())


def _upstream(root: Path) -> str:
    """Return the shared branch the current one follows ("" when none)."""
    result = _git(root, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}")
    return result.stdout.strip() if result.returncode == 0 else ""


def _count(root: Path, spec: str) -> int:
    result = _git(root, "rev-list", "--count", spec)
    return int(result.stdout.strip() or 0) if result.returncode == 0 else 0


def _unsaved(root: Path) -> tuple[str, ...]:
    """Return tracked files with changes not yet committed."""
    result = _git(root, "status", "--porcelain", "--untracked-files=no")
    return tuple(line[3:] for line in result.stdout.splitlines() if line.strip())


def _waiting(root: Path) -> tuple[str, ...]:
    """Return the colleagues' versions saved beside conflicting files."""
    return tuple(
        sorted(p.relative_to(root).as_posix() for p in root.rglob(f"*{INCOMING_SUFFIX}") if ".git" not in p.parts)
    )


# ---------------------------------------------------------------- status and incoming


def status(folder: Path, fetch: bool = True) -> SyncStatus:
    """Return the library's branch, shared copy and how far apart they are (fetching first by default)."""
    root = repository(folder)
    branch = _git(root, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip() or "(none)"
    upstream = _upstream(root)
    if upstream and fetch:
        _git(root, "fetch", "--quiet", check=True)
    ahead = _count(root, "@{u}..HEAD") if upstream else 0
    behind = _count(root, "HEAD..@{u}") if upstream else 0
    return SyncStatus(root, branch, upstream, ahead, behind, _unsaved(root), _waiting(root))


def incoming(folder: Path, fetch: bool = True) -> Incoming:
    """Return the colleagues' changes a pull would apply, without applying them."""
    root = repository(folder)
    if not _upstream(root):
        raise SyncError(f"{root} has no shared copy to pull from (no upstream branch)")
    if fetch:
        _git(root, "fetch", "--quiet", check=True)
    log = _git(root, "log", "--format=%h%x1f%an%x1f%ad%x1f%s", "--date=short", "HEAD..@{u}", check=True)
    commits = tuple(Commit(*line.split("\x1f", 3)) for line in log.stdout.splitlines() if line)
    if not commits:
        return Incoming()
    files = _git(root, "diff", "--name-only", "HEAD...@{u}", check=True).stdout.split()
    diff = _git(root, "diff", "HEAD...@{u}", check=True).stdout
    return Incoming(commits, tuple(files), diff)


# ---------------------------------------------------------------- pull and push


def pull(folder: Path, keep: str = "", author: str = "") -> SyncResult:
    """Apply the colleagues' changes; keep = "mine" or "theirs" settles lines both sides changed.

    Without keep, a conflict undoes the merge, saves the colleague's version of each conflicting
    file as <file>.incoming and says so; nothing of either side is lost.
    """
    root = repository(folder)
    if keep and keep not in KEEP_CHOICES:
        raise SyncError(f"keep must be 'mine' or 'theirs', not {keep!r}")
    if not _upstream(root):
        raise SyncError(f"{root} has no shared copy to pull from (no upstream branch)")
    unsaved = _unsaved(root)
    if unsaved:
        raise SyncError(f"changes not yet recorded in {', '.join(unsaved)}: save or discard them before pulling")
    _git(root, "fetch", "--quiet", check=True)
    if not _count(root, "HEAD..@{u}"):
        return SyncResult(True, "Already up to date: no new changes in the shared library.")
    before = _git(root, "rev-parse", "HEAD", check=True).stdout.strip()
    strategy = ["-X", KEEP_CHOICES[keep]] if keep else []
    merged = _git(root, *_identity(root, author), "merge", "--no-edit", *strategy, "@{u}")
    if merged.returncode == 0:
        files = _git(root, "diff", "--name-only", before, "HEAD").stdout.split()
        for name in _waiting(root):
            (root / name).unlink(missing_ok=True)
        how = {"mine": " (keeping your lines where both changed)", "theirs": " (taking theirs where both changed)"}
        return SyncResult(True, f"Pulled {len(files)} changed file(s){how.get(keep, '')}: {', '.join(files)}", files)
    return _conflict(root, merged)


def _conflict(root: Path, merged: subprocess.CompletedProcess[str]) -> SyncResult:
    """Undo a failed merge, keeping the colleague's version of each conflicting file beside it."""
    conflicted = _git(root, "diff", "--name-only", "--diff-filter=U").stdout.split()
    for name in conflicted:
        theirs = _git(root, "show", f":3:{name}")
        if theirs.returncode == 0:
            (root / f"{name}{INCOMING_SUFFIX}").write_text(theirs.stdout, encoding="utf-8")
    _git(root, "merge", "--abort")
    if not conflicted:
        raise SyncError(_plain(merged.stderr or merged.stdout, ("merge",)))
    names = ", ".join(conflicted)
    message = (
        f"You and a colleague both changed the same lines of {names}. Nothing was lost: your version is "
        f"still in place, and the colleague's is saved beside it as {names}{INCOMING_SUFFIX}. Compare "
        "them, then pull again choosing to keep your lines or take theirs (lines changed on one side "
        "only are merged either way)."
    )
    return SyncResult(False, message, conflicts=conflicted)


def push(folder: Path) -> SyncResult:
    """Send recorded changes to the shared library; refuse while colleagues' changes are unpulled."""
    root = repository(folder)
    upstream = _upstream(root)
    if not upstream:
        remotes = _git(root, "remote").stdout.split()
        if not remotes:
            raise SyncError(f"{root} has no shared copy (no git remote) to push to")
        _git(root, "push", "--quiet", "-u", remotes[0], "HEAD", check=True)
        return SyncResult(True, f"Shared the library on {remotes[0]} for the first time.")
    _git(root, "fetch", "--quiet", check=True)
    behind, ahead = _count(root, "HEAD..@{u}"), _count(root, "@{u}..HEAD")
    if behind:
        return SyncResult(False, f"The shared library has {behind} change(s) you do not have yet: pull them first.")
    if not ahead:
        return SyncResult(True, "Nothing to push: the shared library already has all your changes.")
    _git(root, "push", "--quiet", check=True)
    return SyncResult(True, f"Pushed {ahead} change(s) to {upstream}.")


def _identity(root: Path, author: str) -> list[str]:
    """Return git -c options naming the merge's author when git has no identity configured."""
    if author:
        return ["-c", f"user.name={author}", "-c", "user.email=reviewer@localhost"]
    configured = _git(root, "config", "user.name").stdout.strip()
    return [] if configured else [arg for pair in _IDENTITY for arg in ("-c", pair)]


# ---------------------------------------------------------------- noticing changes
