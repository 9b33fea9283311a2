"""The request as the letter quotes it: the requester's own words without their greeting or sign-off."""

from __future__ import annotations

import re

from app.core.drafting.markup import escape

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


_LIST_ITEM = re.compile(r"^\s*(\d{1,3}[.)]|[-*•])\s+(.*)$")


def request_markdown(text: str) -> str:
    """Return the quoted request as Markdown: the requester's words literal, their numbered and bulleted lines as lists."""
    out: list[str] = []
    for line in quoted_request(text).splitlines():
        item = _LIST_ITEM.match(line)
        if item:
            marker = "-" if item.group(1) in "-*•" else item.group(1).replace(")", ".")
            if out and out[-1] and not _LIST_ITEM.match(out[-1]):
                out.append("")
            out.append(f"{marker} {escape(item.group(2))}")
        elif line.strip():
            if out and out[-1] and _LIST_ITEM.match(out[-1]):
                out.append("")
            elif out and out[-1]:
                out[-1] += "\\"
            out.append(escape(line.strip()))
        elif out and out[-1]:
            out.append("")
    return "\n".join(out).strip() + "\n" if out else ""
