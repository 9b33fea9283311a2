"""The case model: what the officer decided, loaded from and saved to the YAML case file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from app.core.casefile.facts import (
    LAYOUTS,
    PartFacts,
    Reasoning,
    RequestCost,
    read_flag,
    read_part_facts,
    read_reasoning,
    read_request_cost,
)
from app.core.casefile.rules import case_problems
from app.core.problems import InputError, Problem, display_path
from app.core.storage import typed, yamlio

REGIMES = ("foia", "foisa", "eir", "eisr")
LETTERS = ("response", "review-outcome", "clarification", "pit-extension", "fees-notice")
OUTCOMES = ("disclosed", "partial", "withheld", "not-held", "ncnd", "cost-limit", "vexatious", "repeated")
REVIEW_DECISIONS = ("upheld", "upheld-modified", "substituted", "overturned")
REFUSAL_OUTCOMES = ("partial", "withheld", "ncnd", "cost-limit", "vexatious", "repeated")
STATUSES = ("draft", "exported", "sent")  # draft and sent are set by the officer; exported on export
TODAY = "today"  # a letter date that means "the day the letter is exported", saved as such


@dataclass
class Authority:
    """The public authority sending the letter."""

    name: str = "Your authority"
    address: list[str] = field(default_factory=list)
    email: str = ""
    phone: str = ""
    website: str = ""
    foi_unit: str = ""
    foi_address: list[str] = field(default_factory=list)
    foi_email: str = ""
    central_government: bool | None = None  # FOIA Schedule 1 Part I; None when not recorded
    profile: str = ""
    kind: str = ""  # one of the kinds in resources/law/authorities.yaml, or "" when not recorded
    disclosure_log: str = ""


@dataclass
class Requester:
    """The person who made the request."""

    name: str = ""
    address: list[str] = field(default_factory=list)
    email: str = ""


@dataclass
class Signatory:
    """Who signs the letter."""

    name: str = ""
    role: str = ""


@dataclass
class Opinion:
    """A qualified person's reasonable opinion (FOIA s36)."""

    by: str = ""
    date: dt.date | None = None


@dataclass
class Part:
    """One numbered question of the request and what the officer decided about it."""

    outcome: str = "disclosed"
    question: str = ""
    exemptions: list[str] = field(default_factory=list)
    answer: str = ""
    cost_hours: Decimal | None = None
    opinion: Opinion | None = None
    facts: PartFacts = field(default_factory=PartFacts)


@dataclass
class Review:
    """Facts of an internal review (review-outcome letters)."""

    requested: dt.date | None = None
    original_reference: str = ""
    original_date: dt.date | None = None
    decision: str | None = None  # the outcome for every part, when not recorded per part
    reasons: str = ""
    independent: bool | None = None  # the reviewer took no part in the original decision


@dataclass
class AddedClause:
    """An optional library clause the officer added to one section of this letter."""

    clause: str
    section: str


