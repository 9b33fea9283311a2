"""Read an exported letter back from Word: which paragraphs belong to which block, as the file is now.

Paragraphs carry the hidden bookmarks written by app.core.word.tags. Text typed in Word has no
mark; it is given to the block before it (or, after a heading, the block after it). When a block's
marks are gone but unmarked text sits exactly where that block was, the text is taken to be that
block ("recovered"); when several blocks were there, they are reported as lost, never guessed.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from app.core.problems import display_path
from app.core.word.tags import BLOCK_PREFIX, FRAME_PREFIX, MANIFEST_NS, ManifestEntry, fingerprint, mark_for

W_P, W_TBL, W_SDT = qn("w:p"), qn("w:tbl"), qn("w:sdt")


class WordFileError(Exception):
    """The Word file cannot be read; the message names the file and the reason."""


@dataclass
class Manifest:
    """The block manifest an export left in the file."""

    reference: str
    entries: list[ManifestEntry]

    def by_mark(self) -> dict[str, ManifestEntry]:
        """Return the entries by bookmark stem."""
        return {e.mark: e for e in self.entries}


@dataclass
class Item:
    """One body element (paragraph or table) in reading order, with the mark it carries."""

    element: etree._Element
    key: str | None = None
    frame: bool = False
    number: int = 0  # the paragraph's place in its block at export
    owner: str | None = None  # for unmarked text: the block it was given to

    @property
    def text(self) -> str:
        """Return the element's visible text (tracked deletions excluded)."""
        return element_text(self.element)


@dataclass
class FoundBlock:
    """The elements of one block as they are in the Word file."""

    key: str
    items: list[Item] = field(default_factory=list)
    recovered: bool = False  # its marks were gone; recognised by position

    def fingerprint(self) -> str:
        """Return the block's text with whitespace collapsed."""
        return fingerprint(" ".join(item.text for item in self.items))


@dataclass
class WordLetter:
    """A Word letter read back: blocks by key, unplaced new text, blocks whose structure was lost."""

    manifest: Manifest | None
    blocks: dict[str, FoundBlock]
    expected: list[str]
    marked: bool
    lost: list[str] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)

    def missing(self) -> list[str]:
        """Return the expected block keys found nowhere in the file (deleted, or lost)."""
        return [k for k in self.expected if k not in self.blocks]


def open_word(path: Path | str) -> Document:
    """Open a .docx; raise WordFileError naming the file when it is not one."""
    shown = display_path(path)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise WordFileError(f"{shown}: not a Word .docx file ({exc})") from exc
    except OSError as exc:
        raise WordFileError(f"{shown}: cannot read the Word file: {exc.strerror or exc}") from exc


def read_manifest(document: Document) -> Manifest | None:
    """Return the block manifest of an exported letter, or None when the file has none."""
    for rel in document.part.rels.values():
        if rel.reltype != RT.CUSTOM_XML or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except etree.XMLSyntaxError:
            continue
        if root.tag == f"{{{MANIFEST_NS}}}letter":
            return Manifest(root.get("reference", ""), [_entry(b) for b in root.iter(f"{{{MANIFEST_NS}}}block")])
    return None


def _entry(node: etree._Element) -> ManifestEntry:
    """Return a manifest entry from its XML element."""
    part = node.get("part", "")
    return ManifestEntry(
        mark=node.get("mark", ""),
        key=node.get("key", ""),
        clause=node.get("clause", ""),
        version=node.get("version", ""),
        provides=tuple(node.get("provides", "").split()),
        part=int(part) if part.isdigit() else None,
        exemption=node.get("exemption", ""),
        digest=node.get("digest", ""),
        builtin=node.get("builtin", "") == "1",
    )


