"""The settings dialog: authority, signatory, default regime, letterhead, clause libraries, dictionary.

Settings the organisation locks (app.core.settings.organisation) are shown read-only.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.casefile.authority import AuthorityProfile, profile_key
from app.core.casefile.model import Authority, Signatory
from app.core.settings.preferences import Preferences
from app.gui.officer.case_panel import REGIME_LABELS
from app.gui.widgets.authority_form import AuthorityForm


class SettingsDialog(QDialog):
    """Edits a copy of the preferences; `preferences()` returns the result after OK."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None, locked: frozenset[str] = frozenset()):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.browse_buttons: dict[QWidget, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_people())
        layout.addWidget(self._build_files())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show(preferences)
        self.locked = locked
        for key in locked:
            lock_widgets(self._widgets_for().get(key, []))
        self.resize(820, 720)

    def _widgets_for(self) -> dict[str, list[QWidget]]:
        """Return the widgets that edit each preference key (what a lock makes read-only)."""
        form = self.authority_form
        inputs = (QLineEdit, QPlainTextEdit, QComboBox, QCheckBox)
        profile = [w for kind in inputs for w in form.findChildren(kind)]
        profile += [self.add_profile, self.remove_profile, self.make_default, self.signatory_name, self.signatory_role]
        return {
            "authorities": profile,
            "default_authority": [self.make_default],
            # the older single-authority keys are read as one profile: locking one locks the profile
            "authority_name": profile,
            "authority_address": profile,
            "authority_email": profile,
            "signatory_name": [self.signatory_name],
            "signatory_role": [self.signatory_role],
            "default_regime": [self.default_regime],
            "letterhead": [self.letterhead, self.browse_buttons[self.letterhead]],
            "library_folders": [self.folders, self.add_folder, self.remove_folder],
            "custom_dictionary": [self.dictionary, self.browse_buttons[self.dictionary]],
        }

    def _build_people(self) -> QGroupBox:
        group = QGroupBox("Authorities and who signs", self)
        layout = QHBoxLayout(group)
        left = QVBoxLayout()
        self.profile_list = QListWidget(group)
        self.profile_list.setAccessibleName("Authority profiles")
        self.profile_list.setToolTip("Each authority you write for; a case names one and can override its details")
        self.profile_list.setMaximumWidth(220)
        self.add_profile = QPushButton("Add authority", group)
        self.remove_profile = QPushButton("Remove", group)
        self.make_default = QPushButton("Use for new cases", group)
        self.add_profile.clicked.connect(self._on_add_profile_clicked)
        self.remove_profile.clicked.connect(self._on_remove_profile_clicked)
        self.make_default.clicked.connect(self._on_default_profile_clicked)
        left.addWidget(self.profile_list, 1)
        for button in (self.add_profile, self.remove_profile, self.make_default):
            left.addWidget(button)
        layout.addLayout(left)
        right = QVBoxLayout()
        self.authority_form = AuthorityForm(group)
        self.authority_name = self.authority_form.texts["name"]
        right.addWidget(self.authority_form)
        people = QFormLayout()
        self.signatory_name = QLineEdit(group)
        self.signatory_role = QLineEdit(group)
        self.default_regime = QComboBox(group)
        for key, label in REGIME_LABELS.items():
            self.default_regime.addItem(label, key)
        for label, widget, name in (
            ("&Signatory name:", self.signatory_name, "Signatory name"),
            ("Signatory &role:", self.signatory_role, "Signatory role"),
            ("Default re&gime:", self.default_regime, "Default regime for new cases"),
        ):
            widget.setAccessibleName(name)
            caption = QLabel(label, group)
            caption.setBuddy(widget)
            people.addRow(caption, widget)
        self.default_regime.setToolTip("The regime new cases start with")
        right.addLayout(people)
        layout.addLayout(right, 1)
        self.profile_list.currentRowChanged.connect(self._on_profile_row_changed)
        self.authority_name.textEdited.connect(self._on_profile_name_edited)
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
        self.add_folder = QPushButton("Add folder…", group)
        self.remove_folder = QPushButton("Remove folder", group)
        self.add_folder.clicked.connect(self._on_add_folder_clicked)
        self.remove_folder.clicked.connect(self._on_remove_folder_clicked)
        folder_buttons = QVBoxLayout()
        folder_buttons.addWidget(self.add_folder)
        folder_buttons.addWidget(self.remove_folder)
        folder_buttons.addStretch(1)
        folders = QHBoxLayout()
        folders.addWidget(self.folders, 1)
        folders.addLayout(folder_buttons)
        for label, buddy, row in (
            ("&Letterhead:", self.letterhead, self._with_browse(self.letterhead, self._on_browse_letterhead_clicked)),
            ("Clause &libraries:", self.folders, folders),
            (
                "Custom &dictionary:",
                self.dictionary,
                self._with_browse(self.dictionary, self._on_browse_dictionary_clicked),
            ),
        ):
            caption = QLabel(label, group)
            caption.setBuddy(buddy)
            form.addRow(caption, row)
        return group

    def _with_browse(self, field: QLineEdit, slot) -> QHBoxLayout:
        row = QHBoxLayout()
        button = QPushButton("Browse…", self)
        button.setAccessibleName(f"Browse for {field.accessibleName().lower()}")
        button.clicked.connect(slot)
        self.browse_buttons[field] = button
        row.addWidget(field, 1)
        row.addWidget(button)
        return row

    def _show(self, p: Preferences) -> None:
        self._base = p
        self._profiles = p.profiles()
        self._new_keys: set[str] = set()
        default = p.default_profile()
        self._default = default.key if default else ""
        self._row = -1
        if not self._profiles:
            self._add_blank_profile()
        self._fill_profile_list()
        self.profile_list.setCurrentRow(0 if self._profiles else -1)
        self.authority_form.setEnabled(bool(self._profiles))
        self.default_regime.setCurrentIndex(max(self.default_regime.findData(p.default_regime), 0))
        self.letterhead.setText(p.letterhead)
        self.dictionary.setText(p.custom_dictionary)
        self.folders.clear()
        self.folders.addItems(p.library_folders)

    def _fill_profile_list(self) -> None:
        self.profile_list.blockSignals(True)
        row = self.profile_list.currentRow()
        self.profile_list.clear()
        for profile in self._profiles:
            marker = " (new cases)" if profile.key == self._default else ""
            self.profile_list.addItem(f"{profile.authority.name or 'New authority'}{marker}")
        self.profile_list.setCurrentRow(min(row, len(self._profiles) - 1))
        self.profile_list.blockSignals(False)

    def _keep_form(self) -> None:
        """Store the form into the profile it shows."""
        if 0 <= self._row < len(self._profiles):
            profile = self._profiles[self._row]
            profile.authority = self.authority_form.authority()
            profile.signatory = Signatory(self.signatory_name.text().strip(), self.signatory_role.text().strip())

    def profiles(self) -> list[AuthorityProfile]:
        """Return the authority profiles as edited (new ones keyed by their name, nameless ones dropped)."""
        self._keep_form()
        kept: list[AuthorityProfile] = []
        for profile in self._profiles:
            if not profile.authority.name:
                continue
            if profile.key in self._new_keys:
                key, taken = (
                    profile_key(profile.authority.name),
                    {p.key for p in kept} | {p.key for p in self._profiles},
                )
                fresh = (
                    key if key not in taken else next(f"{key}-{n}" for n in range(2, 999) if f"{key}-{n}" not in taken)
                )
                self._default = fresh if self._default == profile.key else self._default
                profile = AuthorityProfile(fresh, profile.authority, profile.signatory)
            kept.append(profile)
        if kept and not any(p.key == self._default for p in kept):
            self._default = kept[0].key
        return kept

    def preferences(self) -> Preferences:
        """Return the preferences as edited."""
        edited = replace(
            self._base,
            default_regime=self.default_regime.currentData(),
            letterhead=self.letterhead.text().strip(),
            library_folders=[self.folders.item(i).text() for i in range(self.folders.count())],
            custom_dictionary=self.dictionary.text().strip(),
        )
        return edited.with_profiles(self.profiles(), self._default)

    def _on_profile_row_changed(self, row: int) -> None:
        self._keep_form()
        self._row = row
        profile = self._profiles[row] if 0 <= row < len(self._profiles) else None
        self.authority_form.setEnabled(profile is not None)
        self.authority_form.set_authority(profile.authority if profile else Authority(name=""))
        self.signatory_name.setText(profile.signatory.name if profile else "")
        self.signatory_role.setText(profile.signatory.role if profile else "")

    def _on_profile_name_edited(self, text: str) -> None:
        item = self.profile_list.currentItem()
        if item is not None:
            marker = " (new cases)" if self._profiles[self._row].key == self._default else ""
            item.setText(f"{text.strip() or 'New authority'}{marker}")

    def _add_blank_profile(self) -> None:
        taken = {p.key for p in self._profiles}
        key = next(f"new-authority-{n}" for n in range(1, len(taken) + 2) if f"new-authority-{n}" not in taken)
        self._profiles.append(AuthorityProfile(key, Authority(name="")))
        self._new_keys.add(key)
        self._default = self._default or key

    def _on_add_profile_clicked(self) -> None:
        self._keep_form()
        self._add_blank_profile()
        self._fill_profile_list()
        self.profile_list.setCurrentRow(len(self._profiles) - 1)
        self.authority_name.setFocus()

    def _on_remove_profile_clicked(self) -> None:
        row = self.profile_list.currentRow()
        if 0 <= row < len(self._profiles):
            removed = self._profiles.pop(row)
            self._row = -1
            if removed.key == self._default:
                self._default = self._profiles[0].key if self._profiles else ""
            self._fill_profile_list()
            self._on_profile_row_changed(self.profile_list.currentRow())

    def _on_default_profile_clicked(self) -> None:
        row = self.profile_list.currentRow()
        if 0 <= row < len(self._profiles):
            self._default = self._profiles[row].key
            self._keep_form()
            self._fill_profile_list()

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


LOCKED_TIP = "Set by your organisation; ask your IT department to change it"


def lock_widgets(widgets: list[QWidget]) -> None:
    """Show widgets as read-only: text stays selectable, anything that changes a value is disabled."""
    for widget in widgets:
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.setReadOnly(True)
        else:
            widget.setEnabled(False)
        widget.setToolTip(LOCKED_TIP)
        widget.setAccessibleDescription(LOCKED_TIP)
