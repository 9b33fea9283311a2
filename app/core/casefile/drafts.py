"""Case files for the app (Qt-free): open drafts that are still legally incomplete, new cases, renumbering.

`load_case` refuses a file whose parts break a legal rule (e.g. outcome withheld with no exemption
yet). An officer's half-finished draft must still reopen, so the app reads case files with the
core's reader with legal=False: they are checked on every build and shown
as findings instead. A file with structural problems (bad YAML, wrong types) is still refused with
every `path:line: message` problem.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.casefile.model import (
    AddedClause,
    Authority,
    Case,
    LetterEdits,
    Part,
    Requester,
    Signatory,
    load_case,
    parse_case,
)

if TYPE_CHECKING:  # the settings read case-file types, so only the annotation names them here
    from app.core.settings.preferences import Preferences

_PART_KEY = re.compile(r"^part-(\d+)(?=$|/)")


def load_draft(path: Path | str) -> Case:
    """Read a case file without the legal rules; raise InputError naming the file and each problem."""
    return load_case(path, legal=False)


def parse_draft(text: str, path: str = "<case>") -> Case:
    """Parse case-file text, leaving the legal rules to the findings (so half-finished drafts open)."""
    return parse_case(text, path, legal=False)


def new_case(preferences: Preferences, today: dt.date) -> Case:
    """Return an empty case for today naming the officer's default authority profile and regime.

    The profile supplies the authority's details and the signatory; the case keeps only its key,
    so later changes to the profile in Settings reach the case.
    """
    profile = preferences.default_profile()
    return Case(
        regime=preferences.default_regime,
        letter="response",
        received=today,
        authority=Authority(name="", profile=profile.key) if profile else Authority(),
        requester=Requester(),
        signatory=Signatory(),
        parts=[Part()],
    )


def renumber_edits(edits: LetterEdits, numbers: dict[int, int | None]) -> LetterEdits:
    """Return edits whose part sections follow new part numbers (old -> new, None = part removed)."""

    def move(key: str) -> str | None:
        match = _PART_KEY.match(key)
        if not match:
            return key
        new = numbers.get(int(match[1]), int(match[1]))
        return None if new is None else f"part-{new}" + key[match.end() :]

    texts = {move(k): v for k, v in edits.texts.items()}
    removed = [move(k) for k in edits.removed]
    added = [AddedClause(a.clause, section) for a in edits.added if (section := move(a.section))]
    order = {move(k): [m for m in (move(x) for x in v) if m] for k, v in edits.order.items()}
    return LetterEdits(
        texts={k: v for k, v in texts.items() if k},
        removed=[k for k in removed if k],
        added=added,
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
