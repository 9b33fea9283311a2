"""The request as the letter quotes it: the requester's own words without their greeting or sign-off."""

from __future__ import annotations

import re

_GREETING = re.compile(
    r"^\s*(dear\b|hello\b|hi\b|good (morning|afternoon|evening)\b|to whom it may concern\b|greetings\b)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^\s*(yours (faithfully|sincerely|truly)|kind(est)? regards|best regards|warm regards|regards|"
    r"many thanks|thanks( in advance| very much)?|thank you( in advance)?|best wishes|cheers)\b[\s,.!]*$",
    re.IGNORECASE,
)


def quoted_request(text: str) -> str:
    """Return the request without a leading greeting line and without the sign-off and what follows it."""
    lines = text.strip("\n").splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and _GREETING.match(lines[0]) and len(lines[0]) < 80:
        lines.pop(0)
    for index, line in enumerate(lines):
        if _SIGN_OFF.match(line):
            lines = lines[:index]
            break
    return "\n".join(lines).strip() + ("\n" if lines else "")
