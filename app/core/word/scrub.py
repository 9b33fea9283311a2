"""Scrub what a letterhead brings into an exported letter: properties, comments, revisions, hidden text, ids.

An organisation's letterhead made in Word carries its makers' traces: custom properties, comments
and their authors (people.xml), tracked changes in headers (deleted text still prints in a PDF),
hidden text, document variables, the path of the template it was attached to, Track Changes
switched on, image descriptions holding local paths and revision-save ids. `scrub_docx` removes
or resets all of them in the saved package (the shared document id becomes one derived from the
letter itself, so letters differ but the same letter exports byte for byte the same);
`audit_docx` lists anything that is still there.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterator
from posixpath import dirname, join, normpath

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"

# Parts that only ever hold people's traces: custom properties, comments and their authors.
DROPPED_PARTS = re.compile(
    r"(docProps/custom\.xml|word/comments[A-Za-z]*\.xml|word/people\.xml|customXml/.*)", re.IGNORECASE
)
DROPPED_REL_TYPES: tuple[str, ...] = (
    "/attachedTemplate",
    "/comments",
    "/people",
    "/custom-properties",
    "/commentsExtended",
)
DROPPED_REL_TYPES += ("/commentsIds", "/commentsExtensible", "/customXml")
REMOVED = {f"{{{W}}}{name}" for name in ("del", "moveFrom", "delText", "delInstrText", "rsid", "rsidRoot")}
REMOVED |= {
    f"{{{W}}}{name}"
    for name in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "tcPrChange",
        "trPrChange",
        "tblGridChange",
        "numberingChange",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "customXmlInsRangeStart",
        "customXmlInsRangeEnd",
        "customXmlDelRangeStart",
        "customXmlDelRangeEnd",
    )
}
UNWRAPPED = {f"{{{W}}}ins", f"{{{W}}}moveTo"}
SETTINGS_REMOVED = {f"{{{W}}}{name}" for name in ("docVars", "attachedTemplate", "trackRevisions", "rsids")}
DOC_IDS = (f"{{{W14}}}docId", f"{{{W15}}}docId")
# Alternative text that is really a file name or a path (C:\..., \\server\..., /home/..., logo.png).
PATH_LIKE = re.compile(r"[A-Za-z]:[\\/]|\\\\|/|file:|\.(?:png|jpe?g|gif|bmp|emf|wmf|tiff?|svg|docx?|dotx?)\b", re.I)
IMAGE_TEXT_ATTRS = ("descr", "title", "name")
HIDDEN_TEXT = f"{{{W}}}vanish"
COMMENT_REFERENCE = f"{{{W}}}commentReference"
RUN = f"{{{W}}}r"
RSID_PREFIX = f"{{{W}}}rsid"  # revision-save ids: w:rsidR, w:rsidRPr, w:rsidDel, …
IMAGE_TAGS = ("}docPr", "}cNvPr")  # the same two tags as IMAGES, as the end of a tag
# The drafter's own block manifest (app.core.word.tags) is a custom XML part too, but it is written
# by the export, not brought in by a letterhead, and holds no one's traces: it is kept.
MANIFEST_ROOT = "{urn:foi-drafter:letter-blocks:1}letter"


class ScrubError(Exception):
    """The saved letter could not be scrubbed (it is not a well-formed package)."""


# The letter body's own tracked changes (a redline for sign-off) survive when asked for.
BODY = "word/document.xml"
REVISIONS = {f"{{{W}}}{name}" for name in ("ins", "del", "delText")}
MARKED = frozenset(REMOVED | UNWRAPPED | {COMMENT_REFERENCE})  # what the audit reports as a change or comment mark
SCRUBBED = frozenset(MARKED | {HIDDEN_TEXT})  # the elements the first pass of _scrub_wordml acts on
# Elements carrying a revision-save id, found by libxml2 rather than by visiting every element in Python.
RSID_HOLDERS = etree.XPath(f"descendant-or-self::*[@*[namespace-uri()='{W}' and starts-with(local-name(), 'rsid')]]")
IMAGES = ("{*}docPr", "{*}cNvPr")  # drawing properties, in any namespace, that carry alternative text


def scrub_docx(data: bytes, keep_body_revisions: bool = False) -> bytes:
    """Return the package with every letterhead trace listed in the module docstring removed."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ScrubError(f"the letter package is damaged: {exc}") from exc
    names = source.namelist()
    dropped = {n for n in names if DROPPED_PARTS.fullmatch(n)} - _manifest_parts(source)
    doc_id = _letter_id(source)
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in dropped:
                continue
            keep = keep_body_revisions and info.filename == BODY
            blob = _scrubbed(info.filename, source.read(info.filename), dropped, doc_id, keep)
            copy = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            copy.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(copy, blob)
    return out.getvalue()


