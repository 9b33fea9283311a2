"""The disclosure-log copy: the same letter with the requester's name, address and e-mail removed.

The requester's details are dropped from the case and every occurrence of them in the officer's
text (the request as received, answers, edited wording) is replaced, so the salutation, the
address block, headers and document properties never carry them. After writing, every part of
the .docx is searched again; a copy that still names the requester is refused, never published.
"""

from __future__ import annotations

import copy
import re
import zipfile
from io import BytesIO

from app.core.casefile.model import Case, Requester

REDACTED = "[redacted]"
TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr")  # "Dear Mr Smith" names the requester too


def personal_details(requester: Requester) -> list[str]:
    """Return the requester's details that must not appear in a published copy (longest first)."""
    values = [requester.name, requester.email, *requester.address]
    surname = requester.name.strip().split()[-1] if requester.name.strip() else ""
    titled = [f"{title} {surname}" for title in TITLES] if len(surname.strip(".")) > 1 else []
    return sorted({v.strip() for v in [*values, *titled] if v and v.strip()}, key=len, reverse=True)


def redact_text(text: str, details: list[str]) -> str:
    """Replace each detail in text (case-insensitively) with the redaction mark."""
    for detail in details:
        text = re.sub(re.escape(detail), REDACTED, text, flags=re.IGNORECASE)
    return text


def disclosure_case(case: Case) -> Case:
    """Return a copy of the case fit for the disclosure log: no requester details anywhere."""
    details = personal_details(case.requester)
    public = copy.deepcopy(case)
    public.requester = Requester()
    public.request = redact_text(public.request, details)
    for part in public.parts:
        part.question = redact_text(part.question, details)
        part.answer = redact_text(part.answer, details)
    public.edits.texts = {key: redact_text(text, details) for key, text in public.edits.texts.items()}
    return public


def leaked_details(docx_bytes: bytes, requester: Requester) -> list[str]:
    """Return the requester's details still present in any part of a .docx (text, headers, properties)."""
    found: set[str] = set()
    details = personal_details(requester)
    with zipfile.ZipFile(BytesIO(docx_bytes)) as archive:
        for name in archive.namelist():
            text = re.sub(r"<[^>]+>", "", archive.read(name).decode("utf-8", "replace")).lower()
            found.update(d for d in details if d.lower() in text)
    return sorted(found)
