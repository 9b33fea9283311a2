"""Problems as values: what is wrong (a code and a message), in which file, on which line and field."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as we can.

    Code recognises a problem by its ``code`` and ``field``, never by its message, which is for people.
    """

    path: str  # the file, as shown to the user
    line: int | None
    message: str
    code: str = ""  # the kind of problem, e.g. "missing-field"; the producing module names its codes
    field: str = ""  # the field it concerns, e.g. "topic" or "parts[0].outcome"; "" for the file or body

    def __str__(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        return f"{location}: {self.message}"


class InputError(Exception):
    """An input file cannot be used; carries every problem found in it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def display_path(path: Path | str) -> str:
    """Return the path relative to the working directory when it lies below it."""
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    if absolute.startswith(cwd + os.sep):
        return absolute[len(cwd) + 1 :]
    return str(path)
