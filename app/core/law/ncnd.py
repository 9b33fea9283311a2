"""Which neither-confirm-nor-deny provisions are absolute (no public interest test), from resources/law/ncnd.yaml."""

from __future__ import annotations

from functools import cache

from app.core.law.citations import CitationError, parse_citation
from app.core.paths import LAW_DIR
from app.core.storage import yamlio


@cache
def _absolute() -> dict[str, tuple[str, ...]]:
    text = (LAW_DIR / "ncnd.yaml").read_text(encoding="utf-8")
    data = yamlio.compose_and_load(text, lenient_dates=False)[1] or {}  # parsed once, with libyaml
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
