"""Qt-free model of the clause workbench: library entries by layer, search, "used by", file text and history.

The workbench edits a clause as a metadata mapping plus a body, composed into the file text that
is validated and saved, so what is checked is exactly what is written. A file whose header cannot
be read is edited as raw text instead, so nothing in it is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import yaml

from app.core.casefile.model import LETTERS, OUTCOMES, REGIMES, Case, load_case
from app.core.drafting.clauses import FENCE, Clause
from app.core.drafting.library import BUILT_IN, IGNORED_FILES, Layer, load_library
from app.core.law.citations import CitationError, parse_citation
from app.core.paths import EXAMPLES_DIR
from app.core.problems import Problem
from app.core.storage import yamlio
from app.core.workbench.history import History, Version, history_for

META_ORDER = (
    "id",
    "title",
    "topic",
    "status",
    "regimes",
    "letters",
    "outcomes",
    "sections",
    "provides",
    "references",
    "authorities",
    "optional",
    "owner",
    "approved_by",
    "approved_on",
    "last_reviewed",
    "review_due",
    "guidance",
)
LIST_KEYS = ("regimes", "letters", "outcomes", "sections", "provides", "references")
DATE_KEYS = ("approved_on", "last_reviewed", "review_due")
SELECTION_KEYS = ("topic", "regimes", "letters", "outcomes", "sections", "provides", "optional")
APPROVAL_KEYS = ("status", "approved_by", "approved_on")
VOCABULARY = {"regimes": REGIMES, "letters": LETTERS, "outcomes": OUTCOMES}
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
    result = WorkbenchLibrary(list(layers), problems=list(library.problems))

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


# ---------------------------------------------------------------- file text


@dataclass(frozen=True)
class ClauseText:
    """A clause file split for editing: metadata (None when the header cannot be read) and body."""

    meta: dict[str, Any] | None
    body: str
    header: str = ""
    error: Problem | None = None

    @property
    def raw(self) -> bool:
        """Tell whether the file must be edited as plain text (its header cannot be read)."""
        return self.meta is None


def split_text(text: str, path: str = "") -> ClauseText:
    """Split file text into metadata and body; report an unreadable header instead of raising."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != FENCE:
        problem = Problem(path, 1, "must start with a '---' line opening the metadata header")
        return ClauseText(None, text, error=problem)
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            header = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :]).strip("\n") + "\n"
            return _with_meta(header, body, text, path)
    return ClauseText(None, text, error=Problem(path, 1, "metadata header is not closed by a '---' line"))


def _with_meta(header: str, body: str, text: str, path: str) -> ClauseText:
    """Read the header mapping; fall back to raw text when it is not a mapping of fields."""
    try:
        meta, _ = yamlio.load_with_lines(header)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = Problem(path, line, f"metadata is not valid YAML: {getattr(exc, 'problem', exc)}")
        return ClauseText(None, text, error=problem)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return ClauseText(None, text, error=Problem(path, 2, "metadata must be a mapping of fields"))
    return ClauseText({str(k): v for k, v in meta.items()}, body, header)


def compose(meta: dict[str, Any], body: str, baseline: ClauseText | None = None) -> str:
    """Return file text for metadata and body; fields that did not change keep their original lines."""
    if baseline is not None and baseline.meta is not None and normalised(baseline.meta) == normalised(meta):
        header = baseline.header + "\n" if baseline.header else ""
    elif baseline is not None and baseline.meta is not None and baseline.header.strip():
        from app.core.workbench.header_layout import merge_header

        header = merge_header(baseline.header, normalised(baseline.meta), normalised(meta), META_ORDER)
    else:
        header = yamlio.dump(normalised(meta)) if normalised(meta) else ""
    return f"{FENCE}\n{header}{FENCE}\n{body.rstrip()}\n"


def normalised(meta: dict[str, Any]) -> dict[str, Any]:
    """Return metadata in file order without empty values (known fields first, then any others)."""
    ordered = {key: meta[key] for key in META_ORDER if key in meta}
    ordered.update({key: value for key, value in meta.items() if key not in ordered})
    return {key: value for key, value in ordered.items() if value not in (None, "", [], (), False)}


def as_list(value: Any) -> list[str]:
    """Return a metadata value as a list of strings."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def parse_list(text: str) -> list[str]:
    """Read a comma-separated list typed in a form field."""
    return [item.strip() for item in text.split(",") if item.strip()]


def parse_date(text: str) -> dt.date | str | None:
    """Read an ISO date typed in a form field; keep other text so validation reports it."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


def content_changed(before: dict[str, Any] | None, after: dict[str, Any] | None, old_body: str, new_body: str) -> bool:
    """Tell whether the wording or what selects the clause changed (which needs a new approval)."""
    if old_body.strip() != new_body.strip():
        return True
    if before is None or after is None:
        return before != after
    old, new = normalised(before), normalised(after)
    return any(old.get(key) != new.get(key) for key in SELECTION_KEYS)


# ---------------------------------------------------------------- problems


