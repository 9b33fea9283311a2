"""Clause files: a YAML metadata header over a Jinja2 body in the Markdown subset."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
import yaml

from app.core.casefile.authority import KINDS as AUTHORITY_KINDS
from app.core.casefile.model import LETTERS, OUTCOMES, REGIMES
from app.core.drafting.conditions import Condition, condition_text, parse_when
from app.core.drafting.template_errors import CODES as TEMPLATE_CODES
from app.core.drafting.template_errors import TEMPLATE_SYNTAX as TEMPLATE_SYNTAX  # re-exported: a body code
from app.core.drafting.template_errors import explain
from app.core.problems import Problem, display_path
from app.core.storage import typed, yamlio
from app.core.storage.atomic import write_text_atomic

STATUSES = ("draft", "approved")
_HeaderLoader = yamlio.FastLoader  # what YAML gives a header; the fast reader must agree with it

# Problem codes of clause files.
NO_HEADER = "no-header"  # the file does not open with a metadata header
BAD_HEADER = "bad-header"  # a metadata header that is unclosed or not a YAML mapping
MISSING_FIELD = "missing-field"
BAD_FIELD = "bad-field"  # a field of the wrong type or outside its vocabulary
UNRECORDED_APPROVAL = "unrecorded-approval"  # approved without approved_by
UNREADABLE = "unreadable"
UNKNOWN_CONDITION = "unknown-condition"  # a `when:` condition outside the vocabulary (drafting.conditions)
UNUSABLE = frozenset({NO_HEADER, BAD_HEADER, MISSING_FIELD, UNREADABLE, *TEMPLATE_CODES})  # no clause can be built

REQUIRED = ("id", "title", "topic", "status")
LIST_FIELDS = ("regimes", "letters", "outcomes", "sections", "provides", "references", "authorities")
FENCE = "---"


@dataclass(frozen=True)
class Clause:
    """One reusable piece of letter wording with the facts that select it."""

    id: str
    title: str
    topic: str
    body: str
    path: str = ""
    body_line: int = 1
    layer: str = "built-in"
    status: str = "draft"
    regimes: tuple[str, ...] = ()
    letters: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    authorities: tuple[str, ...] = ()  # kinds of authority it suits (police, council, …); empty = any
    when: tuple[Condition, ...] = ()  # header conditions that must all hold for it to be chosen
    optional: bool = False
    owner: str = ""
    approved_by: str = ""
    approved_on: dt.date | None = None
    last_reviewed: dt.date | None = None
    review_due: dt.date | None = None
    valid_from: dt.date | None = None  # the law it states applies to letters dated from this day
    valid_until: dt.date | None = None  # … and up to and including this day
    guidance: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    header: str = field(default="", compare=False, repr=False)  # the metadata text read, for locating fields

    @cached_property
    def template(self) -> jinja2.Template:
        """Return the compiled body template (compiled on first use, or read from the template cache)."""
        from app.core.drafting.template_cache import compile_template

        return compile_template(self.body)

    def valid_on(self, day: dt.date) -> bool:
        """Tell whether the law this clause states applies to a letter dated on day."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    def meta_line(self, key: str, item: str = "") -> int:
        """Return the file line of a top-level metadata key as read (1 when unknown).

        With item, the line of that list item when the list is written one item a line.
        """
        lines = self.header.splitlines()
        start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        if start is None:
            return 1
        for offset, line in enumerate(lines[start + 1 :], start=start + 1):
            if not line.startswith((" ", "-")):
                break
            if item and line.strip().removeprefix("-").strip().strip("'\"") == item:
                return offset + 2
        return start + 2

    def review_overdue(self, today: dt.date) -> bool:
        """Tell whether the clause is past its review date."""
        return self.review_due is not None and self.review_due < today

    def serves(self, regime: str, letter: str) -> bool:
        """Tell whether the clause can be used for this regime and letter kind."""
        return (not self.regimes or regime in self.regimes) and (not self.letters or letter in self.letters)

    def suits(self, kind: str) -> bool:
        """Tell whether the clause suits this kind of authority (any, when either side does not say)."""
        return not self.authorities or not kind or kind in self.authorities


