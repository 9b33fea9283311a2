"""Print the letter through the platform's print dialog (the preview's page, on the printer's paper)."""

from __future__ import annotations

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from app.core.preview.html import FONT_POINTS


def letter_document(html: str) -> QTextDocument:
    """Return the letter as a text document ready to print."""
    document = QTextDocument()
    document.setHtml(html)
    font = document.defaultFont()
    font.setPointSize(FONT_POINTS)
    document.setDefaultFont(font)
    return document


def print_html(html: str, printer: QPrinter) -> None:
    """Print letter HTML on a printer (or to a PDF file when the printer is set to PDF output)."""
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, printer.pageLayout().margins()
        )
    )
    letter_document(html).print_(printer)


def print_with_dialog(parent: QWidget, html: str) -> bool:
    """Ask for a printer with the Qt print dialog and print; return whether anything was printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print letter")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_html(html, printer)
    return True
