"""One way to make a menu or toolbar action: shortcut shown in its tooltip, status tip, standard icon."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget


def make_action(
    window: QWidget,
    text: str,
    slot: Callable,
    shortcut: QKeySequence | str | list | None = None,
    tip: str = "",
    icon: QStyle.StandardPixmap | QIcon | None = None,
) -> QAction:
    """Create an action with its shortcut(s), tooltip and status tip."""
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
    if isinstance(icon, QIcon):
        action.setIcon(icon)
    elif icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    action.triggered.connect(lambda _checked=False: slot())
    return action
