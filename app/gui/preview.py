"""The live preview: the letter as it will look in Word, refreshed after each build, scroll kept."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.gui.letter_html import anchor

PAPER = QColor("#ffffff")
INK = QColor("#000000")


class PreviewPane(QWidget):
    """Shows preview HTML on white paper in both light and dark themes, with a find bar.

    Signals:
        preview_updated(float): new HTML is shown; the argument is the time it took to lay out (s).
    """

    preview_updated = Signal(float)

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._html = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_find_bar())
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Letter preview")
        self.browser.setToolTip("")
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(36)
        self._paint_paper()
        layout.addWidget(self.browser, 1)
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
        self.browser.setPalette(palette)

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

    def html(self) -> str:
        """Return the HTML shown now."""
        return self._html

    def plain_text(self) -> str:
        """Return the text shown now."""
        return self.browser.toPlainText()

    def set_html(self, html: str) -> float:
        """Show new HTML keeping the scroll position; return the seconds it took."""
        started = time.perf_counter()
        if html != self._html:
            bar = self.browser.verticalScrollBar()
            position = bar.value()
            self._html = html
            self.browser.setHtml(html)
            bar.setValue(min(position, bar.maximum()))
        seconds = time.perf_counter() - started
        self.preview_updated.emit(seconds)
        return seconds

    def show_key(self, key: str) -> None:
        """Scroll the preview to a block or section."""
        self.browser.scrollToAnchor(anchor(key))

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
        if result.html:
            self.set_html(result.html)
        if result.error:
            self.status.setText(f"The letter could not be built: {result.error}")
        elif result.generation != self.document.generation:
            self.status.setText("Updating…")
        else:
            self.status.setText(f"Up to date · built in {result.seconds * 1000:.0f} ms")
