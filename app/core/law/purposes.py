"""The s31(2) / FOISA s35(2) purposes a letter must name when relying on s31(1)(g)-(i) / s35(1)(g)-(h)."""

from __future__ import annotations

from functools import cache
from typing import Any

from app.core.law.citations import Citation, CitationError, parse_citation
from app.core.paths import LAW_DIR
from app.core.storage import yamlio


@cache
def _data() -> dict[str, Any]:
    text = (LAW_DIR / "purposes.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yamlio.compose_and_load(text, lenient_dates=False)[1]  # parsed once, with libyaml
    return data


def purposes_of(regime: str) -> dict[str, str]:
    """Return the purposes of a regime keyed by canonical citation ('31(2)(a)' → its summary)."""
    return dict(_data().get(regime, {}).get("purposes", {}))


def needs_purpose(regime: str, citation: Citation) -> bool:
    """Tell whether relying on this citation requires a s31(2) / s35(2) purpose."""
    needed = _data().get(regime, {}).get("needed_by", [])
    return any(citation.startswith(parse_citation(text)) for text in needed)


def purpose_key(regime: str, text: str) -> str | None:
    """Return the canonical key of a purpose as an officer wrote it ('2(a)', 's31(2)(a)', 'a'), or None."""
    known = purposes_of(regime)
    if not known:
        return None
    base = next(iter(known)).split("(")[0]
    cleaned = text.strip().lower().removeprefix("section").removeprefix("s").strip()
    candidates = [cleaned, f"{base}{cleaned}", f"{base}(2){cleaned}", f"{base}(2)({cleaned.strip('()')})"]
    for candidate in candidates:
        try:
            key = str(parse_citation(candidate))
        except CitationError:
            continue
        if key in known:
            return key
    return None


def purpose_texts(regime: str, purposes: list[str], provision_word: str = "section") -> list[str]:
    """Return each recorded purpose in letter wording; unknown ones are left out (the check reports them)."""
    known = purposes_of(regime)
    keys = [purpose_key(regime, p) for p in purposes]
    return [f"{provision_word} {key} ({known[key]})" for key in keys if key]
