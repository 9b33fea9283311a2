"""Where a clause's problems sit in the edited text (body line, metadata field or file), and checks of a clause not yet complete."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from app.core.drafting.clauses import FENCE
from app.core.problems import Problem
from app.core.workbench.clause_text import compose


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
        message = self.problem.message
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
