"""The statutory elements a clause may declare in `provides`, per regime (resources/provides.yaml)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from app.core.law.registry import REGIMES
from app.core.paths import PROVIDES_FILE
from app.core.problems import InputError, Problem, display_path
from app.core.storage.disk_cache import remembered


@dataclass(frozen=True)
class Element:
    """One element of a notice that the statute requires: its code, the provision and a short description."""

    code: str
    law: str
    means: str


def read_elements(path: Path | str) -> dict[str, dict[str, Element]]:
    """Read a vocabulary file: regime -> code -> Element; InputError lists every problem with its line."""
    where = display_path(path)
    try:
        root = yaml.compose(Path(path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(where, None, f"cannot read the file: {exc}")]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError([Problem(where, mark.line + 1 if mark else None, f"not valid YAML: {exc}")]) from exc
    if not isinstance(root, yaml.MappingNode):
        raise InputError([Problem(where, 1, "expected a mapping of regimes (foia, foisa, eir, eisr)")])
    problems: list[Problem] = []
    vocabulary = {regime.value: _read_regime(regime, codes, where, problems) for regime, codes in root.value}
    for regime in sorted(set(vocabulary) - set(REGIMES)):
        problems.append(Problem(where, None, f"unknown regime {regime!r}", field=regime))
    if problems:
        raise InputError(problems)
    return vocabulary


def _read_regime(regime: yaml.Node, codes: yaml.Node, where: str, problems: list[Problem]) -> dict[str, Element]:
    """Read the codes of one regime."""
    if not isinstance(codes, yaml.MappingNode):
        problems.append(Problem(where, codes.start_mark.line + 1, "expected a mapping of codes", field=regime.value))
        return {}
    found: dict[str, Element] = {}
    for code, entry in codes.value:
        fields = {k.value: v.value for k, v in entry.value} if isinstance(entry, yaml.MappingNode) else {}
        law, means = fields.get("law"), fields.get("means")
        if not (isinstance(law, str) and law.strip() and isinstance(means, str) and means.strip()):
            line = code.start_mark.line + 1
            problems.append(
                Problem(where, line, f"{code.value}: give law and means", field=f"{regime.value}.{code.value}")
            )
            continue
        found[str(code.value)] = Element(str(code.value), law.strip(), means.strip())
    return found


@cache
def load_elements() -> dict[str, dict[str, Element]]:
    """Return the shipped vocabulary (read once, then kept in the cache folder)."""
    return remembered("elements", [PROVIDES_FILE], lambda: read_elements(PROVIDES_FILE))


def known_codes(regimes: Iterable[str]) -> frozenset[str]:
    """Return the codes valid in any of the regimes (every regime's when none is named)."""
    vocabulary = load_elements()
    chosen = tuple(regimes) or tuple(vocabulary)
    return frozenset(code for regime in chosen for code in vocabulary.get(regime, {}))
