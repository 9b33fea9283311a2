"""Working-day calendars for FOIA/EIR (any UK bank holiday) and FOISA/EISR (Scottish bank holidays)."""

from __future__ import annotations

import calendar as _stdlib_calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

import yaml

from app.core.paths import CALENDAR_DIR
from app.core.problems import Problem

REGIMES: tuple[str, ...] = ("foia", "foisa", "eir", "eisr")
NATIONS: tuple[str, ...] = ("england", "wales", "scotland", "northern-ireland")

# python-holidays subdivision codes of the UK and the nation each one covers.
SUBDIVISION_NATIONS: Mapping[str, str] = MappingProxyType(
    {"ENG": "england", "WLS": "wales", "SCT": "scotland", "NIR": "northern-ireland"}
)
UK_SUBDIVISIONS: tuple[str, ...] = ("ENG", "WLS", "SCT", "NIR")
SCOTTISH_SUBDIVISIONS: tuple[str, ...] = ("SCT",)

# The bundled, user-editable list of proclaimed days python-holidays may not know about yet.
DEFAULT_EXTRA_DAYS_FILE = CALENDAR_DIR / "extra-bank-holidays.yaml"

_DESCRIPTIONS = {
    False: "FOIA s10(6): excludes weekends, Christmas Day, Good Friday and bank holidays in any part of the UK",
    True: "FOISA s73: excludes weekends, Christmas Day and bank holidays in Scotland",
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEEKDAY_NAMES = ("Saturday", "Sunday")


class ExtraDay(NamedTuple):
    """A proclaimed non-working day added by hand: (date, nations, name)."""

    date: date
    nations: tuple[str, ...]
    name: str


@dataclass(frozen=True)
class WorkingCalendar:
    """A working-day calendar: weekends, optional Christmas Day/Good Friday, bank holidays, extra dates.

    ``subdivisions`` are python-holidays UK codes (ENG, WLS, SCT, NIR) whose bank holidays
    are all non-working (their union); they are looked up lazily, one cached year at a time.
    ``non_working`` holds any further dates; ``labels`` optionally names them.
    """

    non_working: frozenset[date] = frozenset()
    subdivisions: tuple[str, ...] = ()
    christmas_day: bool = False
    good_friday: bool = False
    regime: str | None = None
    description: str = "Monday to Friday, less the listed dates"
    labels: tuple[tuple[date, str], ...] = field(default=(), compare=False)

    def is_working_day(self, d: date) -> bool:
        """Return True if d is a working day in this calendar."""
        if d.weekday() >= 5 or d in self.non_working:
            return False
        if self.christmas_day and (d.month, d.day) == (12, 25):
            return False
        if self.good_friday and d == easter_sunday(d.year) - timedelta(days=2):
            return False
        return d not in _union_of_holidays(self.subdivisions, d.year)

    def non_working_reason(self, d: date) -> str | None:
        """Return why d is not a working day (e.g. "Saint Patrick's Day (Northern Ireland)"), or None."""
        if self.is_working_day(d):
            return None
        if d.weekday() >= 5:
            return _WEEKDAY_NAMES[d.weekday() - 5]
        names = [label for day, label in self.labels if day == d]
        names += _holiday_names(self.subdivisions, d.year).get(d, [])
        if not names and (d.month, d.day) == (12, 25):
            names = ["Christmas Day"]
        if not names and d == easter_sunday(d.year) - timedelta(days=2):
            names = ["Good Friday"]
        return "; ".join(names) or "non-working day"

    def add_working_days(self, start: date, n: int) -> date:
        """Return the nth working day after start (before it if n is negative; start itself if 0)."""
        step = 1 if n >= 0 else -1
        current, remaining = start, abs(n)
        while remaining:
            current += timedelta(days=step)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Count working days after start up to and including end; negative if end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        count, current = 0, start
        while current < end:
            current += timedelta(days=1)
            count += self.is_working_day(current)
        return count

    def next_working_day(self, d: date) -> date:
        """Return d if it is a working day, otherwise the first working day after it."""
        return d if self.is_working_day(d) else self.add_working_days(d, 1)


def calendar_for(regime: str, extra_days: Iterable[ExtraDay | tuple | date] = ()) -> WorkingCalendar:
    """Return the statutory working-day calendar of a regime ("foia", "eir", "foisa" or "eisr").

    FOIA/EIR (FOIA s10(6)): not Saturday, Sunday, Christmas Day, Good Friday or a bank holiday
    in any part of the UK. FOISA/EISR (FOISA s73): not Saturday, Sunday, Christmas Day or a
    Scottish bank holiday. Extra days given as ExtraDay/(date, nations, name) apply to FOIA/EIR
    if any nation is listed and to FOISA/EISR only if Scotland is; a bare date applies to both.
    """
    key = normalise_regime(regime)
    scottish = key in ("foisa", "eisr")
    chosen = list(_extra_days_for(extra_days, scottish))
    return WorkingCalendar(
        non_working=frozenset(d for d, _ in chosen),
        subdivisions=SCOTTISH_SUBDIVISIONS if scottish else UK_SUBDIVISIONS,
        christmas_day=True,
        good_friday=not scottish,
        regime=key,
        description=_DESCRIPTIONS[scottish],
        labels=tuple(sorted(chosen)),
    )


def normalise_regime(regime: str) -> str:
    """Return the regime in lower case, or raise ValueError if it is not one we know."""
    key = regime.strip().lower()
    if key not in REGIMES:
        raise ValueError(f"unknown regime {regime!r}: expected one of {', '.join(REGIMES)}")
    return key


def _extra_days_for(extra_days: Iterable[ExtraDay | tuple | date], scottish: bool) -> Iterable[tuple[date, str]]:
    """Yield (date, name) for the extra days that apply to a Scottish or a UK-wide calendar."""
    for entry in extra_days:
        if isinstance(entry, date):
            yield entry, "extra non-working day"
            continue
        day, nations, name = entry
        if (scottish and "scotland" in nations) or (not scottish and nations):
            yield day, f"{name} (extra day)" if name else "extra non-working day"


@cache
def easter_sunday(year: int) -> date:
    """Return Western (Gregorian) Easter Sunday of a year (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def add_calendar_months(start: date, months: int) -> date:
    """Return the date the given number of calendar months after start, clamped to the month's end."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last_day = _stdlib_calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last_day))


def parse_iso_date(text: str) -> date:
    """Return the date written as YYYY-MM-DD, or raise ValueError with a readable reason."""
    cleaned = text.strip()
    if not _ISO_DATE.fullmatch(cleaned):
        raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(cleaned)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a real date ({exc})") from None


@cache
def _holidays_of(subdivision: str, year: int) -> Mapping[date, str]:
    """Return python-holidays' bank holidays of one UK subdivision for one year (cached)."""
    import holidays  # Imported lazily: it is slow to load and the CLI rarely needs it.

    table = holidays.country_holidays("GB", subdiv=subdivision, years=year)
    return MappingProxyType(dict(table.items()))


@cache
def _union_of_holidays(subdivisions: tuple[str, ...], year: int) -> frozenset[date]:
    """Return the union of the bank holidays of several subdivisions in one year (cached)."""
    days: set[date] = set()
    for subdivision in subdivisions:
        days.update(_holidays_of(subdivision, year))
    return frozenset(days)


def _holiday_names(subdivisions: tuple[str, ...], year: int) -> dict[date, list[str]]:
    """Return each bank holiday's name with the nations that keep it, e.g. "Battle of the Boyne (Northern Ireland)"."""
    nations_by_name: dict[tuple[date, str], list[str]] = {}
    for subdivision in subdivisions:
        for day, name in _holidays_of(subdivision, year).items():
            nation = SUBDIVISION_NATIONS[subdivision].replace("-", " ").title()
            nations_by_name.setdefault((day, name), []).append(nation)
    result: dict[date, list[str]] = {}
    for (day, name), nations in sorted(nations_by_name.items()):
        suffix = "" if len(nations) == len(subdivisions) else f" ({', '.join(nations)})"
        result.setdefault(day, []).append(name + suffix)
    return result


def load_extra_days(path: Path | str) -> tuple[list[ExtraDay], list[str]]:
    """Read extra proclaimed days from a YAML file; return (days, problems) and never raise for bad content.

    The file holds a list of mappings with keys ``date`` (YYYY-MM-DD), ``nations`` (any of
    england, wales, scotland, northern-ireland) and ``name``. Problems read "path:line: message".
    """
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [str(Problem(where, None, f"cannot read the extra bank holidays file: {_reason(exc)}"))]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        parts = [getattr(exc, "context", None), getattr(exc, "problem", None)]
        detail = ", ".join(part for part in parts if part) or str(exc)
        return [], [str(Problem(where, line, f"not valid YAML: {detail}"))]
    return _read_root(root, where)


def _reason(exc: BaseException) -> str:
    """Return the human part of an exception message."""
    return getattr(exc, "strerror", None) or str(exc)


def _read_root(root: yaml.Node | None, where: str) -> tuple[list[ExtraDay], list[str]]:
    """Return the days and problems of a composed YAML document."""
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value.strip() in ("", "~", "null")):
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [str(Problem(where, _line(root), "expected a list of days (each starting with '- date:')"))]
    days: list[ExtraDay] = []
    problems: list[Problem] = []
    for item in root.value:
        day = _read_entry(item, where, problems)
        if day is not None:
            days.append(day)
    return days, [str(p) for p in problems]