def parse_clause(text: str, path: str, layer: str = "built-in") -> tuple[Clause | None, list[Problem]]:
    """Parse clause file text; return the clause (None if unusable) and its problems."""
    header, body, body_line, problem = _split(text, path)
    if problem:
        return None, [problem]
    from app.core.drafting.clause_header import read_header  # only when clause files are read, not from the cache

    try:
        meta = read_header(header)
        if meta is None:
            meta = yamlio.load_with_lines(header)[0] or {}
    except yaml.YAMLError as exc:
        line, reason = yamlio.describe_error(exc, header)
        return None, [Problem(path, line + 1 if line else 1, f"metadata is not valid YAML: {reason}", BAD_HEADER)]
    if not isinstance(meta, dict):
        return None, [Problem(path, 2, "metadata must be a mapping of fields (id, title, topic, …)", BAD_HEADER)]
    problems = _check_meta(meta, header, path)
    problems += _check_body(body, body_line, path)
    if any(p.code in UNUSABLE for p in problems):
        return None, problems
    return _build(meta, body, path, body_line, layer, header), problems


def _split(text: str, path: str) -> tuple[str, str, int, Problem | None]:
    """Split a clause file into header and body; report a missing header."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        return "", "", 1, Problem(path, 1, "must start with a '---' line opening the metadata header", NO_HEADER)
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            body = "\n".join(lines[index + 1 :]).strip("\n") + "\n"
            return "\n".join(lines[1:index]), body, index + 2, None
    return "", "", 1, Problem(path, 1, "metadata header is not closed by a '---' line", BAD_HEADER)


def _check_meta(meta: dict[str, Any], header: str, path: str) -> list[Problem]:
    """Check the metadata fields; lines are resolved only when something is wrong."""
    found: list[tuple[str, Problem]] = []  # (the header key whose line locates it, the problem)

    def report(at: str, code: str, message: str, field: str | None = None) -> None:
        found.append((at, Problem(path, None, message, code, at if field is None else field)))

    for key in REQUIRED:
        if not meta.get(key):
            report("", MISSING_FIELD, f"missing required field '{key}'", key)
    if meta.get("status") and meta["status"] not in STATUSES:
        report("status", BAD_FIELD, f"status must be draft or approved, not {meta['status']!r}")
    for key in LIST_FIELDS:
        if key in meta and not isinstance(meta[key], (list, str, type(None))):
            report(key, BAD_FIELD, f"{key} must be a list")
    kinds = tuple(k for k in AUTHORITY_KINDS if k)
    for key, allowed in (("regimes", REGIMES), ("letters", LETTERS), ("outcomes", OUTCOMES), ("authorities", kinds)):
        for value in _as_list(meta.get(key)):
            if value not in allowed:
                report(key, BAD_FIELD, f"{key}: unknown value {value!r} (expected one of {', '.join(allowed)})")
    for key in DATE_FIELDS:
        if meta.get(key) is not None and not isinstance(meta[key], dt.date):
            report(key, BAD_FIELD, f"{key} must be an ISO date such as 2026-01-31")
    if meta.get("status") == "approved" and not meta.get("approved_by"):
        report("status", UNRECORDED_APPROVAL, "an approved clause must record approved_by", "approved_by")
    for item, reason in parse_when(meta.get("when"))[1]:
        report(condition_text(item), UNKNOWN_CONDITION, f"when: {reason}", "when")  # located by its item
    if "optional" in meta:
        try:
            typed.as_bool(meta["optional"])
        except typed.TypedError as exc:
            report("optional", BAD_FIELD, f"optional {exc}")
    if not found:
        return []
    try:
        _, lines = yamlio.load_with_lines(header)
    except yaml.YAMLError:
        lines = {}
    return [replace(p, line=_line_of(at, p.field, header, lines)) for at, p in found]


def _line_of(at: str, key: str, header: str, lines: dict[Any, Any]) -> int:
    """Return the file line of a problem: of its key, or of the `when:` item it names."""
    if key == "when" and at != "when":
        return Clause(id="", title="", topic="", body="", header=header).meta_line("when", at)
    return (yamlio.line_for(lines, at) or 0) + 1


def _check_body(body: str, body_line: int, path: str) -> list[Problem]:
    """Report a template error in plain words, at the file line where it starts."""
    from app.core.drafting.template_scan import scan

    error = scan(body).error
    if error is None:
        return []
    found = explain(body, *error, first_line=body_line)
    return [Problem(path, found.line, found.message, found.code)]


def _as_list(value: Any) -> list[str]:
    """Return a metadata value as a list of strings."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def _flag(value: Any) -> bool:
    """Return a metadata true/false (a malformed one is reported by the header check)."""
    try:
        return False if value is None else typed.as_bool(value)
    except typed.TypedError:
        return False


