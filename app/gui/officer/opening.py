"""The main window's opening state: on screen at once, naming the case it opens, until its panels are built.

`foi-drafter gui CASE` shows the window before it imports and builds the panels: the window has
its title, size and a line saying which file it is opening, and nothing that could edit or save.
Just after that first paint the window builds its panels and opens the case (finish_loading).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from app.gui.theme import apply_theme

FALLBACK_MS = 400  # go on anyway if no paint comes (the window started minimised or on another desktop)


def opening_text(path: Path | None) -> str:
    """Return what the window says while it opens a case (or starts a new one)."""
    return f"Opening {path.name}…" if path else "Starting a new case…"


def show_opening(window: QMainWindow, path: Path | None, app_title: str, then: Callable[[], object]) -> QLabel:
    """Give the window its title, saved size and opening message; call then() once it has been painted."""
    name = path.name if path else "Untitled case"
    window.setWindowTitle(f"{name}[*] — {app_title}")
    window.setWindowIcon(QApplication.windowIcon())
    state = getattr(window, "state", None)
    geometry = state.value("window/geometry") if state is not None else None
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(1560, 940)
    if state is not None:  # in the officer's theme from the first paint: no flash of another palette
        apply_theme(QApplication.instance(), str(state.value("view/theme", "system")))
    label = QLabel(f"<p align='center'>{opening_text(path)}</p>", window)
    label.setWordWrap(True)
    label.setAccessibleName("Opening")
    label.setToolTip(str(path) if path else "")
    window.setCentralWidget(label)
    window.statusBar().showMessage(f"Opening {path}…" if path else "Starting…")
    FirstPaint(label, then, window)
    return label


class FirstPaint(QObject):
    """Calls a function once, just after a widget's next paint has reached the screen (or after FALLBACK_MS)."""

    def __init__(self, widget: QWidget, then: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._then: Callable[[], object] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)  # after this paint is flushed, not inside it
        return False

    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()
