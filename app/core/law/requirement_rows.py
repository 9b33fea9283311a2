"""What each regime requires a letter to contain: the rows of resources/law/requirements.yaml, read and checked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from app.core.law.data_files import (
    BAD_VALUE,
    BAD_YAML,
    MISSING_KEY,
    NOT_A_MAPPING,
    UNKNOWN_KEY,
    UNREADABLE,
    RegistryError,
    is_text,
)
from app.core.law.registry import REGIMES
from app.core.paths import LAW_DIR
from app.core.problems import Problem, display_path
from app.core.storage import yamlio
from app.core.storage.disk_cache import remembered

REQUIREMENTS_FILE = LAW_DIR / "requirements.yaml"
SCOPES = ("letter", "rights", "part", "exemption")
S48 = {"none": "", "partial": "partial", "full": "full"}  # how far FOISA s48 bars an application to the Commissioner
_TEXTS = ("element", "scope", "citation", "must", "source")
_LISTS = ("outcomes", "letters", "letters_except", "s48")
_ROW_KEYS = (*_TEXTS, *_LISTS, "severity", "qualified")
_REGIME_KEYS = ("own_notice", "parts", "letter", "notice_letters", "rights")


@dataclass(frozen=True)
class Row:
    """One element a letter must provide: its scope, the finding when it is missing, and when it applies."""

    element: str
    scope: str
    citation: str
    must: str
    source: str
    severity: str = "error"
    outcomes: tuple[str, ...] | None = None  # None: any outcome
    letters: tuple[str, ...] | None = None  # None: any letter kind
    letters_except: tuple[str, ...] = ()
    qualified: bool = False  # only exemptions subject to the public interest test
    s48: tuple[str, ...] | None = None  # None: whatever FOISA s48 says of the authority ("" when it says nothing)

    def applies(self, letter: str, s48: str, outcome: str | None = None) -> bool:
        """Tell whether the row applies to a letter of this kind (and, for a part row, a part with this outcome)."""
        return (
            (self.letters is None or letter in self.letters)
            and letter not in self.letters_except
            and (self.s48 is None or s48 in self.s48)
            and (outcome is None or self.outcomes is None or outcome in self.outcomes)
        )


@dataclass(frozen=True)
class OwnNotice:
    """A letter kind that is a notice of its own: only its rows apply, then the notice rights when `rights`."""

    rows: tuple[Row, ...]
    rights: bool = False


@dataclass(frozen=True)
class RegimeRequirements:
    """Everything one regime requires of its letters, in the order the check reports it."""

    own_notice: dict[str, OwnNotice]
    parts: tuple[Row, ...]
    letter: tuple[Row, ...]
    notice_letters: tuple[str, ...]
    rights_notice: tuple[Row, ...]
    rights_otherwise: tuple[Row, ...]

    def rows(self) -> list[Row]:
        """Return every row of the regime, in file order."""
        own = [row for notice in self.own_notice.values() for row in notice.rows]
        return [*own, *self.parts, *self.letter, *self.rights_notice, *self.rights_otherwise]


@cache
def load_requirements() -> dict[str, RegimeRequirements]:
    """Return the shipped requirements of every regime (read once, then kept in the cache folder)."""
    return remembered("requirements", [REQUIREMENTS_FILE], lambda: read_requirements(REQUIREMENTS_FILE))


def read_requirements(path: Path | str) -> dict[str, RegimeRequirements]:
    """Read a requirements file: regime -> its requirements; RegistryError lists every problem with its line."""
    reader = _Reader(display_path(path))
    try:
        data, reader.lines = yamlio.load_with_lines(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError([Problem(reader.where, None, f"cannot read file: {exc}", UNREADABLE)]) from exc
    except yaml.YAMLError as exc:
        line, reason = yamlio.describe_error(exc)
        raise RegistryError([Problem(reader.where, line, f"invalid YAML: {reason}", BAD_YAML)]) from exc
    found: dict[str, RegimeRequirements] = {}
    if reader.mapping(data, "", REGIMES):
        for regime in REGIMES:
            if regime not in data:
                reader.problem(regime, "no requirements given for this regime", MISSING_KEY)
            else:
                found[regime] = reader.regime(data[regime], regime)
    if reader.problems:
        raise RegistryError(reader.problems)
    return found


class _Reader:
    """Collects the problems of one requirements file, each with its line and field."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.lines: dict[str, int] = {}
        self.problems: list[Problem] = []

    def problem(self, field: str, message: str, code: str) -> None:
        """Record a problem at the line of field."""
        line = yamlio.line_for(self.lines, field)
        self.problems.append(Problem(self.where, line, f"{field or 'the file'}: {message}", code, field=field))

    def mapping(self, value: Any, field: str, keys: tuple[str, ...] | None) -> bool:
        """Tell whether value is a mapping (of the given keys only, when keys are given); report it if not."""
        if not isinstance(value, dict):
            self.problem(field, "expected a mapping", NOT_A_MAPPING)
            return False
        for key in value:
            if keys is not None and key not in keys:
                self.problem(
                    _join(field, str(key)), f"unknown key {key!r}; expected one of {', '.join(keys)}", UNKNOWN_KEY
                )
        return True

    def names(self, value: Any, field: str) -> tuple[str, ...]:
        """Read a list of names (outcomes, letter kinds, s48 values)."""
        if not isinstance(value, list) or not all(is_text(item) for item in value):
            self.problem(field, "expected a list of names", BAD_VALUE)
            return ()
        return tuple(str(item) for item in value)

    def regime(self, data: Any, field: str) -> RegimeRequirements:
        """Read one regime's requirements."""
        if not self.mapping(data, field, _REGIME_KEYS):
            data = {}
        own = data.get("own_notice") or {}
        if not self.mapping(own, f"{field}.own_notice", None):
            own = {}
        rights = data.get("rights") or {}
        if not self.mapping(rights, f"{field}.rights", ("notice", "otherwise")):
            rights = {}
        return RegimeRequirements(
            own_notice={
                str(kind): self.own_notice(notice, f"{field}.own_notice.{kind}") for kind, notice in own.items()
            },
            parts=self.rows(data.get("parts"), f"{field}.parts"),
            letter=self.rows(data.get("letter"), f"{field}.letter"),
            notice_letters=self.names(data.get("notice_letters", []), f"{field}.notice_letters"),
            rights_notice=self.rows(rights.get("notice"), f"{field}.rights.notice"),
            rights_otherwise=self.rows(rights.get("otherwise"), f"{field}.rights.otherwise"),
        )

    def own_notice(self, data: Any, field: str) -> OwnNotice:
        """Read the notice of a letter kind that has its own."""
        if not self.mapping(data, field, ("rows", "rights")):
            return OwnNotice(())
        return OwnNotice(self.rows(data.get("rows"), f"{field}.rows"), data.get("rights") is True)

    def rows(self, data: Any, field: str) -> tuple[Row, ...]:
        """Read a list of rows (none when absent)."""
        if data is None:
            return ()
        if not isinstance(data, list):
            self.problem(field, "expected a list of rows", BAD_VALUE)
            return ()
        read = (self.row(item, f"{field}[{index}]") for index, item in enumerate(data))
        return tuple(row for row in read if row is not None)

    def row(self, data: Any, field: str) -> Row | None:
        """Read one row; None (with its problems recorded) when it is unusable."""
        if not self.mapping(data, field, _ROW_KEYS):
            return None
        texts = {key: data.get(key) for key in _TEXTS}
        for key in (key for key, value in texts.items() if not is_text(value)):
            self.problem(_join(field, key), f"give {key} as text", MISSING_KEY if key not in data else BAD_VALUE)
        lists = {key: self.names(data[key], _join(field, key)) for key in _LISTS if key in data}
        problems = len(self.problems)
        self.check_values(data, lists, field)
        if any(not is_text(value) for value in texts.values()) or len(self.problems) > problems:
            return None
        s48 = lists.get("s48")
        return Row(
            element=str(texts["element"]).strip(),
            scope=str(texts["scope"]).strip(),
            citation=str(texts["citation"]).strip(),
            must=str(texts["must"]).strip(),
            source=str(texts["source"]).strip(),
            severity=str(data.get("severity", "error")),
            outcomes=lists.get("outcomes"),
            letters=lists.get("letters"),
            letters_except=lists.get("letters_except", ()),
            qualified=data.get("qualified") is True,
            s48=tuple(S48[value] for value in s48) if s48 is not None else None,
        )

    def check_values(self, data: dict[str, Any], lists: dict[str, tuple[str, ...]], field: str) -> None:
        """Report a scope, severity, flag or s48 value outside its vocabulary."""
        if is_text(data.get("scope")) and data["scope"] not in SCOPES:
            self.problem(_join(field, "scope"), f"scope must be one of {', '.join(SCOPES)}", BAD_VALUE)
        if data.get("severity", "error") not in ("error", "warning"):
            self.problem(_join(field, "severity"), "severity must be error or warning", BAD_VALUE)
        if data.get("qualified", False) not in (True, False):
            self.problem(_join(field, "qualified"), "qualified must be true or false", BAD_VALUE)
        if "{exemption}" in str(data.get("must")) and data.get("scope") != "exemption":
            self.problem(_join(field, "must"), "only an exemption row can name {exemption}", BAD_VALUE)
        for value in lists.get("s48", ()):
            if value not in S48:
                self.problem(_join(field, "s48"), f"s48 must name none, partial or full, not {value!r}", BAD_VALUE)


def _join(field: str, key: str) -> str:
    """Return the path of key under field."""
    return f"{field}.{key}" if field else key
