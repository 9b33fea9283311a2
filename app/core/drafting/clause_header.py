"""A fast reader for the plain shape of clause headers; anything unusual is left to PyYAML.

Clause headers are short `key: value` lists. PyYAML builds them through its Python constructor,
which dominates the time to load a large library. This reader handles the shapes the workbench
writes (plain and double-quoted scalars, flow lists, literal blocks, ISO dates, true/false) and
returns None for anything else, so the caller falls back to PyYAML and the result is always what
YAML would give.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from app.core.storage.typed import CONTROL

_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YAML_SPECIAL = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|~|null|Null|NULL|[-+]?[0-9][0-9_.:eE+-]*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|<<|=)$"
)
_PLAIN_BAD_START = tuple("[]{}&*!|>'\"%@`#,?:-")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


class _Unsupported(Exception):
    """This header needs the full YAML parser."""


def read_header(text: str) -> dict[str, Any] | None:
    """Return the header as YAML would read it, or None when it is not in the plain shape."""
    if CONTROL.search(text):
        return None  # YAML refuses control characters; let it say so
    try:
        return _read(text.splitlines(), text.endswith("\n"))
    except _Unsupported:
        return None


def _read(lines: list[str], final_newline: bool) -> dict[str, Any]:
    """Read key: value lines, with literal blocks."""
    data: dict[str, Any] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY.match(line)
        if not match or match.group(1) in data:
            raise _Unsupported
        key, raw = match.group(1), (match.group(2) or "").strip()
        if raw == "|":
            data[key], index = _literal(lines, index)
            if index >= len(lines) and not final_newline and lines[-1].strip() != "":
                data[key] = data[key][:-1]  # YAML keeps no line break the text itself does not end with
        else:
            data[key] = _value(raw)
    return data


def _literal(lines: list[str], index: int) -> tuple[str, int]:
    """Read a `|` block (clip chomping) starting at lines[index]."""
    block: list[str] = []
    indent = None
    while index < len(lines):
        line = lines[index]
        if line.strip():
            width = len(line) - len(line.lstrip(" "))
            if indent is None:
                indent = width
            if width < (indent or 1) or "\t" in line[:width]:
                break
            block.append(line[indent:])
        else:
            block.append("")
        index += 1
    while block and not block[-1]:
        block.pop()
    if indent is None or indent == 0:
        raise _Unsupported
    return "\n".join(block) + "\n", index


def _value(raw: str) -> Any:
    """Read one scalar or flow list."""
    if not raw:
        return None
    if raw.startswith("[") and raw.endswith("]"):
        inner = raw[1:-1].strip()
        return [_scalar(item.strip()) for item in inner.split(",")] if inner else []
    return _scalar(raw)


def _scalar(raw: str) -> Any:
    """Read a plain or double-quoted scalar the way YAML 1.1 would, or give up."""
    if raw.startswith('"'):
        if len(raw) < 2 or not raw.endswith('"') or "\\" in raw[1:-1] or '"' in raw[1:-1]:
            raise _Unsupported
        return raw[1:-1]
    if not raw or raw.startswith(_PLAIN_BAD_START) or ": " in raw or " #" in raw or raw.endswith(":"):
        raise _Unsupported
    if raw in _BOOLS:
        return _BOOLS[raw]
    if _DATE.match(raw):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            return raw
    if _YAML_SPECIAL.match(raw) or any(c in raw for c in "[]{}\t"):
        raise _Unsupported
    return raw
