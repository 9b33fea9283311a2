"""Help ▸ User guide: the offline guide shipped with the app, shown as formatted text in its own window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from app.core.paths import USER_GUIDE


class GuideWindow(QWidget):
    """A window showing the user guide (Markdown), with working links inside the guide."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("user-guide")
        self.setWindowTitle("User guide — FOI Response Drafter")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(False)
        layout.addWidget(self.browser)
        try:
            text = USER_GUIDE.read_text(encoding="utf-8")
        except OSError as exc:
            text = f"# User guide missing\n\nThe guide could not be read ({exc.strerror or exc})."
        self.browser.setMarkdown(text)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        self.resize(820, 760)


def show_user_guide(parent: QWidget) -> GuideWindow:
    """Open (or raise) the user guide window."""
    existing = parent.findChild(GuideWindow)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    window = existing or GuideWindow(parent)
    window.show()
    return window
