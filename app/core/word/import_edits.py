"""Bring edits made in Word back into the case, as the officer's per-letter edits of the blocks affected.

A block whose text in Word differs from the text exported becomes an edit of that block (an
answer block changes the part's answer); a block deleted in Word becomes a removal; a block the
case had removed but Word still has is restored. Whatever cannot be placed (structure lost, text
outside any block, blocks the case no longer has) is reported, never dropped in silence.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

from docx.document import Document

from app.core.casefile.model import Case
from app.core.drafting import markup
from app.core.drafting.assemble import assemble
from app.core.drafting.letter import LetterBlock
from app.core.drafting.library import Library
from app.core.law.calendar import WorkingCalendar
from app.core.word.readback import FoundBlock, read_letter
from app.core.word.tags import ManifestEntry, digest, fingerprint, markdown_fingerprint
from app.core.word.to_markdown import elements_markdown, style_names


@dataclass
class ImportReport:
    """What an import changed in the case, and what it could not bring back."""

    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unmarked: bool = False

    @property
    def complete(self) -> bool:
        """Tell whether everything in the Word file found its place in the case."""
        return not (self.unmarked or self.lost or self.unknown or self.fixed or self.loose)

    @property
    def changes(self) -> int:
        """Return how many blocks the import changed."""
        return len(self.changed) + len(self.removed) + len(self.restored)

    def lines(self) -> list[str]:
        """Return the report as lines for people."""
        out = [f"edited in Word: {key}" for key in self.changed]
        out += [f"deleted in Word (now removed from the letter): {key}" for key in self.removed]
        out += [f"kept in Word (restored to the letter): {key}" for key in self.restored]
        out += [
            f"NOT IMPORTED: {key}: its hidden marks were lost and its text cannot be told apart; "
            "make this change in the app"
            for key in self.lost
        ]
        out += [f"NOT IMPORTED: {key}: the case's letter no longer has this block" for key in self.unknown]
        out += [
            f"NOT IMPORTED: {key}: this text comes from the case's own details; change it in the app"
            for key in self.fixed
        ]
        out += [f"NOT IMPORTED: text outside any block: “{text[:80]}”" for text in self.loose]
        return out + self.notes


def import_word_edits(
    case: Case,
    document: Document,
    library: Library,
    today: dt.date,
    calendar: WorkingCalendar | None = None,
) -> tuple[Case, ImportReport]:
    """Return a copy of the case carrying the Word file's edits, and the report of what changed."""
    updated = copy.deepcopy(case)
    letter = assemble(case, library, today, calendar)
    word = read_letter(document, [b.key for b in letter.blocks()])
    if not word.marked:
        note = (
            "NOT IMPORTED: the Word file has no block marks (exported for signature?), so no change can be "
            "placed; import from a file exported without --for-signature"
        )
        return updated, ImportReport(notes=[note], unmarked=True)
    report = ImportReport(loose=list(word.loose))
    entries = {e.key: e for e in word.manifest.entries} if word.manifest else {}
    styles = style_names(document)
    for block in letter.blocks():
        found = word.blocks.get(block.key)
        if block.key in word.lost:
            report.lost.append(block.key)
        elif found is None:
            _deleted(updated, block, block.key in entries or word.manifest is None, report)
        else:
            _edited(updated, block, elements_markdown([i.element for i in found.items], styles), found, entries, report)
    known = {b.key for b in letter.blocks()}
    report.unknown = [k for k in word.blocks if k not in known]
    return updated, report


def _deleted(case: Case, block: LetterBlock, exported: bool, report: ImportReport) -> None:
    """Record a block the Word file no longer has as removed (when it was exported at all)."""
    if not exported or block.removed or not block.text.strip():
        return
    if block.key not in case.edits.removed:
        case.edits.removed.append(block.key)
    report.removed.append(block.key)


def _edited(
    case: Case,
    block: LetterBlock,
    text: str,
    found: FoundBlock,
    entries: dict[str, ManifestEntry],
    report: ImportReport,
) -> None:
    """Record the Word text of a block as the case's edit when Word changed it."""
    entry = entries.get(block.key)
    now = digest(markdown_fingerprint(text))
    exported = entry.digest if entry else digest(markdown_fingerprint(block.text))
    if block.removed:
        case.edits.removed = [k for k in case.edits.removed if k != block.key]
        report.restored.append(block.key)
    if now == exported and not found.recovered:
        return
    if markup.parse(text) == markup.parse(block.text):
        return
    _set_text(case, block, text, report)
    if entry and entry.digest != digest(markdown_fingerprint(block.text)):
        report.notes.append(f"note: {block.key} was also changed in the case after export; the Word text now stands")
    if entry and entry.version and block.library_text and entry.version != digest(fingerprint(block.library_text)):
        report.notes.append(
            f"note: the library wording of {block.key} changed after export; your Word text overrides the new wording"
        )


def _set_text(case: Case, block: LetterBlock, text: str, report: ImportReport) -> None:
    """Store a block's new text: the part's answer for an answer block, else a per-letter edit."""
    if block.builtin:
        if block.part is not None and block.topic == "answer":
            case.parts[block.part - 1].answer = text
            report.changed.append(block.key)
        else:
            report.fixed.append(block.key)
        return
    report.changed.append(block.key)
    if fingerprint(text) == fingerprint(block.library_text) or markup.parse(text) == markup.parse(block.library_text):
        case.edits.texts.pop(block.key, None)
    else:
        case.edits.texts[block.key] = text


def carry_edits(target: Case, source: Case) -> Case:
    """Return a copy of target with source's letter edits and answers (the rest of target untouched)."""
    carried = copy.deepcopy(target)
    carried.edits = copy.deepcopy(source.edits)
    for part, new in zip(carried.parts, source.parts):
        part.answer = new.answer
    return carried
