"""Rewrite only the clause-header fields a reviewer changed, keeping every other line as it was.

Re-dumping the whole header would reflow lists, quotes and guidance text, so a history diff would
show changes nobody made; here an unchanged field keeps its exact lines and position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from app.core.storage import yamlio

_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def blocks(header: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Split header text into leading lines and (key, lines) blocks of its top-level fields."""
    lead: list[str] = []
    found: list[tuple[str, list[str]]] = []
    for line in header.splitlines():
        match = _KEY.match(line)
        if match:
            found.append((match.group(1), [line]))
        elif found:
            found[-1][1].append(line)
        else:
            lead.append(line)
    return lead, found


def merge_header(baseline: str, old: dict[str, Any], new: dict[str, Any], order: Sequence[str]) -> str:
    """Return header text for new metadata: changed fields re-dumped, unchanged ones kept verbatim.

    old and new are normalised metadata (empty values dropped); order is the preferred field order,
    used to place fields that were not in the header before.
    """
    lead, existing = blocks(baseline)
    rank = {key: index for index, key in enumerate(order)}
    present = {key for key, _ in existing}
    pending = [key for key in new if key not in present]
    out = list(lead)
    for key, lines in existing:
        for extra in [k for k in pending if rank.get(k, len(rank)) < rank.get(key, len(rank))]:
            out.append(_dump(extra, new[extra]))
            pending.remove(extra)
        if key not in new:
            if key not in old:  # an empty value both before and after (e.g. optional: false): untouched
                out.append("\n".join(lines))
            continue
        out.append("\n".join(lines) if old.get(key) == new[key] else _dump(key, new[key]))
    out.extend(_dump(key, new[key]) for key in pending)
    return "\n".join(part for part in out if part) + "\n"


def _dump(key: str, value: Any) -> str:
    """Return one field as YAML lines (no trailing newline)."""
    return yamlio.dump({key: value}).rstrip("\n")
