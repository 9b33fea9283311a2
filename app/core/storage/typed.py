"""Typed reading of parsed YAML values: strict booleans, finite bounded numbers, dates in range, texts.

Each reader returns the value or raises TypedError with a message that completes "<field> …".

Booleans: only YAML's own true/false (YAML 1.1 also reads unquoted yes/no/on/off as booleans, so
those work too). Quoted text such as "false" is an error, never a truthy string, so
`central_government: "false"` is reported rather than read as true (or silently as false).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

_WORDS = frozenset({"true", "false", "yes", "no", "on", "off"})
MAX_NUMBER = Decimal(1_000_000_000)  # hours and pounds: far above any real cost, far below overflow
MIN_YEAR, MAX_YEAR = 1900, 2200  # letters and deadlines are computed in this window
# C0 controls except tab, newline and carriage return; DEL; lone surrogates; non-characters.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


class TypedError(ValueError):
    """A value of the wrong type or out of range; the message follows the field name."""


def kind(value: Any) -> str:
    """Name the YAML kind of a value for messages."""
    names = {dict: "a mapping", list: "a list", bool: "true/false", type(None): "empty", str: "text"}
    return names.get(type(value), "a number" if isinstance(value, (int, float, Decimal)) else type(value).__name__)


def as_bool(value: Any) -> bool:
    """Read a true/false field (see the module docstring for what is accepted)."""
    if isinstance(value, bool):
        return value
    hint = " (write it without quotes)" if isinstance(value, str) and value.strip().lower() in _WORDS else ""
    raise TypedError(f"must be true or false, not {_shown(value)}{hint}")


def as_number(value: Any, maximum: Decimal = MAX_NUMBER) -> Decimal:
    """Read a finite, non-negative number no larger than maximum."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise TypedError(f"must be a number, not {kind(value)}")
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise TypedError(f"must be a number, not {_shown(value)}") from None
    if not number.is_finite():
        raise TypedError(f"must be a finite number, not {_shown(value)}")
    if number < 0:
        raise TypedError(f"must not be negative ({_shown(value)})")
    if number > maximum:
        raise TypedError(f"is too large ({_shown(value)}; at most {maximum:,})")
    return number


def as_date(value: Any) -> dt.date:
    """Read an ISO date between MIN_YEAR and MAX_YEAR."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise TypedError(f"must be an ISO date such as 2024-03-01, not {kind(value)}")
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise TypedError(f"must be an ISO date such as 2024-03-01, not {_shown(value)}") from None
    date: dt.date = value
    if not MIN_YEAR <= date.year <= MAX_YEAR:
        raise TypedError(f"must be a date between {MIN_YEAR} and {MAX_YEAR}, not {date.isoformat()}")
    return date


def as_text(value: Any) -> str:
    """Read text (numbers and dates are taken as written); it is kept exactly, control characters too."""
    if isinstance(value, str):
        return no_surrogates(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise TypedError(f"must be text, not {kind(value)}")


def as_text_list(value: Any) -> list[str]:
    """Read a list of short texts (one text counts as a list of one)."""
    if value is None:
        return []
    if not isinstance(value, list):
        value = [value]
    items = []
    for index, item in enumerate(value):
        try:
            items.append(as_text(item))
        except TypedError as exc:
            raise TypedError(f"item {index + 1} {exc}") from None
    return items


_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """Return text, refusing a lone UTF-16 surrogate (from a YAML escape), which no file or letter can hold."""
    found = _SURROGATE.search(text)
    if found:
        raise TypedError(f"contains an invalid character (a lone surrogate, U+{ord(found.group()):04X})")
    return text


def clean(text: str) -> str:
    """Drop characters a letter cannot hold (control characters, lone surrogates)."""
    return CONTROL.sub("", text)


def _shown(value: Any) -> str:
    """Quote a value for a message, cutting long ones short."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"
