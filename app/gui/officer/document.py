"""The open case as a Qt document: the Case, its file, its undo stack and the letter built from it."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.core.casefile import drafts as case_io
from app.core.casefile.authority import AuthorityProfile, find_profile, resolve_case
from app.core.casefile.model import AddedClause, Case, LetterEdits, Part
from app.core.casefile.questions import apply_questions
from app.core.casefile.writing import save_case
from app.gui.officer import undo as commands
from app.gui.officer.builder import BuildResult, LetterBuilder, Snapshot, build, snapshot_of

if TYPE_CHECKING:
    from app.core.checks.compliance import Finding
    from app.core.drafting.letter import Letter, LetterBlock
    from app.core.drafting.library import Library


class CaseDocument(QObject):
    """Owns the case being drafted; every edit goes through its QUndoStack.

    Widgets call the edit_* methods, which push undo commands; the commands call the set_*
    methods, which change the case and emit the signals below.

    Signals:
        case_replaced(): another case was loaded (new, open, restore); refresh everything.
        field_changed(str): a case field changed; the argument is its dotted path.
        part_changed(int, str): one field of one part changed (index, field name).
        parts_changed(): parts were added, removed, moved or replaced.
        edits_changed(str): the letter edits changed for a block or section key ("" = all).
        case_changed(): any change to the case (after the specific signal).
        path_changed(object): the file path changed (Path or None).
        modified_changed(bool): the case now differs (or no longer differs) from its file.
        letter_changed(object): a newly built Letter.
        findings_changed(list): the compliance findings of that letter.
        deadline_changed(object, object): the due date and working days left.
        build_finished(object): the whole BuildResult (emitted first, so the preview updates first).
        profiles_changed(): the authority profiles from Settings changed.
    """

    case_replaced = Signal()
    field_changed = Signal(str)
    part_changed = Signal(int, str)
    parts_changed = Signal()
    edits_changed = Signal(str)
    case_changed = Signal()
    path_changed = Signal(object)
    modified_changed = Signal(bool)
    letter_changed = Signal(object)
    findings_changed = Signal(list)
    deadline_changed = Signal(object, object)
    build_finished = Signal(object)
    profiles_changed = Signal()

    def __init__(
        self,
        library_folders: Sequence[Path],
        today: Callable[[], dt.date],
        case: Case | None = None,
        delay_ms: int = 300,
        parent: QObject | None = None,
        library: Library | None = None,
        profiles: Sequence[AuthorityProfile] = (),
    ):
        super().__init__(parent)
        self.profiles = tuple(profiles)
        self.library_folders = tuple(Path(f) for f in library_folders)
        self.library = library
        self.today = today
        self.case = case or Case()
        self.path: Path | None = None
        self.letter: Letter | None = None
        self.findings: list[Finding] = []
        self.due: dt.date | None = None
        self.days_left: int | None = None
        self.generation = 0
        self.typing_session = 0
        self._first_generation = 0
        self._layers_generation = 0
        self._forced_modified = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self.builder = LetterBuilder(self.snapshot, lambda: self.generation, delay_ms, self)
        self.builder.built.connect(self._on_builder_built)

    # ------------------------------------------------------------ whole document

    def replace(self, case: Case, path: Path | None = None, modified: bool = False) -> None:
        """Load another case: clear the undo history and rebuild the letter at once."""
        was_modified = self.is_modified()
        self.case = case
        self.path = Path(path) if path else None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._forced_modified = modified
        self.generation += 1
        self._first_generation = self.generation
        self.letter, self.findings = None, []
        self.case_replaced.emit()
        self.path_changed.emit(self.path)
        if was_modified != self.is_modified():
            self.modified_changed.emit(self.is_modified())
        self.builder.build_soon()

    def is_modified(self) -> bool:
        """Tell whether the case differs from its file (or was never saved after a restore)."""
        return self._forced_modified or not self.undo_stack.isClean()

    def save(self, path: Path | str) -> None:
        """Write the case file atomically, with the clause versions its letter uses; OSError on failure."""
        from app.core.workbench.pins import record_pins

        built = self.build_now()
        record_pins(self.case, built.letter, built.library)
        save_case(self.case, path)
        self.path = Path(path)
        self._forced_modified = False
        self.undo_stack.setClean()
        self.path_changed.emit(self.path)
        self.modified_changed.emit(self.is_modified())

    def set_library_folders(self, folders: Sequence[Path]) -> None:
        """Use other clause library folders (settings changed): reload the library and rebuild."""
        self.library_folders = tuple(Path(f) for f in folders)
        self.library = None
        self.generation += 1
        self._layers_generation = self.generation
        self.builder.build_now()

    def set_profiles(self, profiles: Sequence[AuthorityProfile]) -> None:
        """Use changed authority profiles (Settings saved): the case keeps its own overrides; rebuild."""
        self.profiles = tuple(profiles)
        self.generation += 1
        self.profiles_changed.emit()
        self.builder.build_now()

    def profile(self) -> AuthorityProfile | None:
        """Return the authority profile the case names, if Settings have it."""
        return find_profile(self.profiles, self.case.authority.profile)

    def resolved_case(self) -> Case:
        """Return the case as the letter uses it: the profile's details under the case's own."""
        return resolve_case(self.case, self.profiles).case

    def prepare_builder(self) -> None:
        """Have the builder's worker load what builds need now (the app calls this once its window is shown)."""
        if self.library is None:
            self.builder.warm_up(self.library_folders)

    def snapshot(self) -> Snapshot:
        """Return a private copy of what a build needs."""
        return snapshot_of(self.case, self.library, self.library_folders, self.today(), self.generation, self.profiles)

    def build_now(self) -> BuildResult:
        """Build the letter synchronously from the case as it stands (for export)."""
        return build(self.snapshot())

    def close(self) -> None:
        """Stop background work; call before the document goes away."""
        self.builder.shutdown()

    def end_typing(self) -> None:
        """Start a new typing session, so the next keystrokes are a separate undo step."""
        self.typing_session += 1

    # ------------------------------------------------------------ reading

    def value(self, path: str) -> Any:
        """Return a case field by dotted path."""
        target: Any = self.case
        for name in path.split("."):
            target = getattr(target, name)
        return target

    def block(self, key: str) -> LetterBlock | None:
        """Return a block of the last built letter."""
        return self.letter.block(key) if self.letter else None

    def block_text(self, key: str) -> str:
        """Return the wording of a block as this letter has it now (edits applied at once)."""
        block = self.block(key)
        if block is not None and block.builtin and block.part:
            return self.case.parts[block.part - 1].answer if block.part <= len(self.case.parts) else ""
        if key in self.case.edits.texts:
            return self.case.edits.texts[key]
        return block.library_text if block is not None else ""

    def is_block_edited(self, key: str) -> bool:
        """Tell whether the officer changed this block's wording for this letter."""
        block = self.block(key)
        if key not in self.case.edits.texts or block is None:
            return False
        return self.case.edits.texts[key].strip() != block.library_text.strip()

    # ------------------------------------------------------------ edits (push undo commands)

    def edit_field(self, path: str, value: Any, typing: bool = False) -> None:
        """Change a case field through the undo stack."""
        old = self.value(path)
        if old != value:
            self.undo_stack.push(commands.FieldCommand(self, path, copy.deepcopy(old), value, typing))

    def edit_part_field(self, index: int, name: str, value: Any, typing: bool = False) -> None:
        """Change one field of one part through the undo stack."""
        old = getattr(self.case.parts[index], name)
        if old != value:
            self.undo_stack.push(commands.PartFieldCommand(self, index, name, old, value, typing))

    def add_part(self, index: int | None = None) -> int:
        """Insert an empty part (at the end by default); return its index."""
        index = len(self.case.parts) if index is None else index
        parts = [*self.case.parts[:index], Part(), *self.case.parts[index:]]
        numbers = {n: (n if n <= index else n + 1) for n in range(1, len(self.case.parts) + 1)}
        edits = case_io.renumber_edits(self.case.edits, numbers)
        self._push_parts(parts, edits, "Add part")
        return index

    def remove_part(self, index: int) -> bool:
        """Remove a part (never the last one); return whether it was removed."""
        if len(self.case.parts) <= 1 or not 0 <= index < len(self.case.parts):
            return False
        self._push_parts(*case_io.without_part(self.case.parts, self.case.edits, index), f"Remove part {index + 1}")
        return True

    def move_part(self, index: int, target: int) -> bool:
        """Move a part to another position; return whether it moved."""
        if index == target or not (0 <= index < len(self.case.parts) and 0 <= target < len(self.case.parts)):
            return False
        self._push_parts(
            *case_io.with_part_moved(self.case.parts, self.case.edits, index, target), f"Move part {index + 1}"
        )
        return True

    def set_questions(self, questions: list[str]) -> None:
        """Make the parts carry these questions (from 'split into questions')."""
        parts, numbers = apply_questions(self.case.parts, questions)
        self._push_parts(parts, case_io.renumber_edits(self.case.edits, numbers), "Split into questions")

    def apply_word_edits(self, parts: list[Part], edits: LetterEdits) -> None:
        """Take the answers and letter edits brought back from a Word file, as one undo step."""
        self._push_parts(parts, edits, "Import Word edits")

    def _push_parts(self, parts: list[Part], edits: LetterEdits, text: str) -> None:
        old = (self.case.parts, self.case.edits)
        self.undo_stack.push(commands.PartsCommand(self, old, (parts, edits), text))

    def edit_block_text(self, key: str, text: str, typing: bool = False) -> None:
        """Change this letter's wording of a block (the officer's answer for answer blocks)."""
        block = self.block(key)
        if block is not None and block.builtin and block.part:
            self.edit_part_field(block.part - 1, "answer", text, typing)
            return
        old = self.case.edits.texts.get(key)
        if old != text and not (old is None and block is not None and text == block.library_text):
            self.undo_stack.push(commands.BlockTextCommand(self, key, old, text, typing))

    def reset_block(self, key: str) -> bool:
        """Go back to the library wording of a block; return whether anything changed."""
        if key not in self.case.edits.texts:
            return False
        self.undo_stack.push(commands.BlockTextCommand(self, key, self.case.edits.texts[key], None))
        return True

    def remove_block(self, key: str) -> bool:
        """Take a block out of this letter (an added clause is dropped altogether)."""
        block = self.block(key)
        if block is not None and block.added:
            kept = [a for a in self.case.edits.added if f"{a.section}/+{a.clause}" != key]
            self.undo_stack.push(commands.AddedClausesCommand(self, self.case.edits.added, kept, "Remove clause"))
            return True
        if key in self.case.edits.removed:
            return False
        self.undo_stack.push(commands.BlockRemovedCommand(self, key, True))
        return True

    def restore_block(self, key: str) -> bool:
        """Put a removed block back."""
        if key not in self.case.edits.removed:
            return False
        self.undo_stack.push(commands.BlockRemovedCommand(self, key, False))
        return True

    def move_block(self, key: str, delta: int) -> bool:
        """Move a block up (-1) or down (+1) within its section; return whether it moved."""
        block = self.block(key)
        section = self.letter.section(block.section) if block and self.letter else None
        if section is None:
            return False
        keys = [b.key for b in section.blocks]
        index = keys.index(key)
        target = index + delta
        if not 0 <= target < len(keys):
            return False
        keys.insert(target, keys.pop(index))
        self.undo_stack.push(commands.OrderCommand(self, section.key, self.case.edits.order.get(section.key), keys))
        return True

    def add_clause(self, clause_id: str, section: str) -> bool:
        """Add a library clause to a section of this letter; False when it is already there."""
        if any(a.clause == clause_id and a.section == section for a in self.case.edits.added):
            return False
        new = [*self.case.edits.added, AddedClause(clause_id, section)]
        self.undo_stack.push(commands.AddedClausesCommand(self, self.case.edits.added, new, "Add clause"))
        return True

    # ------------------------------------------------------------ setters (called by commands)

    def set_field(self, path: str, value: Any) -> None:
        """Set a case field by dotted path."""
        *parents, name = path.split(".")
        target: Any = self.case
        for parent in parents:
            target = getattr(target, parent)
        setattr(target, name, value)
        self.field_changed.emit(path)
        self._changed()

    def set_part_field(self, index: int, name: str, value: Any) -> None:
        """Set one field of one part."""
        setattr(self.case.parts[index], name, value)
        self.part_changed.emit(index, name)
        self._changed()

    def set_parts(self, parts: list[Part], edits: LetterEdits) -> None:
        """Replace the parts and the letter edits together."""
        self.case.parts = parts
        self.case.edits = edits
        self.parts_changed.emit()
        self.edits_changed.emit("")
        self._changed()

    def set_block_text(self, key: str, text: str | None) -> None:
        """Set (or, with None, drop) this letter's wording of a block."""
        if text is None:
            self.case.edits.texts.pop(key, None)
        else:
            self.case.edits.texts[key] = text
        self.edits_changed.emit(key)
        self._changed()

    def set_block_removed(self, key: str, removed: bool) -> None:
        """Mark a block removed from, or restored to, this letter."""
        listed = self.case.edits.removed
        if removed and key not in listed:
            listed.append(key)
        elif not removed and key in listed:
            listed.remove(key)
        self.edits_changed.emit(key)
        self._changed()

    def set_section_order(self, section: str, keys: list[str] | None) -> None:
        """Set the order of a section's blocks (None = the skeleton's order)."""
        if keys is None:
            self.case.edits.order.pop(section, None)
        else:
            self.case.edits.order[section] = list(keys)
        self.edits_changed.emit(section)
        self._changed()

    def set_added(self, added: list[AddedClause]) -> None:
        """Set the clauses the officer added to this letter."""
        self.case.edits.added = added
        self.edits_changed.emit("")
        self._changed()

    # ------------------------------------------------------------ internals

    def _changed(self) -> None:
        self.generation += 1
        self.case_changed.emit()
        self.builder.schedule()

    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self.modified_changed.emit(self.is_modified())

    def _on_builder_built(self, result: BuildResult) -> None:
        if result.generation < self._first_generation:
            return
        if self.library is None and result.library is not None and result.generation >= self._layers_generation:
            self.library = result.library
        if result.letter is not None:
            self.letter = result.letter
        self.findings = result.findings
        self.due, self.days_left = result.due, result.days_left
        self.build_finished.emit(result)
        if result.letter is not None:
            self.letter_changed.emit(result.letter)
        self.findings_changed.emit(result.findings)
        self.deadline_changed.emit(result.due, result.days_left)
