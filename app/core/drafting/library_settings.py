"""The organisation's library settings file (library.yaml): here, the commencement dates of dated law.

The file sits in the organisation layer (shared with the clauses, e.g. through git). Its
`commencement:` mapping dates the changes in the law shipped without a date
(resources/law/regulators.yaml `switches`); approval rules in the same file are read by the workbench.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from app.core.law.regulators import read_commencements
from app.core.problems import Problem, display_path
from app.core.storage import yamlio

if TYPE_CHECKING:
    from app.core.drafting.library import Layer

SETTINGS_FILE = "library.yaml"
UNREADABLE_SETTINGS = "unreadable-settings"


def settings_file(layers: Sequence[Layer], built_in: str) -> Path | None:
    """Return the library.yaml of the lowest editable layer that has one (the organisation's), or None."""
    for layer in layers:
        path = Path(layer.folder) / SETTINGS_FILE
        if layer.name != built_in and path.is_file():
            return path
    return None


def load_commencements(path: Path | None) -> tuple[dict[str, dt.date], list[Problem]]:
    """Read the commencement dates of a settings file; a bad file or entry is a problem naming it."""
    if path is None:
        return {}, []
    shown = display_path(path)
    data, lines, problem = read_settings(path)
    if problem is not None:
        return {}, [problem]
    dates, found = read_commencements(data.get("commencement") if isinstance(data, dict) else None)
    problems = [
        Problem(shown, lines.get(f"commencement.{name}") or lines.get("commencement"), message, code, "commencement")
        for code, name, message in found
    ]
    return dates, problems


def read_settings(path: Path) -> tuple[Any, dict[str, int], Problem | None]:
    """Parse a settings file with its line map; a file that cannot be read or parsed gives a problem naming it."""
    shown = display_path(path)
    try:
        data, lines = yamlio.load_with_lines(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return None, {}, Problem(shown, None, f"cannot read the library settings: {exc}", UNREADABLE_SETTINGS)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        message = f"not valid YAML: {getattr(exc, 'problem', exc)}"
        return None, {}, Problem(shown, mark.line + 1 if mark else None, message, UNREADABLE_SETTINGS)
    return data, lines, None
