"""Read every part of a .docx back as text (body, headers, footers, properties) for leak checks."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path


def docx_all_text(path: Path) -> str:
    """Return the text of every XML part in the document, tags removed, joined per part."""
    texts = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                xml = archive.read(name).decode("utf-8", "replace")
                texts.append(re.sub(r"<[^>]+>", "", xml))
    return "\n".join(texts)
