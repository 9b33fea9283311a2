"""The clause library: layered folders of clause files, loaded with every problem reported."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.drafting import context
from app.core.drafting.clauses import Clause, read_clause_file
from app.core.drafting.conditions import EXEMPTION_WORDS
from app.core.drafting.library_settings import load_commencements, settings_file
from app.core.drafting.skeleton import all_topics, exemption_topics
from app.core.drafting.template_errors import suggest
from app.core.law.citations import Citation, CitationError, parse_citation
from app.core.law.elements import known_codes
from app.core.law.registry import Registry, load_registry
from app.core.paths import CLAUSES_DIR
from app.core.problems import Problem, display_path

IGNORED_FILES = {"README.md", "GUIDE.md", "CHANGELOG.md"}
BUILT_IN = "built-in"

# Problem codes of the library (a clause file's own codes are in drafting.clauses).
MISSING_FOLDER = "missing-folder"
DUPLICATE_ID = "duplicate-id"
UNKNOWN_TOPIC = "unknown-topic"
UNKNOWN_SECTION = "unknown-section"
UNKNOWN_VARIABLE = "unknown-variable"
UNKNOWN_ELEMENT = "unknown-element"  # a provides code outside the vocabulary
NEVER_APPLIES = "never-applies"  # a `when:` condition that cannot hold where the clause's topic is used


@dataclass(frozen=True)
class Layer:
    """A folder of clauses; later layers override earlier ones clause by clause."""

    name: str
    folder: Path


@dataclass(frozen=True)
class BrokenClause:
    """A clause file that fails its own rules and is therefore not used in any letter."""

    path: str
    layer: str
    clause_id: str  # as far as it could be read; "" when not even that
    problems: tuple[Problem, ...]
    clause: Clause | None = None  # what could be parsed, for the workbench to open and fix


@dataclass
class Library:
    """Effective clauses by id, the versions they override, and every problem found."""

    clauses: dict[str, Clause] = field(default_factory=dict)
    shadowed: dict[str, list[Clause]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken: list[BrokenClause] = field(default_factory=list)
    commencements: dict[str, dt.date] = field(default_factory=dict)  # dated law the organisation has dated
    _topics: dict[str, list[Clause]] | None = field(default=None, repr=False, compare=False)

    def by_topic(self, topic: str) -> list[Clause]:
        """Return the candidate clauses for a topic (indexed on first use; call reindex after changes).

        A draft that overrides an approved clause from a lower layer does not take that wording
        out of letters: the newest approved lower version stays a candidate, listed after the draft,
        so it is used unless the officer opts in to drafts.
        """
        if self._topics is None:
            self._topics = {}
            for clause in self.clauses.values():
                self._topics.setdefault(clause.topic, []).append(clause)
                fallback = self.approved_fallback(clause.id)
                if fallback is not None:
                    self._topics.setdefault(fallback.topic, []).append(fallback)
        return self._topics.get(topic, [])

    def approved_fallback(self, clause_id: str) -> Clause | None:
        """Return the approved lower-layer version behind a draft override, if there is one."""
        clause = self.clauses.get(clause_id)
        if clause is None or clause.status == "approved":
            return None
        approved = [c for c in self.shadowed.get(clause_id, []) if c.status == "approved"]
        return approved[-1] if approved else None

    def reindex(self) -> None:
        """Forget the topic index after clauses were added, replaced or removed."""
        self._topics = None

    def get(self, clause_id: str) -> Clause | None:
        """Return a clause by id, or None."""
        return self.clauses.get(clause_id)

    def instead_of(self, broken: BrokenClause) -> str:
        """Say what wording letters use in place of a broken clause."""
        clause = self.clauses.get(broken.clause_id) if broken.clause_id else None
        if clause is not None and clause.path != broken.path:
            return f"the {clause.layer} clause {clause.id!r} ({clause.path})"
        return "the best other clause for each slot in the lower layers (there is no other version of it)"

    def broken_messages(self) -> list[str]:
        """Return one line per broken clause: which file, that it is not used, and what is used instead."""
        return [
            f"{b.path}: {b.layer} clause{f' {b.clause_id!r}' if b.clause_id else ''} is broken and not used; "
            f"letters would use {self.instead_of(b)} instead"
            for b in self.broken
        ]


def broken_findings(library: Library) -> list[str]:
    """Return, for each broken clause file, its problems and what is used instead, as finding messages."""
    messages = []
    for broken, summary in zip(library.broken, library.broken_messages()):
        details = "; ".join(f"line {p.line}: {p.message}" if p.line else p.message for p in broken.problems)
        messages.append(f"{summary} ({details})")
    return messages


def default_layers(extra: Iterable[Path] = ()) -> list[Layer]:
    """Return the built-in layer followed by any organisation or personal folders."""
    layers = [Layer(BUILT_IN, CLAUSES_DIR)]
    names = ["organisation", "personal"]
    for index, folder in enumerate(extra):
        layers.append(Layer(names[index] if index < len(names) else f"layer {index + 1}", Path(folder)))
    return layers


def load_library(layers: Sequence[Layer] | None = None, validate: bool = True, cache: bool = True) -> Library:
    """Load every clause file of every layer; one broken file never stops the rest.

    With cache (the default) an unchanged library comes from the on-disk cache (library_cache).
    """
    chosen = list(layers) if layers is not None else default_layers()
    if not cache:
        return _load_uncached(chosen, validate)
    from app.core.drafting.library_cache import load_cached

    return load_cached(chosen, validate, lambda: _load_uncached(chosen, validate))


def _load_uncached(layers: Sequence[Layer], validate: bool) -> Library:
    """Read, parse and (if asked) validate every layer's clause files."""
    library = Library()
    for layer in layers:
        _load_layer(library, layer, validate)
    library.commencements, problems = load_commencements(settings_file(layers, BUILT_IN))
    library.problems.extend(problems)
    if validate:
        from app.core.drafting.validity import (
            validity_problems,  # checks of a library being built, not read from the cache
        )

        library.problems.extend(validity_problems(library.clauses.values()))
    return library


