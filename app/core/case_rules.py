"""Legal validation of a case: sections exist in the regime and suit the part's outcome."""
from __future__ import annotations

from app.core.case import EXEMPTION_OUTCOMES, Case, Part
from app.core.registry import CitationError, Registry, load_registry, parse_citation

NCND_WORDS = {"foia": "neither confirm nor deny", "foisa": "section 18 (neither confirm nor deny)"}


def case_problems(case: Case) -> list[tuple[str, str]]:
    """Return (field path, message) for every legal mistake in the case's parts."""
    registry = load_registry(case.regime)
    found: list[tuple[str, str]] = []
    for index, part in enumerate(case.parts):
        found += _part_problems(part, f"parts[{index}]", registry)
    return found


def _part_problems(part: Part, where: str, registry: Registry) -> list[tuple[str, str]]:
    """Check one part's exemptions against its outcome."""
    found: list[tuple[str, str]] = []
    if part.outcome in EXEMPTION_OUTCOMES and not part.exemptions:
        found.append((f"{where}.exemptions",
                      f"a part with outcome {part.outcome} must cite at least one {registry.provision_kind}"))
    if part.outcome == "disclosed" and part.exemptions:
        found.append((f"{where}.exemptions",
                      f"a fully disclosed part cannot rely on {registry.provision_kind}s; use outcome partial"))
    for number, text in enumerate(part.exemptions):
        message = _exemption_problem(text, part, registry)
        if message:
            found.append((f"{where}.exemptions[{number}]", message))
    return found


def _exemption_problem(text: str, part: Part, registry: Registry) -> str:
    """Return what is wrong with one cited section, or ""."""
    try:
        citation = parse_citation(text)
    except CitationError as exc:
        return str(exc)
    provision = registry.lookup(citation)
    if provision is None:
        return registry.explain_unknown(citation)
    if part.outcome == "ncnd" and not registry.allows_ncnd(provision):
        words = NCND_WORDS.get(registry.regime, "neither confirm nor deny")
        return (f"{registry.short_name} {words} cannot be used with {registry.provision_word} "
                f"{citation} ({provision.title})")
    return ""