@dataclass
class LetterEdits:
    """The officer's changes to the assembled letter; the library itself is untouched."""

    texts: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    added: list[AddedClause] = field(default_factory=list)
    order: dict[str, list[str]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """Tell whether the officer changed nothing."""
        return not (self.texts or self.removed or self.added or self.order)


@dataclass
class Pin:
    """The version of a library clause the saved letter used: a hash of its wording, and its git commit."""

    hash: str
    layer: str = ""
    commit: str = ""


@dataclass
class Case:
    """A whole case: regime, letter kind, people, request, parts and edits."""

    regime: str = "foia"
    letter: str = "response"
    reference: str = ""
    received: dt.date = field(default_factory=lambda: dt.date(2000, 1, 1))
    date: dt.date | None = None
    authority: Authority = field(default_factory=Authority)
    requester: Requester = field(default_factory=Requester)
    signatory: Signatory = field(default_factory=Signatory)
    request: str = ""
    parts: list[Part] = field(default_factory=lambda: [Part()])
    review: Review | None = None
    clarification: str = ""
    extension_date: dt.date | None = None
    fee: Decimal | None = None
    allow_drafts: bool = False
    status: str = "draft"
    exported: dt.date | None = None
    export_errors: list[str] = field(default_factory=list)  # errors still open when the letter was exported
    layout: str = "quoted-request"
    salutation: str = ""
    cost: RequestCost | None = None
    reasoning: dict[str, Reasoning] = field(default_factory=dict)
    edits: LetterEdits = field(default_factory=LetterEdits)
    pins: dict[str, Pin] = field(default_factory=dict)  # clause id -> version (app.core.workbench.pins)
    extra: dict[str, Any] = field(default_factory=dict)

    def letter_date(self, today: dt.date) -> dt.date:
        """Return the date the letter bears: its own date or, if none, today."""
        return self.date or today


# ---------------------------------------------------------------- loading

_KNOWN_KEYS = {
    "regime",
    "letter",
    "reference",
    "received",
    "date",
    "authority",
    "requester",
    "signatory",
    "request",
    "parts",
    "review",
    "clarification",
    "extension_date",
    "fee",
    "allow_drafts",
    "status",
    "exported",
    "export_errors",
    "layout",
    "salutation",
    "cost",
    "reasoning",
    "pins",
    "edits",
}


class _Reader:
    """Turns parsed YAML into a Case, collecting problems with their field paths."""

    def __init__(self, path: str, lines: dict[str, int]):
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, where: str, message: str) -> None:
        """Record a problem at a field path."""
        line = yamlio.line_for(self.lines, where)
        self.problems.append(Problem(self.path, line, f"{where}: {message}" if where else message, field=where))

    def text(self, data: dict[str, Any], key: str, where: str, required: bool = False) -> str:
        """Read an optional (or required) text field."""
        value = data.get(key)
        if value is None:
            if required:
                self.problem(where, "is required")
            return ""
        try:
            return typed.as_text(value)
        except typed.TypedError as exc:
            self.problem(where, str(exc))
            return ""

    def text_list(self, value: Any, where: str) -> list[str]:
        """Read a list of texts (one text counts as one item)."""
        try:
            return typed.as_text_list(value)
        except typed.TypedError as exc:
            self.problem(where, f"must be a list of texts: {exc}")
            return []

    def choice(self, data: dict[str, Any], key: str, where: str, allowed: tuple[str, ...], default: str) -> str:
        """Read a field that must be one of a fixed vocabulary."""
        value = data.get(key, default)
        if value not in allowed:
            self.problem(where, f"must be one of {', '.join(allowed)}, not {value!r}")
            return default
        return str(value)

    def date(self, data: dict[str, Any], key: str, where: str, required: bool = False) -> dt.date | None:
        """Read an ISO date field."""
        value = data.get(key)
        if value is None:
            if required:
                self.problem(where, "is required (an ISO date such as 2024-03-01)")
            return None
        try:
            return typed.as_date(value)
        except typed.TypedError as exc:
            self.problem(where, str(exc))
            return None

    def lines_field(self, data: dict[str, Any], key: str, where: str) -> list[str]:
        """Read an address: a list of lines, or one comma-separated line."""
        value = data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [part.strip() for part in self.text(data, key, where).split(",") if part.strip()]
        if isinstance(value, list) and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
            return self.text_list(value, where)
        self.problem(where, "must be a list of address lines")
        return []

    def mapping(self, data: Any, where: str) -> dict[str, Any]:
        """Return data when it is a mapping, otherwise record a problem."""
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.problem(where, f"must be a mapping of fields, not {_kind(data)}")
            return {}
        return data

    def decimal(self, value: Any, where: str) -> Decimal | None:
        """Read a non-negative number."""
        if value is None:
            return None
        try:
            return typed.as_number(value)
        except typed.TypedError as exc:
            self.problem(where, str(exc))
            return None


def _is_today(value: Any) -> bool:
    """Tell whether a letter date says "today": dated on the day the letter is exported."""
    return isinstance(value, str) and value.strip().lower() == TODAY


def _kind(value: Any) -> str:
    """Name the YAML kind of a value for messages."""
    return {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)