def _load_layer(library: Library, layer: Layer, validate: bool) -> None:
    """Load one layer's folder into the library."""
    if not layer.folder.is_dir():
        library.problems.append(
            Problem(display_path(layer.folder), None, f"{layer.name} clause folder not found", MISSING_FOLDER)
        )
        return
    seen: dict[str, str] = {}
    topics = all_topics() if validate else set()
    for path in sorted(layer.folder.rglob("*.md")):
        if path.name in IGNORED_FILES or any(part.startswith(".") for part in path.relative_to(layer.folder).parts):
            continue
        clause, problems = read_clause_file(path, layer.name)
        library.problems.extend(problems)
        if clause is None or problems:
            shown = clause.path if clause else display_path(path)
            clause_id = clause.id if clause else _guess_id(path)
            library.broken.append(BrokenClause(shown, layer.name, clause_id, tuple(problems), clause))
            continue
        if clause.id in seen:
            message = f"duplicate id {clause.id!r} (also in {seen[clause.id]})"
            library.problems.append(Problem(clause.path, clause.meta_line("id"), message, DUPLICATE_ID, "id"))
            continue
        seen[clause.id] = clause.path
        if validate:
            library.problems.extend(check_clause(clause, topics))
        _add(library, clause)


def _guess_id(path: Path) -> str:
    """Return the id a broken clause file seems to declare, for messages ("" when none)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return ""
    match = _ID_LINE.search(head)
    return match.group(1) if match else ""


_ID_LINE = re.compile(r"^id:\s*['\"]?([A-Za-z0-9_.-]+)", re.M)


def _add(library: Library, clause: Clause) -> None:
    """Add a clause, keeping any lower-layer version it overrides."""
    previous = library.clauses.get(clause.id)
    if previous is not None:
        library.shadowed.setdefault(clause.id, []).append(previous)
    library.clauses[clause.id] = clause
    library.reindex()


def check_clause(clause: Clause, topics: set[str] | None = None) -> list[Problem]:
    """Check what a parsed clause refers to: its topic, sections and variables."""
    problems: list[Problem] = []
    if topics is not None and topics and clause.topic not in topics:
        message = f"topic {clause.topic!r} is not used by any letter skeleton"
        problems.append(Problem(clause.path, clause.meta_line("topic"), message, UNKNOWN_TOPIC, "topic"))
    problems += _check_sections(clause)
    problems += _check_provides(clause)
    problems += _check_variables(clause)
    problems += _check_names(clause)
    problems += _check_conditions(clause)
    return problems


def _check_conditions(clause: Clause) -> list[Problem]:
    """Report conditions that read the exemption being explained on a clause whose slot has none."""
    words = [c for c in clause.when if c.word in EXEMPTION_WORDS and not c.negated]
    if not words or clause.topic in exemption_topics():
        return []
    return [
        Problem(
            clause.path,
            clause.meta_line("when", str(c)),
            f"when: '{c}' never holds for a '{clause.topic}' clause: it reads the exemption being explained, "
            f"which only exemption slots have ({', '.join(sorted(exemption_topics()))})",
            NEVER_APPLIES,
            "when",
        )
        for c in words
    ]


def _check_names(clause: Clause) -> list[Problem]:
    """Report unknown filters and tests, and templates that load other templates (never allowed)."""
    from app.core.drafting.template_scan import scan
    from app.core.drafting.templating import environment

    analysis = scan(clause.body)
    if analysis.error:
        return []
    env = environment()
    found = [(line, f"unknown filter '{name}'") for name, line in analysis.filters.items() if name not in env.filters]
    found += [(line, f"unknown test 'is {name}'") for name, line in analysis.tests.items() if name not in env.tests]
    found += [
        (line, f"'{kind}' is not allowed: a clause cannot load other templates")
        for kind, line in analysis.loads.items()
    ]
    return [Problem(clause.path, clause.body_line + line - 1, message) for line, message in sorted(found)]


def _check_provides(clause: Clause) -> list[Problem]:
    """Report provides codes that are not statutory elements of the clause's regimes (resources/provides.yaml)."""
    known = known_codes(clause.regimes)
    regimes = ", ".join(r.upper() for r in clause.regimes) or "any regime"
    return [
        Problem(
            clause.path,
            clause.meta_line("provides", code),
            f"provides: {code!r} is not a statutory element of {regimes} (see the codes in clauses/GUIDE.md)",
            UNKNOWN_ELEMENT,
            "provides",
        )
        for code in clause.provides
        if code not in known
    ]


