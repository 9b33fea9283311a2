"""Which neither-confirm-nor-deny provisions are absolute (no public interest test), from resources/law/ncnd.yaml."""

from __future__ import annotations

from functools import cache

import yaml

from app.core.law.registry import CitationError, parse_citation
from app.core.paths import LAW_DIR


@cache
def _absolute() -> dict[str, tuple[str, ...]]:
    with (LAW_DIR / "ncnd.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return {regime: tuple(values or ()) for regime, values in data.items()}


def ncnd_is_absolute(regime: str, provision: str) -> bool:
    """Tell whether relying on an NCND provision needs no public interest test."""
    if not provision:
        return False
    try:
        cited = parse_citation(provision)
    except CitationError:
        return False
    return any(cited.startswith(parse_citation(p)) for p in _absolute().get(regime, ()))