def parse_case(text: str, path: str = "<case>", legal: bool = True) -> Case:
    """Parse case-file text; raise InputError listing every problem with its line.

    With legal=False only the file's structure is checked, so a case citing a section wrongly can
    still be opened and its mistakes reported as compliance findings.
    """
    try:
        data, lines = yamlio.load_with_lines(text)
    except yaml.YAMLError as exc:
        line, reason = yamlio.describe_error(exc, text)
        raise InputError([Problem(path, line, f"not valid YAML: {reason}")]) from exc
    reader = _Reader(path, lines)
    if not isinstance(data, dict):
        raise InputError([Problem(path, 1, "a case file must be a mapping of fields (regime, letter, parts, …)")])
    case = _read_case(reader, data)
    if legal and not reader.problems:
        for problem in case_problems(case):
            reader.problem(problem.where, problem.message)
    if reader.problems:
        raise InputError(sorted(reader.problems, key=lambda p: p.line or 0))
    return case


def load_case(path: Path | str, legal: bool = True) -> Case:
    """Read a case file from disk; raise InputError naming the file and each problem."""
    shown = display_path(path)
    try:
        too_large = yamlio.too_large(Path(path).stat().st_size)
        if too_large:
            raise InputError([Problem(shown, None, too_large)])
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError([Problem(shown, None, f"cannot read the case file: {exc.strerror or exc}")]) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(shown, None, f"is not UTF-8 text (byte {exc.start})")]) from exc
    return parse_case(text, shown, legal)


def _read_case(r: _Reader, data: dict[str, Any]) -> Case:
    """Build a Case from a parsed mapping."""
    case = Case(
        regime=r.choice(data, "regime", "regime", REGIMES, "foia"),
        letter=r.choice(data, "letter", "letter", LETTERS, "response"),
        reference=r.text(data, "reference", "reference"),
        received=r.date(data, "received", "received", required=True) or dt.date(2000, 1, 1),
        date=None if _is_today(data.get("date")) else r.date(data, "date", "date"),
        authority=_read_authority(r, data.get("authority")),
        requester=_read_requester(r, data.get("requester")),
        signatory=_read_signatory(r, data.get("signatory")),
        request=r.text(data, "request", "request"),
        parts=_read_parts(r, data.get("parts")),
        review=_read_review(r, data.get("review")),
        clarification=r.text(data, "clarification", "clarification"),
        extension_date=r.date(data, "extension_date", "extension_date"),
        fee=r.decimal(data.get("fee"), "fee"),
        allow_drafts=bool(read_flag(r, data, "allow_drafts", "allow_drafts")),
        layout=r.choice(data, "layout", "layout", LAYOUTS, LAYOUTS[0]),
        salutation=r.text(data, "salutation", "salutation"),
        cost=read_request_cost(r, data.get("cost")),
        reasoning=read_reasoning(r, data.get("reasoning")),
        status=r.choice(data, "status", "status", STATUSES, "draft"),
        exported=r.date(data, "exported", "exported"),
        export_errors=[str(x) for x in data.get("export_errors") or [] if isinstance(x, str)],
        edits=_read_edits(r, data.get("edits")),
        pins=_read_pins(r, data.get("pins")),
        extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
    )
    return case


def _read_authority(r: _Reader, raw: Any) -> Authority:
    """Read the authority: a name or a mapping of details."""
    if isinstance(raw, str):
        return Authority(name=r.text({"name": raw}, "name", "authority"))
    data = r.mapping(raw, "authority")
    profile = r.text(data, "profile", "authority.profile").strip()
    return Authority(
        name=r.text(data, "name", "authority.name") or ("" if profile else "Your authority"),
        address=r.lines_field(data, "address", "authority.address"),
        email=r.text(data, "email", "authority.email"),
        phone=r.text(data, "phone", "authority.phone"),
        website=r.text(data, "website", "authority.website"),
        foi_unit=r.text(data, "foi_unit", "authority.foi_unit"),
        foi_address=r.lines_field(data, "foi_address", "authority.foi_address"),
        foi_email=r.text(data, "foi_email", "authority.foi_email"),
        central_government=read_flag(r, data, "central_government", "authority.central_government"),
        profile=profile,
        kind=r.text(data, "kind", "authority.kind"),
        disclosure_log=r.text(data, "disclosure_log", "authority.disclosure_log"),
    )


def _read_requester(r: _Reader, raw: Any) -> Requester:
    """Read the requester: a name or a mapping of details."""
    if isinstance(raw, str):
        return Requester(name=r.text({"name": raw}, "name", "requester"))
    data = r.mapping(raw, "requester")
    return Requester(
        name=r.text(data, "name", "requester.name"),
        address=r.lines_field(data, "address", "requester.address"),
        email=r.text(data, "email", "requester.email"),
    )


