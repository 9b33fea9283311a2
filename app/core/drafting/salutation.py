"""The greeting of a letter: 'Dear Ms Smith' from 'Ms Jane Smith', never a guess at a title."""

from __future__ import annotations

import re

# Titles and honorifics written before a name; a name that starts with one is greeted by
# title and surname. Compared without a trailing full stop and case-insensitively.
TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
        "rev", "revd", "reverend", "cllr", "councillor", "capt", "captain", "major", "col", "judge",
    }
)  # fmt: skip
# Titles greeted with the first name instead of the surname (Sir John Smith → Dear Sir John).
FIRST_NAME_TITLES = frozenset({"sir", "dame"})
NO_NAME = "Dear Sir or Madam"
_SPACES = re.compile(r"\s+")


def salutation(name: str, explicit: str = "") -> str:
    """Return the greeting: the explicit one if given, else one built from the name."""
    if explicit.strip():
        return explicit.strip()
    words = _SPACES.sub(" ", name).strip().split(" ") if name.strip() else []
    if not words:
        return NO_NAME
    title = words[0].rstrip(".").lower()
    if title in TITLES and len(words) > 1:
        rest = words[1:]
        kept = rest[0] if title in FIRST_NAME_TITLES else rest[-1]
        return f"Dear {words[0]} {kept}"
    return f"Dear {' '.join(words)}"
