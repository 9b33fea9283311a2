"""Assemble a letter from a case: pick the best clause for each slot, render it, apply edits."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import jinja2

from app.core.casefile.model import Case
from app.core.drafting import limits
from app.core.drafting.builtins import builtin_block
from app.core.drafting.clauses import Clause
from app.core.drafting.conditions import all_hold
from app.core.drafting.context import CaseView, ExemptionView, GroupView, PartView
from app.core.drafting.grouping import part_group
from app.core.drafting.letter import Letter, LetterBlock, LetterSection
from app.core.drafting.library import Library
from app.core.drafting.skeleton import SectionSpec, Skeleton, Slot, load_skeleton
from app.core.drafting.template_errors import explain
from app.core.drafting.template_lines import clause_file_line
from app.core.drafting.views import build_case_view, contact_views
from app.core.law.calendar import WorkingCalendar
from app.core.law.citations import Citation, CitationError, parse_citation
from app.core.problems import Problem

_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")  # a condition that printed nothing leaves extra blank lines


@dataclass(frozen=True)
class Facts:
    """What clause selection looks at for one slot."""

    regime: str
    letter: str
    outcomes: tuple[str, ...]
    citations: tuple[Citation, ...]
    allow_drafts: bool
    authority_kind: str = ""  # police, council, … (clauses may say which kinds they suit)
    date: dt.date | None = None  # the letter's date: a clause must state the law valid on it
    scope: Mapping[str, Any] | None = field(default=None, compare=False)  # the slot's context, for `when:`


def assemble(
    case: Case,
    library: Library,
    today: dt.date,
    calendar: WorkingCalendar | None = None,
    skeleton: Skeleton | None = None,
) -> Letter:
    """Build the letter for a case from the library, with the officer's edits applied.

    All clause renders together get limits.LETTER_SECONDS, so one runaway clause cannot hold up
    the app's worker (and with it Export and Close); each clause also has its own budget.
    """
    with limits.letter_deadline():
        return _assemble(case, library, today, calendar, skeleton)


def _assemble(
    case: Case, library: Library, today: dt.date, calendar: WorkingCalendar | None, skeleton: Skeleton | None
) -> Letter:
    """Build the letter (within the letter's deadline)."""
    view = build_case_view(case, today, calendar, library.commencements)
    skeleton = skeleton or load_skeleton(case.letter)
    base = {"case": view, "contacts": contact_views(view.date, library.commencements)}
    letter = Letter(title=_render_text(skeleton.title, base, "title", []))
    for spec in skeleton.sections:
        for scope in _section_scopes(spec, view, base):
            letter.sections.append(_build_section(spec, scope, case, library, letter.problems))
    _apply_edits(letter, case, library, base)
    return letter


def topic_scopes(case: Case, library: Library, today: dt.date, topic: str, section_key: str) -> list[dict[str, Any]]:
    """Return the contexts in which the letter would choose a clause of topic, for the section keyed section_key.

    They are the contexts of that section's slots for the topic (one per exemption when the slot
    repeats). When that section has no slot for the topic, they are the contexts of the topic's
    slots elsewhere in the letter (for a question, those of the exemptions it relies on), else the
    section's own context. The clause picker uses them to judge a clause's `when:`.
    """
    view = build_case_view(case, today, None, library.commencements)
    skeleton = load_skeleton(case.letter)
    base = {"case": view, "contacts": contact_views(view.date, library.commencements)}
    has_slot = False
    own_slots: list[dict[str, Any]] = []
    own_sections: list[dict[str, Any]] = []
    elsewhere: list[dict[str, Any]] = []
    for spec in skeleton.sections:
        slots = [slot for slot in spec.slots if slot.topic == topic]
        for scope in _section_scopes(spec, view, base):
            contexts = [ctx for slot in slots for ctx in _slot_scopes(slot, scope)]
            if _section_key(spec, scope) == section_key:
                has_slot = has_slot or bool(slots)
                own_sections.append(scope)
                own_slots.extend(contexts)
            else:
                elsewhere.extend(contexts)
    if has_slot:
        return own_slots
    number = int(section_key[5:]) if section_key.startswith("part-") and section_key[5:].isdigit() else None
    return [ctx for ctx in elsewhere if number is None or _concerns(ctx, number)] or own_sections


def _concerns(ctx: dict[str, Any], number: int) -> bool:
    """Tell whether a slot context concerns question number (its exemption or its ground covers it)."""
    if ctx.get("exemption") is not None:
        return number in ctx["exemption"].numbers
    if ctx.get("group") is not None:
        return number in ctx["group"].numbers
    return True


def _section_key(spec: SectionSpec, ctx: dict[str, Any]) -> str:
    """Return the key of one instance of a section: part-N, ground-KIND or the section's id."""
    part: PartView | None = ctx.get("part")
    group: GroupView | None = ctx.get("group")
    return f"part-{part.number}" if part else f"ground-{group.kind}" if group else spec.id


def _section_scopes(spec: SectionSpec, view: CaseView, base: dict[str, Any]) -> list[dict[str, Any]]:
    """Return one rendering context per instance of a section (per part or per ground when repeated)."""
    if spec.repeat == "part":
        scopes = [dict(base, part=p, group=part_group(p, len(view.parts))) for p in view.parts]
    elif spec.repeat == "ground":
        scopes = [dict(base, group=g) for g in view.grounds]
    else:
        scopes = [dict(base)]
    return [s for s in scopes if not spec.when or _truthy(spec.when, s)]


def _build_section(
    spec: SectionSpec, ctx: dict[str, Any], case: Case, library: Library, problems: list[Problem]
) -> LetterSection:
    """Fill one section's slots."""
    part: PartView | None = ctx.get("part")
    group: GroupView | None = ctx.get("group")
    key = _section_key(spec, ctx)
    heading = _render_text(spec.heading, ctx, f"heading of section {spec.id}", problems)
    section = LetterSection(
        key=key, heading=heading, part=part.number if part else None, ground=group.kind if group else ""
    )
    for slot in spec.slots:
        for slot_ctx in _slot_scopes(slot, ctx):
            block = _fill_slot(slot, slot_ctx, key, case, library, problems)
            if block is not None:
                section.blocks.append(block)
    return section


def _slot_scopes(slot: Slot, ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """Return one context per slot instance (one per exemption when repeated)."""
    if slot.repeat == "exemption":
        part: PartView | None = ctx.get("part")
        group: GroupView | None = ctx.get("group")
        exemptions = part.exemptions if part else group.exemptions if group else ctx["case"].exemptions
        scopes = [dict(ctx, exemption=e) for e in exemptions]
    elif slot.repeat == "decision":
        scopes = [dict(ctx, group=g) for g in ctx["case"].decisions]
    else:
        scopes = [ctx]
    return [s for s in scopes if not slot.when or _truthy(slot.when, s)]


def _fill_slot(
    slot: Slot, ctx: dict[str, Any], section_key: str, case: Case, library: Library, problems: list[Problem]
) -> LetterBlock | None:
    """Return the block for a slot: the officer's answer, or the best clause rendered."""
    exemption: ExemptionView | None = ctx.get("exemption")
    part: PartView | None = ctx.get("part")
    group: GroupView | None = ctx.get("group")
    decision = f"@{group.kind}" if slot.repeat == "decision" and group else ""
    key = f"{section_key}/{slot.topic}{decision}" + (f":{exemption.cite}" if exemption else "")
    common: dict[str, Any] = {
        "key": key,
        "section": section_key,
        "topic": slot.topic,
        "part": part.number if part else None,
        "exemption": exemption.cite if exemption else "",
        "covers": _covers(part, group, exemption),
    }
    if slot.builtin:
        return builtin_block(slot.builtin, ctx, common)
    facts = facts_for(case, ctx)
    clause = select_clause(library, slot.topic, facts)
    if clause is None:
        if slot.required and select_clause(library, slot.topic, replace(facts, scope=None)) is None:
            problems.append(
                Problem(
                    "letter",
                    None,
                    f"no {'approved ' if not case.allow_drafts else ''}"
                    f"clause in the library for '{slot.topic}' ({_describe(ctx)})",
                )
            )
        return None
    return render_block(clause, ctx, problems, **common)


def _covers(part: PartView | None, group: GroupView | None, exemption: ExemptionView | None) -> tuple[int, ...]:
    """Return the question numbers a block speaks for."""
    if exemption is not None and exemption.numbers:
        return tuple(exemption.numbers)
    if group is not None:
        return tuple(group.numbers)
    return (part.number,) if part is not None else ()


def render_block(clause: Clause, ctx: dict[str, Any], problems: list[Problem], **fields: Any) -> LetterBlock:
    """Render a clause into a block; a rendering error becomes a problem, never a blank."""
    text, error = render_clause(clause, ctx)
    if error:
        problems.append(error)
    return LetterBlock(
        text=text,
        library_text=text,
        clause_id=clause.id,
        title=clause.title,
        provides=clause.provides,
        error=error.message if error else "",
        **fields,
    )


def render_clause(clause: Clause, ctx: dict[str, Any]) -> tuple[str, Problem | None]:
    """Render a clause body; return its Markdown or the problem that stopped it."""
    try:
        return _BLANK_RUNS.sub("\n\n", clause.template.render(ctx)).strip() + "\n", None
    except jinja2.TemplateSyntaxError as exc:
        found = explain(clause.body, exc.lineno or 1, exc.message or str(exc), clause.body_line)
        return "", Problem(clause.path, found.line, found.message, found.code)
    except Exception as exc:
        where = clause_file_line(clause, sys.exc_info()[2])
        reason = str(exc) or ("ran out of memory" if isinstance(exc, MemoryError) else type(exc).__name__)
        return "", Problem(clause.path, where, f"cannot render clause {clause.id}: {reason}")


def facts_for(case: Case, ctx: dict[str, Any]) -> Facts:
    """Return the selection facts for a slot context."""
    part: PartView | None = ctx.get("part")
    group: GroupView | None = ctx.get("group")
    exemption: ExemptionView | None = ctx.get("exemption")
    view: CaseView = ctx["case"]
    cites: tuple[str, ...]
    if exemption is not None:
        cites = (exemption.cite,)
    elif part is not None:
        cites = tuple(e.cite for e in part.exemptions)
    elif group is not None:
        cites = tuple(e.cite for e in group.exemptions)
    else:
        cites = tuple(e.cite for e in view.exemptions)
    if part is not None:
        outcomes: tuple[str, ...] = (part.outcome,)
    elif group is not None:
        outcomes = tuple(group.outcomes)
    else:
        outcomes = tuple(view.outcomes)
    citations = tuple(parse_citation(c) for c in cites)
    kind = case.authority.kind
    return Facts(case.regime, case.letter, outcomes, citations, case.allow_drafts, kind, view.date, ctx)


def select_clause(library: Library, topic: str, facts: Facts) -> Clause | None:
    """Return the most specific usable clause for a topic, or None (ties go to the lower id)."""
    ranked = [
        (score, clause.id, order, clause)
        for order, clause in enumerate(library.by_topic(topic))
        if (score := clause_score(clause, facts)) is not None
    ]
    if not ranked:
        return None
    best = max(score for score, _, _, _ in ranked)
    return min((cid, order, clause) for score, cid, order, clause in ranked if score == best)[2]


def clause_score(clause: Clause, facts: Facts) -> tuple[int, int, int, int, int, int, int] | None:
    """Return how specifically a clause fits the facts, or None when it does not fit.

    Naming sections beats naming outcomes, which beats naming regimes, then letter kinds; among
    clauses naming sections, a deeper match wins (40(2)(3B) over 40(2) over 40). Between those, a
    clause whose header conditions (`when:`) hold beats one with fewer conditions (without a slot's
    context, facts.scope None, conditions are not checked); last, wording for the authority's kind
    of body (police) beats general wording, and is never used when the kind is not recorded.
    """
    if clause.optional or (clause.status != "approved" and not facts.allow_drafts):
        return None
    if not clause.serves(facts.regime, facts.letter) or not clause.suits(facts.authority_kind):
        return None
    if clause.authorities and not facts.authority_kind:
        return None  # wording for one kind of body (police) needs the kind recorded: it states what we are
    if facts.date is not None and not clause.valid_on(facts.date):
        return None
    if clause.outcomes and not set(clause.outcomes) & set(facts.outcomes):
        return None
    depth = _section_depth(clause.sections, facts.citations) if clause.sections else 0
    if depth is None:
        return None
    if facts.scope is not None and clause.when and not all_hold(clause.when, facts.scope):
        return None
    return (
        int(bool(clause.sections)),
        int(bool(clause.outcomes)),
        depth,
        len(clause.when),
        int(bool(clause.regimes)),
        int(bool(clause.letters)),
        int(bool(clause.authorities)),  # among equals, the wording for this kind of body
    )


def _section_depth(sections: tuple[str, ...], citations: tuple[Citation, ...]) -> int | None:
    """Return 1 + the depth of the deepest clause section matching a citation, or None if none does."""
    wanted = [w for w in (_cached_citation(s) for s in sections) if w is not None]
    depths = [len(w.parts) + 1 for c in citations for w in wanted if c.startswith(w)]
    return max(depths) if depths else None


@lru_cache(maxsize=4096)
def _cached_citation(text: str) -> Citation | None:
    """Parse a clause's section once."""
    try:
        return parse_citation(text)
    except CitationError:
        return None


def _truthy(expression: str, ctx: dict[str, Any]) -> bool:
    """Evaluate a skeleton condition in the sandbox."""
    return bool(_compiled(expression)(**ctx))


@lru_cache(maxsize=256)
def _compiled_template(source: str) -> jinja2.Template:
    """Compile a short template (a heading or title) once per process (and once per source in the cache)."""
    from app.core.drafting.template_cache import compile_template

    return compile_template(source)


@lru_cache(maxsize=256)
def _compiled(expression: str) -> Any:
    """Compile a condition expression once per process (and once per expression in the on-disk cache)."""
    from app.core.drafting.template_cache import compile_expression

    return compile_expression(expression)


def _render_text(source: str, ctx: dict[str, Any], what: str, problems: list[Problem]) -> str:
    """Render a short template string such as a heading, as plain text."""
    if not source:
        return ""
    try:
        return _compiled_template(source).render(ctx).replace("\\", "").strip()
    except jinja2.TemplateError as exc:
        problems.append(Problem("letter", None, f"cannot render the {what}: {exc}"))
        return ""


def _describe(ctx: dict[str, Any]) -> str:
    """Describe a slot context for messages."""
    view: CaseView = ctx["case"]
    bits = [view.act, view.letter]
    if ctx.get("part") is not None:
        bits.append(f"part {ctx['part'].number}, outcome {ctx['part'].outcome}")
    if ctx.get("exemption") is not None:
        bits.append(ctx["exemption"].cite_text)
    return ", ".join(bits)


def _apply_edits(letter: Letter, case: Case, library: Library, base: dict[str, Any]) -> None:
    """Apply the officer's added clauses, text edits, removals and ordering."""
    edits = case.edits
    for added in edits.added:
        _add_clause(letter, added.clause, added.section, case, library, base)
    _drop_superseded_advice(letter)
    for block in letter.blocks():
        if block.key in edits.texts and not block.builtin:
            block.text = edits.texts[block.key]
            block.edited = block.text.strip() != block.library_text.strip()
        block.removed = block.key in edits.removed
    for section in letter.sections:
        order = edits.order.get(section.key)
        if order:
            rank = {key: i for i, key in enumerate(order)}
            section.blocks.sort(key=lambda b: rank.get(b.key, len(rank)))


def _drop_superseded_advice(letter: Letter) -> None:
    """Advice the officer added for some questions replaces the library's generic advice for those questions."""
    advised = {b.part for b in letter.blocks() if b.added and b.topic == "advice" and b.part is not None}
    if not advised:
        return
    for section in letter.sections:
        section.blocks = [
            b for b in section.blocks if b.added or b.topic != "advice" or not b.covers or not set(b.covers) <= advised
        ]


def _add_clause(
    letter: Letter, clause_id: str, section_key: str, case: Case, library: Library, base: dict[str, Any]
) -> None:
    """Add an optional clause chosen by the officer to a section."""
    clause = library.get(clause_id)
    section = letter.section(section_key)
    if clause is None or section is None:
        letter.problems.append(
            Problem("letter", None, f"added clause {clause_id!r} or section {section_key!r} no longer exists")
        )
        return
    ctx = dict(base)
    if section.part is not None:
        ctx["part"] = base["case"].parts[section.part - 1]
    block = render_block(
        clause,
        ctx,
        letter.problems,
        key=f"{section_key}/+{clause_id}",
        section=section_key,
        topic=clause.topic,
        part=section.part,
    )
    block.added = True
    closing = next((i for i, b in enumerate(section.blocks) if b.topic == "closing"), len(section.blocks))
    section.blocks.insert(closing, block)
