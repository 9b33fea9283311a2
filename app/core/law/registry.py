"""Exemption registry: the provisions of each regime, read and checked from resources/registry."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from app.core.law.citations import Citation, citation_text, parse_citation, trailing_sibling_run
from app.core.law.data_files import (
    BAD_CITE,
    BAD_VALUE,
    DUPLICATE_CITE,
    MISSING_KEY,
    NOT_A_MAPPING,
    UNKNOWN_KEY,
    WRONG_REGIME,
    RegistryError,
    Wrong,
    is_text,
    read_yaml,
)
from app.core.paths import REGISTRY_DIR
from app.core.problems import Problem, display_path
from app.core.storage.disk_cache import remembered

REGIMES: tuple[str, ...] = ("foia", "foisa", "eir", "eisr")
TESTS = frozenset(
    {
        "class",
        "prejudice",
        "endanger",
        "required",
        "actionable",
        "personal-data",
        "not-held",
        "manifestly-unreasonable",
        "other",
    }
)
ROLES = frozenset({"outcome", "ncnd", "procedure"})
NEEDS = frozenset(
    {
        "qualified-person-opinion",
        "publication-date",
        "where-accessible",
        "preparing-authority",
        "completion-estimate",
        "balancing-test",  # UK GDPR Art 6(1)(f): the officer weighs these people's rights against the interest
    }
)

_ROLE_ADVICE = {
    "outcome": "record it as the part's outcome instead",
    "ncnd": "choose neither confirm nor deny on the exemption relied on instead",
    "procedure": "it sets out procedure and is not a ground for withholding",
}


_KEY_RE = re.compile(r"^\d+[A-Z]?(?:\((?:\d+[A-Z]*|[a-z]+)\))*$")


# --------------------------------------------------------------------------- registry model


@dataclass(frozen=True)
class Provision:
    """One exemption (Acts) or exception (Regulations) row of a registry file."""

    cite: Citation
    title: str
    absolute: bool
    test: str
    ncnd: str | None
    emissions_override: bool
    needs: tuple[str, ...]
    note: str | None
    source: str
    uncertain: tuple[str, ...] = ()

    @property
    def qualified(self) -> bool:
        """True when the public interest test applies."""
        return not self.absolute


@dataclass(frozen=True)
class OtherSection:
    """A non-exemption provision officers cite (cost limit, refusal notices...)."""

    cite: Citation
    title: str
    role: str
    source: str


@dataclass(frozen=True)
class Registry:
    """The provisions of one regime (FOIA, FOISA, EIR or EISR) and how to cite them."""

    regime: str
    name: str
    short_name: str
    provision_word: str
    harm_wording: str
    regulator: str
    provisions: tuple[Provision, ...]
    other_sections: tuple[OtherSection, ...]

    @property
    def provision_kind(self) -> str:
        """'exemption' for the Acts, 'exception' for the Regulations."""
        return "exemption" if self.provision_word == "section" else "exception"

    @property
    def manifestly_unreasonable(self) -> str:
        """The exception a burden refusal rests on (EIR 12(4)(b), EISR 10(4)(b)); "" where the regime has none."""
        return next((str(p.cite) for p in self.provisions if p.test == "manifestly-unreasonable"), "")

    def provision(self, cite: str | Citation) -> Provision:
        """The row whose key is exactly cite; KeyError otherwise."""
        key = parse_citation(cite)
        for prov in self.provisions:
            if prov.cite == key:
                return prov
        raise KeyError(f"{self.short_name} registry has no entry {key}")

    def lookup(self, citation: str | Citation) -> Provision | None:
        """The provision whose key is the longest prefix of citation, or None."""
        cit = parse_citation(citation)
        matches = [p for p in self.provisions if cit.startswith(p.cite)]
        return max(matches, key=lambda p: len(p.cite.parts), default=None) or self.ncnd_target(cit)

    def lookup_all(self, citation: str | Citation) -> tuple[Provision, ...]:
        """Like lookup, but a trailing sibling run (33(1)(a)(b)) yields each sibling's provision."""
        cit = parse_citation(citation)
        run = trailing_sibling_run(cit)
        if not run:
            found = self.lookup(cit)
            return (found,) if found else ()
        base = cit.parts[:-run]
        result: list[Provision] = []
        for part in cit.parts[-run:]:
            found = self.lookup(Citation(cit.section, (*base, part)))
            if found and found not in result:
                result.append(found)
        return tuple(result)

    def ncnd_target(self, citation: str | Citation) -> Provision | None:
        """The exemption a cited NCND provision belongs to (27(4) -> 27(1), 40(5B) -> 40(2)), or None."""
        cit = parse_citation(citation)
        found = []
        for provision in self.provisions:
            ncnd = parse_citation(provision.ncnd) if provision.ncnd else None
            if ncnd and ncnd.section == provision.cite.section and cit.startswith(ncnd):
                found.append(provision)
        if not found:
            return None
        if len({p.title for p in found}) == 1:
            return found[0]
        shortest = min(found, key=lambda p: len(p.cite.parts))
        if all(p.cite.startswith(shortest.cite) for p in found):
            return shortest  # 40(5B) -> 40(2), whose conditions (3B), (4A) share it
        return None  # one NCND provision serving different exemptions (37(2)): cite the exemption

    def explain_unknown(self, citation: str | Citation) -> str:
        """Why citation names no provision here ("" when lookup finds one)."""
        cit = parse_citation(citation)
        if self.lookup(cit):
            return ""
        return (
            self._explain_other(cit)
            or self._explain_ncnd(cit)
            or self._explain_subsection(cit)
            or self._explain_missing(cit)
        )

    def _explain_other(self, cit: Citation) -> str:
        """Message for a citation of a non-exemption section, or ""."""
        hits = [o for o in self.other_sections if cit.startswith(o.cite)]
        hits = hits or [o for o in self.other_sections if o.cite.startswith(cit)]
        if not hits:
            return ""
        shown = hits[0].cite if len(hits) == 1 else cit
        titles = " / ".join(o.title for o in hits)
        advice = _ROLE_ADVICE[hits[0].role]
        return f"{self.provision_word} {shown} is not an {self.provision_kind} ({titles}); {advice}"

    def _explain_ncnd(self, cit: Citation) -> str:
        """Message for a citation of an NCND subsection (e.g. FOIA 37(2)), or ""."""
        owners = [p for p in self.provisions if p.ncnd and cit.startswith(parse_citation(p.ncnd))]
        if not owners:
            return ""
        keys = ", ".join(str(p.cite) for p in owners)
        plural = "s" if len(owners) > 1 else ""
        return (
            f"{self.provision_word} {owners[0].ncnd} is the neither-confirm-nor-deny provision for "
            f"{self.provision_word}{plural} {keys}; cite the {self.provision_kind} and record "
            "neither confirm nor deny instead"
        )

    def _explain_subsection(self, cit: Citation) -> str:
        """Message when the section exists but needs (or has a different) subsection, or ""."""
        same = [p for p in self.provisions if p.cite.section == cit.section]
        if not same:
            return ""
        below = [p for p in same if p.cite.startswith(cit)]
        sub = "subsection" if self.provision_word == "section" else "paragraph"
        if below:
            keys = ", ".join(str(p.cite) for p in below)
            return f"{self.short_name} {self.provision_word} {cit} needs a {sub}: {keys}"
        keys = ", ".join(str(p.cite) for p in same)
        return f"{self.short_name} {self.provision_word} {cit} is not an {self.provision_kind}; use one of: {keys}"

    def _explain_missing(self, cit: Citation) -> str:
        """Message for a section with no provision at all."""
        numbers = sorted({int(re.sub(r"\D.*", "", p.cite.section)) for p in self.provisions})  # "12A" -> 12
        span = f"{numbers[0]} and {numbers[-1]}" if len(numbers) == 2 else f"{numbers[0]} to {numbers[-1]}"
        kind = self.provision_kind
        return (
            f"{self.short_name} has no {self.provision_word} {cit.section} {kind}; "
            f"its {kind}s are {self.provision_word}s {span}"
        )

    def allows_ncnd(self, provision: Provision | str | Citation) -> bool:
        """True when neither confirm nor deny may be used with this provision."""
        prov = provision if isinstance(provision, Provision) else self.lookup(provision)
        return bool(prov and prov.ncnd)

    def cite_text(self, citation: str | Citation) -> str:
        """Letter wording, e.g. 'section 30(1)(a), (b) and (c)' or 'regulation 12(5)(a)'."""
        return f"{self.provision_word} {citation_text(parse_citation(citation))}"