def _check_sections(clause: Clause) -> list[Problem]:
    """Report cited sections that do not exist in the clause's regimes."""
    regimes = clause.regimes or ("foia", "foisa")
    problems: list[Problem] = []
    line = clause.meta_line("sections")
    for text in clause.sections:
        try:
            citation = parse_citation(text)
        except CitationError as exc:
            problems.append(Problem(clause.path, line, f"sections: {exc}", UNKNOWN_SECTION, "sections"))
            continue
        registries = [load_registry(r) for r in regimes]
        if not any(_registry_has(reg, citation) for reg in registries):
            reason = registries[0].explain_unknown(citation)
            problems.append(Problem(clause.path, line, f"sections: {reason}", UNKNOWN_SECTION, "sections"))
    return problems


def _registry_has(registry: Registry, citation: Citation) -> bool:
    """Tell whether a citation names a provision, or a section whose subsections are provisions."""
    return registry.lookup(citation) is not None or any(p.cite.startswith(citation) for p in registry.provisions)


def _check_variables(clause: Clause) -> list[Problem]:
    """Report variables the body reads that the case catalogue does not offer."""
    from app.core.drafting.template_scan import scan

    analysis = scan(clause.body)
    if analysis.error:
        return []  # reported by the syntax check when the file was parsed
    known = context.known_paths()
    prefixes = context.known_prefixes()
    loop_roots = analysis.bound
    problems = []
    paths = analysis.paths
    for path, line in sorted(paths.items(), key=lambda item: item[1]):
        if path[0] in loop_roots or path[0] in _GLOBALS or path in prefixes or _under_list(path, known):
            continue
        if any(len(other) > len(path) and other[: len(path)] == path for other in paths):
            continue  # 'exemptoin' of exemptoin.ncnd: the longer path is reported
        problems.append(Problem(clause.path, clause.body_line + line - 1, _unknown_fact(path), UNKNOWN_VARIABLE))
    return problems


def _unknown_fact(path: tuple[str, ...]) -> str:
    """Say that a variable is not a fact the engine provides, offering the closest one that is."""
    name = ".".join(path)
    closest = suggest(name, sorted(".".join(p) for p in context.known_paths()))
    hint = f"; did you mean '{closest}'?" if closest else " (see `foi-drafter library variables`)"
    return f"'{name}' is not a fact the engine provides{hint}"


_GLOBALS = {"range", "lipsum", "dict", "cycler", "joiner", "namespace"}  # what the environment offers every template


def _under_list(path: tuple[str, ...], known: frozenset[tuple[str, ...]]) -> bool:
    """Allow methods and filters on known values, e.g. case.parts|length is caught elsewhere."""
    return len(path) > 1 and path[:-1] in known and path[-1] in {"items", "keys", "values"}
