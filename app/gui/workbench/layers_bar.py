"""A strip above the workbench saying where each clause library layer lives."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.core.drafting.library import Layer
from app.core.workbench.layers import describe_layers


class LayersBar(QLabel):
    """One line per layer: its name, folder and whether it is read-only, a folder or a git repository."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Clause library layers")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWordWrap(True)
        self.setContentsMargins(6, 2, 6, 2)

    def show_layers(self, layers: Sequence[Layer]) -> None:
        """Describe the layers, lowest first (a higher layer overrides a lower one)."""
        lines = [info.label for info in describe_layers(layers)]
        self.setText("\n".join(lines))
        self.setToolTip("A clause in a later layer replaces the one with the same id in an earlier layer")

    def lines(self) -> list[str]:
        """Return the shown lines (for tests and accessibility)."""
        return self.text().splitlines()
