"""The officer's own reasons for an exemption: which ones the law asks for, found whichever way the section was written."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from app.core.casefile.facts import Reasoning
from app.core.law.citations import CitationError, parse_citation
from app.core.law.registry import Provision

REASON_FIELDS = ("harm", "for_disclosure", "against", "balance")
BALANCING = "balancing-test"  # personal data: the officer weighs the people's rights (UK GDPR Art 6(1)(f))
HARM_TESTS = ("prejudice",)  # exemptions whose harm must be shown (the check's generic-harm rule)


def reasons_needed(provision: Provision | None) -> tuple[str, ...]:
    """Return the reason fields that apply: harm for prejudice-based, the public interest for qualified, the balance for personal data."""
    if provision is None:
        return REASON_FIELDS
    harm = ("harm",) if provision.test in HARM_TESTS else ()
    if provision.qualified:
        return (*harm, "for_disclosure", "against", "balance")
    return harm + (("balance",) if BALANCING in provision.needs else ())


def reasoning_key(reasoning: Mapping[str, Reasoning], cite: str) -> str:
    """Return the key the reasons for cite are kept under: an existing spelling of the same citation, else cite."""
    if cite in reasoning:
        return cite
    wanted = _canonical(cite)
    return next((key for key in reasoning if wanted is not None and _canonical(key) == wanted), cite)


def reasons_for(reasoning: Mapping[str, Reasoning], cite: str) -> Reasoning:
    """Return the officer's reasons for cite (empty when none are written)."""
    return reasoning.get(reasoning_key(reasoning, cite), Reasoning())


def with_reason(reasoning: Mapping[str, Reasoning], cite: str, name: str, text: str) -> dict[str, Reasoning]:
    """Return a copy of the reasons with one field of cite's changed; an entry left empty is dropped."""
    if name not in (*REASON_FIELDS, "likelihood"):
        raise ValueError(f"not a reason field: {name!r}")
    key = reasoning_key(reasoning, cite)
    updated = dict(reasoning)
    changed = dataclasses.replace(updated.get(key, Reasoning()), **{name: text})
    if changed.is_empty():
        updated.pop(key, None)
    else:
        updated[key] = changed
    return updated


def _canonical(cite: str) -> str | None:
    """Return the canonical form of a citation, or None when it cannot be read."""
    try:
        return str(parse_citation(cite))
    except CitationError:
        return None
