"""The letter pipeline the app and the command line share: assemble, check and render a preview.

`build` never raises: a failure becomes the result's error, so a worker thread can run it safely.
"""

from __future__ import annotations

import copy
import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.casefile.authority import AuthorityProfile, resolve_case
from app.core.casefile.model import Case

if TYPE_CHECKING:
    from app.core.checks.findings import Finding
    from app.core.drafting.letter import Letter
    from app.core.drafting.library import Library

ERROR, INFO = "error", "info"
_WARM: dict[tuple[Path, ...], Library] = {}  # libraries read ahead by warm_up, each for the next build only
# What _build_into imports when it first runs; warm_up imports them ahead.
_BUILD_MODULES = (
    "app.core.drafting.assemble",
    "app.core.law.calendar",
    "app.core.checks.compliance",
    "app.core.law.deadlines",
    "app.core.law.letter_deadline",
    "app.core.preview.html",
)


@dataclass(frozen=True)
class Snapshot:
    """What one build needs, copied so the worker never shares mutable state with the GUI."""

    generation: int
    case: Case
    library: Library | None
    folders: tuple[Path, ...]
    today: dt.date
    profiles: tuple[AuthorityProfile, ...] = ()


@dataclass
class BuildResult:
    """The letter built from one snapshot, with its findings, preview HTML and deadline."""

    generation: int
    letter: Letter | None = None
    findings: list[Finding] = field(default_factory=list)
    library: Library | None = None
    html: str = ""
    chunks: list[tuple[str, str]] = field(default_factory=list)
    due: dt.date | None = None
    days_left: int | None = None
    error: str = ""
    seconds: float = 0.0
    case: Case | None = None


def build(snapshot: Snapshot) -> BuildResult:
    """Assemble, check and render a snapshot; never raise (a failure becomes the result's error)."""
    started = time.perf_counter()
    result = BuildResult(snapshot.generation)
    try:
        _build_into(result, snapshot)
    except Exception as exc:
        from app.core.checks.findings import Finding

        result.error = f"{type(exc).__name__}: {exc}"
        result.findings.append(Finding("assembly", ERROR, "app", f"the letter could not be built: {result.error}"))
    result.seconds = time.perf_counter() - started
    return result


def _build_into(result: BuildResult, snapshot: Snapshot) -> None:
    """Fill a result from a snapshot (runs on the worker)."""
    from app.core.checks.compliance import Finding, check
    from app.core.drafting.assemble import assemble
    from app.core.drafting.library import broken_findings
    from app.core.law.calendar import calendar_for
    from app.core.law.deadlines import working_days_left
    from app.core.law.letter_deadline import letter_due
    from app.core.preview.html import letter_chunks, page_html

    resolved = resolve_case(snapshot.case, snapshot.profiles)
    case, today = resolved.case, snapshot.today
    result.case = case
    library = snapshot.library or _WARM.pop(snapshot.folders, None) or _load(snapshot.folders)
    result.library = library
    calendar = calendar_for(case.regime)
    result.due = letter_due(case, calendar)
    result.days_left = working_days_left(today, result.due, calendar)
    letter = assemble(case, library, today, calendar)
    findings = check(case, letter, today, calendar, library=library)
    findings += [Finding("authority-profile", ERROR, "Settings", message) for message in resolved.problems]
    broken = {p for b in library.broken for p in b.problems}
    findings += [Finding("library", ERROR, "library", m) for m in broken_findings(library)]
    findings += [Finding("library", INFO, "library", str(p)) for p in library.problems if p not in broken]
    result.letter, result.findings = letter, findings
    result.chunks = letter_chunks(letter, case, today)
    result.html = page_html(result.chunks)


def warm_up(folders: tuple[Path, ...]) -> None:
    """Import what a build needs and read the library, so the first build finds both ready (runs on the worker).

    The desktop app calls this before its window is built, so this work overlaps building the
    window. The library read here is used by the next build of the same folders only.
    """
    import importlib

    from app.core.drafting import markup
    from app.core.drafting.templating import environment

    for name in _BUILD_MODULES:
        importlib.import_module(name)
    _WARM[folders] = _load(folders)
    environment()
    markup.parse("*warm*")  # markdown-it's parser is built on first use


def _load(folders: tuple[Path, ...]) -> Library:
    """Return the library of the default layers above these folders, unvalidated (as builds use it)."""
    from app.core.drafting.library import default_layers, load_library

    return load_library(default_layers(folders), validate=False)


def snapshot_of(
    case: Case,
    library: Library | None,
    folders: tuple[Path, ...],
    today: dt.date,
    generation: int,
    profiles: tuple[AuthorityProfile, ...] = (),
) -> Snapshot:
    """Return a snapshot with a private copy of the case (the library is shared: it is never changed)."""
    return Snapshot(generation, copy.deepcopy(case), library, folders, today, copy.deepcopy(profiles))