def _line(node: yaml.Node) -> int:
    """Return the 1-based line on which a YAML node starts."""
    return node.start_mark.line + 1


def _read_entry(node: yaml.Node, where: str, problems: list[Problem]) -> ExtraDay | None:
    """Return one extra day from a YAML mapping, or None after recording why it cannot be used."""
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(where, _line(node), "each entry must be a mapping with date, nations and name"))
        return None
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value).strip().lower() if isinstance(key_node, yaml.ScalarNode) else ""
        if key not in ("date", "nations", "name"):
            problems.append(Problem(where, _line(key_node), f"unknown key {key or '?'!r} ignored"))
        else:
            fields[key] = value_node
    missing = [k for k in ("date", "nations", "name") if k not in fields]
    if missing:
        problems.append(Problem(where, _line(node), f"entry is missing {', '.join(missing)}; entry ignored"))
        return None
    day = _read_date(fields["date"], where, problems)
    nations = _read_nations(fields["nations"], where, problems)
    name = _read_name(fields["name"], where, problems)
    if day is None or not nations or name is None:
        return None
    return ExtraDay(day, nations, name)


def _read_date(node: yaml.Node, where: str, problems: list[Problem]) -> date | None:
    """Return the date of an entry, or None after recording a problem."""
    if isinstance(node, yaml.ScalarNode):
        try:
            return parse_iso_date(node.value)
        except ValueError as exc:
            problems.append(Problem(where, _line(node), f"date: {exc}; entry ignored"))
            return None
    problems.append(Problem(where, _line(node), "date must be a single YYYY-MM-DD value; entry ignored"))
    return None


def _read_nations(node: yaml.Node, where: str, problems: list[Problem]) -> tuple[str, ...]:
    """Return the known nations of an entry (a list or one name); record unknown ones."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    nations: list[str] = []
    for item in items:
        raw = str(item.value).strip() if isinstance(item, yaml.ScalarNode) else ""
        nation = re.sub(r"[\s_]+", "-", raw.lower())
        if nation in NATIONS:
            if nation not in nations:
                nations.append(nation)
        else:
            problems.append(Problem(where, _line(item), f"unknown nation {raw or '?'!r}: use {', '.join(NATIONS)}"))
    if not nations:
        problems.append(Problem(where, _line(node), "no valid nations listed; entry ignored"))
    return tuple(nations)


def _read_name(node: yaml.Node, where: str, problems: list[Problem]) -> str | None:
    """Return the name of an entry, or None after recording a problem."""
    if isinstance(node, yaml.ScalarNode) and node.value.strip():
        return node.value.strip()
    problems.append(Problem(where, _line(node), "name must be a short piece of text; entry ignored"))
    return None
