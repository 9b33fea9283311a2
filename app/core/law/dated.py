"""Law that changes with the date: rows valid for a period, switches whose date an organisation sets.

A dated row says when it applies with `valid_from` / `valid_until` (inclusive dates) or with
`from` / `until` naming a switch (resources/law/regulators.yaml). A switch is a change whose
commencement was not known when the data was shipped: until an organisation records its date
(library.yaml `commencement:`), rows `until` it apply and rows `from` it never do.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from typing import Any

Commencements = Mapping[str, dt.date]


class DatedDataError(ValueError):
    """Shipped dated data is inconsistent (a programming or data error, caught by the tests)."""


def period(row: Mapping[str, Any], commencements: Commencements) -> tuple[dt.date, dt.date]:
    """Return the first and last day a row applies to (date.max when it has no end)."""
    start, end = _date(row.get("valid_from"), dt.date.min), _date(row.get("valid_until"), dt.date.max)
    switch_from, switch_until = row.get("from"), row.get("until")
    if switch_from:
        day = commencements.get(str(switch_from))
        start = max(start, day) if day else dt.date.max
    if switch_until:
        day = commencements.get(str(switch_until))
        if day:
            end = min(end, day - dt.timedelta(days=1))
    return start, end


def valid_on(
    rows: Sequence[Mapping[str, Any]], day: dt.date, commencements: Commencements | None = None
) -> Mapping[str, Any]:
    """Return the one row that applies on a day; DatedDataError when none does."""
    for row in rows:
        start, end = period(row, commencements or {})
        if start <= day <= end and start != dt.date.max:
            return row
    raise DatedDataError(f"no row applies on {day.isoformat()}")


def period_problems(rows: Sequence[Mapping[str, Any]], commencements: Commencements | None = None) -> list[str]:
    """Describe overlaps and gaps between the periods of rows that state one thing."""
    spans = sorted((period(row, commencements or {}) for row in rows), key=lambda span: span[0])
    spans = [span for span in spans if span[0] != dt.date.max]  # rows whose switch is unset
    problems = []
    for (_, end), (start, _) in itertools.pairwise(spans):
        if start <= end:
            problems.append(f"a period starting {start} overlaps one ending {end}")
        elif start - end > dt.timedelta(days=1):
            problems.append(f"nothing applies between {end} and {start}")
    return problems


def _date(value: object, default: dt.date) -> dt.date:
    """Return a row's date (YAML gives dates already parsed), or default when absent."""
    if value is None:
        return default
    if isinstance(value, dt.date):
        return value
    raise DatedDataError(f"not a date: {value!r}")
