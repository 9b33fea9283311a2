"""The settings dialog: authority, signatory, default regime, letterhead, clause libraries, dictionary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.settings import Preferences
from app.gui.officer.case_panel import REGIME_LABELS, lines_of


class SettingsDialog(QDialog):
    """Edits a copy of the preferences; `preferences()` returns the result after OK."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_people())
        layout.addWidget(self._build_files())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show(preferences)
        self.resize(640, 620)

    def _build_people(self) -> QGroupBox:
        group = QGroupBox("Your authority and who signs", self)
        form = QFormLayout(group)
        self.authority_name = QLineEdit(group)
        self.authority_address = QPlainTextEdit(group)
        self.authority_address.setTabChangesFocus(True)
        self.authority_address.setPlaceholderText("One line per row")
        self.authority_address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.authority_email = QLineEdit(group)
        self.signatory_name = QLineEdit(group)
        self.signatory_role = QLineEdit(group)
        self.default_regime = QComboBox(group)
        for key, label in REGIME_LABELS.items():
            self.default_regime.addItem(label, key)
        rows = [
            ("Authority &name:", self.authority_name, "Authority name"),
            ("Authority &address:", self.authority_address, "Authority address"),
            ("Authority &e-mail:", self.authority_email, "Authority e-mail"),
            ("&Signatory name:", self.signatory_name, "Signatory name"),
            ("Signatory &role:", self.signatory_role, "Signatory role"),
            ("Default re&gime:", self.default_regime, "Default regime for new cases"),
        ]
        for label, widget, name in rows:
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        self.default_regime.setToolTip("The regime new cases start with")
        return group

    def _build_files(self) -> QGroupBox:
        group = QGroupBox("Files", self)
        form = QFormLayout(group)
        self.letterhead = QLineEdit(group)
        self.letterhead.setPlaceholderText("Built-in letterhead")
        self.letterhead.setAccessibleName("Letterhead Word template")
        self.letterhead.setToolTip("A .docx whose header, footer and styles every exported letter uses")
        self.dictionary = QLineEdit(group)
        self.dictionary.setPlaceholderText("Default personal dictionary")
        self.dictionary.setAccessibleName("Custom dictionary file")
        self.dictionary.setToolTip("A text file of extra words, one per line; words you add are saved here")
        self.folders = QListWidget(group)
        self.folders.setAccessibleName("Clause library folders")
        self.folders.setToolTip("Organisation and personal clause folders; later folders override earlier ones")
        self.folders.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        add_folder = QPushButton("Add folder…", group)
        remove_folder = QPushButton("Remove folder", group)
        add_folder.clicked.connect(self._on_add_folder_clicked)
        remove_folder.clicked.connect(self._on_remove_folder_clicked)
        folder_buttons = QVBoxLayout()
        folder_buttons.addWidget(add_folder)
        folder_buttons.addWidget(remove_folder)
        folder_buttons.addStretch(1)
        folders = QHBoxLayout()
        folders.addWidget(self.folders, 1)
        folders.addLayout(folder_buttons)
        form.addRow("&Letterhead:", self._with_browse(self.letterhead, self._on_browse_letterhead_clicked))
        form.addRow("Clause &libraries:", folders)
        form.addRow("Custom &dictionary:", self._with_browse(self.dictionary, self._on_browse_dictionary_clicked))
        return group

    def _with_browse(self, field: QLineEdit, slot) -> QHBoxLayout:
        row = QHBoxLayout()
        button = QPushButton("Browse…", self)
        button.setAccessibleName(f"Browse for {field.accessibleName().lower()}")
        button.clicked.connect(slot)
        row.addWidget(field, 1)
        row.addWidget(button)
        return row

    def _show(self, p: Preferences) -> None:
        self.authority_name.setText(p.authority_name)
        self.authority_address.setPlainText("\n".join(p.authority_address))
        self.authority_email.setText(p.authority_email)
        self.signatory_name.setText(p.signatory_name)
        self.signatory_role.setText(p.signatory_role)
        self.default_regime.setCurrentIndex(max(self.default_regime.findData(p.default_regime), 0))
        self.letterhead.setText(p.letterhead)
        self.dictionary.setText(p.custom_dictionary)
        self.folders.clear()
        self.folders.addItems(p.library_folders)

    def preferences(self) -> Preferences:
        """Return the preferences as edited."""
        return Preferences(
            authority_name=self.authority_name.text().strip(),
            authority_address=lines_of(self.authority_address.toPlainText()),
            authority_email=self.authority_email.text().strip(),
            signatory_name=self.signatory_name.text().strip(),
            signatory_role=self.signatory_role.text().strip(),
            default_regime=self.default_regime.currentData(),
            letterhead=self.letterhead.text().strip(),
            library_folders=[self.folders.item(i).text() for i in range(self.folders.count())],
            custom_dictionary=self.dictionary.text().strip(),
        )

    def _on_browse_letterhead_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose letterhead", str(Path.home()), "Word documents (*.docx)")
        if name:
            self.letterhead.setText(name)

    def _on_browse_dictionary_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Choose dictionary file",
            str(Path.home()),
            "Text files (*.txt);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.dictionary.setText(name)

    def _on_add_folder_clicked(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Choose a clause library folder", str(Path.home()))
        if name:
            self.folders.addItem(name)

    def _on_remove_folder_clicked(self) -> None:
        row = self.folders.currentRow()
        if row >= 0:
            self.folders.takeItem(row)
