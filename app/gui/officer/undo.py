"""Undo commands: each stores the old and new value and calls one CaseDocument method.

Typing is merged: consecutive text commands on the same field within one typing session
(the document starts a new session when an editor loses focus) become one undo step.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from app.core.casefile.model import AddedClause, LetterEdits, Part

FIELD_ID, PART_FIELD_ID, BLOCK_TEXT_ID = 1, 2, 3


class _MergingCommand(QUndoCommand):
    """A command that absorbs the next command of the same kind on the same target while typing."""

    merge_id = -1

    def __init__(self, document: Any, target: tuple, old: Any, new: Any, text: str, merge: bool):
        super().__init__(text)
        self.document = document
        self.target = target
        self.old = old
        self.new = new
        self.session = document.typing_session if merge else None

    def id(self) -> int:
        return self.merge_id if self.session is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, type(self)) or other.target != self.target:
            return False
        if self.session is None or other.session != self.session:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True


class FieldCommand(_MergingCommand):
    """Change one case field, addressed by its dotted path ("reference", "requester.name")."""

    merge_id = FIELD_ID

    def __init__(self, document: Any, path: str, old: Any, new: Any, merge: bool = False):
        super().__init__(document, (path,), old, new, f"Change {path.replace('.', ' ').replace('_', ' ')}", merge)

    def redo(self) -> None:
        self.document.set_field(self.target[0], self.new)

    def undo(self) -> None:
        self.document.set_field(self.target[0], self.old)


class PartFieldCommand(_MergingCommand):
    """Change one field of one part (question, outcome, exemptions, answer, cost_hours)."""

    merge_id = PART_FIELD_ID

    def __init__(self, document: Any, index: int, name: str, old: Any, new: Any, merge: bool = False):
        label = name.replace("_", " ")
        super().__init__(
            document, (index, name), copy.deepcopy(old), copy.deepcopy(new), f"Change part {index + 1} {label}", merge
        )

    def redo(self) -> None:
        self.document.set_part_field(self.target[0], self.target[1], copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.set_part_field(self.target[0], self.target[1], copy.deepcopy(self.old))


class BlockTextCommand(_MergingCommand):
    """Change this letter's wording of one block; None restores the library wording."""

    merge_id = BLOCK_TEXT_ID

    def __init__(self, document: Any, key: str, old: str | None, new: str | None, merge: bool = False):
        text = "Reset clause to library wording" if new is None else "Edit clause text"
        super().__init__(document, (key,), old, new, text, merge and new is not None)

    def redo(self) -> None:
        self.document.set_block_text(self.target[0], self.new)

    def undo(self) -> None:
        self.document.set_block_text(self.target[0], self.old)


class PartsCommand(QUndoCommand):
    """Replace the list of parts together with the letter edits that refer to part numbers."""

    def __init__(
        self, document: Any, old: tuple[list[Part], LetterEdits], new: tuple[list[Part], LetterEdits], text: str
    ):
        super().__init__(text)
        self.document = document
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.document.set_parts(*copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.set_parts(*copy.deepcopy(self.old))


class BlockRemovedCommand(QUndoCommand):
    """Remove a block from this letter, or put it back."""

    def __init__(self, document: Any, key: str, removed: bool):
        super().__init__("Remove clause" if removed else "Restore clause")
        self.document = document
        self.key = key
        self.removed = removed

    def redo(self) -> None:
        self.document.set_block_removed(self.key, self.removed)

    def undo(self) -> None:
        self.document.set_block_removed(self.key, not self.removed)


class OrderCommand(QUndoCommand):
    """Change the order of the blocks in one section (None = the skeleton's order)."""

    def __init__(self, document: Any, section: str, old: list[str] | None, new: list[str] | None):
        super().__init__("Move clause")
        self.document = document
        self.section = section
        self.old = list(old) if old is not None else None
        self.new = list(new) if new is not None else None

    def redo(self) -> None:
        self.document.set_section_order(self.section, self.new)

    def undo(self) -> None:
        self.document.set_section_order(self.section, self.old)


class AddedClausesCommand(QUndoCommand):
    """Change the list of optional clauses the officer added to this letter."""

    def __init__(self, document: Any, old: list[AddedClause], new: list[AddedClause], text: str):
        super().__init__(text)
        self.document = document
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.document.set_added(copy.deepcopy(self.new))

    def undo(self) -> None:
        self.document.set_added(copy.deepcopy(self.old))