def _date(value: Any) -> dt.date | None:
    """Return a metadata date, or None when absent or malformed."""
    return value if isinstance(value, dt.date) else None


DATE_FIELDS = ("approved_on", "last_reviewed", "review_due", "valid_from", "valid_until")
KNOWN_META = {
    "id",
    "title",
    "topic",
    "status",
    "optional",
    "owner",
    "approved_by",
    "approved_on",
    "last_reviewed",
    "review_due",
    "valid_from",
    "valid_until",
    "guidance",
    "when",
    *LIST_FIELDS,
}


def _build(meta: dict[str, Any], body: str, path: str, body_line: int, layer: str, header: str) -> Clause:
    """Build a Clause from checked metadata."""
    return Clause(
        id=str(meta["id"]),
        title=str(meta["title"]),
        topic=str(meta["topic"]),
        body=body,
        path=path,
        body_line=body_line,
        layer=layer,
        status=str(meta.get("status", "draft")),
        regimes=tuple(_as_list(meta.get("regimes"))),
        letters=tuple(_as_list(meta.get("letters"))),
        outcomes=tuple(_as_list(meta.get("outcomes"))),
        sections=tuple(_as_list(meta.get("sections"))),
        provides=tuple(_as_list(meta.get("provides"))),
        references=tuple(_as_list(meta.get("references"))),
        authorities=tuple(_as_list(meta.get("authorities"))),
        when=parse_when(meta.get("when"))[0],
        optional=_flag(meta.get("optional")),
        owner=str(meta.get("owner") or ""),
        approved_by=str(meta.get("approved_by") or ""),
        approved_on=_date(meta.get("approved_on")),
        last_reviewed=_date(meta.get("last_reviewed")),
        review_due=_date(meta.get("review_due")),
        valid_from=_date(meta.get("valid_from")),
        valid_until=_date(meta.get("valid_until")),
        guidance=str(meta.get("guidance") or ""),
        extra={k: v for k, v in meta.items() if k not in KNOWN_META},
        header=header,
    )


def clause_to_text(clause: Clause) -> str:
    """Return the file text of a clause: metadata header then body."""
    meta: dict[str, Any] = {"id": clause.id, "title": clause.title, "topic": clause.topic, "status": clause.status}
    for key in LIST_FIELDS:
        if getattr(clause, key):
            meta[key] = list(getattr(clause, key))
    if clause.when:
        meta["when"] = [str(condition) for condition in clause.when]
    if clause.optional:
        meta["optional"] = True
    for key in ("owner", "approved_by", *DATE_FIELDS, "guidance"):
        if getattr(clause, key):
            meta[key] = getattr(clause, key)
    meta.update(clause.extra)
    return f"{FENCE}\n{yamlio.dump(meta)}{FENCE}\n{clause.body.rstrip()}\n"


def save_clause(clause: Clause, path: Path | str) -> None:
    """Write a clause file atomically."""
    write_text_atomic(path, clause_to_text(clause))


def read_clause_file(path: Path, layer: str) -> tuple[Clause | None, list[Problem]]:
    """Read and parse one clause file, reporting unreadable files as problems."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, None, f"is not UTF-8 text (byte {exc.start})", UNREADABLE)]
    except OSError as exc:
        return None, [Problem(shown, None, f"cannot be read: {exc.strerror or exc}", UNREADABLE)]
    return parse_clause(text, shown, layer)
