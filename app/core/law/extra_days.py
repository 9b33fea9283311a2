"""Reading the user-editable list of extra proclaimed bank holidays (YAML), with every problem reported."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from app.core.law.calendar import NATIONS, ExtraDay, parse_iso_date
from app.core.problems import Problem

# Problem codes (Problem.code); the field names the entry key concerned ("" for the file or a whole entry).
UNREADABLE = "unreadable"
BAD_YAML = "bad-yaml"
NOT_A_LIST = "not-a-list"  # the file is not a list of days
NOT_A_MAPPING = "not-a-mapping"  # an entry is not a mapping
UNKNOWN_KEY = "unknown-key"
MISSING_KEY = "missing-key"
BAD_DATE = "bad-date"
UNKNOWN_NATION = "unknown-nation"
NO_NATIONS = "no-nations"
BAD_NAME = "bad-name"


def read_extra_days(path: Path | str) -> tuple[list[ExtraDay], list[Problem]]:
    """Read extra proclaimed days from a YAML file; return (days, problems) and never raise for bad content.

    The file holds a list of mappings with keys ``date`` (YYYY-MM-DD), ``nations`` (any of
    england, wales, scotland, northern-ireland) and ``name``. Each problem carries its code; it reads
    "path:line: message".
    """
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(where, None, f"cannot read the extra bank holidays file: {_reason(exc)}", UNREADABLE)]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        parts = [getattr(exc, "context", None), getattr(exc, "problem", None)]
        detail = ", ".join(part for part in parts if part) or str(exc)
        return [], [Problem(where, line, f"not valid YAML: {detail}", BAD_YAML)]
    return _read_root(root, where)


def _reason(exc: BaseException) -> str:
    """Return the human part of an exception message."""
    return getattr(exc, "strerror", None) or str(exc)


def _read_root(root: yaml.Node | None, where: str) -> tuple[list[ExtraDay], list[Problem]]:
    """Return the days and problems of a composed YAML document."""
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value.strip() in ("", "~", "null")):
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(where, _line(root), "expected a list of days (each starting with '- date:')", NOT_A_LIST)]
    days: list[ExtraDay] = []
    problems: list[Problem] = []
    for item in root.value:
        day = _read_entry(item, where, problems)
        if day is not None:
            days.append(day)
    return days, problems


def _line(node: yaml.Node) -> int:
    """Return the 1-based line on which a YAML node starts."""
    return node.start_mark.line + 1


def _read_entry(node: yaml.Node, where: str, problems: list[Problem]) -> ExtraDay | None:
    """Return one extra day from a YAML mapping, or None after recording why it cannot be used."""
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            Problem(where, _line(node), "each entry must be a mapping with date, nations and name", NOT_A_MAPPING)
        )
        return None
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value).strip().lower() if isinstance(key_node, yaml.ScalarNode) else ""
        if key not in ("date", "nations", "name"):
            problems.append(Problem(where, _line(key_node), f"unknown key {key or '?'!r} ignored", UNKNOWN_KEY, key))
        else:
            fields[key] = value_node
    missing = [k for k in ("date", "nations", "name") if k not in fields]
    if missing:
        message = f"entry is missing {', '.join(missing)}; entry ignored"
        problems.append(Problem(where, _line(node), message, MISSING_KEY, missing[0]))
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
            problems.append(Problem(where, _line(node), f"date: {exc}; entry ignored", BAD_DATE, "date"))
            return None
    problems.append(
        Problem(where, _line(node), "date must be a single YYYY-MM-DD value; entry ignored", BAD_DATE, "date")
    )
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
            message = f"unknown nation {raw or '?'!r}: use {', '.join(NATIONS)}"
            problems.append(Problem(where, _line(item), message, UNKNOWN_NATION, "nations"))
    if not nations:
        problems.append(Problem(where, _line(node), "no valid nations listed; entry ignored", NO_NATIONS, "nations"))
    return tuple(nations)


def _read_name(node: yaml.Node, where: str, problems: list[Problem]) -> str | None:
    """Return the name of an entry, or None after recording a problem."""
    if isinstance(node, yaml.ScalarNode) and str(node.value).strip():
        return str(node.value).strip()
    problems.append(Problem(where, _line(node), "name must be a short piece of text; entry ignored", BAD_NAME, "name"))
    return None
