"""The officer's preferences: one typed table of defaults, loaded from and saved to a JSON file.

Window geometry and other view state are not preferences; the desktop app keeps them apart.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from app.core.casefile.authority import AuthorityProfile, find_profile, profile_to_data, profiles_from_data
from app.core.law.registry import REGIMES
from app.core.problems import Problem, display_path
from app.core.storage.atomic import write_text_atomic

FORMAT_VERSION = 1
MAPPING_LISTS = {"authorities"}

# Problem codes of preferences and organisation settings files (Problem.code); the field names the setting.
UNREADABLE = "unreadable"
BAD_JSON = "bad-json"
NOT_AN_OBJECT = "not-an-object"
BAD_VALUE = "bad-value"  # a setting of the wrong type or outside its choices; its default is used
BAD_PROFILE = "bad-profile"  # an authority profile that cannot be used


@dataclass
class Preferences:
    """What the officer sets once: who writes, who signs, which regime, letterhead and libraries."""

    authority_name: str = ""
    authority_address: list[str] = field(default_factory=list)
    authority_email: str = ""
    signatory_name: str = ""
    signatory_role: str = ""
    default_regime: str = "foia"
    letterhead: str = ""
    library_folders: list[str] = field(default_factory=list)
    custom_dictionary: str = ""
    # Authority profiles (see app.core.casefile.authority), as plain data; the first is the default
    # unless default_authority names another. The three authority_* fields above are the older,
    # single-authority form, read as one profile when no profiles are listed.
    authorities: list[dict[str, Any]] = field(default_factory=list)
    default_authority: str = ""
    case_folders: list[str] = field(default_factory=list)  # folders the Cases view lists

    def profiles(self) -> list[AuthorityProfile]:
        """Return the authority profiles, the older single authority as one when none are listed."""
        profiles, _problems = profiles_from_data(self.authorities)
        if not profiles and self.authority_name.strip():
            legacy = {"name": self.authority_name, "address": self.authority_address, "email": self.authority_email}
            legacy |= {"signatory_name": self.signatory_name, "signatory_role": self.signatory_role}
            profiles, _problems = profiles_from_data([legacy])
        return profiles

    def default_profile(self) -> AuthorityProfile | None:
        """Return the profile new cases start with."""
        profiles = self.profiles()
        return find_profile(profiles, self.default_authority) or (profiles[0] if profiles else None)

    def with_profiles(self, profiles: list[AuthorityProfile], default: str = "") -> Preferences:
        """Return a copy holding these profiles (the older single-authority fields cleared).

        signatory_name and role follow the default profile's signatory (the workbench's reviewer).
        """
        data = asdict(self)
        data.update(authority_name="", authority_address=[], authority_email="")
        chosen = find_profile(profiles, default) or (profiles[0] if profiles else None)
        if chosen is not None:
            data.update(signatory_name=chosen.signatory.name, signatory_role=chosen.signatory.role)
        data.update(authorities=[profile_to_data(p) for p in profiles], default_authority=default)
        return Preferences(**data)

    def letterhead_path(self) -> Path | None:
        """Return the chosen letterhead file, or None for the built-in one."""
        return Path(self.letterhead) if self.letterhead.strip() else None

    def library_paths(self) -> list[Path]:
        """Return the extra clause library folders, in layer order."""
        return [Path(f) for f in self.library_folders if f.strip()]

    def case_folder_paths(self) -> list[Path]:
        """Return the folders the Cases view lists."""
        return [Path(f) for f in self.case_folders if f.strip()]

    def dictionary_path(self) -> Path | None:
        """Return the custom dictionary file, or None for the default one."""
        return Path(self.custom_dictionary) if self.custom_dictionary.strip() else None


def load_preferences(path: Path | str) -> tuple[Preferences, list[Problem]]:
    """Read preferences; a missing file gives the defaults, a bad value its default and a problem."""
    data, problems = read_object(path)
    if data is None:
        return Preferences(), problems
    return _from_data(data, display_path(Path(path)))


def read_object(path: Path | str, what: str = "preferences") -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read a JSON object from a file: None and no problem when it is missing, None and a problem when bad."""
    path = Path(path)
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, []
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(shown, None, f"cannot read {what}: {exc}", UNREADABLE)]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [Problem(shown, exc.lineno, f"not valid JSON: {exc.msg}", BAD_JSON)]
    if not isinstance(data, dict):
        return None, [Problem(shown, 1, f"{what} must be a JSON object", NOT_AN_OBJECT)]
    return data, []


def valid_values(data: dict[str, Any], shown: str) -> tuple[dict[str, Any], list[Problem]]:
    """Return the preference keys that data sets with a valid value, and a problem for each invalid one."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for spec in fields(Preferences):
        if spec.name in data:
            _preferences, wrong = _from_data({spec.name: data[spec.name]}, shown)
            if wrong:
                problems += wrong
            else:
                values[spec.name] = data[spec.name]
    return values, problems


def write_values(values: dict[str, Any], path: Path | str) -> None:
    """Write preference keys atomically as a preferences file, creating the folder when needed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": FORMAT_VERSION, **values}
    write_text_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def save_preferences(preferences: Preferences, path: Path | str) -> None:
    """Write preferences atomically, creating the folder when needed."""
    write_values(asdict(preferences), path)


def _from_data(data: dict[str, Any], shown: str) -> tuple[Preferences, list[Problem]]:
    """Build preferences from parsed JSON, keeping defaults for wrong types."""
    defaults = Preferences()
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for spec in fields(Preferences):
        if spec.name not in data:
            continue
        value = data[spec.name]
        expected = getattr(defaults, spec.name)
        if _same_shape(value, expected, spec.name):
            values[spec.name] = list(value) if isinstance(value, list) else value
        else:
            message = f"{spec.name}: expected {_shape(expected, spec.name)}; using the default"
            problems.append(Problem(shown, None, message, BAD_VALUE, spec.name))
    preferences = Preferences(**values)
    if preferences.default_regime not in REGIMES:
        message = f"default_regime must be one of {', '.join(REGIMES)}; using foia"
        problems.append(Problem(shown, None, message, BAD_VALUE, "default_regime"))
        preferences.default_regime = "foia"
    _profiles, wrong = profiles_from_data(preferences.authorities)
    problems += [Problem(shown, None, message, BAD_PROFILE, "authorities") for message in wrong]
    return preferences, problems


def _same_shape(value: Any, expected: Any, name: str = "") -> bool:
    """Tell whether a JSON value has the type of a default (text, a list of text, or of mappings)."""
    if isinstance(expected, list):
        kind = dict if name in MAPPING_LISTS else str
        return isinstance(value, list) and all(isinstance(v, kind) for v in value)
    return isinstance(value, type(expected))


def _shape(expected: Any, name: str = "") -> str:
    """Describe the type of a default for messages."""
    if name in MAPPING_LISTS:
        return "a list of mappings"
    return "a list of text" if isinstance(expected, list) else "text"
