"""Qt-free model of the clause workbench: library entries by layer, search, "used by", saving and history."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.drafting.clauses import Clause
from app.core.drafting.library import BUILT_IN, IGNORED_FILES, Layer, load_library
from app.core.law.citations import CitationError, parse_citation
from app.core.problems import Problem
from app.core.workbench.history import History, Version, history_for

NO_REGIME = "all regimes"


# ---------------------------------------------------------------- entries


@dataclass(frozen=True)
class Entry:
    """One clause file as the workbench lists it: its layer, parsed clause (if any) and problems."""

    path: Path
    layer: Layer
    clause: Clause | None
    problems: tuple[Problem, ...] = ()
    overrides: tuple[Clause, ...] = ()
    shadowed_by: str = ""

    @property
    def key(self) -> str:
        """Return the entry's unique key (its resolved file path)."""
        return str(self.path)

    @property
    def read_only(self) -> bool:
        """Tell whether the clause ships with the app (edit a copy in a higher layer instead)."""
        return self.layer.name == BUILT_IN

    @property
    def label(self) -> str:
        """Return the clause title, or the file name when the file cannot be loaded."""
        return self.clause.title if self.clause else self.path.name

    def overdue(self, today: dt.date) -> bool:
        """Tell whether the clause is past its review date."""
        return self.clause is not None and self.clause.review_overdue(today)


@dataclass
class WorkbenchLibrary:
    """Every clause file of every layer, effective versions first, with the library's problems."""

    layers: list[Layer]
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    commencements: dict[str, dt.date] = field(default_factory=dict)  # dated law, as letters use it (library.yaml)
    _keys: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    def by_key(self, key: str) -> Entry | None:
        """Return the entry of a file path."""
        if len(self._keys) != len(self.entries):
            self._keys = {e.key: e for e in self.entries}
        return self._keys.get(key)

    def effective(self, clause_id: str) -> Entry | None:
        """Return the entry whose wording letters use for an id."""
        return next((e for e in self.entries if e.clause and e.clause.id == clause_id and not e.shadowed_by), None)


def load_workbench(layers: Sequence[Layer]) -> WorkbenchLibrary:
    """Load and validate every layer; list effective, overridden and unloadable files (Qt-free, any thread)."""
    try:
        library = load_library(layers, validate=True)
    except ValueError as exc:  # the core's YAML loader raises on impossible dates such as 2027-13-01
        return _unloadable(layers, exc)
    by_name = {layer.name: layer for layer in layers}
    problems: dict[Path, list[Problem]] = {}
    for problem in library.problems:
        problems.setdefault(_resolved(problem.path), []).append(problem)
    result = WorkbenchLibrary(list(layers), problems=list(library.problems), commencements=dict(library.commencements))

    def entry(clause: Clause, overrides: Iterable[Clause] = (), shadowed_by: str = "") -> Entry:
        path = _resolved(clause.path)
        return Entry(path, by_name[clause.layer], clause, tuple(problems.get(path, ())), tuple(overrides), shadowed_by)

    for clause in library.clauses.values():
        result.entries.append(entry(clause, library.shadowed.get(clause.id, ())))
    for clause_id, lower in library.shadowed.items():
        top = library.clauses[clause_id]
        result.entries.extend(entry(clause, shadowed_by=top.layer) for clause in lower)
    result.entries.extend(entry(broken.clause) for broken in library.broken if broken.clause is not None)
    loaded = {e.path for e in result.entries}
    for layer in layers:
        for path in clause_files(layer.folder):
            if path not in loaded:
                found = tuple(problems.get(path, ())) or (Problem(str(path), None, "was not loaded by the library"),)
                result.entries.append(Entry(path, layer, None, found))
    return result


def _unloadable(layers: Sequence[Layer], error: Exception) -> WorkbenchLibrary:
    """List the files that stop the whole library from loading, so they can be opened and fixed."""
    from app.core.drafting.clauses import parse_clause

    result = WorkbenchLibrary(list(layers))
    for layer in layers:
        for path in clause_files(layer.folder):
            try:
                parse_clause(path.read_text(encoding="utf-8"), str(path), layer.name)
            except (ValueError, OSError) as exc:
                problem = Problem(str(path), None, f"cannot be read ({exc}); no clause loads until it is fixed")
                result.entries.append(Entry(path, layer, None, (problem,)))
                result.problems.append(problem)
    if not result.entries:
        result.problems.append(Problem("library", None, f"cannot be loaded: {error}"))
    return result


def clause_files(folder: Path) -> list[Path]:
    """Return the clause files of a layer folder (hidden folders and guides skipped)."""
    if not folder.is_dir():
        return []
    root = folder.resolve()
    return [
        p
        for p in sorted(root.rglob("*.md"))
        if p.name not in IGNORED_FILES and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]


def _resolved(shown: str | Path) -> Path:
    """Return the absolute path of a path as the core displays it (relative to the working folder)."""
    return Path(shown).resolve()


