"""Check the Word letter as it is now: every statutory element still there, and nothing that must not go out.

The case says what the statute requires (app.core.checks.requirements); the Word file says which
blocks are still there and what they now say. Each block of the assembled letter takes its text
from the Word file, or counts as removed when the file no longer has it, and the ordinary
compliance check then runs on that letter, so findings cite their subsections exactly as `check`
does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docx.document import Document

from app.core.casefile.model import Case
from app.core.checks.compliance import ERROR, INFO, WARNING, Finding, check
from app.core.drafting import markup
from app.core.drafting.assemble import assemble
from app.core.drafting.letter import Letter, LetterBlock, LetterSection
from app.core.drafting.library import Library
from app.core.law.calendar import WorkingCalendar
from app.core.word.hygiene import CITATION, hygiene_findings
from app.core.word.readback import WordLetter, body_elements, element_text, read_letter
from app.core.word.tags import ManifestEntry, fingerprint, markdown_fingerprint
from app.core.word.to_markdown import elements_markdown, style_names


@dataclass
class Verification:
    """The letter as the Word file has it, and the findings about it."""

    letter: Letter
    word: WordLetter
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        """Tell whether nothing required is missing."""
        return not any(f.severity == ERROR for f in self.findings)


def verify_document(
    case: Case,
    document: Document,
    library: Library,
    today: dt.date,
    calendar: WorkingCalendar | None = None,
) -> Verification:
    """Return the findings for a Word letter of this case, as the file is now."""
    letter = assemble(case, library, today, calendar)
    word = read_letter(document, [b.key for b in letter.blocks()])
    notes = _structure_notes(case, word)
    if word.marked:
        notes += apply_word_text(letter, word, document)
    else:
        notes += _match_by_text(letter, document)
    findings = check(case, letter, today, calendar, library=library) + notes + hygiene_findings(document)
    findings.sort(key=lambda f: (f.severity != ERROR, f.severity != WARNING, f.part or 0))
    return Verification(letter, word, findings)


def apply_word_text(letter: Letter, word: WordLetter, document: Document) -> list[Finding]:
    """Give each block the text the Word file has for it (removed when absent); return notes on emptied parts."""
    styles = style_names(document)
    notes: list[Finding] = []
    for block in letter.blocks():
        found = word.blocks.get(block.key)
        if found is None:
            block.removed = True
            continue
        expected = block.text
        block.text = elements_markdown([item.element for item in found.items], styles)
        block.removed = False
        emptied = emptied_labels(expected, block.text)
        if emptied:
            block.error = f"emptied in Word: {', '.join(emptied)}"
            notes.append(
                Finding(
                    "word-emptied",
                    WARNING,
                    CITATION,
                    f"the text under “{emptied[0]}” was deleted in Word, so this paragraph no longer gives what it "
                    "is there for",
                    part=block.part,
                    block_key=block.key,
                )
            )
    _add_unknown_blocks(letter, word)
    return notes


def _add_unknown_blocks(letter: Letter, word: WordLetter) -> None:
    """Count blocks the file has but the case no longer assembles (an older export) by their manifest."""
    known = {b.key for b in letter.blocks()}
    entries: dict[str, ManifestEntry] = {e.key: e for e in word.manifest.entries} if word.manifest else {}
    extra = [entries[k] for k in word.blocks if k not in known and k in entries]
    if not extra:
        return
    section = LetterSection(key="word-only", heading="")
    for entry in extra:
        text = " ".join(item.text for item in word.blocks[entry.key].items)
        section.blocks.append(
            LetterBlock(
                key=entry.key,
                section=entry.key.split("/")[0],
                topic="",
                text=text,
                clause_id=entry.clause,
                provides=entry.provides,
                part=entry.part,
                exemption=entry.exemption,
            )
        )
    letter.sections.append(section)


def emptied_labels(expected: str, actual: str) -> list[str]:
    """Return the labels (bold or italic lines such as “Balance”) whose text was deleted."""
    wanted = _labels_with_content(markup.parse(expected))
    blocks = markup.parse(actual)
    emptied = []
    for index, block in enumerate(blocks):
        label = _label(block)
        if label is None or label not in wanted:
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or _label(following) is not None:
            emptied.append(label)
    if wanted and blocks and not any(_label(b) is None for b in blocks):
        emptied += [w for w in wanted if w not in emptied]
    return emptied


def _labels_with_content(blocks: list[markup.Block]) -> list[str]:
    """Return the labels followed by content."""
    out = []
    for index, block in enumerate(blocks[:-1]):
        label = _label(block)
        if label is not None and _label(blocks[index + 1]) is None:
            out.append(label)
    return out


def _label(block: markup.Block) -> str | None:
    """Return the text of a label paragraph (a heading, or wholly bold or italic), else None."""
    if isinstance(block, markup.Heading):
        return fingerprint(markup.runs_text(block.runs))
    if not isinstance(block, markup.Paragraph):
        return None
    runs = [r for r in block.runs if r.text.strip()]
    if runs and (all(r.bold for r in runs) or all(r.italic for r in runs)) and len(markup.runs_text(runs)) < 120:
        return fingerprint(markup.runs_text(block.runs))
    return None


def _match_by_text(letter: Letter, document: Document) -> list[Finding]:
    """Without block marks, count a block as present when its whole text is in the file."""
    body = fingerprint(" ".join(element_text(e) for e in body_elements(document.element.body)))
    for block in letter.blocks():
        if not block.removed and block.text.strip():
            block.removed = markdown_fingerprint(block.text) not in body
    return [
        Finding(
            "word-unmarked",
            WARNING,
            CITATION,
            "the Word file has no block marks (exported for signature, or saved by a program that dropped "
            "them): paragraphs were matched by their exact text, so any reworded paragraph counts as missing",
        )
    ]


def _structure_notes(case: Case, word: WordLetter) -> list[Finding]:
    """Report blocks recovered by position or lost, new text no block took, and a manifest for another case."""
    notes = []
    if word.manifest and case.reference and word.manifest.reference not in ("", case.reference):
        notes.append(
            Finding(
                "word-other-case",
                WARNING,
                CITATION,
                f"the Word file was exported for case {word.manifest.reference}, not {case.reference}",
            )
        )
    for key, found in word.blocks.items():
        if found.recovered:
            notes.append(
                Finding("word-recovered", INFO, CITATION, f"{key}: its hidden marks were lost; recognised by position")
            )
    for key in word.lost:
        notes.append(
            Finding(
                "word-structure-lost",
                WARNING,
                CITATION,
                f"{key}: its hidden marks were lost and the text where it stood cannot be told apart from its "
                "neighbours'; it is counted as missing",
                block_key=key,
            )
        )
    for text in word.loose:
        notes.append(Finding("word-loose-text", INFO, CITATION, f"text outside any block: “{text[:80]}”"))
    return notes
