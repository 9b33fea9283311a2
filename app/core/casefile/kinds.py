"""Kinds of public authority (resources/law/authorities.yaml): the vocabulary of `authority.kind`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from app.core.paths import LAW_DIR
from app.core.storage import yamlio


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
