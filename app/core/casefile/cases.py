"""The officer's cases at a glance: one row per case file in the case folders, overdue first.

Reading thousands of case files with the full YAML reader takes seconds, so `read_row` first
scans the few top-level fields a row needs (regime, letter, reference, received, date, status,
requester name, review date) line by line, and falls back to the full reader only for files it
cannot read that way. A `RowCache` keyed by file size and modification time makes rescans after
a file changes cost one file. The desktop Cases view and `foi-drafter cases` share this module.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.casefile import CASE_SUFFIXES
from app.core.casefile.model import LETTERS, REGIMES, STATUSES
from app.core.law.day_index import WorkingDayIndex
from app.core.law.deadlines import letter_clock

COLUMNS = ("Reference", "Requester", "Regime", "Letter", "Received", "Due", "Days left", "Status", "File")
LETTER_WORDS = {
    "response": "response",
    "review-outcome": "review outcome",
    "clarification": "clarification",
    "pit-extension": "PIT extension",
    "fees-notice": "fees notice",
}
# A pattern starting with a literal newline lets the regex engine skip to candidate lines quickly.
_TOP = re.compile(r"\n(regime|letter|reference|received|status|requester|review):[ \t]*([^\n]*)")
_NEXT_TOP = re.compile(r"\n[^ \t\n#]")
_NESTED_KEY = {"requester": "name", "review": "requested"}


@dataclass(frozen=True)
class CaseRow:
    """What the Cases view shows about one case file."""

    path: Path
    reference: str = ""
    requester: str = ""
    regime: str = ""
    letter: str = ""
    received: dt.date | None = None
    due: dt.date | None = None
    days_left: int | None = None
    status: str = "draft"
    problem: str = ""

    @property
    def overdue(self) -> bool:
        """Tell whether the case is past its deadline and not yet sent."""
        return self.status != "sent" and self.days_left is not None and self.days_left < 0

    def sort_key(self) -> tuple[bool, bool, bool, dt.date, str]:
        """Order rows: overdue first, then open cases by due date, sent cases last, unreadable at the end."""
        return (bool(self.problem), self.status == "sent", not self.overdue, self.due or dt.date.max, self.reference)

    def cells(self) -> tuple[str, ...]:
        """Return the row as text, in COLUMNS order."""
        return (
            self.reference or self.path.stem,
            self.requester,
            self.regime.upper(),
            LETTER_WORDS.get(self.letter, self.letter),
            self.received.isoformat() if self.received else "",
            self.due.isoformat() if self.due else "",
            days_left_text(self),
            (self.problem and "unreadable") or self.status,
            self.path.name,
        )

    def matches(self, text: str) -> bool:
        """Tell whether every word of a search appears in the row (case-insensitive)."""
        haystack = " ".join(self.cells()).lower()
        return all(word in haystack for word in text.lower().split())


def days_left_text(row: CaseRow) -> str:
    """Describe the working days left, or how late the case is."""
    if row.problem or row.days_left is None:
        return ""
    if row.status == "sent":
        return "sent"
    if row.days_left < 0:
        return f"overdue {-row.days_left}"
    return "due today" if row.days_left == 0 else str(row.days_left)


# ---------------------------------------------------------------- finding and reading files


def case_files(folders: Iterable[Path]) -> Iterator[Path]:
    """Yield every case file under the folders (hidden folders skipped), each once."""
    seen: set[Path] = set()
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.lower().endswith(CASE_SUFFIXES) and not name.startswith("."):
                    path = Path(root) / name
                    if path not in seen:
                        seen.add(path)
                        yield path


def scan_fields(text: str) -> dict[str, str]:
    """Return the top-level fields a row needs (and requester.name, review.requested), found by pattern."""
    text = "\n" + text
    fields: dict[str, str] = {}
    for m in _TOP.finditer(text):
        key, value = m[1], m[2].strip()
        if key in _NESTED_KEY:
            inner = _NESTED_KEY[key]
            if value.startswith("{"):
                found = re.search(rf"\b{inner}:\s*([^,}}]+)", value)
            else:
                end = _NEXT_TOP.search(text, m.end())
                found = re.search(rf"\n  {inner}:[ \t]*([^\n]*)", text[m.end() : end.start() if end else len(text)])
            if found:
                fields[f"{key}.{inner}"] = _unquote(found[1])
        if value and value[0] not in "|>#{":
            fields.setdefault(key, _unquote(value))
    return fields


def _unquote(value: str) -> str:
    """Strip a YAML scalar's quotes or trailing comment."""
    value = value.strip()
    if value[:1] in ("'", '"'):
        end = value.find(value[0], 1)
        return value[1:end] if end > 0 else value[1:]
    return value.split(" #", 1)[0].strip()


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()) if value else None
    except ValueError:
        return None


