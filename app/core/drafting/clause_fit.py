"""Which library clauses an officer may add to a letter, and where they go (Qt-free)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.casefile.model import Case
from app.core.drafting.assemble import Facts, clause_score, topic_scopes
from app.core.drafting.clauses import Clause
from app.core.drafting.conditions import all_hold
from app.core.drafting.letter import Letter
from app.core.drafting.library import Library
from app.core.drafting.skeleton import load_skeleton
from app.core.law.citations import Citation, CitationError, parse_citation
from app.core.problems import InputError


@dataclass(frozen=True)
class Candidate:
    """A clause the officer could add, with whether it fits the case and its usual section."""

    clause: Clause
    fits: bool
    section: str

    @property
    def label(self) -> str:
        """Return the text shown in the picker list."""
        marks = [] if self.clause.optional else ["used automatically"]
        if self.clause.status != "approved":
            marks.append(self.clause.status)
        suffix = f"  [{', '.join(marks)}]" if marks else ""
        return f"{self.clause.title}{suffix}"


def candidates(
    library: Library, case: Case, letter: Letter | None, section_key: str | None, today: dt.date | None = None
) -> list[Candidate]:
    """Return addable clauses: those serving the case's regime, letter and kind of authority, best fits first.

    Pass the case with its authority profile applied (the kind of authority usually comes from it).
    With the letter's day (today), a clause whose header conditions (`when:`) hold in none of the
    contexts of the section it would go in does not fit; without it, conditions are not judged.
    """
    facts = case_facts(case, _part_number(section_key))
    topics = topic_sections(case.letter)
    scopes: dict[tuple[str, str], list[dict[str, Any]] | None] = {}
    found: list[Candidate] = []
    for clause in library.clauses.values():
        if not clause.serves(case.regime, case.letter) or not clause.suits(case.authority.kind):
            continue
        if clause.status != "approved" and not case.allow_drafts:
            continue
        target = _target(clause.topic, topics, letter, section_key)
        fits = clause_score(dataclasses.replace(clause, optional=False), facts) is not None
        if fits and clause.when and today is not None:
            key = (clause.topic, target)
            if key not in scopes:
                scopes[key] = _scopes(library, case, today, clause.topic, target)
            where = scopes[key]
            fits = where is None or any(all_hold(clause.when, scope) for scope in where)
        found.append(Candidate(clause, fits, target))
    return sorted(found, key=lambda c: (not c.fits, not c.clause.optional, c.clause.topic, c.clause.title))


def _scopes(library: Library, case: Case, today: dt.date, topic: str, section_key: str) -> list[dict[str, Any]] | None:
    """Return the contexts a clause of topic would be judged in; None when the case cannot be viewed.

    A case the letter cannot be built for has its problems shown elsewhere; its conditions are not judged.
    """
    try:
        return topic_scopes(case, library, today, topic, section_key)
    except Exception:
        return None


def render_for_case(
    clause: Clause,
    case: Case,
    today: dt.date,
    section_key: str | None,
    commencements: Mapping[str, dt.date] | None = None,
) -> tuple[str, str]:
    """Return (wording rendered for this case, "") or (the template source, why it could not be rendered).

    commencements are the library's dates of dated law, so the wording names bodies as the letter does.
    """
    from app.core.drafting.assemble import render_clause
    from app.core.drafting.views import build_case_view, contact_views

    try:
        view = build_case_view(case, today, commencements=commencements)
        ctx = {"case": view, "contacts": contact_views(view.date, commencements)}
        number = _part_number(section_key)
        if number is not None and 0 < number <= len(view.parts):
            ctx["part"] = view.parts[number - 1]
        text, problem = render_clause(clause, ctx)
    except Exception as exc:
        return clause.body, str(exc)
    return (clause.body, problem.message) if problem else (text, "")


def case_facts(case: Case, part_number: int | None = None) -> Facts:
    """Return the selection facts of the whole case, or of one part."""
    parts = case.parts if part_number is None else case.parts[part_number - 1 : part_number]
    citations: list[Citation] = []
    for part in parts:
        for text in part.exemptions:
            try:
                citations.append(parse_citation(text))
            except CitationError:
                continue
    outcomes = tuple(dict.fromkeys(p.outcome for p in parts))
    return Facts(case.regime, case.letter, outcomes, tuple(citations), case.allow_drafts, case.authority.kind)


def topic_sections(letter_kind: str) -> dict[str, tuple[str, bool]]:
    """Return topic -> (section id, repeated per part) from the letter kind's skeleton."""
    try:
        skeleton = load_skeleton(letter_kind)
    except InputError:
        return {}
    return {slot.topic: (spec.id, spec.repeat == "part") for spec in skeleton.sections for slot in spec.slots}


def _target(topic: str, topics: dict[str, tuple[str, bool]], letter: Letter | None, current: str | None) -> str:
    """Return the section key a clause of this topic would normally go in."""
    spec_id, per_part = topics.get(topic, ("", False))
    if per_part:
        if current and current.startswith("part-"):
            return current
        return "part-1"
    if spec_id and (letter is None or letter.section(spec_id) is not None):
        return spec_id
    return current or (letter.sections[-1].key if letter and letter.sections else "closing")


def _part_number(section_key: str | None) -> int | None:
    """Return the part number of a part section key, else None."""
    if section_key and section_key.startswith("part-"):
        try:
            return int(section_key[5:])
        except ValueError:
            return None
    return None
