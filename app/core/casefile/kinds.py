"""Kinds of public authority (resources/law/authorities.yaml): the vocabulary of `authority.kind`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from app.core.paths import LAW_DIR


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
    with (LAW_DIR / "authorities.yaml").open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
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