def _manifest_parts(package: zipfile.ZipFile) -> set[str]:
    """Return the drafter's block manifest item, its properties and its relationships, if present."""
    for name in package.namelist():
        match = re.fullmatch(r"customXml/item(\d+)\.xml", name)
        if match and etree.fromstring(package.read(name), etree.XMLParser(resolve_entities=False)).tag == MANIFEST_ROOT:
            number = match.group(1)
            return {name, f"customXml/itemProps{number}.xml", f"customXml/_rels/item{number}.xml.rels"}
    return set()


def _letter_id(package: zipfile.ZipFile) -> str:
    """Return a document id derived from the letter's parts (not the zip's timestamps)."""
    digest = hashlib.sha256()
    for name in sorted(package.namelist()):
        digest.update(name.encode() + b"\0" + package.read(name))
    return f"{int.from_bytes(digest.digest()[:4], 'big') % 0x7FFFFFFE + 1:08X}"


def _scrubbed(name: str, blob: bytes, dropped: set[str], doc_id: str, keep_revisions: bool = False) -> bytes:
    """Return one part with its traces removed."""
    if not name.endswith((".xml", ".rels")):
        return blob
    try:
        root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise ScrubError(f"part {name} of the letter is not well-formed XML: {exc}") from exc
    if name.endswith(".rels"):
        _scrub_rels(root, name, dropped)
    elif name == "[Content_Types].xml":
        for override in root.findall(f"{{{TYPES}}}Override"):
            if override.get("PartName", "").lstrip("/") in dropped:
                root.remove(override)
    else:
        _scrub_wordml(root, doc_id if name == "word/settings.xml" else None, keep_revisions)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _scrub_rels(root: etree._Element, name: str, dropped: set[str]) -> None:
    """Drop relationships to removed parts, to the attached template and to comments or people."""
    base = dirname(dirname(name))  # word/_rels/document.xml.rels -> word
    for rel in root.findall(f"{{{RELS}}}Relationship"):
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else normpath(join(base, target))
        kept = resolved.startswith("customXml/") and resolved not in dropped
        if (rel.get("Type", "").endswith(DROPPED_REL_TYPES) and not kept) or resolved in dropped:
            root.remove(rel)


def _scrub_wordml(root: etree._Element, doc_id: str | None, keep_revisions: bool = False) -> None:
    """Accept insertions, remove deletions and change records, hidden runs, comment marks, rsids and paths.

    In the settings part (doc_id given) the template's document id is replaced by the letter's own.
    """
    is_settings = doc_id is not None
    for element in list(root.iter(*(SCRUBBED | SETTINGS_REMOVED if is_settings else SCRUBBED))):
        tag = element.tag
        if keep_revisions and tag in REVISIONS:
            continue
        if tag in REMOVED or (is_settings and tag in SETTINGS_REMOVED):
            _remove(element)
        elif tag in UNWRAPPED:
            _unwrap(element)
        elif tag == COMMENT_REFERENCE or (tag == HIDDEN_TEXT and _on(element)):
            run = _ancestor(element, RUN)
            _remove(run if run is not None else element)  # a hidden style or paragraph mark is simply shown
    for element in RSID_HOLDERS(root):
        attrib = element.attrib
        for attr in [a for a in attrib if a.startswith(RSID_PREFIX)]:
            del attrib[attr]
    for element in root.iter(*IMAGES):
        for attr in IMAGE_TEXT_ATTRS:
            if PATH_LIKE.search(element.get(attr, "")):
                element.set(attr, "Picture" if attr == "name" else "")
    if is_settings:
        for element in root.iter(*DOC_IDS):
            element.set(element.tag.replace("docId", "val"), doc_id)


