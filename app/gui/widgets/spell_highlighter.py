"""Spellchecking in Qt text editors: wavy underlines and a suggestions context menu."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QWidget

from app.core.spelling.checker import SpellingService, blank_open_placeholders, python_index, utf16_index, utf16_len

UNKNOWN_COLOUR = QColor(204, 0, 0)
AMERICAN_COLOUR = QColor(26, 115, 232)
# Block states: -1 (Qt's default) is "not inside a Jinja tag"; otherwise an index here.
_CLOSERS = ("}}", "%}", "#}")

TextEditor = QPlainTextEdit | QTextEdit


def unknown_format() -> QTextCharFormat:
    """Return the underline laid over words the checker does not know: red, wavy."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(UNKNOWN_COLOUR)
    return fmt


def american_format() -> QTextCharFormat:
    """Return the softer hint laid over American spellings: a blue dotted underline."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(AMERICAN_COLOUR)
    return fmt


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines unknown words in a document without touching its other formatting.

    Only check() is called while highlighting; suggestions wait for the context menu.
    Subclasses may colour text first in highlight_other(); the underline is merged on top.
    """

    def __init__(self, document: QTextDocument, service: SpellingService) -> None:
        super().__init__(document)
        self._service = service
        self._enabled = True
        self._unknown = unknown_format()
        self._american = american_format()
        service.add_listener(self._dictionary_changed)

    @property
    def service(self) -> SpellingService:
        """Return the spelling service this highlighter asks."""
        return self._service

    def set_enabled(self, enabled: bool) -> None:
        """Turn underlining on or off and redraw."""
        if enabled != self._enabled:
            self._enabled = enabled
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        """Underline the unknown words of one block (paragraph)."""
        self.highlight_other(text)
        visible, awaited = blank_open_placeholders(text, _closer_for_state(self.previousBlockState()))
        self.setCurrentBlockState(_CLOSERS.index(awaited) if awaited else -1)
        if not self._enabled:
            return
        for issue in self._service.misspellings(visible):  # suggestions are not computed here
            underline = self._american if issue.kind == "american" else self._unknown
            self._underline(text, issue.start, issue.word, underline)

    def highlight_other(self, text: str) -> None:
        """Apply formats other than spelling to a block; nothing here, for subclasses."""

    def _underline(self, text: str, index: int, word: str, underline: QTextCharFormat) -> None:
        """Merge the underline into whatever format each character of the word already has."""
        start = utf16_index(text, index)
        for position in range(start, start + utf16_len(word)):
            merged = QTextCharFormat(self.format(position))
            merged.merge(underline)
            self.setFormat(position, 1, merged)

    def _dictionary_changed(self, _word: str) -> None:
        """Redraw after a word was added or ignored anywhere."""
        try:
            self.rehighlight()
        except RuntimeError:  # the Qt object is gone; stop listening
            self._service.remove_listener(self._dictionary_changed)


