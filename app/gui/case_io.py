"""Case files for the app (Qt-free): open drafts that are still legally incomplete, new cases, renumbering.

`load_case` refuses a file whose parts break a legal rule (e.g. outcome withheld with no exemption
yet). An officer's half-finished draft must still reopen, so `load_draft` falls back to reading the
fields without the legal rules and returns those rule problems alongside the case; the app shows
them as findings. A file with structural problems (bad YAML, wrong types) is still refused.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

import yaml

from app.core import case as case_module
from app.core import yamlio
from app.core.case import AddedClause, Authority, Case, LetterEdits, Part, Requester, Signatory
from app.core.problems import InputError, Problem, display_path
from app.core.settings import Preferences

_PART_KEY = re.compile(r"^part-(\d+)(?=$|/)")


def load_draft(path: Path | str) -> tuple[Case, list[Problem]]:
    """Read a case file; return the case and any legal-rule problems; raise InputError otherwise."""
    try:
        return case_module.load_case(path), []
    except InputError as exc:
        text = Path(path).read_text(encoding="utf-8") if Path(path).is_file() else None
        case = _read_lenient(text, display_path(path)) if text is not None else None
        if case is None:
            raise
        return case, exc.problems


def parse_draft(text: str, path: str = "<recovery>") -> tuple[Case, list[Problem]]:
    """Parse case-file text like load_draft does."""
    try:
        return case_module.parse_case(text, path), []
    except InputError as exc:
        case = _read_lenient(text, path)
        if case is None:
            raise
        return case, exc.problems


def _read_lenient(text: str, path: str) -> Case | None:
    """Read the fields without the legal rules; None when the file itself is malformed."""
    try:
        data, lines = yamlio.load_with_lines(text)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    reader = case_module._Reader(path, lines)  # the core's own field reader, without case_rules
    case = case_module._read_case(reader, data)
    return None if reader.problems else case


def new_case(preferences: Preferences, today: dt.date) -> Case:
    """Return an empty case for today with the officer's authority, signatory and default regime."""
    return Case(
        regime=preferences.default_regime,
        letter="response",
        received=today,
        authority=Authority(name=preferences.authority_name or "Your authority",
                            address=list(preferences.authority_address), email=preferences.authority_email),
        requester=Requester(),
        signatory=Signatory(name=preferences.signatory_name, role=preferences.signatory_role),
        parts=[Part()],
    )


def renumber_edits(edits: LetterEdits, numbers: dict[int, int | None]) -> LetterEdits:
    """Return edits whose part sections follow new part numbers (old -> new, None = part removed)."""

    def move(key: str) -> str | None:
        match = _PART_KEY.match(key)
        if not match:
            return key
        new = numbers.get(int(match[1]), int(match[1]))
        return None if new is None else f"part-{new}" + key[match.end():]

    texts = {move(k): v for k, v in edits.texts.items()}
    removed = [move(k) for k in edits.removed]
    added = [AddedClause(a.clause, move(a.section)) for a in edits.added]
    order = {move(k): [m for m in (move(x) for x in v) if m] for k, v in edits.order.items()}
    return LetterEdits(
        texts={k: v for k, v in texts.items() if k},
        removed=[k for k in removed if k],
        added=[a for a in added if a.section],
        order={k: v for k, v in order.items() if k},
    )


def without_part(parts: list[Part], edits: LetterEdits, index: int) -> tuple[list[Part], LetterEdits]:
    """Return parts and edits with the part at index removed and later parts renumbered."""
    new_parts = [copy.deepcopy(p) for i, p in enumerate(parts) if i != index]
    numbers: dict[int, int | None] = {index + 1: None}
    numbers.update({n: n - 1 for n in range(index + 2, len(parts) + 1)})
    return new_parts, renumber_edits(edits, numbers)


def with_part_moved(parts: list[Part], edits: LetterEdits, index: int, target: int) -> tuple[list[Part], LetterEdits]:
    """Return parts and edits with one part moved to another position."""
    order = list(range(len(parts)))
    order.insert(target, order.pop(index))
    new_parts = [copy.deepcopy(parts[i]) for i in order]
    numbers: dict[int, int | None] = {old + 1: new + 1 for new, old in enumerate(order)}
    return new_parts, renumber_edits(edits, numbers)