def _remove(element: etree._Element) -> None:
    """Remove an element (and its content), keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    """Replace an element by its children (accepting a tracked insertion); a mark in rPr is removed."""
    parent = element.getparent()
    if parent is None:
        return
    if parent.tag == f"{{{W}}}rPr" or len(element) == 0:
        _remove(element)
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    _remove(element)


def _ancestor(element: etree._Element, tag: str) -> etree._Element | None:
    """Return the nearest ancestor with a tag, or None."""
    node = element.getparent()
    while node is not None and node.tag != tag:
        node = node.getparent()
    return node


def _on(element: etree._Element) -> bool:
    """Tell whether an on/off property (w:vanish) is switched on."""
    return element.get(f"{{{W}}}val", "true") not in ("0", "false", "off")


def _is_image(tag: str) -> bool:
    """Tell whether an element's tag is a drawing's docPr or cNvPr (whatever its namespace)."""
    return tag.endswith(IMAGE_TAGS) or tag in ("docPr", "cNvPr")


def clean_package(data: bytes, keep_body_revisions: bool = False) -> bytes:
    """Scrub a saved letter and check the result; raise ScrubError naming anything left behind.

    keep_body_revisions keeps the tracked changes the export wrote into the letter body itself.
    """
    cleaned = scrub_docx(data, keep_body_revisions)
    left = audit_docx(cleaned, keep_body_revisions)
    if left:
        raise ScrubError("traces of the letterhead could not be removed: " + "; ".join(left[:5]))
    return cleaned


def audit_docx(data: bytes, keep_body_revisions: bool = False) -> list[str]:
    """List every letterhead trace still in a saved letter (empty when it is clean)."""
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        ours = _manifest_parts(package)
        for name in package.namelist():
            if name in ours:
                continue
            if DROPPED_PARTS.fullmatch(name):
                found.append(f"{name}: part that holds personal traces")
            elif name.endswith((".xml", ".rels")):
                keep = keep_body_revisions and name == BODY
                found += [f"{name}: {what}" for what in _traces(name, package.read(name), ours, keep)]
    return found


def _traces(
    name: str, blob: bytes, ours: frozenset[str] | set[str] = frozenset(), keep_revisions: bool = False
) -> Iterator[str]:
    """Yield what is left in one part."""
    root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, huge_tree=True))
    if name.endswith(".rels"):
        base = dirname(dirname(name))
        for rel in root.iter(f"{{{RELS}}}Relationship"):
            target = rel.get("Target", "")
            resolved = target.lstrip("/") if target.startswith("/") else normpath(join(base, target))
            if rel.get("Type", "").endswith(DROPPED_REL_TYPES) and resolved not in ours:
                yield f"relationship to {rel.get('Target')}"
        return
    if not _may_hold_traces(root, keep_revisions):
        return  # the usual case, found out by libxml2; else every element is looked at, in order
    for element in root.iter(etree.Element):
        tag = element.tag
        if keep_revisions and tag in REVISIONS:
            pass
        elif tag in MARKED:
            yield f"{etree.QName(tag).localname} (tracked change or comment mark)"
        elif tag in SETTINGS_REMOVED:
            yield f"{etree.QName(tag).localname} setting"
        elif tag == HIDDEN_TEXT and _on(element):
            yield "hidden text"
        attrib = element.attrib
        if attrib and any(a.startswith(RSID_PREFIX) for a in attrib):
            yield "revision-save id (rsid)"
        if _is_image(tag):
            for attr in IMAGE_TEXT_ATTRS:
                if PATH_LIKE.search(element.get(attr, "")):
                    yield f"image {attr} that looks like a path: {element.get(attr)!r}"


def _may_hold_traces(root: etree._Element, keep_revisions: bool) -> bool:
    """Tell whether a part has any element _traces could report (a hidden-text mark may turn out to be off)."""
    flagged = MARKED | SETTINGS_REMOVED | {HIDDEN_TEXT}
    if next(root.iter(*(flagged - REVISIONS if keep_revisions else flagged)), None) is not None:
        return True
    if RSID_HOLDERS(root):
        return True
    return any(PATH_LIKE.search(e.get(attr, "")) for e in root.iter(*IMAGES) for attr in IMAGE_TEXT_ATTRS)
