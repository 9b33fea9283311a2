"""A clause file's text for editing: metadata and body split apart and composed back, form-field readers.

The workbench edits a clause as a metadata mapping plus a body, composed into the file text that
is validated and saved, so what is checked is exactly what is written. A file whose header cannot
be read is edited as raw text instead, so nothing in it is lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import yaml

from app.core.casefile.authority import KINDS as AUTHORITY_KINDS
from app.core.casefile.model import LETTERS, OUTCOMES, REGIMES
from app.core.drafting import conditions
from app.core.drafting.clauses import FENCE
from app.core.problems import Problem
from app.core.storage import yamlio

META_ORDER = (
    "id",
    "title",
    "topic",
    "status",
    "regimes",
    "letters",
    "outcomes",
    "sections",
    "provides",
    "references",
    "authorities",
    "when",
    "optional",
    "owner",
    "approved_by",
    "approved_on",
    "last_reviewed",
    "review_due",
    "guidance",
)
LIST_KEYS = ("regimes", "letters", "outcomes", "sections", "authorities", "when", "provides", "references")
DATE_KEYS = ("approved_on", "last_reviewed", "review_due")
SELECTION_KEYS = ("topic", "regimes", "letters", "outcomes", "sections", "authorities", "when", "provides", "optional")
APPROVAL_KEYS = ("status", "approved_by", "approved_on")
VOCABULARY = {
    "regimes": REGIMES,
    "letters": LETTERS,
    "outcomes": OUTCOMES,
    "authorities": tuple(kind for kind in AUTHORITY_KINDS if kind),
    "when": conditions.choices(),  # each may also be typed with 'not' in front
}


@dataclass(frozen=True)
class ClauseText:
    """A clause file split for editing: metadata (None when the header cannot be read) and body."""

    meta: dict[str, Any] | None
    body: str
    header: str = ""
    error: Problem | None = None

    @property
    def raw(self) -> bool:
        """Tell whether the file must be edited as plain text (its header cannot be read)."""
        return self.meta is None


def split_text(text: str, path: str = "") -> ClauseText:
    """Split file text into metadata and body; report an unreadable header instead of raising."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != FENCE:
        problem = Problem(path, 1, "must start with a '---' line opening the metadata header")
        return ClauseText(None, text, error=problem)
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            header = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :]).strip("\n") + "\n"
            return _with_meta(header, body, text, path)
    return ClauseText(None, text, error=Problem(path, 1, "metadata header is not closed by a '---' line"))


def _with_meta(header: str, body: str, text: str, path: str) -> ClauseText:
    """Read the header mapping; fall back to raw text when it is not a mapping of fields."""
    try:
        meta, _ = yamlio.load_with_lines(header)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = Problem(path, line, f"metadata is not valid YAML: {getattr(exc, 'problem', exc)}")
        return ClauseText(None, text, error=problem)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return ClauseText(None, text, error=Problem(path, 2, "metadata must be a mapping of fields"))
    return ClauseText({str(k): v for k, v in meta.items()}, body, header)


def compose(meta: dict[str, Any], body: str, baseline: ClauseText | None = None) -> str:
    """Return file text for metadata and body; fields that did not change keep their original lines."""
    if baseline is not None and baseline.meta is not None and normalised(baseline.meta) == normalised(meta):
        header = baseline.header + "\n" if baseline.header else ""
    elif baseline is not None and baseline.meta is not None and baseline.header.strip():
        from app.core.workbench.header_layout import merge_header

        header = merge_header(baseline.header, normalised(baseline.meta), normalised(meta), META_ORDER)
    else:
        header = yamlio.dump(normalised(meta)) if normalised(meta) else ""
    return f"{FENCE}\n{header}{FENCE}\n{body.rstrip()}\n"


def normalised(meta: dict[str, Any]) -> dict[str, Any]:
    """Return metadata in file order without empty values (known fields first, then any others)."""
    ordered = {key: meta[key] for key in META_ORDER if key in meta}
    ordered.update({key: value for key, value in meta.items() if key not in ordered})
    return {key: value for key, value in ordered.items() if value not in (None, "", [], (), False)}


def as_list(value: Any) -> list[str]:
    """Return a metadata value as a list of strings."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [conditions.condition_text(v) for v in value]  # `when:` items may read as one-entry mappings
    return [str(value)]


def parse_list(text: str) -> list[str]:
    """Read a comma-separated list typed in a form field."""
    return [item.strip() for item in text.split(",") if item.strip()]


def parse_date(text: str) -> dt.date | str | None:
    """Read an ISO date typed in a form field; keep other text so validation reports it."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


def content_changed(before: dict[str, Any] | None, after: dict[str, Any] | None, old_body: str, new_body: str) -> bool:
    """Tell whether the wording or what selects the clause changed (which needs a new approval)."""
    if old_body.strip() != new_body.strip():
        return True
    if before is None or after is None:
        return before != after
    old, new = normalised(before), normalised(after)
    return any(old.get(key) != new.get(key) for key in SELECTION_KEYS)
