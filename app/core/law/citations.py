"""Citations of sections and regulations: reading what officers write, and the wording a letter uses."""

from __future__ import annotations

import re
from dataclasses import dataclass


class CitationError(ValueError):
    """Text that cannot be read as a section or regulation citation."""


_PREFIX = r"(?:(?:sections?|secs?|regulations?|regs?|s|r)\s*\.?\s*)?"
_CITE_RE = re.compile(
    rf"^{_PREFIX}(?P<section>\d+[A-Za-z]?)\s*(?P<parts>(?:\(\s*[0-9A-Za-z]+\s*\)\s*)*)$",
    re.IGNORECASE,
)
_PART_RE = re.compile(r"\(\s*([0-9A-Za-z]+)\s*\)")


@dataclass(frozen=True)
class Citation:
    """A section/regulation number plus bracketed parts, e.g. 30(1)(a) -> ("30", ("1", "a"))."""

    section: str
    parts: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.section + "".join(f"({p})" for p in self.parts)

    def startswith(self, prefix: Citation) -> bool:
        """True when prefix has the same section and its parts begin this citation's parts."""
        n = len(prefix.parts)
        return self.section == prefix.section and self.parts[:n] == prefix.parts


def parse_citation(text: str | Citation) -> Citation:
    """Read what officers write ("s.30(1)(a)", "reg 12(5)(a)", "Section 12(1)") as a Citation."""
    if isinstance(text, Citation):
        return text
    raw = (text or "").strip()
    if not raw:
        raise CitationError("empty citation: expected something like 's30(1)(a)' or 'reg 12(5)(a)'")
    if raw.count("(") != raw.count(")"):
        raise CitationError(f"citation {raw!r} has an unmatched bracket")
    if re.search(r"\(\s*\)", raw):
        raise CitationError(f"citation {raw!r} has empty brackets")
    match = _CITE_RE.match(raw)
    if not match:
        raise CitationError(
            f"{raw!r} is not a citation: expected a number with optional bracketed parts, "
            "e.g. '30(1)(a)', 's.40(2)' or 'regulation 12(5)(e)'"
        )
    section = _normalise_section(match["section"])
    parts = tuple(_normalise_part(p, raw) for p in _PART_RE.findall(match["parts"]))
    return Citation(section, parts)


def _normalise_section(section: str) -> str:
    """Strip leading zeros and upper-case a letter suffix: '022a' -> '22A'."""
    digits = section.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    return str(int(digits)) + section[len(digits) :].upper()


def _normalise_part(part: str, raw: str) -> str:
    """Digits stay, letters go lower case, digit+letter ('3a') becomes '3A'."""
    if part.isdigit():
        return str(int(part))
    if part.isalpha():
        return part.lower()
    mixed = re.fullmatch(r"(\d+)([A-Za-z]+)", part)
    if mixed:
        return str(int(mixed[1])) + mixed[2].upper()
    raise CitationError(f"citation {raw!r} has an unreadable part ({part})")


def _are_siblings(prev: str, nxt: str) -> bool:
    """Letter parts in rising order are siblings, e.g. (a)(b), (a)(aa)(ab).

    A roman-looking part ((i), (v), (x)...) after a letter that is not its alphabetical
    predecessor is read as a child, so 30(b)(i) is not a list; (h)(i) is.
    """
    if not (re.fullmatch(r"[a-z]{1,2}", prev) and re.fullmatch(r"[a-z]{1,2}", nxt)):
        return False
    if nxt <= prev:
        return False
    roman_child = re.fullmatch(r"[ivx]+", nxt) and not (len(prev) == len(nxt) == 1 and ord(nxt) - ord(prev) == 1)
    return not roman_child


def trailing_sibling_run(citation: Citation) -> int:
    """Length of the run of sibling letter parts that ends the citation (0 when under 2)."""
    parts = citation.parts
    run = 1
    while run < len(parts) and _are_siblings(parts[-run - 1], parts[-run]):
        run += 1
    return run if run >= 2 else 0


def citation_text(citation: Citation) -> str:
    """Letter wording of a citation, in forms the Act itself uses.

    Officers run subsections together ('30(1)(a)(b)(c)(2)', '40(2)(3A)(a)'); the letter splits them
    at each subsection and collapses sibling runs: '30(1)(a), (b) and (c) and (2)',
    '40(2) and (3A)(a)'.
    """
    groups = _subsection_groups(citation.parts)
    texts = [_group_text(group) for group in groups]
    head = f"{citation.section}{texts[0]}" if texts else citation.section
    return " and ".join([head, *texts[1:]])


def _subsection_groups(parts: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Split citation parts at each subsection after the first ('1','a','2' -> ('1','a'), ('2',))."""
    groups: list[list[str]] = []
    for index, part in enumerate(parts):
        if index == 0 or (part[0].isdigit() and groups):
            groups.append([part])
        else:
            groups[-1].append(part)
    return [tuple(g) for g in groups]


def _group_text(parts: tuple[str, ...]) -> str:
    """Render one subsection's parts, collapsing a trailing run of siblings."""
    run = trailing_sibling_run(Citation("0", parts))
    if not run:
        return "".join(f"({p})" for p in parts)
    head = "".join(f"({p})" for p in parts[:-run])
    items = [f"({p})" for p in parts[-run:]]
    return f"{head}{', '.join(items[:-1])} and {items[-1]}"