# --------------------------------------------------------------------------- loading


def read_registry(path: Path | str, regime: str | None = None) -> Registry:
    """Read and validate one registry file; RegistryError lists every problem with the file."""
    path = Path(path)
    data, node = read_yaml(path)
    problems: list[Problem] = []
    where = display_path(path)
    if not isinstance(data, dict):
        raise RegistryError([Problem(where, None, "expected a mapping at the top level", NOT_A_MAPPING)])
    registry = _build_registry(data, regime or path.stem, node, where, problems)
    if problems or registry is None:
        raise RegistryError(problems)
    return registry


def load_registry(regime: str) -> Registry:
    """The shipped registry for regime ('foia', 'foisa', 'eir' or 'eisr'), cached."""
    key = regime.strip().lower()
    if key not in REGIMES:
        raise ValueError(f"unknown regime {regime!r}; expected one of {', '.join(REGIMES)}")
    return _load_registry_cached(key)


@cache
def _load_registry_cached(regime: str) -> Registry:
    """Read resources/registry/<regime>.yaml once (validated once, then kept in the cache folder)."""
    path = REGISTRY_DIR / f"{regime}.yaml"
    return remembered(f"registry-{regime}", [path], lambda: read_registry(path, regime))


def _item_lines(node: Any, key: str) -> list[int | None]:
    """1-based start lines of the sequence items under top-level key (empty when absent)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for k, v in node.value:
        if k.value == key and isinstance(v, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in v.value]
    return []


_TOP_KEYS = (
    "regime",
    "name",
    "short_name",
    "provision_word",
    "harm_wording",
    "regulator",
    "provisions",
    "other_sections",
)
_ROW_KEYS = {"cite", "title", "absolute", "test", "ncnd", "emissions_override", "needs", "note", "source", "uncertain"}
_OTHER_KEYS = {"cite", "title", "role", "source"}


def _build_registry(
    data: dict[str, Any], regime: str, node: Any, where: str, problems: list[Problem]
) -> Registry | None:
    """Validate the top level and every row; append to problems; None if unusable."""
    for key in _TOP_KEYS:
        if key not in data:
            problems.append(Problem(where, None, f"missing top-level key '{key}'", MISSING_KEY, key))
    for key in sorted(set(data) - set(_TOP_KEYS)):
        problems.append(Problem(where, None, f"unknown top-level key '{key}'", UNKNOWN_KEY, key))
    if problems:
        return None
    if data["regime"] != regime:
        problems.append(
            Problem(where, None, f"regime is {data['regime']!r} but the file is for {regime!r}", WRONG_REGIME, "regime")
        )
    if data["provision_word"] not in ("section", "regulation"):
        problems.append(
            Problem(where, None, "provision_word must be 'section' or 'regulation'", BAD_VALUE, "provision_word")
        )
    for key in ("name", "short_name", "harm_wording", "regulator"):
        if not is_text(data[key]):
            problems.append(Problem(where, None, f"'{key}' must be non-empty text", BAD_VALUE, key))
    provisions = _build_rows(
        data["provisions"],
        "provisions",
        _item_lines(node, "provisions"),
        where,
        problems,
        lambda row, at, place: _provision(row, regime, at, place, where, problems),
    )
    others = _build_rows(
        data["other_sections"],
        "other_sections",
        _item_lines(node, "other_sections"),
        where,
        problems,
        lambda row, at, place: _other_section(row, at, place, where, problems),
    )
    _check_duplicates([p.cite for p in provisions] + [o.cite for o in others], where, problems)
    return Registry(
        regime,
        data["name"],
        data["short_name"],
        data["provision_word"],
        data["harm_wording"],
        data["regulator"],
        tuple(provisions),
        tuple(others),
    )


def _build_rows(
    rows: Any,
    key: str,
    lines: list[int | None],
    where: str,
    problems: list[Problem],
    build: Callable[[dict[str, Any], int | None, str], Any],
) -> list[Any]:
    """Apply build(row, line, place) to each mapping in rows (place: e.g. "provisions[0]"), skipping rows that fail."""
    if not isinstance(rows, list):
        problems.append(Problem(where, None, f"'{key}' must be a list", BAD_VALUE, key))
        return []
    built = []
    for i, row in enumerate(rows):
        at = lines[i] if i < len(lines) else None
        if not isinstance(row, dict):
            problems.append(Problem(where, at, f"{key} item {i + 1} must be a mapping", NOT_A_MAPPING, f"{key}[{i}]"))
            continue
        item = build(row, at, f"{key}[{i}]")
        if item is not None:
            built.append(item)
    return built


def _provision(
    row: dict[str, Any], regime: str, at: int | None, place: str, where: str, problems: list[Problem]
) -> Provision | None:
    """Validate one provisions row and build it, or record problems and return None."""
    errors = _row_errors(row, _ROW_KEYS, {"note", "uncertain"})
    cite = _key_citation(row.get("cite"), errors)
    errors += _provision_value_errors(row, regime)
    needs = _checked_list(row.get("needs"), "needs", NEEDS, errors)
    uncertain = _checked_list(row.get("uncertain"), "uncertain", _ROW_KEYS, errors)
    label = f"provision {row.get('cite', '?')}"
    problems.extend(Problem(where, at, f"{label}: {e.message}", e.code, f"{place}.{e.field}") for e in errors)
    if errors or cite is None:
        return None
    return Provision(
        cite,
        row["title"],
        row["absolute"],
        row["test"],
        row["ncnd"],
        row["emissions_override"],
        tuple(needs),
        row.get("note"),
        row["source"],
        tuple(uncertain),
    )


def _provision_value_errors(row: dict[str, Any], regime: str) -> list[Wrong]:
    """Problems with the scalar values of a provisions row."""
    errors = [
        Wrong(BAD_VALUE, k, f"{k} must be non-empty text")
        for k in ("title", "source")
        if k in row and not is_text(row[k])
    ]
    errors += [
        Wrong(BAD_VALUE, k, f"{k} must be true or false")
        for k in ("absolute", "emissions_override")
        if k in row and not isinstance(row[k], bool)
    ]
    if row.get("emissions_override") is True and regime not in ("eir", "eisr"):
        errors.append(Wrong(BAD_VALUE, "emissions_override", "emissions_override applies only to EIR/EISR"))
    if "test" in row and row["test"] not in TESTS:
        errors.append(Wrong(BAD_VALUE, "test", f"test {row['test']!r} is not one of {', '.join(sorted(TESTS))}"))
    if row.get("ncnd") is not None:
        _key_citation(row["ncnd"], errors, "ncnd")
    if row.get("note") is not None and not is_text(row["note"]):
        errors.append(Wrong(BAD_VALUE, "note", "note must be text"))
    return errors


def _other_section(
    row: dict[str, Any], at: int | None, place: str, where: str, problems: list[Problem]
) -> OtherSection | None:
    """Validate one other_sections row and build it, or record problems and return None."""
    errors = _row_errors(row, _OTHER_KEYS, set())
    cite = _key_citation(row.get("cite"), errors)
    for key in ("title", "source"):
        if key in row and not is_text(row[key]):
            errors.append(Wrong(BAD_VALUE, key, f"{key} must be non-empty text"))
    if "role" in row and row["role"] not in ROLES:
        errors.append(Wrong(BAD_VALUE, "role", f"role {row['role']!r} is not one of {', '.join(sorted(ROLES))}"))
    label = f"other section {row.get('cite', '?')}"
    problems.extend(Problem(where, at, f"{label}: {e.message}", e.code, f"{place}.{e.field}") for e in errors)
    if errors or cite is None:
        return None
    return OtherSection(cite, row["title"], row["role"], row["source"])


def _row_errors(row: dict[str, Any], allowed: set[str], optional: set[str]) -> list[Wrong]:
    """Missing and unknown keys of a row."""
    errors = [Wrong(MISSING_KEY, k, f"missing '{k}'") for k in sorted(allowed - optional) if k not in row]
    errors += [Wrong(UNKNOWN_KEY, k, f"unknown key '{k}'") for k in sorted(set(row) - allowed)]
    return errors


def _key_citation(value: Any, errors: list[Wrong], what: str = "cite") -> Citation | None:
    """Parse a registry key, which must be quoted text already in canonical form."""
    if not isinstance(value, str) or not _KEY_RE.match(value):
        if value is not None:
            errors.append(
                Wrong(BAD_CITE, what, f'{what} {value!r} must be quoted text like "30", "40(2)" or "12(5)(a)"')
            )
        return None
    return parse_citation(value)


def _checked_list(value: Any, what: str, allowed: frozenset[str] | set[str], errors: list[Wrong]) -> list[str]:
    """A list of strings drawn from allowed (None means empty); record errors otherwise."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(is_text(v) for v in value):
        errors.append(Wrong(BAD_VALUE, what, f"{what} must be a list of text"))
        return []
    errors += [
        Wrong(BAD_VALUE, what, f"{what} {v!r} is not one of {', '.join(sorted(allowed))}")
        for v in value
        if v not in allowed
    ]
    return value


def _check_duplicates(cites: list[Citation], where: str, problems: list[Problem]) -> None:
    """Record any key that appears more than once across provisions and other_sections."""
    seen: set[Citation] = set()
    for cite in cites:
        if cite in seen:
            problems.append(Problem(where, None, f"duplicate cite {cite}", DUPLICATE_CITE, "cite"))
        seen.add(cite)
