"""Text editors for the officer's prose, spellchecked with the colleague's checker once it has loaded.

The British English word list takes a noticeable moment to read, so it is loaded off the GUI
thread after the window is up. `Spelling` then attaches app/gui/spell_highlighter.py's
SpellChecking (the highlighter and suggestions menu that SpellTextEdit is made of) to every
registered editor. If that module is missing or broken the editors stay plain.
`TypingWatcher` ends the document's typing session when an editor loses focus, so each visit
to a field is its own undo step.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget


def text_editor(
    parent: QWidget | None, name: str, placeholder: str = "", spelling: Spelling | None = None
) -> QPlainTextEdit:
    """Return a multi-line editor with an accessible name, spellchecked when spelling is ready."""
    editor = QPlainTextEdit(parent)
    editor.setAccessibleName(name)
    editor.setPlaceholderText(placeholder)
    editor.setTabChangesFocus(True)
    if spelling is not None:
        spelling.register(editor)
    return editor


def set_text_keeping_cursor(editor: QPlainTextEdit, text: str) -> None:
    """Replace an editor's text (e.g. after undo) keeping the cursor near where it was."""
    if editor.toPlainText() == text:
        return
    position = editor.textCursor().position()
    editor.setPlainText(text)
    cursor = editor.textCursor()
    cursor.setPosition(min(position, len(text)), QTextCursor.MoveMode.MoveAnchor)
    editor.setTextCursor(cursor)


class Spelling(QObject):
    """Attaches the spellchecker to registered editors once a spelling service is available.

    Signals:
        enabled(object): spellchecking is on; the argument is the SpellingService.
    """

    enabled = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.service: Any = None
        self._editors: list[QPlainTextEdit] = []
        self.checkers: list[Any] = []

    def register(self, editor: QPlainTextEdit) -> None:
        """Spellcheck an editor (now, or when the service arrives)."""
        self._editors.append(editor)
        if self.service is not None:
            self._attach(editor)

    def enable(self, service: Any) -> bool:
        """Start spellchecking every registered editor with a service; False if the checker is missing."""
        if service is None or self.service is not None:
            return False
        try:
            from app.gui.widgets.spell_highlighter import attach_spellchecker  # noqa: F401 - probe the module
        except Exception:
            return False
        self.service = service
        for editor in self._editors:
            self._attach(editor)
        self.enabled.emit(service)
        return True

    def _attach(self, editor: QPlainTextEdit) -> None:
        from app.gui.widgets.spell_highlighter import attach_spellchecker

        self.checkers.append(attach_spellchecker(editor, self.service))


def load_spelling_service(dictionary: Any) -> Any:
    """Return the British English spelling service (Qt-free; runs on a worker), or None on failure."""
    try:
        from app.core.spelling.checker import default_service

        service = default_service(user_dictionary=dictionary if dictionary else "default")
    except Exception:
        return None
    # Build the suggestion engine here on the worker, not on the GUI thread at the first right-click;
    # if that fails, suggestions are built on first use, as before.
    with contextlib.suppress(Exception):
        service.prepare_suggestions()
    return service


class TypingWatcher(QObject):
    """Calls a function whenever a watched widget loses keyboard focus."""

    def __init__(self, on_focus_out: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._on_focus_out = on_focus_out

    def watch(self, *widgets: QWidget) -> None:
        """Start watching widgets."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._on_focus_out()
        return False
