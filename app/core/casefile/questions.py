"""Split a request into its questions: propose parts from numbered or bulleted lines (Qt-free)."""

from __future__ import annotations

import copy
import re

from app.core.casefile.model import Part

# "1." "1)" "(1)" "Q1" "Q1:" "Question 1:" and "a)" "(a)" — numbered items.
_NUMBERED = re.compile(
    r"^\s*(?:\(?\d{1,2}[.):]|\(\d{1,2}\)|q(?:uestion)?\s*\d{1,2}\s*[.):]?|\(?[a-h]\))\s+(?P<text>\S.*)$", re.IGNORECASE
)
_BULLET = re.compile(r"^\s*[-*\u2022\u00b7\u2013]\s+(?P<text>\S.*)$")


def propose_questions(request: str) -> list[str]:
    """Return the questions of a request: its numbered items, else its bullets, else the whole text."""
    lines = request.splitlines()
    for pattern in (_NUMBERED, _BULLET):
        items = _items(lines, pattern)
        if len(items) >= 2:
            return items
    whole = " ".join(line.strip() for line in lines if line.strip())
    return [whole] if whole else []


def _items(lines: list[str], pattern: re.Pattern[str]) -> list[str]:
    """Collect the items opened by lines matching pattern, with their continuation lines."""
    items: list[list[str]] = []
    open_item = False
    for line in lines:
        match = pattern.match(line)
        if match:
            items.append([match["text"].strip()])
            open_item = True
        elif not line.strip():
            open_item = False
        elif open_item or (items and _is_sub_item(line)):
            items[-1].append(line.strip())
            open_item = True
    return [" ".join(item) for item in items]


def _is_sub_item(line: str) -> bool:
    """Tell whether a line is a bullet under a numbered item (kept with that item)."""
    return bool(_BULLET.match(line))


def apply_questions(parts: list[Part], questions: list[str]) -> tuple[list[Part], dict[int, int | None]]:
    """Return parts carrying the proposed questions, and old part number -> new number (None = dropped).

    Existing parts keep their decisions and are updated in order; new parts are added for extra
    questions; surplus parts are dropped only when the officer has written nothing in them.
    """
    result: list[Part] = []
    numbers: dict[int, int | None] = {}
    for index, part in enumerate(parts):
        if index < max(len(questions), 1) or part.answer.strip() or part.exemptions:
            kept = copy.deepcopy(part)
            if index < len(questions):
                kept.question = questions[index]
            result.append(kept)
            numbers[index + 1] = len(result)
        else:
            numbers[index + 1] = None
    for question in questions[len(parts) :]:
        result.append(Part(question=question))
    return result, numbers
