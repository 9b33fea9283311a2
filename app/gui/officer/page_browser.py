"""The preview's text view laid out as A4 pages: a fixed page width, zoom, and visible page breaks.

Zoom scales the whole page, fonts included: the document is laid out for a paint device whose
resolution is 96 dpi times the zoom, so point sizes grow with it, as in a print preview. The
pages are centred on a grey desk and separated by a gap drawn over the layout's page breaks.

Signals:
    resized(): the view changed size (the pane re-fits the page when fitting the width).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

A4_WIDTH, A4_HEIGHT, A4_MARGIN = 794, 1123, 76  # px at 96 dpi; 2 cm margins
GUTTER, GAP = 12, 10
DESK = QColor("#8a8f98")
INCH_PER_METRE = 39.3700787


class PageBrowser(QTextBrowser):
    """A QTextBrowser showing its document on A4 pages at a scale."""

    resized = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scale = 1.0
        self._device = QImage(4, 4, QImage.Format.Format_RGB32)
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)

    def page_size(self) -> QSizeF:
        """Return one page's size in px at the current scale."""
        return QSizeF(A4_WIDTH * self.scale, A4_HEIGHT * self.scale)

    def set_page(self, scale: float) -> None:
        """Lay the document out on pages at this scale (1.0 = 100%)."""
        document = self.document()
        if scale != self.scale or document.documentLayout().paintDevice() is not self._device:
            self.scale = scale
            dots = round(96 * scale * INCH_PER_METRE)
            self._device.setDotsPerMeterX(dots)
            self._device.setDotsPerMeterY(dots)
            document.documentLayout().setPaintDevice(self._device)
        document.setDocumentMargin(A4_MARGIN * scale)
        width = round(A4_WIDTH * scale)
        if self.lineWrapColumnOrWidth() != width:
            self.setLineWrapColumnOrWidth(width)
        document.setPageSize(self.page_size())
        self.centre_page()
        self.viewport().update()

    def centre_page(self) -> None:
        """Centre the page horizontally, with the desk showing either side."""
        bar = self.verticalScrollBar().sizeHint().width() if self.verticalScrollBar().isVisible() else 0
        spare = self.width() - bar - 4 - int(A4_WIDTH * self.scale)
        side = max(GUTTER, spare // 2)
        self.setViewportMargins(side, GUTTER, max(GUTTER, spare - side), GUTTER)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        height = self.page_size().height()
        pages = self.document().pageCount()
        if pages < 2:
            return
        painter = QPainter(self.viewport())
        offset = self.verticalScrollBar().value()
        width = self.viewport().width()
        for number in range(1, pages):
            top = number * height - offset - GAP / 2
            painter.fillRect(QRectF(0, top, width, GAP), DESK)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()
