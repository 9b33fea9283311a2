"""The live preview: the letter as it will look in Word, refreshed after each build, scroll kept.

The page is one QTextFrame per chunk of the letter (letterhead, reference block, title, each
heading and block). When the chunks are the same as last time except for their text, only the
changed frames are replaced, so typing in one clause re-lays out that clause, not the letter.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.core.preview.html import FONT_FAMILIES, FONT_POINTS
from app.gui.officer.page_browser import A4_WIDTH, DESK, GUTTER, PageBrowser

PAPER = QColor("#ffffff")
INK = QColor("#000000")
SELECTED = QColor("#cfe0f7")  # the block chosen in the clause list, focused or not
ZOOM_RANGE = (0.35, 3.0)
PATCH_LIMIT = 0.5  # replace frames one by one while at most this share of chunks changed


class PreviewPane(QWidget):
    """Shows the letter on white paper in both light and dark themes, with a find bar.

    Signals:
        preview_updated(float): the preview shows the latest chunks; the argument is the seconds it took.
        zoom_changed(float): the page is shown at this scale (1.0 = 100%).
    """

    preview_updated = Signal(float)
    zoom_changed = Signal(float)

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._chunks: list[tuple[str, str]] = []
        self._frames = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_find_bar())
        self.browser = PageBrowser(self)
        self.browser.setAccessibleName("Letter preview")
        self.browser.setOpenLinks(False)
        page = self.browser.document()
        page.setUndoRedoEnabled(False)
        self.zoom: float | None = None  # None: fit the page to the pane's width
        self.scale = 1.0
        font = QFont()
        font.setFamilies(list(FONT_FAMILIES))
        font.setPointSize(FONT_POINTS)
        page.setDefaultFont(font)
        self._paint_paper()
        layout.addWidget(self.browser, 1)
        self.browser.resized.connect(self._on_browser_resized)
        self.apply_zoom()
        self.status = QLabel("Building the letter…", self)
        self.status.setAccessibleName("Preview status")
        layout.addWidget(self.status)
        document.build_finished.connect(self._on_document_build_finished)
        document.builder.build_started.connect(self._on_builder_build_started)

    def _paint_paper(self) -> None:
        """Keep the page white with black ink whatever the theme, like the printed letter."""
        palette = self.browser.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            palette.setColor(group, QPalette.ColorRole.Base, PAPER)
            palette.setColor(group, QPalette.ColorRole.Text, INK)
            palette.setColor(group, QPalette.ColorRole.Window, DESK)
            palette.setColor(group, QPalette.ColorRole.Highlight, SELECTED)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, INK)
        self.browser.setPalette(palette)
        self.browser.setAutoFillBackground(True)

    # ------------------------------------------------------------ page and zoom

    def set_zoom(self, zoom: float | None) -> None:
        """Show the page at a fixed zoom (1.0 = 100%) or, with None, fitted to the pane's width."""
        self.zoom = zoom
        self.apply_zoom()

    def apply_zoom(self) -> None:
        """Lay the letter out on A4 pages at the current zoom, centred in the pane."""
        scale = self.zoom or self._fit_scale()
        scale = min(max(scale, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self.scale = scale
        self.browser.set_page(scale)
        self.zoom_changed.emit(scale)

    def _fit_scale(self) -> float:
        bar = self.browser.verticalScrollBar().sizeHint().width()
        return max(self.browser.width() - bar - 2 * GUTTER - 4, 100) / A4_WIDTH

    def _on_browser_resized(self) -> None:
        if self.zoom is None:
            self.apply_zoom()
        else:
            self.browser.centre_page()

    def _build_find_bar(self) -> QWidget:
        self.find_bar = QWidget(self)
        row = QHBoxLayout(self.find_bar)
        row.setContentsMargins(4, 4, 4, 0)
        self.find_field = QLineEdit(self.find_bar)
        self.find_field.setPlaceholderText("Find in letter")
        self.find_field.setAccessibleName("Find in letter")
        self.find_field.setClearButtonEnabled(True)
        previous = QPushButton("Previous", self.find_bar)
        following = QPushButton("Next", self.find_bar)
        close = QPushButton("Close", self.find_bar)
        previous.setToolTip("Find the previous match (Shift+Enter)")
        following.setToolTip("Find the next match (Enter)")
        close.setToolTip("Hide the find bar (Escape)")
        self.find_result = QLabel(self.find_bar)
        row.addWidget(QLabel("Find:", self.find_bar))
        row.addWidget(self.find_field, 1)
        row.addWidget(previous)
        row.addWidget(following)
        row.addWidget(self.find_result)
        row.addWidget(close)
        self.find_field.returnPressed.connect(lambda: self.find_next())
        following.clicked.connect(lambda: self.find_next())
        previous.clicked.connect(lambda: self.find_next(backward=True))
        close.clicked.connect(self.hide_find_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_bar, self.hide_find_bar)
        QShortcut(QKeySequence("Shift+Return"), self.find_field, lambda: self.find_next(backward=True))
        self.find_bar.hide()
        return self.find_bar

    # ------------------------------------------------------------ public

    def chunks(self) -> list[tuple[str, str]]:
        """Return the chunks shown now."""
        return list(self._chunks)

    def page_html(self) -> str:
        """Return the letter shown now as one HTML page (for printing)."""
        from app.core.preview.html import page_html

        return page_html(self._chunks)

    def plain_text(self) -> str:
        """Return the text shown now."""
        return self.browser.toPlainText()

    def show_chunks(self, chunks: list[tuple[str, str]]) -> float:
        """Show the letter's chunks, replacing only those that changed; keep the scroll position."""
        started = time.perf_counter()
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        changed = [i for i, (old, new) in enumerate(zip(self._chunks, chunks)) if old != new]
        same_layout = [k for k, _ in self._chunks] == [k for k, _ in chunks]
        if same_layout and len(changed) <= max(1, PATCH_LIMIT * len(chunks)):
            for index in changed:
                self._replace(index, chunks[index][1])
        elif chunks != self._chunks:
            self._rebuild(chunks)
        self._chunks = list(chunks)
        bar.setValue(min(position, bar.maximum()))
        seconds = time.perf_counter() - started
        self.preview_updated.emit(seconds)
        return seconds

    def _rebuild(self, chunks: list[tuple[str, str]]) -> None:
        page = self.browser.document()
        page.clear()
        self._frames = []
        cursor = QTextCursor(page)
        cursor.beginEditBlock()
        for key, html in chunks:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            frame = cursor.insertFrame(_frame_format(key))
            _insert_html(cursor, html)
            self._frames.append(frame)
        self._flatten_separators(page)
        cursor.endEditBlock()
        self.browser.set_page(self.scale)

    @staticmethod
    def _flatten_separators(page: QTextDocument) -> None:
        """Make the empty blocks Qt keeps between frames a hairline, so spacing comes from the letter styles."""
        block_format = QTextBlockFormat()
        block_format.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        char_format = QTextCharFormat()
        char_format.setFontPointSize(1)
        root = page.rootFrame()
        block = page.begin()
        while block.isValid():
            cursor = QTextCursor(block)
            if cursor.currentFrame() == root:
                cursor.setBlockFormat(block_format)
                cursor.setBlockCharFormat(char_format)
            block = block.next()

    def _replace(self, index: int, html: str) -> None:
        frame = self._frames[index]
        cursor = frame.firstCursorPosition()
        cursor.beginEditBlock()
        cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        _insert_html(cursor, html)
        cursor.endEditBlock()

    def show_key(self, key: str) -> bool:
        """Select a block or section of the letter in the preview (the whole of it) and scroll to it."""
        span = self._chunk_span(key)
        if span is None or not self._frames or len(self._frames) != len(self._chunks):
            return False
        first, last = self._frames[span[0]], self._frames[span[1]]
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(first.firstPosition())
        cursor.setPosition(last.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
        end = QTextCursor(cursor)
        end.setPosition(last.lastPosition())
        self.browser.setTextCursor(end)
        self.browser.ensureCursorVisible()
        start = QTextCursor(cursor)
        start.setPosition(first.firstPosition())
        self.browser.setTextCursor(start)
        self.browser.ensureCursorVisible()
        self.browser.setTextCursor(cursor)
        return True

    def selected_text(self) -> str:
        """Return the text selected in the preview."""
        return self.browser.textCursor().selectedText().replace("\u2029", "\n")

    def _chunk_span(self, key: str) -> tuple[int, int] | None:
        """Return the first and last chunk index of a block, or of a section (heading and blocks)."""
        keys = [k for k, _ in self._chunks]
        if key in keys:
            return keys.index(key), keys.index(key)
        letter = self.document.letter
        section = letter.section(key) if letter is not None else None
        if section is None:
            return None
        members = {f"@heading:{key}", *(b.key for b in section.visible_blocks())}
        found = [i for i, k in enumerate(keys) if k in members]
        return (found[0], found[-1]) if found else None

    def show_find_bar(self) -> None:
        """Show the find bar and put the cursor in it."""
        self.find_bar.show()
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()

    def hide_find_bar(self) -> None:
        """Hide the find bar."""
        self.find_bar.hide()
        self.browser.setFocus()

    def find_next(self, text: str | None = None, backward: bool = False) -> bool:
        """Find text in the letter (wrapping round); return whether it was found."""
        text = self.find_field.text() if text is None else text
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.browser.find(text, flags)
        if not found:
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        self.find_result.setText("" if found else "Not found")
        return found

    # ------------------------------------------------------------ slots

    def _on_builder_build_started(self, _generation: int) -> None:
        self.status.setText("Updating…")

    def _on_document_build_finished(self, result) -> None:
        if result.chunks:
            self.show_chunks(result.chunks)
        if result.error:
            self.status.setText(f"The letter could not be built: {result.error}")
        elif result.generation != self.document.generation:
            self.status.setText("Updating…")
        else:
            self.status.setText(f"Up to date · built in {result.seconds * 1000:.0f} ms")


# Space around each chunk, in px, as the letterhead's styles space them (Qt ignores a paragraph's
# own margin at the top and bottom edge of a frame).
_SPACING = {"@letterhead": (0, 24), "@reference": (0, 8), "@title": (0, 16), "@heading": (16, 8)}
_BLOCK_SPACING = (0, 11)


def _frame_format(key: str) -> QTextFrameFormat:
    """Return the frame format of a chunk: no border or padding, the chunk's spacing as margins."""
    top, bottom = _SPACING.get(key.split(":", 1)[0], _BLOCK_SPACING)
    frame_format = QTextFrameFormat()
    frame_format.setTopMargin(top)
    frame_format.setBottomMargin(bottom)
    return frame_format


def _insert_html(cursor: QTextCursor, html: str) -> None:
    """Insert an HTML fragment at an empty block, keeping its first paragraph's format.

    QTextCursor.insertHtml merges the first paragraph into the block at the cursor and so drops
    its alignment and margins; parsing into a scratch document keeps them.
    """
    scratch = QTextDocument()
    scratch.setHtml(html)
    cursor.setBlockFormat(scratch.begin().blockFormat())
    cursor.insertFragment(QTextDocumentFragment(scratch))