def read_letter(document: Document, known_keys: Iterable[str] = ()) -> WordLetter:
    """Group the body of a Word letter into blocks (keys from the manifest, else from known_keys)."""
    manifest = read_manifest(document)
    keys = {mark_for(k): k for k in known_keys}
    if manifest is not None:
        keys.update({e.mark: e.key for e in manifest.entries})
    expected = [e.key for e in manifest.entries] if manifest else list(dict.fromkeys(known_keys))
    items = [_item(element, keys) for element in body_elements(document.element.body)]
    letter = WordLetter(manifest, {}, expected, marked=any(i.key or i.frame for i in items))
    present = {i.key for i in items if i.key}
    recovered = _place_unmarked(letter, items, present)
    for item in items:
        owner = item.key or item.owner
        if owner:
            letter.blocks.setdefault(owner, FoundBlock(owner, recovered=owner in recovered)).items.append(item)
    return letter


def body_elements(container: etree._Element) -> Iterator[etree._Element]:
    """Yield the paragraphs and tables of a body in order, looking inside content controls."""
    for child in container:
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag == W_SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from body_elements(content)


def _item(element: etree._Element, keys: dict[str, str]) -> Item:
    """Return an element with the block (or frame) its first mark names."""
    for mark in element.iter(qn("w:bookmarkStart")):
        name = mark.get(qn("w:name"), "")
        if name.startswith(FRAME_PREFIX):
            return Item(element, frame=True)
        if name.startswith(BLOCK_PREFIX):
            stem, _, number = name.rpartition("_")
            if stem in keys:
                return Item(element, key=keys[stem], number=int(number) if number.isdigit() else 0)
    return Item(element)


def _place_unmarked(letter: WordLetter, items: list[Item], present: set[str]) -> set[str]:
    """Give each run of unmarked text an owner block; return the keys recovered by position."""
    recovered: set[str] = set()
    index = 0
    while index < len(items):
        if items[index].key or items[index].frame:
            index += 1
            continue
        end = index
        while end < len(items) and not (items[end].key or items[end].frame):
            end += 1
        recovered |= _place_run(letter, items, index, end, present | recovered)
        index = end
    return recovered


def _place_run(letter: WordLetter, items: list[Item], start: int, end: int, present: set[str]) -> set[str]:
    """Set the owner of the unmarked items[start:end]; return the key recovered, if any."""
    run = [i for i in items[start:end] if i.text.strip()]
    if not run:
        return set()
    before = next((items[i].key for i in range(start - 1, -1, -1) if items[i].key), None)
    after = next((items[i].key for i in range(end, len(items)) if items[i].key), None)
    gap = _gap(letter.expected, before, after, present)
    previous = items[start - 1] if start > 0 else None
    following = items[end] if end < len(items) else None
    owner = None
    if len(gap) == 1:
        owner = gap[0]
    elif gap:
        letter.lost += [k for k in gap if k not in letter.lost]
    elif previous is not None and previous.key and not (following is not None and following.number > 0):
        owner = previous.key
    elif following is not None and following.key:
        owner = following.key
    if owner is None:
        letter.loose += [i.text for i in run]
        return set()
    for item in run:
        item.owner = owner
    return {owner} if len(gap) == 1 else set()


def _gap(order: list[str], before: str | None, after: str | None, present: set[str]) -> list[str]:
    """Return the expected keys between two found blocks that the file no longer marks."""
    lo = order.index(before) + 1 if before in order else 0
    hi = order.index(after) if after in order else len(order)
    return [k for k in order[lo:hi] if k not in present]


def element_text(element: etree._Element) -> str:
    """Return the visible text of a paragraph or table: deleted (tracked) text left out."""
    out: list[str] = []
    for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), W_P):
        if _deleted(node):
            continue
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:tab"):
            out.append("\t")
        elif node.tag == W_P and node is not element:
            out.append(" ")
        elif node.tag != W_P:
            out.append("\n")
    return "".join(out)


def _deleted(node: etree._Element) -> bool:
    """Tell whether a node sits inside a tracked deletion."""
    return any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in node.iterancestors())
