"""The assembled letter as sections and clauses: edit for this letter, reset, reorder, remove, add."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.widgets.editors import TypingWatcher, set_text_keeping_cursor, text_editor

if TYPE_CHECKING:
    from app.core.drafting.letter import Letter, LetterBlock
    from app.gui.officer.clause_picker import ClausePickerDialog

KEY_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def section_label(section) -> str:
    """Return how a letter section is named in lists."""
    if section.heading:
        return section.heading
    return {"opening": "Opening", "closing": "Closing and sign-off"}.get(section.key, section.key.title())


def reflow(text: str) -> str:
    """Join a note's hard-wrapped lines into paragraphs (blank lines stay paragraph breaks)."""
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


@lru_cache(maxsize=1024)
def excerpt(text: str, length: int = 90) -> str:
    """Return the first words of a Markdown text as plain text on one line."""
    from app.core.drafting import markup

    flat = " ".join(markup.plain_text(markup.parse(text)).split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


class LetterView(QWidget):
    """Shows the letter's sections and blocks; edits go through the document.

    Signals:
        block_selected(str): the officer selected a block in the tree (its key); not sent by select().
        picker_opened(object): the clause picker dialog was opened (for tests and the status bar).
    """

    block_selected = Signal(str)
    picker_opened = Signal(object)

    def __init__(self, document, spelling: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._updating = False
        self._quiet = False
        self._structure: list[tuple[str, list[str]]] = []
        self._watcher = TypingWatcher(document.end_typing, self)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_tree(splitter))
        splitter.addWidget(self._build_editor(splitter, spelling))
        splitter.setSizes([300, 300])
        self.splitter = splitter
        layout.addWidget(splitter)
        self._connect()
        self._show_current()

    # ------------------------------------------------------------ building

    def _build_tree(self, parent: QWidget) -> QTreeWidget:
        self.tree = QTreeWidget(parent)
        self.tree.setHeaderLabels(["Clause", "State", "Wording"])
        self.tree.setAccessibleName("Sections and clauses of the letter")
        self.tree.setToolTip("The letter as assembled: select a clause to edit it for this letter only")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the clause title matters most
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(2, 130)
        return self.tree

    def _build_editor(self, parent: QWidget, spelling: Any) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(box)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.guidance = QLabel(box)
        self.guidance.setWordWrap(True)
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance.setAccessibleName("Guidance note for the selected clause")
        self.guidance.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.editor = text_editor(
            box,
            "Clause wording for this letter",
            "Select a clause above to edit its wording for this letter only",
            spelling,
        )
        self.editor.setToolTip("Changes apply to this letter only; the library is not changed")
        layout.addWidget(self.title)
        layout.addWidget(self.guidance)
        layout.addWidget(self.editor, 1)
        layout.addLayout(self._build_buttons(box))
        return box

    def _build_buttons(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.reset_button = QPushButton("Reset wording", parent)
        self.up_button = QToolButton(parent)
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.down_button = QToolButton(parent)
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.remove_button = QPushButton("Remove", parent)
        self.add_button = QPushButton("Add clause…", parent)
        tips = {
            self.reset_button: "Go back to the library wording of this clause",
            self.up_button: "Move this clause up within its section",
            self.down_button: "Move this clause down within its section",
            self.remove_button: "Leave this clause out of the letter (or put it back)",
            self.add_button: "Add an optional clause from the library to the selected section",
        }
        for button, tip in tips.items():
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _connect(self) -> None:
        self.tree.currentItemChanged.connect(self._on_tree_current_changed)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self._watcher.watch(self.editor)
        self.reset_button.clicked.connect(self.reset_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button.clicked.connect(self.toggle_removed)
        self.add_button.clicked.connect(self.open_clause_picker)
        self.document.letter_changed.connect(self._on_document_letter_changed)
        self.document.edits_changed.connect(self._on_document_edits_changed)
        self.document.part_changed.connect(self._on_document_part_changed)
        self.document.case_replaced.connect(self._on_document_case_replaced)

    # ------------------------------------------------------------ public

    def current_key(self) -> str | None:
        """Return the key of the selected block, or None."""
        item = self.tree.currentItem()
        return item.data(0, KEY_ROLE) if item is not None and item.data(0, KIND_ROLE) == "block" else None

    def current_section(self) -> str | None:
        """Return the key of the selected section (or of the selected block's section)."""
        item = self.tree.currentItem()
        if item is None:
            return None
        if item.data(0, KIND_ROLE) == "section":
            return item.data(0, KEY_ROLE)
        return item.parent().data(0, KEY_ROLE) if item.parent() else None

    def select(self, key: str | None) -> bool:
        """Select a block or section by key (without emitting block_selected); return whether it was found."""
        for item in self._items():
            if item.data(0, KEY_ROLE) == key:
                self._quiet = True
                try:
                    self.tree.setCurrentItem(item)
                finally:
                    self._quiet = False
                self.tree.scrollToItem(item)
                return True
        return False

    def reset_current(self) -> bool:
        """Return the selected block to its library wording."""
        key = self.current_key()
        return bool(key) and self.document.reset_block(key)

    def move_current(self, delta: int) -> bool:
        """Move the selected block up or down in its section."""
        key = self.current_key()
        return bool(key) and self.document.move_block(key, delta)

    def toggle_removed(self) -> bool:
        """Remove the selected block from the letter, or restore it."""
        key = self.current_key()
        if not key:
            return False
        if key in self.document.case.edits.removed:
            return self.document.restore_block(key)
        return self.document.remove_block(key)

    def open_clause_picker(self) -> ClausePickerDialog:
        """Open the clause picker for the selected section (non-blocking); adds the clause on accept."""
        from app.gui.officer.clause_picker import ClausePickerDialog

        dialog = ClausePickerDialog(self.document, self.current_section(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_picker_accepted(dialog))
        dialog.open()
        self.picker_opened.emit(dialog)
        return dialog

    # ------------------------------------------------------------ tree

    def _items(self):
        for index in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(index)
            yield section
            for child in range(section.childCount()):
                yield section.child(child)

    def _rebuild(self, letter: Letter) -> None:
        """Rebuild the tree when sections or blocks changed, keeping the selection."""
        header = self.tree.header()
        # A ResizeToContents column re-measures every row at each item change, which makes filling
        # the tree quadratic in its length: measure it once, after all the changes.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        try:
            self._rebuild_items(letter)
        finally:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def _rebuild_items(self, letter: Letter) -> None:
        """Fill the tree from the letter (see _rebuild)."""
        structure = [(s.key, [b.key for b in s.blocks]) for s in letter.sections]
        if structure == self._structure:
            self._refresh_items(letter)
            return
        selected = self.current_key() or self.current_section()
        self._structure = structure
        self._updating = True
        try:
            self.tree.clear()
            for section in letter.sections:
                top = QTreeWidgetItem(self.tree, [section_label(section), "", ""])
                top.setData(0, KEY_ROLE, section.key)
                top.setData(0, KIND_ROLE, "section")
                top.setFirstColumnSpanned(False)
                font = QFont(top.font(0))
                font.setBold(True)
                top.setFont(0, font)
                for block in section.blocks:
                    child = QTreeWidgetItem(top)
                    child.setData(0, KEY_ROLE, block.key)
                    child.setData(0, KIND_ROLE, "block")
                top.setExpanded(True)
        finally:
            self._updating = False
        self._refresh_items(letter)
        if not (selected and self.select(selected)) and not self._select_first_answer(letter):
            self._show_current()

    def _select_first_answer(self, letter: Letter) -> bool:
        """Select the officer's first answer (or the first block), so the editor is never empty at first."""
        blocks = list(letter.blocks())
        first = next((b for b in blocks if b.builtin), blocks[0] if blocks else None)
        return first is not None and self.select(first.key)

    def _refresh_items(self, letter: Letter) -> None:
        for item in self._items():
            if item.data(0, KIND_ROLE) != "block":
                continue
            block = letter.block(item.data(0, KEY_ROLE))
            if block is not None:
                self._show_item(item, block)
        self._show_buttons()

    def _show_item(self, item: QTreeWidgetItem, block: LetterBlock) -> None:
        state = self._state(block)
        text = self.document.block_text(block.key)
        item.setText(0, block.title or block.topic.replace("-", " ").capitalize())
        item.setText(1, state)
        item.setText(2, excerpt(text) if text.strip() else "(empty)")
        item.setToolTip(0, f"{block.title}\n{block.clause_id or 'your own text'}")
        item.setToolTip(2, text[:600])
        font = QFont(item.font(0))
        font.setItalic(state == "removed")
        font.setStrikeOut(state == "removed")
        for column in range(3):
            item.setFont(column, font)

    def _state(self, block: LetterBlock) -> str:
        key = block.key
        if key in self.document.case.edits.removed:
            return "removed"
        if block.error:
            return "error"
        if block.builtin:
            return "your answer"
        if self.document.is_block_edited(key):
            return "edited"
        return "added" if block.added else "library"

    # ------------------------------------------------------------ editor

    def _show_current(self) -> None:
        key = self.current_key()
        block = self.document.block(key) if key else None
        self._updating = True
        try:
            if block is None:
                self.title.setText("Select a clause to see and edit its wording for this letter.")
                self.guidance.clear()
                self.editor.setPlainText("")
                self.editor.setReadOnly(True)
            else:
                self.title.setText(f"{block.title or 'Your answer'} — {self._state(block)}")
                self.guidance.setText(self._guidance(block))
                set_text_keeping_cursor(self.editor, self.document.block_text(key))
                self.editor.setReadOnly(key in self.document.case.edits.removed)
        finally:
            self._updating = False
        self._show_buttons()

    def _guidance(self, block: LetterBlock) -> str:
        if block.error:
            return f"This clause could not be rendered: {block.error}"
        if block.builtin:
            return "Your own answer to this question; it is also edited in the Parts tab."
        clause = self.document.library.get(block.clause_id) if self.document.library else None
        note = reflow(clause.guidance) if clause and clause.guidance else ""
        source = f"Library clause {block.clause_id}."
        return f"{note}\n{source}" if note else source

    def _show_buttons(self) -> None:
        key = self.current_key()
        block = self.document.block(key) if key else None
        section = self.document.letter.section(block.section) if block and self.document.letter else None
        keys = [b.key for b in section.blocks] if section else []
        removed = bool(key) and key in self.document.case.edits.removed
        self.reset_button.setEnabled(bool(key) and key in self.document.case.edits.texts)
        self.up_button.setEnabled(bool(keys) and keys.index(key) > 0)
        self.down_button.setEnabled(bool(keys) and keys.index(key) < len(keys) - 1)
        self.remove_button.setEnabled(block is not None)
        self.remove_button.setText("Restore" if removed else "Remove")
        self.add_button.setEnabled(self.document.letter is not None)

    # ------------------------------------------------------------ slots

    def _on_tree_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if self._updating:
            return
        self.document.end_typing()
        self._show_current()
        key = self.current_key()
        if key and not self._quiet:
            self.block_selected.emit(key)

    def _on_editor_text_changed(self) -> None:
        key = self.current_key()
        if self._updating or not key or self.editor.isReadOnly():
            return
        self.document.edit_block_text(key, self.editor.toPlainText(), typing=True)

    def _on_document_letter_changed(self, letter: Letter) -> None:
        self._rebuild(letter)
        key = self.current_key()
        if key and not self.editor.hasFocus():
            self._show_current()

    def _on_document_edits_changed(self, key: str) -> None:
        if self.document.letter is not None:
            self._refresh_items(self.document.letter)
        current = self.current_key()
        if current and (key in ("", current) or current.startswith(key + "/")):
            self._show_current()

    def _on_document_part_changed(self, _index: int, name: str) -> None:
        if name == "answer" and self.current_key():
            block = self.document.block(self.current_key())
            if block is not None and block.builtin:
                self._show_current()

    def _on_document_case_replaced(self) -> None:
        self._structure = []
        self._updating = True
        try:
            self.tree.clear()
        finally:
            self._updating = False
        self._show_current()

    def _on_picker_accepted(self, dialog: ClausePickerDialog) -> None:
        choice = dialog.choice()
        if choice:
            self.document.add_clause(*choice)
