"""Who may approve a clause: the organisation's reviewers list and its four-eyes rule.

The organisation layer may hold a `library.yaml` (shared with the clauses, e.g. through git):

    reviewers: [A. Lawyer, B. Counsel]   # only these people can approve; empty = anyone named
    four_eyes: true                      # the approver must not be the clause's last editor

A copied or new clause starts as a draft: approval is always a separate, recorded act.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from app.core.drafting.library import BUILT_IN, Layer
from app.core.drafting.library_settings import SETTINGS_FILE, read_settings, settings_file
from app.core.problems import Problem, display_path
from app.core.workbench.header_layout import blocks
from app.core.workbench.history import History

POLICY_FILE = SETTINGS_FILE
APPROVAL_FIELDS = ("approved_by", "approved_on")


@dataclass(frozen=True)
class ApprovalPolicy:
    """The organisation's rules for approving clauses."""

    reviewers: tuple[str, ...] = ()
    four_eyes: bool = False
    source: Path | None = None

    @property
    def restricted(self) -> bool:
        """Tell whether only listed reviewers may approve."""
        return bool(self.reviewers)


def load_policy(layers: Sequence[Layer]) -> tuple[ApprovalPolicy, list[Problem]]:
    """Read library.yaml from the lowest editable layer that has one (the organisation's)."""
    path = settings_file(layers, BUILT_IN)
    return read_policy(path) if path is not None else (ApprovalPolicy(), [])


def read_policy(path: Path) -> tuple[ApprovalPolicy, list[Problem]]:
    """Read one policy file; a bad file gives the open policy and a problem naming the file."""
    shown = display_path(path)
    data, lines, problem = read_settings(path)
    if problem is not None:
        return ApprovalPolicy(source=path), [problem]
    data = data or {}
    if not isinstance(data, dict):
        return ApprovalPolicy(source=path), [Problem(shown, 1, "must be a mapping (reviewers, four_eyes)")]
    problems = []
    reviewers = data.get("reviewers") or []
    if not isinstance(reviewers, list) or not all(isinstance(r, str) and r.strip() for r in reviewers):
        problems.append(Problem(shown, lines.get("reviewers"), "reviewers must be a list of names"))
        reviewers = []
    four_eyes = data.get("four_eyes", False)
    if not isinstance(four_eyes, bool):
        problems.append(Problem(shown, lines.get("four_eyes"), "four_eyes must be true or false"))
        four_eyes = False
    return ApprovalPolicy(tuple(r.strip() for r in reviewers), four_eyes, path), problems


def approval_blocker(policy: ApprovalPolicy, reviewer: str, last_editor: str) -> str:
    """Return why reviewer may not approve under the policy ("" when they may)."""
    name = reviewer.strip()
    if not name:
        return "choose your name as reviewer to approve a clause"
    if policy.restricted and _key(name) not in {_key(r) for r in policy.reviewers}:
        where = f" in {policy.source}" if policy.source else ""
        return f"{name} is not on the organisation's list of reviewers{where}"
    if policy.four_eyes and last_editor and _key(last_editor) == _key(name):
        return (
            f"{name} made the last change to this clause; the organisation requires another reviewer "
            "to approve it (four eyes)"
        )
    return ""


def last_editor(versions: Sequence[tuple[str, str]], editing: str = "") -> str:
    """Return who last changed a clause's wording or selection.

    versions are (author, text) pairs, newest first; editing is the reviewer when the editor holds
    unsaved changes (they are then the last editor). A version that only approves or re-dates the
    clause does not count as an edit.
    """
    if editing:
        return editing
    from app.core.workbench.clause_text import content_changed, split_text

    for (author, text), (_, older) in pairwise(versions):
        new, old = split_text(text), split_text(older)
        if content_changed(old.meta, new.meta, old.body, new.body):
            return author
    return versions[-1][0] if versions else ""


def as_draft(text: str) -> str:
    """Return clause file text marked draft, without approval fields; other lines stay as they were."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return text
    close = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if close is None:
        return text
    lead, fields = blocks("".join(lines[1:close]))
    out = list(lead)
    has_status = False
    for key, block in fields:
        if key in APPROVAL_FIELDS:
            continue
        if key == "status":
            has_status = True
            out.append("status: draft")
            continue
        out.extend(block)
    if not has_status:
        out.append("status: draft")
    header = "".join(line + "\n" for line in out)
    return lines[0] + header + "".join(lines[close:])


def _key(name: str) -> str:
    """Compare names without case or extra spaces."""
    return " ".join(name.split()).casefold()


def last_editor_of(path: Path, history: History, saved: str, current: str, reviewer: str, limit: int = 20) -> str:
    """Return the last editor of a clause file from its history and the editor's unsaved text."""
    from app.core.workbench.clause_text import content_changed, split_text

    before, now = split_text(saved), split_text(current)
    if not saved or content_changed(before.meta, now.meta, before.body, now.body):
        return reviewer
    try:
        versions = history.versions(path)[:limit]
        pairs = [(v.author, history.text_at(path, v)) for v in versions]
    except (OSError, ValueError, UnicodeDecodeError):
        return ""
    return last_editor(pairs)
