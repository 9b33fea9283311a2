"""Kinds of public authority (resources/law/authorities.yaml) and what each changes in law: Schedule 1 Part I, FOIA s2(3)(e), FOISA s48."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from app.core.paths import LAW_DIR
from app.core.storage import yamlio

if TYPE_CHECKING:
    from app.core.casefile.model import Authority


@dataclass(frozen=True)
class AuthorityKind:
    """One kind of authority and the provisions that treat it differently."""

    key: str
    title: str
    schedule_1_part_1: bool
    s36_absolute: bool
    foisa_s48: bool
    partial_s48: bool
    source: str


@cache
def authority_data() -> dict[str, Any]:
    """Return the parsed authorities file (read once)."""
    text = (LAW_DIR / "authorities.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yamlio.compose_and_load(text, lenient_dates=False)[1]  # libyaml: read at start-up
    return data


@cache
def authority_kinds() -> dict[str, AuthorityKind]:
    """Return every kind of authority, keyed as cases name them."""
    return {
        key: AuthorityKind(
            key=key,
            title=str(row["title"]),
            schedule_1_part_1=row.get("schedule_1_part_1") is True,
            s36_absolute=row.get("s36_absolute") is True,
            foisa_s48=row.get("foisa_s48") is True,
            partial_s48=row.get("partial_s48") is True,
            source=str(row["source"]),
        )
        for key, row in authority_data()["kinds"].items()
    }


def kind_of(authority: Authority) -> AuthorityKind | None:
    """Return the recorded kind of an authority, or None when none (or an unknown one) is recorded."""
    return authority_kinds().get(authority.kind)


def schedule_1_part_1(authority: Authority) -> bool:
    """Tell whether the authority is in FOIA Schedule 1 Part I (so its cost limit is £600)."""
    kind = kind_of(authority)
    return bool(authority.central_government) or bool(kind and kind.schedule_1_part_1)


def looks_like_part_1(name: str) -> bool:
    """Tell whether an authority's name suggests a Schedule 1 Part I body (a department, a House…)."""
    lowered = name.lower()
    return any(re.search(pattern, lowered) for pattern in authority_data()["part_1_name_patterns"])


def s36_absolute(authority: Authority) -> bool:
    """Tell whether s36 is absolute for this authority (FOIA s2(3)(e): either House of Parliament)."""
    kind = kind_of(authority)
    return bool(kind and kind.s36_absolute)


def foisa_s48(authority: Authority) -> AuthorityKind | None:
    """Return the authority's kind when FOISA s48 bars applications to the Commissioner about it."""
    kind = kind_of(authority)
    return kind if kind and kind.foisa_s48 else None
