"""Pinned wording: which version of each library clause a saved letter used, and what changed since.

Saving a case records, for every clause in its letter, a hash of the clause's wording (its body)
and, when the clause file is committed in git, the commit. Reopening compares the pins with the
library: the officer can keep the earlier wording (written into the letter as their own text, so
it survives any later library change) or take the new one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.casefile.model import Case, Pin
from app.core.drafting.clauses import Clause, parse_clause
from app.core.drafting.letter import Letter
from app.core.drafting.library import Layer, Library

HASH_LENGTH = 16


def wording_hash(clause: Clause) -> str:
    """Return the hash of a clause's wording (its body; header changes such as review dates do not count)."""
    body = clause.body.replace("\r\n", "\n").strip()
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def current_pins(letter: Letter, library: Library) -> dict[str, Pin]:
    """Return the pins of every library clause in a letter as the library now stands."""
    ids = sorted({b.clause_id for b in letter.blocks() if b.clause_id and not b.removed})
    clauses = [c for c in (library.get(i) for i in ids) if c is not None]
    commits = _commits(Path(c.path) for c in clauses)
    return {c.id: Pin(wording_hash(c), c.layer, commits.get(Path(c.path).resolve(), "")) for c in clauses}


def record_pins(case: Case, letter: Letter | None, library: Library | None) -> None:
    """Record the letter's clause versions in the case (kept as they were when no letter was built)."""
    if letter is not None and library is not None:
        case.pins = current_pins(letter, library)


@dataclass(frozen=True)
class PinChange:
    """A clause whose wording in the library differs from the version the saved case used."""

    clause_id: str
    was: Pin
    now: Pin | None  # None: the clause is no longer in the library

    def describe(self) -> str:
        """Say what changed, in words."""
        if self.now is None:
            return f"{self.clause_id}: no longer in the clause library"
        where = f" (now from the {self.now.layer} layer)" if self.now.layer != self.was.layer else ""
        return f"{self.clause_id}: wording changed since the case was saved{where}"


def changed_pins(case: Case, library: Library) -> list[PinChange]:
    """Return the pinned clauses whose wording the library no longer has."""
    changes = []
    for clause_id, pin in sorted(case.pins.items()):
        clause = library.get(clause_id)
        if clause is None:
            changes.append(PinChange(clause_id, pin, None))
        elif wording_hash(clause) != pin.hash:
            changes.append(PinChange(clause_id, pin, Pin(wording_hash(clause), clause.layer)))
    return changes


def take_new_wording(case: Case, library: Library, changes: Iterable[PinChange]) -> None:
    """Accept the library's current wording: the pins move to it (a vanished clause is unpinned)."""
    for change in changes:
        clause = library.get(change.clause_id)
        if clause is None:
            case.pins.pop(change.clause_id, None)
        else:
            case.pins[change.clause_id] = Pin(wording_hash(clause), clause.layer, change.was.commit)


def earlier_texts(
    case: Case, library: Library, layers: Sequence[Layer], changes: Sequence[PinChange], today: dt.date
) -> tuple[dict[str, str], list[str]]:
    """Return the letter text of each block whose clause changed, rendered from the earlier wording.

    Also returns the ids whose earlier wording could not be found (not in a lower layer, git or the
    workbench history); those blocks keep the library's current wording. Blocks the officer already
    edited are left alone.
    """
    from app.core.drafting.assemble import assemble

    earlier = {c.clause_id: earlier_wording(c, library, layers) for c in changes}
    found = {k: v for k, v in earlier.items() if v is not None}
    texts: dict[str, str] = {}
    if found:
        old_library = dataclasses.replace(library, clauses={**library.clauses, **found}, _topics=None)
        for block in assemble(case, old_library, today).blocks():
            if block.clause_id in found and block.key not in case.edits.texts and not block.error:
                texts[block.key] = block.text
    return texts, sorted(k for k, v in earlier.items() if v is None)


def keep_earlier_wording(
    case: Case, library: Library, layers: Sequence[Layer], changes: Sequence[PinChange], today: dt.date
) -> list[str]:
    """Write the earlier wording into the case as the officer's text; return the ids not found."""
    texts, missing = earlier_texts(case, library, layers, changes, today)
    case.edits.texts.update(texts)
    take_new_wording(case, library, [c for c in changes if c.clause_id not in missing])
    return missing


def earlier_wording(change: PinChange, library: Library, layers: Sequence[Layer]) -> Clause | None:
    """Find the clause version a pin names: a lower layer, the git commit, or a workbench snapshot."""
    for lower in library.shadowed.get(change.clause_id, []):
        if wording_hash(lower) == change.was.hash:
            return lower
    current = library.get(change.clause_id)
    if current is None:
        return None
    path = Path(current.path).resolve()
    for text in (*_git_text(path, change.was.commit), *_snapshot_texts(path, layers)):
        clause, _ = parse_clause(text, str(path), current.layer)
        if clause is not None and wording_hash(clause) == change.was.hash:
            return clause
    return None


# ---------------------------------------------------------------- git and snapshots


def _commits(paths: Iterable[Path]) -> dict[Path, str]:
    """Return the HEAD commit for each clause file committed unchanged in a git repository."""
    from app.core.workbench.history import git_root  # git and snapshots only when pins are written or compared

    by_root: dict[Path, list[Path]] = {}
    for path in paths:
        root = git_root(path.resolve().parent)
        if root is not None:
            by_root.setdefault(root, []).append(path.resolve())
    found: dict[Path, str] = {}
    for root, files in by_root.items():
        head = _git(root, "rev-parse", "HEAD").strip()
        if not head:
            continue
        dirty = set(_git(root, "status", "--porcelain", "--", *map(str, files)).splitlines())
        dirty_names = {(root / line[3:]).resolve() for line in dirty if line.strip()}
        found.update({f: head for f in files if f not in dirty_names})
    return found


def _git_text(path: Path, commit: str) -> list[str]:
    """Return the file's text at a commit (empty when unknown)."""
    from app.core.workbench.history import git_root

    root = git_root(path.parent) if commit else None
    if root is None:
        return []
    relative = path.relative_to(root.resolve()).as_posix()
    text = _git(root, "show", f"{commit}:{relative}")
    return [text] if text else []


def _snapshot_texts(path: Path, layers: Sequence[Layer]) -> list[str]:
    """Return the workbench snapshots of a clause file, newest first."""
    from app.core.workbench.history import SnapshotHistory

    for layer in layers:
        folder = layer.folder.resolve()
        if folder in path.parents:
            history = SnapshotHistory(folder)
            try:
                return [history.text_at(path, v) for v in history.versions(path)]
            except (OSError, UnicodeDecodeError):
                return []
    return []


def _git(root: Path, *args: str) -> str:
    """Run git quietly; return its output ("" on any failure)."""
    import subprocess

    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8", check=False)
    except OSError:
        return ""
    return done.stdout if done.returncode == 0 else ""
