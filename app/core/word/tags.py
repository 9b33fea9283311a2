"""Block identity in an exported letter: a hidden bookmark in every paragraph, and a block manifest part.

Why bookmarks and not content controls (docs/word-round-trip.md has the evidence): LibreOffice
turns a block-level content control (``w:sdt``) into an inline one around the first paragraph and
drops its ``w:tag``, so the block's extent and identity are lost after one save; bookmarks inside
a single paragraph survive LibreOffice and Word unchanged. Names beginning with an underscore are
hidden bookmarks in Word, so the reader never sees them.

Every paragraph of a block carries ``_foi_b<hash of block key>_<n>``; every other paragraph the
export writes (title, reference block, headings, signature) carries a frame mark ``_foi_f<n>``, so
text typed in Word later is recognisable as new. The manifest (a custom XML part, which Word and
LibreOffice both keep and neither shows) records for each block its key, clause id, wording
version, the statutory elements it provides and a digest of its text as exported.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from app.core.drafting import markup
from app.core.drafting.letter import LetterBlock

PREFIX = "_foi_"
BLOCK_PREFIX = PREFIX + "b"
FRAME_PREFIX = PREFIX + "f"
MANIFEST_NS = "urn:foi-drafter:letter-blocks:1"
_PARA_OPEN = re.compile(r"<w:p(?:\s[^>]*)?(/?)>")


@dataclass(frozen=True)
class ManifestEntry:
    """What the manifest records about one exported block."""

    mark: str
    key: str
    clause: str = ""
    version: str = ""
    provides: tuple[str, ...] = ()
    part: int | None = None
    exemption: str = ""
    digest: str = ""
    builtin: bool = False


def mark_for(key: str) -> str:
    """Return the bookmark stem of a block key (stable, short, bookmark-safe)."""
    return f"{BLOCK_PREFIX}{zlib.crc32(key.encode('utf-8')):08x}"


def fingerprint(text: str) -> str:
    """Return a block's text with all whitespace collapsed: what a reader of the letter sees."""
    return " ".join(text.split())


def markdown_fingerprint(text: str) -> str:
    """Return the fingerprint of a block's Markdown as Word shows it (no list markers, no markup)."""
    return fingerprint(" ".join(_pieces(markup.parse(text))))


def digest(fingerprint_text: str) -> str:
    """Return a short digest of a fingerprint."""
    return hashlib.sha256(fingerprint_text.encode("utf-8")).hexdigest()[:16]


def _pieces(blocks: list[markup.Block]) -> Iterable[str]:
    """Yield the visible text of parsed Markdown, paragraph by paragraph."""
    for block in blocks:
        if isinstance(block, (markup.Paragraph, markup.Heading)):
            yield markup.runs_text(block.runs)
        elif isinstance(block, markup.ListBlock):
            for item in block.items:
                yield markup.runs_text(item.runs)
                yield from _pieces(list(item.children))
        elif isinstance(block, markup.Table):
            for row in [block.header, *block.rows]:
                yield from (markup.runs_text(cell) for cell in row)