def _read_signatory(r: _Reader, raw: Any) -> Signatory:
    """Read who signs the letter."""
    if isinstance(raw, str):
        return Signatory(name=r.text({"name": raw}, "name", "signatory"))
    data = r.mapping(raw, "signatory")
    return Signatory(name=r.text(data, "name", "signatory.name"), role=r.text(data, "role", "signatory.role"))


def _read_parts(r: _Reader, raw: Any) -> list[Part]:
    """Read the list of parts; at least one is required."""
    if not isinstance(raw, list) or not raw:
        r.problem("parts", "must list at least one part (question and outcome)")
        return [Part()]
    return [_read_part(r, r.mapping(item, f"parts[{i}]"), f"parts[{i}]") for i, item in enumerate(raw)]


def _read_part(r: _Reader, data: dict[str, Any], where: str) -> Part:
    """Read one part."""
    exemptions = r.text_list(data.get("exemptions") or [], f"{where}.exemptions")
    cost = r.mapping(data.get("cost"), f"{where}.cost")
    opinion = r.mapping(data.get("opinion"), f"{where}.opinion") if "opinion" in data else None
    return Part(
        outcome=r.choice(data, "outcome", f"{where}.outcome", OUTCOMES, "disclosed"),
        question=r.text(data, "question", f"{where}.question"),
        exemptions=[str(e).strip() for e in exemptions],
        answer=r.text(data, "answer", f"{where}.answer"),
        cost_hours=r.decimal(cost.get("hours"), f"{where}.cost.hours"),
        opinion=Opinion(
            by=r.text(opinion, "by", f"{where}.opinion.by"),
            date=r.date(opinion, "date", f"{where}.opinion.date"),
        )
        if opinion is not None
        else None,
        facts=read_part_facts(r, data, where),
    )


def _read_review(r: _Reader, raw: Any) -> Review | None:
    """Read the internal review facts, when present."""
    if raw is None:
        return None
    data = r.mapping(raw, "review")
    return Review(
        requested=r.date(data, "requested", "review.requested"),
        original_reference=r.text(data, "original_reference", "review.original_reference"),
        original_date=r.date(data, "original_date", "review.original_date"),
        decision=_review_decision(r, data),
        independent=read_flag(r, data, "independent", "review.independent"),
        reasons=r.text(data, "reasons", "review.reasons"),
    )


def _review_decision(r: _Reader, data: dict[str, Any]) -> str | None:
    """Read the review decision for the whole request; None when it is not recorded."""
    if data.get("decision") is None:
        return None
    return r.choice(data, "decision", "review.decision", REVIEW_DECISIONS, REVIEW_DECISIONS[0])


def _read_edits(r: _Reader, raw: Any) -> LetterEdits:
    """Read the officer's edits to the assembled letter."""
    data = r.mapping(raw, "edits")
    texts = r.mapping(data.get("texts"), "edits.texts")
    order = r.mapping(data.get("order"), "edits.order")
    added = data.get("added") or []
    if not isinstance(added, list):
        r.problem("edits.added", f"must be a list of clause and section pairs, not {_kind(added)}")
        added = []
    return LetterEdits(
        texts={str(k): r.text(texts, k, f"edits.texts.{k}") for k in texts},
        removed=r.text_list(data.get("removed"), "edits.removed"),
        added=[AddedClause(str(a.get("clause", "")), str(a.get("section", ""))) for a in added if isinstance(a, dict)],
        order={str(k): r.text_list(v, f"edits.order.{k}") for k, v in order.items() if isinstance(v, list)},
    )


def _read_pins(r: _Reader, raw: Any) -> dict[str, Pin]:
    """Read the recorded clause versions (an unreadable entry is dropped and reported)."""
    pins = {}
    for key, value in r.mapping(raw, "pins").items():
        if isinstance(value, dict) and isinstance(value.get("hash"), str):
            pins[str(key)] = Pin(value["hash"], str(value.get("layer") or ""), str(value.get("commit") or ""))
        else:
            r.problem(f"pins.{key}", "must be a mapping with the clause's hash")
    return pins