def read_row(path: Path, today: dt.date) -> CaseRow:
    """Return the row for one case file; a file that cannot be read gives a row with its problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return CaseRow(path, problem=f"cannot read: {getattr(exc, 'strerror', None) or exc}")
    fields = scan_fields(text)
    received = _date(fields.get("received", ""))
    regime, letter = fields.get("regime", "foia"), fields.get("letter", "response")
    status = fields.get("status", "draft")
    if received is None or regime not in REGIMES or letter not in LETTERS or status not in STATUSES:
        return _full_row(path, today)
    requester = fields.get("requester.name") or fields.get("requester", "")
    review = _date(fields.get("review.requested", ""))
    due, left = deadline_for(regime, letter, received, review, today)
    return CaseRow(path, fields.get("reference", ""), requester, regime, letter, received, due, left, status)


def _full_row(path: Path, today: dt.date) -> CaseRow:
    """Read a case the line scanner could not, with the full reader (slower, exact messages)."""
    from app.core.casefile.drafts import load_draft
    from app.core.problems import InputError

    try:
        case = load_draft(path)
    except InputError as exc:
        first = exc.problems[0] if exc.problems else None
        return CaseRow(path, problem=first.message if first else "not a case file")
    review = case.review.requested if case.review else None
    due, left = deadline_for(case.regime, case.letter, case.received, review, today)
    return CaseRow(
        path, case.reference, case.requester.name, case.regime, case.letter, case.received, due, left, case.status
    )


def deadline_for(
    regime: str, letter: str, received: dt.date, review: dt.date | None, today: dt.date
) -> tuple[dt.date, int]:
    """Return the due date and working days left: a review outcome runs from the review request."""
    index = _index_for(regime)
    start, days = letter_clock(regime, letter, received, review)
    due = index.add(start, days)
    if today <= due:
        return due, index.between(today, due)
    return due, -index.between(due, index.next_working_day(today))


@functools.cache
def _index_for(regime: str) -> WorkingDayIndex:
    from app.core.law.calendar import calendar_for

    return WorkingDayIndex(calendar_for(regime))


class RowCache:
    """Rows by file, re-read only when a file's size or modification time changes."""

    def __init__(self, today: Callable[[], dt.date]):
        self.today = today
        self._rows: dict[Path, tuple[tuple[int, int], CaseRow]] = {}

    def row(self, path: Path) -> CaseRow:
        """Return the row for a file, from the cache when the file is unchanged."""
        try:
            info = path.stat()
            stamp = (info.st_size, info.st_mtime_ns)
        except OSError as exc:
            return CaseRow(path, problem=f"cannot read: {exc.strerror or exc}")
        cached = self._rows.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        row = read_row(path, self.today())
        self._rows[path] = (stamp, row)
        return row

    def rows(self, folders: Iterable[Path]) -> list[CaseRow]:
        """Return every row under the folders, in display order."""
        return sort_rows(self.row(path) for path in case_files(folders))


def sort_rows(rows: Iterable[CaseRow]) -> list[CaseRow]:
    """Return rows overdue first, then by due date."""
    return sorted(rows, key=CaseRow.sort_key)


def format_table(rows: list[CaseRow]) -> str:
    """Return rows as an aligned plain-text table with a header line."""
    table = [COLUMNS, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in table]
    problems = [f"{row.path}: {row.problem}" for row in rows if row.problem]
    return "\n".join([*lines, *problems])


def set_status(path: Path, status: str) -> None:
    """Set a case file's status (draft, exported, sent), keeping everything else; InputError on a bad file."""
    from app.core.casefile.drafts import load_draft
    from app.core.casefile.writing import save_case

    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    case = load_draft(path)
    case.status = status
    save_case(case, path)


__all__ = ["COLUMNS", "CaseRow", "RowCache", "case_files", "format_table", "read_row", "set_status"]