class BlockTagger:
    """Marks the paragraphs the exporter writes with the block they come from (a no-op when disabled)."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self.entries: list[ManifestEntry] = []
        self._next_id = 1

    def block(self, parts: list[str], first: int, block: LetterBlock) -> None:
        """Mark each body element written since index first (one element's XML per item) as block's."""
        if not self.enabled:
            return
        stem = mark_for(block.key)
        for number, index in enumerate(range(first, len(parts))):
            parts[index] = self._inject(parts[index], f"{stem}_{number}")
        self.entries.append(_entry(stem, block))

    def _inject(self, xml: str, name: str) -> str:
        """Return element XML with a bookmark around the content of its first paragraph."""
        match = _PARA_OPEN.search(xml)
        if match is None:
            return xml
        ident = self._next_id
        self._next_id += 1
        start = f'<w:bookmarkStart w:id="{ident}" w:name="{name}"/>'
        end = f'<w:bookmarkEnd w:id="{ident}"/>'
        if match.group(1):
            return f"{xml[: match.start()]}<w:p>{start}{end}</w:p>{xml[match.end() :]}"
        at = match.end()
        if xml.startswith("<w:pPr>", at):
            at = xml.index("</w:pPr>", at) + len("</w:pPr>")
        close = xml.index("</w:p>", at)
        return xml[:at] + start + xml[at:close] + end + xml[close:]

    def finish(self, document: Document, reference: str = "") -> None:
        """Mark the remaining body paragraphs as letter frame and add the manifest part."""
        if not self.enabled:
            return
        used = _used_bookmark_ids(document)
        offset = max(used, default=0)
        body = document.element.body
        if offset:
            _shift_ids(body, offset)
        number = 0
        for element in list(body):
            paragraph = _first_paragraph(element)
            if paragraph is None or _has_mark(element):
                continue
            _add_bookmark(paragraph, f"{FRAME_PREFIX}{number}", offset + self._next_id)
            self._next_id += 1
            number += 1
        add_manifest(document, self.entries, reference)


def _entry(stem: str, block: LetterBlock) -> ManifestEntry:
    """Return the manifest entry of a block as exported."""
    return ManifestEntry(
        mark=stem,
        key=block.key,
        clause=block.clause_id,
        version=digest(fingerprint(block.library_text)) if block.library_text else "",
        provides=tuple(block.provides),
        part=block.part,
        exemption=block.exemption,
        digest=digest(markdown_fingerprint(block.text)),
        builtin=block.builtin,
    )


def _first_paragraph(element: BaseOxmlElement) -> BaseOxmlElement | None:
    """Return a body element's first paragraph (itself, or the first cell paragraph of a table)."""
    if element.tag == qn("w:p"):
        return element
    if element.tag == qn("w:tbl"):
        return next(element.iter(qn("w:p")), None)
    return None


def _has_mark(element: BaseOxmlElement) -> bool:
    """Tell whether an element already carries one of our bookmarks."""
    return any(b.get(qn("w:name"), "").startswith(PREFIX) for b in element.iter(qn("w:bookmarkStart")))


def _add_bookmark(paragraph: BaseOxmlElement, name: str, ident: int) -> None:
    """Put a bookmark around a paragraph's content."""
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(ident), qn("w:name"): name})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(ident)})
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(end)


def _used_bookmark_ids(document: Document) -> set[int]:
    """Return the bookmark ids used outside the body (headers and footers share the id space)."""
    used: set[int] = set()
    for section in document.sections:
        for story in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if story.is_linked_to_previous:
                continue
            for mark in story._element.iter(qn("w:bookmarkStart")):
                used.add(int(mark.get(qn("w:id"), "0") or 0))
    return used


def _shift_ids(body: BaseOxmlElement, offset: int) -> None:
    """Move the body's bookmark ids past those used elsewhere."""
    for tag in ("w:bookmarkStart", "w:bookmarkEnd"):
        for mark in body.iter(qn(tag)):
            mark.set(qn("w:id"), str(int(mark.get(qn("w:id"))) + offset))


# ---------------------------------------------------------------- manifest part


def add_manifest(document: Document, entries: list[ManifestEntry], reference: str = "") -> None:
    """Add the block manifest as a custom XML part of the document."""
    package = document.part.package
    taken = {str(p.partname) for p in package.iter_parts()}
    number = next(n for n in range(1, 1000) if f"/customXml/item{n}.xml" not in taken)
    item = Part(PackURI(f"/customXml/item{number}.xml"), CT.XML, _manifest_xml(entries, reference), package)
    props = Part(
        PackURI(f"/customXml/itemProps{number}.xml"), CT.OFC_CUSTOM_XML_PROPERTIES, _props_xml(entries), package
    )
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def _manifest_xml(entries: list[ManifestEntry], reference: str) -> bytes:
    """Return the manifest document."""
    rows = []
    for e in entries:
        attrs = {
            "mark": e.mark,
            "key": e.key,
            "clause": e.clause,
            "version": e.version,
            "provides": " ".join(e.provides),
            "part": "" if e.part is None else str(e.part),
            "exemption": e.exemption,
            "digest": e.digest,
            "builtin": "1" if e.builtin else "",
        }
        rows.append("<block " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items() if v) + "/>")
    text = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<letter xmlns="{MANIFEST_NS}" reference={quoteattr(reference)}>{"".join(rows)}</letter>'
    )
    return text.encode("utf-8")


def quoteattr(value: str) -> str:
    """Return value as a double-quoted XML attribute value (characters XML cannot hold removed)."""
    value = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", value)
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return '"' + escaped.replace("\n", "&#10;").replace("\t", "&#9;") + '"'


def _props_xml(entries: list[ManifestEntry]) -> bytes:
    """Return the custom XML properties part Word expects beside a custom XML item."""
    seed = hashlib.sha256("".join(e.mark for e in entries).encode()).hexdigest().upper()
    guid = f"{{{seed[:8]}-{seed[8:12]}-{seed[12:16]}-{seed[16:20]}-{seed[20:32]}}}"
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='no'?>\n"
        f'<ds:datastoreItem ds:itemID="{guid}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{MANIFEST_NS}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
