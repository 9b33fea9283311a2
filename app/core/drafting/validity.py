"""Dated law in the library: clauses that state the same law for different dates must neither overlap nor leave a gap."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable

from app.core.drafting.clauses import Clause
from app.core.problems import Problem

OVERLAP, GAP = "validity-overlap", "validity-gap"


def _selector(clause: Clause) -> tuple[object, ...]:
    """Return what a clause is chosen for: clauses with equal selectors are versions of one topic."""
    return (clause.topic, clause.regimes, clause.letters, clause.outcomes, clause.sections, clause.optional)


def validity_problems(clauses: Iterable[Clause]) -> list[Problem]:
    """Report dated versions of one topic whose periods overlap or leave a gap between them."""
    groups: dict[tuple[object, ...], list[Clause]] = defaultdict(list)
    for clause in clauses:
        groups[_selector(clause)].append(clause)
    problems: list[Problem] = []
    for versions in groups.values():
        dated = [c for c in versions if c.valid_from or c.valid_until]
        if not dated or len(versions) < 2:
            continue
        ordered = sorted(versions, key=lambda c: c.valid_from or dt.date.min)
        for before, after in itertools.pairwise(ordered):
            problems += _between(before, after)
    return problems


def _between(before: Clause, after: Clause) -> list[Problem]:
    end = before.valid_until or dt.date.max
    start = after.valid_from or dt.date.min
    line = after.meta_line("valid_from")
    if start <= end:
        message = f"{after.id} (valid from {start}) overlaps {before.id} (valid until {before.valid_until or 'open'})"
        return [Problem(after.path, line, message, OVERLAP, "valid_from")]
    if start - end > dt.timedelta(days=1):
        message = f"{after.id} starts on {start} but {before.id} ends on {end}: letters dated between have no wording"
        return [Problem(after.path, line, message, GAP, "valid_from")]
    return []
