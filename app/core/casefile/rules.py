"""Legal validation of a case: sections exist in the regime and suit the part's outcome.

The case reader (casefile.model) calls this module, so it needs the case types for annotations only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from app.core.law.citations import CitationError, parse_citation
from app.core.law.registry import Registry, load_registry

if TYPE_CHECKING:
    from app.core.casefile.model import Case, Part

EXEMPTION_OUTCOMES = ("partial", "withheld", "ncnd")  # outcomes that must cite an exemption


class CaseProblem(NamedTuple):
    """A legal mistake in a case: the field path, the message and the provision it offends."""

    where: str
    message: str
    citation: str
    part: int | None = None  # the part's number (1-based), when the mistake is in a part


NCND_WORDS = {"foia": "neither confirm nor deny", "foisa": "section 18 (neither confirm nor deny)"}


def case_problems(case: Case) -> list[CaseProblem]:
    """Return every legal mistake in the case's parts."""
    registry = load_registry(case.regime)
    found: list[CaseProblem] = []
    for index, part in enumerate(case.parts):
        found += [p._replace(part=index + 1) for p in _part_problems(part, f"parts[{index}]", registry)]
    return found


def _part_problems(part: Part, where: str, registry: Registry) -> list[CaseProblem]:
    """Check one part's exemptions against its outcome."""
    act = registry.short_name
    found: list[CaseProblem] = []
    if part.outcome in EXEMPTION_OUTCOMES and not part.exemptions:
        found.append(
            CaseProblem(
                f"{where}.exemptions",
                f"a part with outcome {part.outcome} must cite at least one {registry.provision_kind}",
                f"{act} {_notice_section(registry)}",
            )
        )
    if part.outcome == "disclosed" and part.exemptions:
        found.append(
            CaseProblem(
                f"{where}.exemptions",
                f"a fully disclosed part cannot rely on {registry.provision_kind}s; use outcome partial",
                f"{act} s1(1)",
            )
        )
    for number, text in enumerate(part.exemptions):
        problem = _exemption_problem(text, part, registry)
        if problem:
            found.append(CaseProblem(f"{where}.exemptions[{number}]", *problem))
    return found


def _notice_section(registry: Registry) -> str:
    """Return the refusal notice provision of a regime."""
    return {"foia": "s17(1)(b)", "foisa": "s16(1)(c)", "eir": "reg 14(3)(a)", "eisr": "reg 13"}[registry.regime]


def _exemption_problem(text: str, part: Part, registry: Registry) -> tuple[str, str] | None:
    """Return (message, citation) for what is wrong with one cited section, or None."""
    act = registry.short_name
    try:
        citation = parse_citation(text)
    except CitationError as exc:
        return str(exc), f"{act} {_notice_section(registry)}"
    provision = registry.lookup(citation)
    if provision is None:
        return registry.explain_unknown(citation), f"{act} {_notice_section(registry)}"
    if part.outcome == "ncnd" and not registry.allows_ncnd(provision):
        words = NCND_WORDS.get(registry.regime, "neither confirm nor deny")
        law = {"foisa": "s18(1)", "foia": "s2(1)(a)", "eir": "reg 12(6)", "eisr": "reg 10(8)"}[registry.regime]
        return (
            f"{act} {words} cannot be used with {registry.provision_word} {citation} ({provision.title})",
            f"{act} {law}",
        )
    return None
