"""What must not go to a requester in a Word file: template markup, live fields, tracked changes, comments, metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from app.core.checks.compliance import ERROR, WARNING, Finding
from app.core.word.readback import element_text

CITATION = "Word file"
STORY_PARTS = re.compile(r"^/word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
PAGE_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}
PLACEHOLDERS = (
    (re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}"), "template markup"),
    (re.compile(r"<<[^<>]{0,60}>>|«[^«»]{0,60}»|\[\[[^\]]{0,60}\]\]"), "a merge placeholder"),
    (
        re.compile(r"\[\s*(?:insert|enter|add|name|date|details?|x+|tbc|tbd|todo|\.\.\.|…)\b[^\]]{0,60}\]", re.I),
        "a placeholder in brackets",
    ),
    (re.compile(r"\b(?:XX+|TBC|TBD|TODO|FIXME)\b|lorem ipsum", re.I), "placeholder text"),
    (re.compile(r"Error! (?:Reference source not found|Bookmark not defined)"), "a broken cross-reference"),
)
TRACKED = ("w:ins", "w:del", "w:moveFrom", "w:moveTo")
FORMAT_CHANGES = ("w:rPrChange", "w:pPrChange", "w:sectPrChange", "w:tblPrChange", "w:trPrChange", "w:tcPrChange")
DC, CP = "http://purl.org/dc/elements/1.1/", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
PERSONAL_CORE = (
    (f"{{{DC}}}creator", "author"),
    (f"{{{CP}}}lastModifiedBy", "last modified by"),
    (f"{{{DC}}}description", "comments"),
)
PERSONAL_APP = ("Company", "Manager")


def hygiene_findings(document: Document) -> list[Finding]:
    """Return everything in the file that should not go to a requester."""
    found: list[Finding] = []
    for name, root in _stories(document):
        found += _markup_findings(name, root)
        found += _field_findings(name, root)
        found += _revision_findings(name, root)
        found += _hidden_findings(name, root)
    found += _comment_findings(document)
    found += _metadata_findings(document)
    return found


def _stories(document: Document) -> Iterator[tuple[str, etree._Element]]:
    """Yield the text-bearing parts of the package (body, headers, footers, notes) with their XML."""
    for part in document.part.package.iter_parts():
        partname = str(part.partname)
        match = STORY_PARTS.match(partname)
        if not match:
            continue
        element = getattr(part, "element", None)
        if element is None:
            try:
                element = etree.fromstring(part.blob)
            except etree.XMLSyntaxError:
                continue
        yield _story_name(match.group(1)), element


def _story_name(part: str) -> str:
    """Name a story part for messages."""
    if part == "document":
        return "the letter"
    return "a " + re.sub(r"\d+$", "", part).rstrip("s")


def _paragraph_texts(root: etree._Element) -> Iterator[str]:
    """Yield each paragraph's visible text, line breaks as spaces."""
    for paragraph in root.iter(qn("w:p")):
        yield " ".join(element_text(paragraph).split())


def _markup_findings(story: str, root: etree._Element) -> list[Finding]:
    """Flag template markup and placeholder text."""
    found = []
    for text in _paragraph_texts(root):
        for pattern, what in PLACEHOLDERS:
            match = pattern.search(text)
            if match:
                found.append(
                    Finding("word-placeholder", ERROR, CITATION, f"{story} still has {what}: {_excerpt(text, match)}")
                )
    return found


def _excerpt(text: str, match: re.Match[str]) -> str:
    """Return the text around a match, quoted."""
    start, end = max(0, match.start() - 30), min(len(text), match.end() + 30)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = text.find(" ", end) if " " in text[end:] else len(text)
    return "“" + ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "") + "”"


def _field_findings(story: str, root: etree._Element) -> list[Finding]:
    """Flag live fields other than page numbers."""
    codes = [node.get(qn("w:instr"), "") for node in root.iter(qn("w:fldSimple"))]
    codes += _complex_field_codes(root)
    names = sorted({(code.split() or ["?"])[0].upper() for code in codes} - PAGE_FIELDS)
    if not names:
        return []
    return [
        Finding(
            "word-field",
            WARNING,
            CITATION,
            f"{story} has live field(s) {', '.join(names)}: their text can change when the file is opened; "
            "convert them to plain text (select all, Ctrl+Shift+F9) before sending",
        )
    ]


def _complex_field_codes(root: etree._Element) -> list[str]:
    """Return the instruction text of each complex field (begin … separate/end)."""
    codes: list[str] = []
    current: list[str] | None = None
    for node in root.iter(qn("w:fldChar"), qn("w:instrText")):
        if node.tag == qn("w:instrText"):
            if current is not None:
                current.append(node.text or "")
            continue
        kind = node.get(qn("w:fldCharType"))
        if kind == "begin":
            current = []
        elif current is not None and kind in ("separate", "end"):
            codes.append("".join(current).strip())
            current = None
    return codes


