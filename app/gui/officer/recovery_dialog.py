"""The restore offer shown at start when a previous session left autosaved drafts behind."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.officer.recovery import RecoveredDraft
from app.gui.widgets.answers import DISCARD, LATER, RESTORE


class RecoveryDialog(QDialog):
    """Lists drafts left by a session that ended unexpectedly and asks what to do with them."""

    def __init__(self, drafts: Sequence[RecoveredDraft], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore unsaved work?")
        self.decision, self.chosen = LATER, None
        self._drafts = list(drafts)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "FOI Response Drafter did not close normally last time. These drafts were autosaved and can be restored:"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Recovered drafts")
        for draft in self._drafts:
            QListWidgetItem(draft.describe(), self.list)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Content of the selected draft")
        layout.addWidget(self.preview)
        self.list.currentRowChanged.connect(self._on_list_row_changed)
        self._on_list_row_changed(0)
        buttons = QDialogButtonBox(self)
        restore = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        discard = buttons.addButton("&Discard all", QDialogButtonBox.ButtonRole.DestructiveRole)
        later: QPushButton = buttons.addButton("Decide &later", QDialogButtonBox.ButtonRole.RejectRole)
        restore.clicked.connect(lambda: self._finish(RESTORE))
        discard.clicked.connect(lambda: self._finish(DISCARD))
        later.clicked.connect(lambda: self._finish(LATER))
        restore.setDefault(True)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def _on_list_row_changed(self, row: int) -> None:
        self.preview.setPlainText(self._drafts[row].case_text if 0 <= row < len(self._drafts) else "")

    def _finish(self, decision: str) -> None:
        self.decision = decision
        row = self.list.currentRow()
        self.chosen = self._drafts[row] if 0 <= row < len(self._drafts) else None
        self.accept()
