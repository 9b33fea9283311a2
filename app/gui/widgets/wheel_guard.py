"""Stops the mouse wheel from changing a combo box or date box the pointer merely passes over.

Scrolling a long form over a date field used to change the date silently; a guarded widget takes
wheel turns only when it has keyboard focus (the officer clicked or tabbed into it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class WheelGuard(QObject):
    """An event filter that passes wheel events of unfocused value widgets to their scroll area."""

    def guard(self, root: QWidget) -> None:
        """Guard every combo box and spin/date box under root."""
        for widget in root.findChildren(QWidget):
            if isinstance(widget, (QComboBox, QAbstractSpinBox)):
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()
            return True
        return False