def _revision_findings(story: str, root: etree._Element) -> list[Finding]:
    """Flag tracked changes: deleted text stays in the file and can be read."""
    found = []
    changes = sum(1 for tag in TRACKED for _ in root.iter(qn(tag)))
    if changes:
        found.append(
            Finding(
                "word-tracked-changes",
                ERROR,
                CITATION,
                f"{story} has {changes} tracked change(s): deleted text stays in the file and the requester can "
                "read it; accept or reject every change (Review ▸ Accept ▸ Accept All Changes) before sending",
            )
        )
    formats = sum(1 for tag in FORMAT_CHANGES for _ in root.iter(qn(tag)))
    if formats:
        found.append(
            Finding(
                "word-tracked-formatting",
                WARNING,
                CITATION,
                f"{story} has {formats} tracked formatting change(s); accept or reject them before sending",
            )
        )
    return found


def _hidden_findings(story: str, root: etree._Element) -> list[Finding]:
    """Flag hidden text, which a requester can reveal."""
    hidden = [
        run
        for run in root.iter(qn("w:r"))
        if _is_on(run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")) and "".join(t.text or "" for t in run.iter(qn("w:t")))
    ]
    if not hidden:
        return []
    return [
        Finding(
            "word-hidden-text",
            ERROR,
            CITATION,
            f"{story} has {len(hidden)} run(s) of hidden text: the requester can show it; delete it or make it visible",
        )
    ]


def _is_on(node: etree._Element | None) -> bool:
    """Tell whether an on/off property element is on."""
    return node is not None and node.get(qn("w:val"), "true") in ("true", "1", "on")


def _comment_findings(document: Document) -> list[Finding]:
    """Flag comments: they go to the requester with the file."""
    count = 0
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/comments.xml":
            try:
                count = len(etree.fromstring(part.blob).findall(qn("w:comment")))
            except etree.XMLSyntaxError:
                count = 1
    count = max(count, sum(1 for _ in document.element.body.iter(qn("w:commentReference"))))
    if not count:
        return []
    return [
        Finding(
            "word-comments",
            ERROR,
            CITATION,
            f"the letter has {count} comment(s), which go to the requester with the file; delete them "
            "(Review ▸ Delete ▸ Delete All Comments in Document)",
        )
    ]


def _metadata_findings(document: Document) -> list[Finding]:
    """Flag personal and organisational metadata Word adds (author, last modified by, company)."""
    found = _core_properties(document)
    found += _app_properties(document)
    found += _custom_properties(document)
    if not found:
        return []
    return [
        Finding(
            "word-metadata",
            WARNING,
            CITATION,
            f"the file's properties name {'; '.join(found)}: remove them (File ▸ Info ▸ Check for Issues ▸ "
            "Inspect Document) unless they are meant to go to the requester",
        )
    ]


def _core_properties(document: Document) -> list[str]:
    """Return the personal core properties that are set, read from the file itself.

    Read from the package rather than through python-docx, which invents an author-free core part
    (last modified by “python-docx”) when a file names its core part with another relationship
    spelling, as LibreOffice does.
    """
    found = []
    for rel in document.part.package.rels.values():
        if rel.is_external or not rel.reltype.lower().endswith("/metadata/core-properties"):
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except etree.XMLSyntaxError:
            continue
        for tag, label in PERSONAL_CORE:
            node = root.find(tag)
            if node is not None and (node.text or "").strip():
                found.append(f"{label} “{node.text.strip()}”")
    return found


def _app_properties(document: Document) -> list[str]:
    """Return the personal or organisational extended properties (docProps/app.xml) that are set."""
    root = _part_xml(document, "/docProps/app.xml")
    if root is None:
        return []
    found = []
    for child in root:
        name = etree.QName(child).localname
        value = (child.text or "").strip()
        if value and (name in PERSONAL_APP or (name == "Template" and re.search(r"[\\/]", value))):
            found.append(f"{name.lower()} “{value}”")
    return found


def _custom_properties(document: Document) -> list[str]:
    """Return the names of custom document properties (docProps/custom.xml)."""
    root = _part_xml(document, "/docProps/custom.xml")
    if root is None:
        return []
    names = [node.get("name", "") for node in root if node.get("name")]
    return [f"custom properties {', '.join(names)}"] if names else []


def _part_xml(document: Document, partname: str) -> etree._Element | None:
    """Return the parsed XML of a package part, or None."""
    for part in document.part.package.iter_parts():
        if str(part.partname) == partname:
            try:
                return etree.fromstring(part.blob)
            except etree.XMLSyntaxError:
                return None
    return None
