"""Settings an organisation manages: a machine-wide preferences file whose keys sit under the user's, some locked.

Precedence, key by key over the preferences table (app.core.settings.preferences.Preferences):
built-in default < organisation file < user's preferences.json, except that a key the
organisation lists in ``locked`` always takes the organisation's value (or the built-in
default when the file locks a key without setting it). The format is documented in
docs/organisation-settings.md.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from app.core.problems import Problem, display_path
from app.core.settings.preferences import BAD_VALUE, Preferences, read_object, valid_values, write_values

LOCKED_KEY = "locked"
NOT_FOUND = "not-found"  # Problem.code: the organisation settings file named does not exist


@dataclass(frozen=True)
class Organisation:
    """What the organisation file sets (valid keys only) and which keys it locks."""

    values: dict[str, Any] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    path: Path | None = None

    def baseline(self) -> Preferences:
        """Return the preferences before the user's own choices: built-in defaults under this file."""
        return Preferences(**copy.deepcopy(self.values))


@dataclass
class LayeredPreferences:
    """The preferences in force, the organisation layer they came through, and every problem found."""

    preferences: Preferences
    organisation: Organisation = field(default_factory=Organisation)
    problems: list[Problem] = field(default_factory=list)


def load_organisation(path: Path | str, required: bool = False) -> tuple[Organisation, list[Problem]]:
    """Read the organisation file; missing is no organisation (a problem only when required)."""
    path = Path(path)
    shown = display_path(path)
    data, problems = read_object(path, "organisation settings")
    if data is None:
        if required and not problems:
            problems = [Problem(shown, None, "organisation settings file not found", NOT_FOUND)]
        return Organisation(path=path), problems
    values, wrong = valid_values(data, shown)
    locked, wrong_locks = _locked_keys(data.get(LOCKED_KEY, []), shown)
    return Organisation(values, locked, path), [*wrong, *wrong_locks]


def merge(organisation: Organisation, user_values: Mapping[str, Any]) -> Preferences:
    """Return built-in < organisation < user, key by key, with the organisation's locked keys winning."""
    merged = copy.deepcopy(organisation.values)
    merged.update({k: copy.deepcopy(v) for k, v in user_values.items() if k not in organisation.locked})
    for key in organisation.locked:
        merged.pop(key, None)
        if key in organisation.values:
            merged[key] = copy.deepcopy(organisation.values[key])
    return Preferences(**merged)


def load_layered(
    user_path: Path | str, organisation_path: Path | str | None, required: bool = False
) -> LayeredPreferences:
    """Read the organisation file (None: there is none) and the user's preferences, and merge them."""
    organisation, problems = Organisation(), list[Problem]()
    if organisation_path is not None:
        organisation, problems = load_organisation(organisation_path, required)
    data, user_problems = read_object(user_path)
    user_values: dict[str, Any] = {}
    if data is not None:
        user_values, user_problems = valid_values(data, display_path(Path(user_path)))
    return LayeredPreferences(merge(organisation, user_values), organisation, [*problems, *user_problems])


def enforce(preferences: Preferences, organisation: Organisation) -> Preferences:
    """Return preferences with every locked key put back to the organisation's value."""
    return merge(organisation, asdict(preferences))


def user_overrides(preferences: Preferences, organisation: Organisation) -> dict[str, Any]:
    """Return the keys the user has set differently from the organisation's baseline (never locked keys)."""
    baseline = asdict(organisation.baseline())
    chosen = asdict(preferences)
    return {k: v for k, v in chosen.items() if k not in organisation.locked and v != baseline[k]}


def save_user_preferences(preferences: Preferences, organisation: Organisation, path: Path | str) -> None:
    """Write only the user's own choices, so later organisation changes still reach unchanged keys."""
    write_values(user_overrides(preferences, organisation), path)


def _locked_keys(value: Any, shown: str) -> tuple[frozenset[str], list[Problem]]:
    """Return the valid key names of a `locked` list, with a problem for anything else."""
    names = {spec.name for spec in fields(Preferences)}
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return frozenset(), [
            Problem(shown, None, "locked: expected a list of setting names; nothing is locked", BAD_VALUE, LOCKED_KEY)
        ]
    unknown = [v for v in value if v not in names]
    problems = [Problem(shown, None, f"locked: no setting is called {v!r}", BAD_VALUE, LOCKED_KEY) for v in unknown]
    return frozenset(v for v in value if v in names), problems
