"""Reading the law's shipped YAML data (registry, contacts): parsing with lines, problem codes, the error raised."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import yaml

from app.core.problems import InputError, Problem, display_path
from app.core.storage import yamlio

# Problem codes of registry and contacts files (Problem.code); the field names the key or row concerned.
UNREADABLE = "unreadable"  # the file cannot be read
BAD_YAML = "bad-yaml"
NOT_A_MAPPING = "not-a-mapping"  # the file or a row is not a mapping
MISSING_KEY = "missing-key"
UNKNOWN_KEY = "unknown-key"
BAD_VALUE = "bad-value"  # a value of the wrong type or outside its vocabulary
BAD_CITE = "bad-cite"  # a cite or ncnd key not written as quoted canonical text
WRONG_REGIME = "wrong-regime"  # the file's regime is not the one it is read for
DUPLICATE_CITE = "duplicate-cite"


class Wrong(NamedTuple):
    """One problem with a row or entry: its code, the key it concerns and the message."""

    code: str
    field: str
    message: str


class RegistryError(InputError):
    """A shipped registry or contacts file is malformed; the message names the file."""


def read_yaml(path: Path) -> tuple[Any, Any]:
    """Parse path into plain data plus the node tree (for line numbers)."""
    where = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
        node, data = yamlio.compose_and_load(text, lenient_dates=False)
    except OSError as exc:
        raise RegistryError([Problem(where, None, f"cannot read file: {exc.strerror or exc}", UNREADABLE)]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise RegistryError([Problem(where, line, f"invalid YAML: {exc}", BAD_YAML)]) from exc
    return data, node


def is_text(value: Any) -> bool:
    """True for a non-blank string."""
    return isinstance(value, str) and bool(value.strip())