@dataclass(frozen=True)
class Located:
    """A problem placed in the editor: a body line, a metadata field, or the file as a whole."""

    problem: Problem
    kind: str
    key: str = ""
    body_line: int = 0
    file_line: int = 0

    @property
    def label(self) -> str:
        """Return the problem as listed under the editor."""
        message = self.problem.message.removeprefix("body: ")
        if self.kind == "body":
            return f"Line {self.file_line} (body line {self.body_line}): {message}"
        if self.kind == "field":
            return f"Line {self.file_line} ({self.key}): {message}"
        return f"Line {self.file_line}: {message}" if self.file_line else message


def locate(problems: Sequence[Problem], text: str, raw: bool = False) -> list[Located]:
    """Place each problem of composed file text in the body or on a metadata field, with its true line."""
    lines = text.splitlines()
    close = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    body_line = close + 2 if close is not None and not raw else 1
    keys = _header_keys(lines[1:close] if close is not None else [])
    located = [_place(p, body_line, keys, raw) for p in problems]
    return sorted(located, key=lambda item: (item.file_line or 0, item.label))


def _header_keys(header: list[str]) -> dict[str, int]:
    """Return the file line of each top-level metadata key."""
    keys: dict[str, int] = {}
    for number, line in enumerate(header, start=2):
        match = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if match:
            keys.setdefault(match.group(1), number)
    return keys


def _place(problem: Problem, body_line: int, keys: dict[str, int], raw: bool) -> Located:
    """Place one problem (the core may give metadata lines of the saved file, not of the edited text)."""
    line = problem.line or 0
    if raw:
        return Located(problem, "body", body_line=line, file_line=line) if line else Located(problem, "file")
    if line >= body_line:
        return Located(problem, "body", body_line=line - body_line + 1, file_line=line)
    key = problem.field or _key_at(keys, line)
    if key:
        return Located(problem, "field", key, file_line=keys.get(key, line or 1))
    return Located(problem, "file", file_line=line)


def _key_at(keys: dict[str, int], line: int) -> str:
    """Return the metadata key whose entry spans a header line."""
    above = [(number, key) for key, number in keys.items() if number <= line]
    return max(above)[1] if above else ""


def incomplete_problems(meta: dict[str, Any], body: str, path: str, composed: str = "") -> list[Problem]:
    """Check sections, topic and variables of a clause the core will not parse for missing fields.

    validate_text stops at "missing required field"; a reviewer filling in a new clause should
    still see every other problem at once. Missing fields are filled with stand-ins for the check,
    and body lines are mapped back to the edited text (composed, when given, else as compose writes it).
    """
    from app.core.drafting.clauses import REQUIRED, parse_clause
    from app.core.drafting.library import UNKNOWN_TOPIC, check_clause
    from app.core.drafting.skeleton import all_topics

    filled = dict(meta)
    stand_ins = [key for key in REQUIRED if not filled.get(key)]
    for key in stand_ins:
        filled[key] = "draft" if key == "status" else f"missing-{key}"
    text = compose(filled, body)
    clause, _ = parse_clause(text, path)
    if clause is None:
        return []
    shift = _body_line(composed or compose(meta, body)) - _body_line(text)
    found = []
    for problem in check_clause(clause, all_topics()):
        if "topic" in stand_ins and problem.code == UNKNOWN_TOPIC:
            continue
        line = problem.line + shift if problem.line and problem.line >= clause.body_line else problem.line
        found.append(replace(problem, line=line))
    return found


def _body_line(text: str) -> int:
    """Return the file line where the body of composed clause text starts."""
    lines = text.splitlines()
    return next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE) + 2


# ---------------------------------------------------------------- template variables and samples


def variables_used(body: str) -> list[str]:
    """Return the variables a body reads, without rendering it (like jinja2.meta)."""
    from app.core.drafting.templating import attribute_paths

    try:
        return sorted(".".join(path) for path in attribute_paths(body))
    except jinja2.TemplateSyntaxError:
        return []


@lru_cache(maxsize=1)
def sample_cases() -> tuple[tuple[str, Case], ...]:
    """Return the example cases shipped for previews, by file name."""
    found = []
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        try:
            found.append((path.stem, load_case(path)))
        except Exception:
            continue
    return tuple(found)


def best_sample(clause: Clause | None, names: Sequence[str]) -> int:
    """Return the index of the example case that suits a clause's regimes and letter kinds best."""
    cases = dict(sample_cases())
    if clause is None:
        return 0
    for index, name in enumerate(names):
        case = cases.get(name)
        if (
            case is not None
            and clause.serves(case.regime, case.letter)
            and (not clause.outcomes or set(clause.outcomes) & {p.outcome for p in case.parts})
        ):
            return index
    for index, name in enumerate(names):
        case = cases.get(name)
        if case is not None and clause.serves(case.regime, case.letter):
            return index
    return 0


def preview_html(markdown: str) -> str:
    """Return rendered clause Markdown as HTML in the letter's styles."""
    from app.core.drafting import markup
    from app.core.preview.html import PAGE_STYLE, blocks_html

    return f'<html><body style="{PAGE_STYLE}">{blocks_html(markup.parse(markdown))}</body></html>'


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
