"""The main window: lays out the case, parts, letter, preview and findings panels and wires them up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from app.core.casefile import drafts as case_io
from app.core.settings.organisation import enforce, load_layered, save_user_preferences
from app.core.settings.preferences import Preferences
from app.gui.officer.actions import UndoKeysFilter, build_menus, create_actions
from app.gui.officer.case_panel import deadline_text
from app.gui.officer.document import CaseDocument
from app.gui.officer.files import FileController
from app.gui.officer.layout import build_panels, build_status_bar
from app.gui.officer.recovery import Autosaver, RecoveredDraft, RecoveryStore
from app.gui.officer.word_roundtrip import WordRoundTrip
from app.gui.theme import apply_theme
from app.gui.widgets.answers import DISCARD, RESTORE
from app.gui.widgets.editors import Spelling, load_spelling_service

if TYPE_CHECKING:
    from app.core.casefile.authority import AuthorityProfile
    from app.core.checks.compliance import Finding
    from app.gui.environment import AppEnvironment
    from app.gui.officer.cases_view import CasesWindow
    from app.gui.officer.first_run import FirstRunDialog
    from app.gui.officer.settings_dialog import SettingsDialog

APP_TITLE = "FOI Response Drafter"


class MainWindow(QMainWindow):
    """The drafting window for one case at a time.

    Signals:
        library_folders_changed(): Settings chose other clause library folders.
    """

    library_folders_changed = Signal()

    def __init__(self, env: AppEnvironment, parent: QWidget | None = None):
        super().__init__(parent)
        self.env = env
        layered = load_layered(env.preferences_path, env.organisation_path, env.organisation_required)
        self.preferences, self.organisation = layered.preferences, layered.organisation
        self.preference_problems = layered.problems
        # First run: no preferences yet, and no authority profile supplied by the organisation either.
        self.first_run = not env.preferences_path.exists() and not self.preferences.profiles()
        self.state = QSettings(str(env.state_path), QSettings.Format.IniFormat)
        self.document = CaseDocument(
            self.library_folders(),
            env.today,
            case_io.new_case(self.preferences, env.today()),
            env.preview_delay_ms,
            self,
            profiles=self.preferences.profiles(),
        )
        from app.gui.officer.library_watch import LibraryWatcher

        self.library_watch = LibraryWatcher(self.document, getattr(env, "library_poll_ms", 2000), self)
        self.library_watch.changed.connect(
            lambda: self.statusBar().showMessage("The clause library changed on disk: letter rebuilt", 6000)
        )
        self.recovery = RecoveryStore(env.recovery_dir)
        self.autosaver = Autosaver(self.document, self.recovery, env.autosave_ms, self)
        self.files = FileController(self, self.document, env.prompter, self.state, lambda: self.preferences, env.today)
        self.word = WordRoundTrip(self, self.document, env.prompter, env.today, self.files.export_folder)
        self.spelling = Spelling(self)
        build_panels(self, self.spelling)
        self.actions = create_actions(self, self.document.undo_stack)
        build_menus(self, self.actions, self.files.fill_recent_menu)
        build_status_bar(self)
        self._connect()
        self._undo_keys = UndoKeysFilter(self)
        self._undo_keys.watch_text_fields(self)
        self.setWindowIcon(QApplication.windowIcon())
        self._restore_view_state()
        self._on_document_path_changed(None)
        if env.spelling:
            self.document.build_finished.connect(self._on_first_build_finished)

    def _connect(self) -> None:
        doc = self.document
        doc.path_changed.connect(self._on_document_path_changed)
        doc.modified_changed.connect(self._on_document_modified_changed)
        doc.case_replaced.connect(lambda: self._on_document_path_changed(doc.path))
        doc.field_changed.connect(self._on_document_field_changed)
        doc.findings_changed.connect(self._on_document_findings_changed)
        doc.deadline_changed.connect(self._on_document_deadline_changed)
        self.files.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.word.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.files.exported.connect(self._on_files_exported)
        self.autosaver.autosaved.connect(lambda _path: self.statusBar().showMessage("Draft autosaved", 2000))
        self.autosaver.failed.connect(self._on_autosaver_failed)
        self.document.builder.failed.connect(lambda text: self.statusBar().showMessage(f"Error: {text}", 15000))
        self.findings.finding_activated.connect(self._on_findings_finding_activated)
        self.case_panel.split_requested.connect(self._on_case_panel_split_requested)
        self.letter_view.block_selected.connect(self.preview.show_key)

    # ------------------------------------------------------------ state

    def _restore_view_state(self) -> None:
        geometry = self.state.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1560, 940)
        for key, splitter in (
            ("window/columns", self.columns),
            ("window/rows", self.rows),
            ("window/letter", self.letter_view.splitter),
        ):
            value = self.state.value(key)
            if value is not None:
                splitter.restoreState(value)
        window_state = self.state.value("window/state")
        if window_state is not None:
            self.restoreState(window_state)
        self.set_theme(str(self.state.value("view/theme", "system")), remember=False)

    def save_view_state(self) -> None:
        """Remember geometry and splitters (not preferences) in the window-state file."""
        self.state.setValue("window/geometry", self.saveGeometry())
        self.state.setValue("window/state", self.saveState())
        self.state.setValue("window/columns", self.columns.saveState())
        self.state.setValue("window/rows", self.rows.saveState())
        self.state.setValue("window/letter", self.letter_view.splitter.saveState())
        self.state.sync()

    # ------------------------------------------------------------ startup

    def offer_recovery(self) -> bool:
        """Offer drafts left by a crashed session; return whether one was restored."""
        drafts = self.recovery.leftovers()
        if not drafts:
            return False
        decision, chosen = self.env.prompter.offer_recovery(self, drafts)
        restored = decision == RESTORE and chosen is not None and self.restore_draft(chosen)
        for draft in drafts:
            if decision == DISCARD or (restored and draft is chosen):
                draft.discard()
            else:
                draft.release()
        return restored

    def offer_first_run_setup(self) -> FirstRunDialog:
        """Show the short authority setup (non-blocking); Skip saves the defaults so it is not asked again."""
        from app.gui.officer.first_run import FirstRunDialog

        dialog = FirstRunDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.profile_chosen.connect(self._on_first_run_profile_chosen)
        dialog.skipped.connect(lambda: self.apply_preferences(self.preferences))
        dialog.open()
        return dialog

    def _on_first_run_profile_chosen(self, profile: AuthorityProfile) -> None:
        profiles = [*self.preferences.profiles(), profile]
        if self.apply_preferences(self.preferences.with_profiles(profiles, profile.key)):
            if self.document.path is None and not self.document.is_modified():
                self.files.new_case()

    def restore_draft(self, draft: RecoveredDraft) -> bool:
        """Open a recovered draft as an unsaved change to its original file."""
        try:
            case = case_io.parse_draft(draft.case_text, str(draft.file))
        except Exception as exc:
            self.env.prompter.error(self, "Cannot restore draft", f"{draft.file}: {exc}")
            return False
        self.document.replace(case, draft.original_path, modified=True)
        self.autosaver.save_now()
        self.statusBar().showMessage("Draft restored — save it to keep it", 8000)
        return True

    # ------------------------------------------------------------ actions' slots

    def new_case(self) -> bool:
        return self.files.new_case()

    def open_case(self, path: Path | None = None) -> bool:
        return self.files.open_case(path)

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def export(self, path: Path | None = None) -> bool:
        return self.files.export(path)

    def check_word_letter(self, path: Path | None = None) -> Any:
        return self.word.check_letter(path)

    def import_word_edits(self, path: Path | None = None) -> Any:
        return self.word.import_edits(path)

    def export_pdf(self, path: Path | None = None) -> bool:
        return self.files.export(path, "pdf")

    def export_disclosure_log(self, path: Path | None = None) -> bool:
        return self.files.export(path, "docx", disclosure_log=True)

    def print_letter(self) -> bool:
        from app.gui.officer.printing import print_with_dialog

        return print_with_dialog(self, self.preview.page_html())

    def close_case(self) -> bool:
        """Close the case (asking about unsaved changes) and start a new, empty one."""
        return self.files.new_case()

    def user_guide(self) -> QWidget:
        from app.gui.officer.help_window import show_user_guide

        return show_user_guide(self)

    def show_cases(self) -> CasesWindow:
        """Open (or raise) the Cases view over the case folders from Settings."""
        from app.gui.officer.cases_view import CasesWindow

        existing = self.findChild(CasesWindow)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        window = CasesWindow(self.preferences.case_folder_paths(), self.env.today, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open_requested.connect(self._on_cases_open_requested)
        window.folders_changed.connect(
            lambda folders: self.apply_preferences(replace(self.preferences, case_folders=folders))
        )
        self.files.exported.connect(lambda _path: window.reload())
        self.document.path_changed.connect(lambda _path: window.reload())
        window.show()
        return window

    def _on_autosaver_failed(self, reason: str) -> None:
        """Show a failed autosave in the status bar every time, and once in a warning."""
        self.statusBar().showMessage(f"Autosave failed: {reason}. Save the case to keep your changes.", 10000)
        if not getattr(self, "_autosave_warned", False):
            self._autosave_warned = True
            self.env.prompter.error(
                self,
                "Autosave failed",
                f"Your draft could not be autosaved ({reason}), so it would be lost if the app stopped. "
                "Save the case (File ▸ Save As) to a folder you can write to.",
            )

    def _on_cases_open_requested(self, path: Path) -> None:
        if self.files.open_case(path):
            self.activateWindow()

    def _on_files_exported(self, _path: Path) -> None:
        """Mark the case exported, an undoable change saved with the case (the officer marks it sent)."""
        doc = self.document
        if doc.case.status == "draft":
            doc.edit_field("status", "exported")
        doc.edit_field("exported", self.env.today())
        doc.edit_field("export_errors", list(self.files.last_export_errors))  # the file itself records nothing

    def export_for_sign_off(self, path: Path | None = None) -> bool:
        """Export with the officer's edits to library wording as Word tracked changes."""
        return self.files.export(path, "docx", track_changes=True)

    def open_settings(self) -> SettingsDialog:
        """Open the settings dialog (non-blocking); applied and saved on OK."""
        from app.gui.officer.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.preferences, self, locked=self.organisation.locked)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_preferences(dialog.preferences()))
        dialog.open()
        return dialog

    def library_folders(self) -> list[Path]:
        """Return the clause folders above the built-in layer: the organisation one always exists."""
        from app.core.workbench.layers import ensure_folder, library_folders

        folders = library_folders(self.preferences.library_paths(), self.env.organisation_dir)
        if folders and folders[0] == self.env.organisation_dir:
            ensure_folder(folders[0])
        return folders

    def apply_preferences(self, preferences: Preferences) -> bool:
        """Use and save new preferences (locked keys stay the organisation's); reload the library if needed."""
        old = self.preferences
        preferences = enforce(preferences, self.organisation)
        try:
            save_user_preferences(preferences, self.organisation, self.env.preferences_path)
        except OSError as exc:
            self.env.prompter.error(self, "Cannot save settings", f"{self.env.preferences_path}: {exc}")
            return False
        self.preferences = preferences
        if preferences.profiles() != list(self.document.profiles):
            self.document.set_profiles(preferences.profiles())
        if preferences.library_folders != old.library_folders:
            self.document.set_library_folders(self.library_folders())
            self.library_folders_changed.emit()
        self.statusBar().showMessage("Settings saved", 4000)
        return True

    def find_in_letter(self) -> None:
        self.preview.show_find_bar()

    def split_request(self) -> None:
        self.case_panel.split_button.click()

    def add_part(self) -> None:
        index = self.document.add_part()
        self.tabs.setCurrentWidget(self.parts_editor)
        self.parts_editor.select_part(index)

    def add_clause(self) -> None:
        self.letter_view.open_clause_picker()

    def reset_clause(self) -> None:
        self.letter_view.reset_current()

    def move_clause_up(self) -> None:
        self.letter_view.move_current(-1)

    def move_clause_down(self) -> None:
        self.letter_view.move_current(1)

    def remove_clause(self) -> None:
        self.letter_view.toggle_removed()

    def refresh_preview(self) -> None:
        self.document.builder.build_now()

    def next_finding(self) -> None:
        """Go to the finding after the selected one."""
        tree = self.findings.tree
        if tree.topLevelItemCount():
            row = (tree.indexOfTopLevelItem(tree.currentItem()) + 1) % tree.topLevelItemCount()
            tree.setCurrentItem(tree.topLevelItem(row))
            self.findings.activate(row)

    def focus_panel(self, name: str) -> None:
        """Move keyboard focus to a panel."""
        if name in ("case", "parts"):
            self.tabs.setCurrentIndex(0 if name == "case" else 1)
            widget = self.case_panel.regime if name == "case" else self.parts_editor.parts
        else:
            widget = {"letter": self.letter_view.tree, "preview": self.preview.browser, "findings": self.findings.tree}[
                name
            ]
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_theme(self, theme: str, remember: bool = True) -> None:
        """Use the system, light or dark palette."""
        applied = apply_theme(QApplication.instance(), theme)
        for name in ("system", "light", "dark"):
            getattr(self.actions, f"theme_{name}").setChecked(name == applied)
        if remember:
            self.state.setValue("view/theme", applied)

    def open_workbench(self) -> None:
        """Open the clause library workbench for legal reviewers."""
        from app.gui.workbench.launcher import open_workbench

        open_workbench(self)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, f"About {APP_TITLE}", about_text())

    # ------------------------------------------------------------ slots

    def _on_first_build_finished(self, _result: Any) -> None:
        """Load the word list on the worker once the first letter is shown, then spellcheck."""
        self.document.build_finished.disconnect(self._on_first_build_finished)
        dictionary = self.preferences.dictionary_path()
        self.document.builder.run_in_background(
            lambda: load_spelling_service(dictionary), self.spelling.enable, "loading the spelling dictionary"
        )

    def _on_document_path_changed(self, _path: object) -> None:
        self.setWindowTitle(f"{self.files.display_name()}[*] — {APP_TITLE}")
        self.setWindowModified(self.document.is_modified())

    def _on_document_modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)

    def _on_document_field_changed(self, path: str) -> None:
        if path == "reference" and self.document.path is None:
            self._on_document_path_changed(None)

    def _on_document_findings_changed(self, findings: list[Finding]) -> None:
        errors = sum(f.severity == "error" for f in findings)
        self.findings_label.setText(f"{errors} missing" if errors else "Complete")
        self.findings_label.setToolTip("Required elements missing from the letter (see Findings)")

    def _on_document_deadline_changed(self, due: Any, left: Any) -> None:
        self.deadline_label.setText(deadline_text(due, left, self.document.case.date, short=True))

    def _on_findings_finding_activated(self, finding: Finding) -> None:
        """Take the officer to the clause, part or section a finding concerns."""
        if finding.rule.startswith("authority-"):
            self.tabs.setCurrentWidget(self.case_panel)
            field = self.case_panel.authority_name if finding.rule == "authority-name" else self.case_panel.profile
            self.case_panel.ensureWidgetVisible(field)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        elif finding.block_key and self.letter_view.select(finding.block_key):
            self.letter_view.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.preview.show_key(finding.block_key)
        elif finding.part:
            self.tabs.setCurrentWidget(self.parts_editor)
            self.parts_editor.select_part(finding.part - 1)
            self.parts_editor.outcome.setFocus(Qt.FocusReason.OtherFocusReason)
            self.letter_view.select(finding.section_key or f"part-{finding.part}")
        elif finding.section_key and self.letter_view.select(finding.section_key):
            self.letter_view.tree.setFocus(Qt.FocusReason.OtherFocusReason)
            self.preview.show_key(finding.section_key)

    def _on_case_panel_split_requested(self, questions: list[str]) -> None:
        if not questions:
            self.env.prompter.error(self, "Nothing to split", "Type or paste the request first.")
            return
        if self.env.prompter.confirm_questions(self, questions):
            self.document.set_questions(questions)
            self.tabs.setCurrentWidget(self.parts_editor)

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_view_state()
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop background work and end the recovery session (the draft is saved or discarded)."""
        self.document.close()
        self.recovery.close()


def about_text() -> str:
    """Return the About box's text, with the version and build."""
    from app.core.version import describe

    return (
        f"<b>{APP_TITLE}</b> {describe()}<p>Drafts UK Freedom of Information responses (FOIA, FOISA, "
        "EIR, EISR) from an approved clause library, checks them against the statute and exports "
        "them to Word. Works offline.</p>"
    )