class SpellChecking(QObject):
    """Spellchecking for one editor: a highlighter plus the context menu's actions.

    attach() also shows the menu on right-click for any QTextEdit or QPlainTextEdit;
    SpellTextEdit uses build_menu() from its own contextMenuEvent instead.
    """

    word_added = Signal(str)
    word_ignored = Signal(str)
    word_replaced = Signal(str, str)

    def __init__(self, editor: TextEditor, service: SpellingService) -> None:
        super().__init__(editor)
        self._editor = editor
        self._service = service
        self.highlighter = SpellHighlighter(editor.document(), service)

    def attach_menu(self) -> None:
        """Show the spelling menu when the editor is right-clicked."""
        self._editor.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Replace the editor's context menu with one that starts with spelling actions."""
        if event.type() == QEvent.Type.ContextMenu and watched is self._editor.viewport():
            assert isinstance(event, QContextMenuEvent)
            self.exec_menu(event.pos(), event.globalPos())
            return True
        return super().eventFilter(watched, event)

    def exec_menu(self, pos: QPoint, global_pos: QPoint) -> None:
        """Build the menu for a viewport position and show it at a screen position."""
        menu = self.build_menu(pos)
        menu.exec(global_pos)
        menu.deleteLater()

    def word_at(self, pos: QPoint) -> tuple[QTextCursor, str] | None:
        """Return a cursor selecting the misspelt word at a viewport position, and the word."""
        cursor = self._editor.cursorForPosition(pos)
        block = cursor.block()
        text = block.text()
        visible, _ = blank_open_placeholders(text, _closer_for_state(block.previous().userState()))
        index = python_index(text, cursor.position() - block.position())
        for token in self._service.tokens(visible):
            if token.start <= index <= token.end and not self._service.check(token.word):
                start = block.position() + utf16_index(text, token.start)
                selection = QTextCursor(self._editor.document())
                selection.setPosition(start)
                selection.setPosition(start + utf16_len(token.word), QTextCursor.MoveMode.KeepAnchor)
                return selection, token.word
        return None

    def build_menu(self, pos: QPoint) -> QMenu:
        """Return the standard context menu, headed by spelling actions for the word at pos."""
        menu = self._editor.createStandardContextMenu(pos)
        found = self.word_at(pos)
        if found is None:
            return menu
        cursor, word = found
        first = menu.actions()[0] if menu.actions() else None
        for action in self._spelling_actions(menu, cursor, word):
            menu.insertAction(first, action)
        menu.insertSeparator(first)
        return menu

    def _spelling_actions(self, menu: QMenu, cursor: QTextCursor, word: str) -> list[QAction]:
        """Return the suggestion, add and ignore actions for one word (suggestions made now)."""
        actions = []
        british = self._service.british_form(word)
        suggestions = self._service.suggest(word)
        for suggestion in suggestions:
            label = f"{suggestion} (British spelling)" if suggestion == british else suggestion
            action = QAction(label, menu)
            action.triggered.connect(lambda _=False, s=suggestion: self.replace(cursor, word, s))
            actions.append(action)
        if not suggestions:
            none = QAction("No suggestions", menu)
            none.setEnabled(False)
            actions.append(none)
        separator = QAction(menu)
        separator.setSeparator(True)
        add = QAction(f"Add \u2018{word}\u2019 to dictionary", menu)
        add.triggered.connect(lambda: self.add_word(word))
        ignore = QAction(f"Ignore \u2018{word}\u2019", menu)
        ignore.triggered.connect(lambda: self.ignore_word(word))
        return [*actions, separator, add, ignore]

    def replace(self, cursor: QTextCursor, word: str, replacement: str) -> None:
        """Replace the selected word as one undoable edit."""
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.word_replaced.emit(word, replacement)

    def add_word(self, word: str) -> None:
        """Add word to the user's dictionary; every editor sharing the service redraws."""
        self._service.add_word(word)
        self.word_added.emit(word)

    def ignore_word(self, word: str) -> None:
        """Accept word for this session; every editor sharing the service redraws."""
        self._service.ignore(word)
        self.word_ignored.emit(word)


class SpellTextEdit(QPlainTextEdit):
    """A plain-text editor with spellchecking and a suggestions context menu."""

    word_added = Signal(str)
    word_ignored = Signal(str)
    word_replaced = Signal(str, str)

    def __init__(self, service: SpellingService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spelling = SpellChecking(self, service)
        self.spelling.word_added.connect(self.word_added)
        self.spelling.word_ignored.connect(self.word_ignored)
        self.spelling.word_replaced.connect(self.word_replaced)

    def build_menu(self, pos: QPoint) -> QMenu:
        """Return the context menu for a viewport position (spelling actions first)."""
        return self.spelling.build_menu(pos)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Show the spelling-aware context menu."""
        self.spelling.exec_menu(event.pos(), event.globalPos())


def attach_spellchecker(editor: TextEditor, service: SpellingService) -> SpellChecking:
    """Give any QTextEdit or QPlainTextEdit underlines and the spelling context menu."""
    spelling = SpellChecking(editor, service)
    spelling.attach_menu()
    return spelling


def _closer_for_state(state: int) -> str | None:
    """Return the Jinja closing delimiter a block state stands for, or None."""
    return _CLOSERS[state] if 0 <= state < len(_CLOSERS) else None
