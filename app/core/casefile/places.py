"""Field paths in the officer's words: "parts[1].exemptions[0]" becomes "Part 2, exemption 1"."""

from __future__ import annotations

import re

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")
# Singular names for list fields, counted from 1 as the officer numbers them.
_ITEMS = {"parts": "Part", "exemptions": "exemption", "address": "address line", "added": "added clause"}
_NAMES = {
    "cost": "cost estimate",
    "hours": "hours",
    "foi_unit": "FOI unit",
    "foi_email": "review e-mail",
    "foi_address": "review address",
    "email": "e-mail",
    "disclosure_log": "disclosure log",
    "opinion": "qualified person's opinion",
    "by": "given by",
    "extension_date": "extension date",
}


def officer_place(where: str) -> str:
    """Return a field path as the officer would say it (parts are numbered from 1)."""
    words: list[str] = []
    for step in where.split("."):
        match = _STEP.fullmatch(step)
        if match is None:
            words.append(step)
            continue
        name, index = match[1], match[2]
        if index is not None:
            words.append(f"{_ITEMS.get(name, name.replace('_', ' '))} {int(index) + 1}")
        else:
            words.append(_NAMES.get(name, name.replace("_", " ")))
    text = ", ".join(words)
    return text[:1].upper() + text[1:]
