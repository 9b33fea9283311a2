"""Body text of a clause in the workbench: placeholders, tags and comments coloured, spelling underlined.

Qt allows one QSyntaxHighlighter per document, so the tag colouring is the colleague's
SpellHighlighter.highlight_other hook when a spelling service is available, and a small
highlighter of its own until then. Problem lines are tinted with extra selections.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from app.core.spelling.checker import unclosed_placeholder, utf16_index, utf16_len

CLOSERS = ("}}", "%}", "#}")
OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}


def tag_formats(dark: bool) -> dict[str, QTextCharFormat]:
    """Return the formats of placeholders, tags and comments, readable on a light or dark base."""
    colours = {
        "}}": ("#0b57a4", "#e8f0fb", "#8ab4f8", "#1d2a3d"),
        "%}": ("#7a1fa2", "#f5ecfa", "#d7a8f0", "#33243d"),
        "#}": ("#5f6368", "", "#a0a4aa", ""),
    }
    formats = {}
    for closer, (light_ink, light_back, dark_ink, dark_back) in colours.items():
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(dark_ink if dark else light_ink))
        back = dark_back if dark else light_back
        if back:
            fmt.setBackground(QColor(back))
        if closer == "#}":
            fmt.setFontItalic(True)
        formats[closer] = fmt
    return formats


def tag_spans(text: str, carried: str | None) -> list[tuple[int, int, str]]:
    """Return (start, end, closer) of each Jinja tag in a line; a tag left open runs to the end."""
    spans: list[tuple[int, int, str]] = []
    position = 0
    if carried is not None:
        end = text.find(carried)
        position = len(text) if end < 0 else end + len(carried)
        spans.append((0, position, carried))
    while position < len(text):
        starts = [(text.find(opener, position), opener) for opener in OPENERS]
        starts = [(start, opener) for start, opener in starts if start >= 0]
        if not starts:
            break
        start, opener = min(starts)
        closer = OPENERS[opener]
        end = text.find(closer, start + 2)
        position = len(text) if end < 0 else end + len(closer)
        spans.append((start, position, closer))
    return spans


def paint_tags(
    highlighter: QSyntaxHighlighter, text: str, carried: str | None, formats: dict[str, QTextCharFormat]
) -> None:
    """Colour the Jinja tags of one block (UTF-16 offsets, as Qt counts them)."""
    for start, end, closer in tag_spans(text, carried):
        first = utf16_index(text, start)
        highlighter.setFormat(first, utf16_len(text[start:end]), formats[closer])


def _closer_for_state(state: int) -> str | None:
    """Return the closer a block state stands for (the spell highlighter uses the same states)."""
    return CLOSERS[state] if 0 <= state < len(CLOSERS) else None


class TagHighlighter(QSyntaxHighlighter):
    """Colours placeholders, tags and comments (used until a spelling service is available)."""

    def __init__(self, document: Any, formats: dict[str, QTextCharFormat]):
        super().__init__(document)
        self.formats = formats

    def highlightBlock(self, text: str) -> None:
        carried = _closer_for_state(self.previousBlockState())
        paint_tags(self, text, carried, self.formats)
        awaited = unclosed_placeholder(text, carried)
        self.setCurrentBlockState(CLOSERS.index(awaited) if awaited else -1)


def spell_tag_highlighter(document: Any, service: Any, formats: dict[str, QTextCharFormat]) -> QSyntaxHighlighter:
    """Return the colleague's spelling highlighter with tag colouring merged under the underlines."""
    from app.gui.widgets.spell_highlighter import SpellHighlighter

    class SpellTagHighlighter(SpellHighlighter):
        def highlight_other(self, text: str) -> None:
            paint_tags(self, text, _closer_for_state(self.previousBlockState()), formats)

    return SpellTagHighlighter(document, service)


class ClauseBodyEdit(QPlainTextEdit):
    """The clause body: monospace, tags coloured, problem lines tinted, spellchecked when enabled."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Clause wording")
        self.setToolTip("The clause body: Markdown with {{ placeholders }} and {% tags %}")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont("Monospace")
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        self.setFont(font)
        self.formats = tag_formats(self.palette().color(QPalette.ColorRole.Base).lightness() < 128)
        self.highlighter: QSyntaxHighlighter = TagHighlighter(self.document(), self.formats)
        self.spelling: Any = None

    def enable_spelling(self, service: Any) -> bool:
        """Underline misspellings and offer suggestions; False when spelling is unavailable."""
        if service is None or self.spelling is not None:
            return False
        try:
            from app.gui.widgets.spell_highlighter import SpellChecking
        except Exception:
            return False
        self.highlighter.setDocument(None)
        self.spelling = SpellChecking(self, service)
        stock = self.spelling.highlighter  # replaced by one that also colours tags (one highlighter per document)
        listener = getattr(stock, "_dictionary_changed", None)
        if listener is not None:
            service.remove_listener(listener)
        stock.setDocument(None)
        self.highlighter = self.spelling.highlighter = spell_tag_highlighter(self.document(), service, self.formats)
        return True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.spelling is not None:
            self.spelling.exec_menu(event.pos(), event.globalPos())
        else:
            super().contextMenuEvent(event)

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of a body line (1-based) and show it."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def mark_lines(self, lines: list[int]) -> None:
        """Tint the lines that have problems."""
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        selections = []
        for line in sorted(set(lines)):
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor("#4a2326" if dark else "#fde7e9"))
            selection.format.setProperty(QTextCharFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(block)
            selections.append(selection)
        self.setExtraSelections(selections)
