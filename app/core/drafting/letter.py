"""The assembled letter: sections of blocks, each from a clause, the officer's answer or an edit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from app.core.problems import Problem


@dataclass
class LetterBlock:
    """One paragraph group of the letter, with what it contributes in law."""

    key: str
    section: str
    topic: str
    text: str
    library_text: str = ""
    clause_id: str = ""
    title: str = ""
    provides: tuple[str, ...] = ()
    part: int | None = None
    exemption: str = ""
    edited: bool = False
    removed: bool = False
    builtin: bool = False
    added: bool = False
    error: str = ""
    covers: tuple[int, ...] = ()  # the question numbers this block speaks for; () for the whole letter
    style: str = ""  # "quote" for the requester's own words

    def covers_part(self, number: int) -> bool:
        """Tell whether this block speaks for a question (a letter-wide block speaks for all)."""
        if self.covers:
            return number in self.covers
        return self.part in (None, number)

    @property
    def effective_provides(self) -> tuple[str, ...]:
        """Return the statutory elements this block supplies as the letter now stands."""
        if self.removed or self.error or not self.text.strip():
            return ()
        return self.provides


@dataclass
class LetterSection:
    """A headed section of the letter (once, or once per part)."""

    key: str
    heading: str
    blocks: list[LetterBlock] = field(default_factory=list)
    part: int | None = None
    ground: str = ""

    def visible_blocks(self) -> list[LetterBlock]:
        """Return the blocks that appear in the letter (not removed, not empty)."""
        return [b for b in self.blocks if not b.removed and b.text.strip()]


@dataclass
class Letter:
    """A whole letter ready to preview, check or export."""

    title: str
    sections: list[LetterSection] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def blocks(self) -> Iterator[LetterBlock]:
        """Yield every block, including removed ones."""
        for section in self.sections:
            yield from section.blocks

    def block(self, key: str) -> LetterBlock | None:
        """Return the block with a key, or None."""
        return next((b for b in self.blocks() if b.key == key), None)

    def find(self, topic: str, part: int | None = None, exemption: str = "") -> LetterBlock | None:
        """Return the first block of a topic that speaks for a question (and an exemption), or None."""
        for block in self.blocks():
            if block.topic != topic or (exemption and block.exemption != exemption):
                continue
            if part is None or block.covers_part(part):
                return block
        return None

    def section(self, key: str) -> LetterSection | None:
        """Return the section with a key, or None."""
        return next((s for s in self.sections if s.key == key), None)

    def markdown(self) -> str:
        """Return the visible letter body as Markdown, headed by section."""
        out: list[str] = []
        for section in self.sections:
            visible = section.visible_blocks()
            if not visible:
                continue
            if section.heading:
                out.append(f"## {section.heading}")
            out.extend(block.text.strip() for block in visible)
        return "\n\n".join(out) + "\n"
