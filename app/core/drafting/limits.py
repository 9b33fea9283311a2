"""Limits on the work one template render may do: time, loop steps, call depth and the size of what it builds.

A clause in a shared library could otherwise run for hours or fill the memory of every officer's
machine (nested loops, 'x' * 10**8, center(2000000000), self-doubling macros). The sandboxed
environment in templating.py calls these checks; exceeding a limit raises TemplateLimitError,
whose message says what was too big, and the clause becomes a problem while the letter builds on.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

from jinja2.exceptions import SecurityError

MAX_TEXT = 1_000_000  # characters in any one string a template builds
MAX_ITEMS = 100_000  # items in any one list or tuple
MAX_OUTPUT = 2_000_000  # characters one render may print
MAX_STEPS = 100_000  # loop iterations and calls in one render
MAX_RANGE = 10_000  # numbers in one range()
MAX_DEPTH = 50  # nested macro and method calls
MAX_WIDTH = 10_000  # padding width (center, ljust, indent, zfill, format widths)
MAX_INT_BITS = 4_096  # size of integers built by * and **
RENDER_SECONDS = 0.5  # wall-clock time for one clause
LETTER_SECONDS = 3.0  # wall-clock time for every clause of one letter together
_WIDE_FORMAT = re.compile(r"%[-#0 +]*(?:\*|\d{5,})|\{[^}]*:[^}]*(?:\{|\d{5,})")


class TemplateLimitError(SecurityError):
    """A template tried to do more work, or build something bigger, than a letter ever needs."""


class _Budget:
    """What one render has used so far."""

    def __init__(self, deadline: float):
        self.deadline = deadline
        self.steps = 0
        self.depth = 0
        self.output = 0


_local = threading.local()


@contextlib.contextmanager
def render_budget(seconds: float = RENDER_SECONDS) -> Iterator[None]:
    """Give the renders inside a fresh budget (ending no later than an enclosing budget or letter deadline)."""
    outer = getattr(_local, "budget", None)
    deadline = time.monotonic() + seconds
    for limit in (getattr(_local, "letter_deadline", None), outer.deadline if outer else None):
        deadline = min(deadline, limit) if limit else deadline
    _local.budget = _Budget(deadline)
    try:
        yield
    finally:
        _local.budget = outer


@contextlib.contextmanager
def letter_deadline(seconds: float = LETTER_SECONDS) -> Iterator[None]:
    """Bound the time all renders of one letter take together."""
    outer = getattr(_local, "letter_deadline", None)
    _local.letter_deadline = time.monotonic() + seconds if outer is None else outer
    try:
        yield
    finally:
        _local.letter_deadline = outer


def _budget() -> _Budget:
    """Return the current budget, starting one when a render began outside render_budget."""
    budget = getattr(_local, "budget", None)
    if budget is None:
        budget = _local.budget = _Budget(time.monotonic() + RENDER_SECONDS)
    return budget


def tick(count: int = 1) -> None:
    """Count loop steps or calls; refuse when the step budget or the deadline is spent."""
    budget = _budget()
    budget.steps += count
    if budget.steps > MAX_STEPS:
        raise TemplateLimitError(f"template limit: more than {MAX_STEPS:,} loop steps and calls")
    if budget.steps % 64 == 0 and time.monotonic() > budget.deadline:
        raise TemplateLimitError("template limit: rendering took too long (runaway loops?)")


@contextlib.contextmanager
def nested_call() -> Iterator[None]:
    """Count one level of call depth."""
    budget = _budget()
    budget.depth += 1
    try:
        if budget.depth > MAX_DEPTH:
            raise TemplateLimitError(f"template limit: calls nested more than {MAX_DEPTH} deep (runaway recursion?)")
        yield
    finally:
        budget.depth -= 1


def sized(value: Any, what: str = "a value") -> Any:
    """Return value, refusing strings and lists over the limits."""
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise TemplateLimitError(f"template limit: {what} of {len(value):,} characters (at most {MAX_TEXT:,})")
    if isinstance(value, (list, tuple)) and len(value) > MAX_ITEMS:
        raise TemplateLimitError(f"template limit: {what} of {len(value):,} items (at most {MAX_ITEMS:,})")
    return value


def counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """Iterate, counting each step against the budget."""
    for item in iterable:
        tick()
        yield item


def output(pieces: Iterable[str]) -> str:
    """Join a render's output, refusing more than MAX_OUTPUT characters."""
    collected: list[str] = []
    total = 0
    for piece in pieces:
        total += len(piece)
        if total > MAX_OUTPUT:
            raise TemplateLimitError(f"template limit: printed more than {MAX_OUTPUT:,} characters")
        collected.append(piece)
    return "".join(collected)


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse *, **, + and % whose result would be too big, before computing it."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(count, int):
                _refuse_size(len(seq) * max(count, 0), seq, f"{type(seq).__name__} * {count:,}")
        if _is_int(left) and _is_int(right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TemplateLimitError("template limit: multiplying numbers this large")
    elif operator == "**" and _is_int(left) and _is_int(right):
        if abs(left) > 1 and right > 0 and right * left.bit_length() > MAX_INT_BITS:
            raise TemplateLimitError(f"template limit: {left} ** {right:,} is too large a number")
    elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, type(left)):
        _refuse_size(len(left) + len(right), left, "joining these")
    elif operator == "%" and isinstance(left, str):
        check_format(left)


def check_format(text: str) -> None:
    """Refuse a format string that pads to a huge width."""
    if _WIDE_FORMAT.search(text):
        raise TemplateLimitError(f"template limit: a format width over {MAX_WIDTH:,} in {text[:40]!r}")


def check_width(name: str, width: Any) -> None:
    """Refuse a padding width (center, ljust, indent…) over MAX_WIDTH."""
    size = len(width) if isinstance(width, str) else width
    if _is_int(size) and size > MAX_WIDTH:
        raise TemplateLimitError(f"template limit: {name}({size:,}) pads wider than {MAX_WIDTH:,} characters")


def check_replace(text: Any, old: Any, new: Any, count: Any = None) -> None:
    """Refuse a replace whose result would be too long."""
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        hits = text.count(old) if old else len(text) + 1
        if _is_int(count) and count >= 0:
            hits = min(hits, count)
        _refuse_size(len(text) + hits * len(new), text, "replace")


def check_join(items: Any, separator: Any) -> None:
    """Refuse a join whose result would be too long."""
    if isinstance(items, (list, tuple)) and isinstance(separator, str):
        _refuse_size(len(items) * len(separator), separator, "join")


def check_range(*args: Any) -> range:
    """Return range(*args), refusing more than MAX_RANGE numbers."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimitError(f"template limit: range of {len(numbers):,} numbers (at most {MAX_RANGE:,})")
    return numbers


def _refuse_size(size: int, like: Any, what: str) -> None:
    """Refuse a string (or list) of size built by what."""
    limit = MAX_TEXT if isinstance(like, str) else MAX_ITEMS
    if size > limit:
        unit = "characters" if isinstance(like, str) else "items"
        raise TemplateLimitError(f"template limit: {what} would make {size:,} {unit} (at most {limit:,})")


def _is_int(value: Any) -> bool:
    """Tell whether value is an int (not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool)
