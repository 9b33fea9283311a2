"""What an authority's kind changes in law: Schedule 1 Part I (cost limit), FOIA s2(3)(e), FOISA s48."""

from __future__ import annotations

import re

from app.core.casefile.kinds import AuthorityKind, authority_data, authority_kinds
from app.core.casefile.model import Authority


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
