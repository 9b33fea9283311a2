"""First-run setup: a short, skippable form for the authority the officer writes for.

Signals:
    profile_chosen(object): the officer saved an AuthorityProfile.
    skipped(): the officer chose to set it up later (Settings keep the same form).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.casefile.authority import AuthorityProfile, profile_key
from app.core.casefile.model import Signatory
from app.gui.widgets.authority_form import AuthorityForm


class FirstRunDialog(QDialog):
    """Asks once for the authority's details and the usual signatory; Skip leaves them for later."""

    profile_chosen = Signal(object)
    skipped = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Set up your authority")
        self.setObjectName("first-run-setup")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "<b>Welcome.</b> Tell the drafter which authority you write for. Its name and addresses "
            "go on the letterhead and into the internal review paragraph of every letter. You can "
            "add more authorities and change these later in Settings.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = AuthorityForm(self)
        layout.addWidget(self.form)
        people = QFormLayout()
        self.signatory_name = QLineEdit(self)
        self.signatory_name.setAccessibleName("Signatory name")
        self.signatory_role = QLineEdit(self)
        self.signatory_role.setAccessibleName("Signatory role")
        for label, widget in (("&Signed by:", self.signatory_name), ("R&ole:", self.signatory_role)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            people.addRow(caption, widget)
        layout.addLayout(people)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton("Save and start", QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = buttons.addButton("Skip for now", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self._on_skip_clicked)
        layout.addWidget(buttons)
        self.form.texts["name"].textChanged.connect(self._on_name_changed)
        self._on_name_changed("")
        self.resize(620, 560)

    def profile(self) -> AuthorityProfile:
        """Return the profile as entered."""
        authority = self.form.authority()
        signatory = Signatory(self.signatory_name.text().strip(), self.signatory_role.text().strip())
        return AuthorityProfile(profile_key(authority.name), authority, signatory)

    def _on_name_changed(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()))

    def _on_save_clicked(self) -> None:
        self.profile_chosen.emit(self.profile())
        self.accept()

    def _on_skip_clicked(self) -> None:
        self.skipped.emit()
        self.reject()