def editable_layers(layers: Sequence[Layer]) -> list[Layer]:
    """Return the layers reviewers may write to (every layer but the built-in one)."""
    return [layer for layer in layers if layer.name != BUILT_IN]


def layers_above(layers: Sequence[Layer], layer: Layer) -> list[Layer]:
    """Return the editable layers that override the given one."""
    names = [item.name for item in layers]
    index = names.index(layer.name) if layer.name in names else -1
    return [item for item in layers[index + 1 :] if item.name != BUILT_IN]


def override_path(entry: Entry, target: Layer) -> Path:
    """Return where a copy of a clause goes in a higher layer (same place under the layer folder)."""
    try:
        relative = entry.path.relative_to(entry.layer.folder.resolve())
    except ValueError:
        relative = Path(entry.path.name)
    return target.folder.resolve() / relative


# ---------------------------------------------------------------- browsing


def regime_groups(clause: Clause | None) -> list[str]:
    """Return the regime groups a clause is listed under."""
    if clause is None:
        return []
    return list(clause.regimes) or [NO_REGIME]


def used_by(clause: Clause) -> str:
    """Describe which letters, outcomes and sections select a clause."""

    def listed(values: tuple[str, ...], everything: str) -> str:
        return ", ".join(values) if values else everything

    text = (
        f"'{clause.topic}' slot of {listed(clause.letters, 'every letter kind')} letters under "
        f"{listed(tuple(r.upper() for r in clause.regimes), 'every regime')}, for "
        f"{listed(clause.outcomes, 'any outcome')}"
    )
    if clause.sections:
        text += f", citing {', '.join(clause.sections)}"
    if clause.optional:
        text += "; optional: only when an officer adds it"
    if clause.status != "approved":
        text += "; draft: only in letters that allow drafts"
    return text


def selects(clause: Clause, letter: str = "", outcome: str = "", section: str = "") -> bool:
    """Tell whether a clause can be chosen for a letter kind, an outcome and a cited section."""
    if letter and clause.letters and letter not in clause.letters:
        return False
    if outcome and clause.outcomes and outcome not in clause.outcomes:
        return False
    return not section or cites(clause, section)


def cites(clause: Clause, section: str) -> bool:
    """Tell whether a clause names a section, or a provision within or around it."""
    try:
        wanted = parse_citation(section)
    except CitationError:
        return any(section.strip().lower() in s.lower() for s in clause.sections)
    for text in clause.sections:
        try:
            own = parse_citation(text)
        except CitationError:
            continue
        if own.startswith(wanted) or wanted.startswith(own):
            return True
    return False


def matches(entry: Entry, query: str) -> bool:
    """Tell whether an entry matches every word or "quoted phrase" of a search (title, id, wording, sections…)."""
    words = [phrase or word for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query.lower())]
    if not words:
        return True
    clause = entry.clause
    if clause is None:
        haystack = entry.path.name.lower()
        return all(word in haystack for word in words)
    haystack = " ".join(
        [
            clause.id,
            clause.title,
            clause.topic,
            clause.body,
            clause.guidance,
            *clause.sections,
            *clause.references,
            entry.path.name,
        ]
    ).lower()
    return all(word in haystack or (_looks_like_section(word) and cites(clause, word)) for word in words)


def _looks_like_section(word: str) -> bool:
    """Tell whether a search word reads as a citation such as s40(2)."""
    try:
        parse_citation(word)
    except CitationError:
        return False
    return True


# ---------------------------------------------------------------- saving and history


def save_text(path: Path, text: str, history: History, message: str, author: str) -> tuple[Version | None, str]:
    """Write a clause file atomically and record it; return the version and any history failure.

    An OSError from writing propagates (nothing was saved). A history failure after a successful
    write is returned as text, so the caller can say the file is saved but not recorded.
    """
    from app.core.storage.atomic import write_text_atomic

    failure = _record_baseline(path, text, history, author)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, text)
    try:
        return history.record(path, message, author), failure
    except (OSError, ValueError) as exc:
        return None, str(exc)


def _record_baseline(path: Path, text: str, history: History, author: str) -> str:
    """Record a file as it was before its first change, so the first change can be compared and undone."""
    try:
        if not path.exists() or history.versions(path) or path.read_text(encoding="utf-8") == text:
            return ""
        history.record(path, "Version before the first change in the workbench", author)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return str(exc)
    return ""


def remove_file(path: Path, history: History, message: str, author: str) -> str:
    """Delete a clause file, keeping it restorable; return any history failure as text.

    Snapshot history keeps a last copy before the file goes; a git library commits the removal
    when the file was tracked.
    """
    failure = ""
    if history.kind != "git":
        try:
            history.record(path, f"Before removal: {message}", author)
        except OSError as exc:
            failure = str(exc)
    tracked = history.kind == "git" and bool(history.versions(path))
    path.unlink()
    if tracked:
        try:
            history.record(path, message, author)
        except (OSError, ValueError) as exc:
            failure = str(exc)
    return failure


def history_of(layer: Layer) -> History:
    """Return the history store of a layer (git when its folder is in a repository, else snapshots)."""
    return history_for(layer.folder.resolve())
