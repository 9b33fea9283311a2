"""The main window: lays out the case, parts, letter, preview and findings panels and wires them up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from app.gui.officer.opening import FirstPaint, show_opening
from app.gui.widgets.answers import DISCARD, RESTORE

if TYPE_CHECKING:
    from app.core.casefile.authority import AuthorityProfile
    from app.core.checks.compliance import Finding
    from app.core.settings.preferences import Preferences
    from app.gui.environment import AppEnvironment
    from app.gui.officer.cases_view import CasesWindow
    from app.gui.officer.first_run import FirstRunDialog
    from app.gui.officer.recovery import RecoveredDraft
    from app.gui.officer.settings_dialog import SettingsDialog

APP_TITLE = "FOI Response Drafter"


class MainWindow(QMainWindow):
    """The drafting window for one case at a time.

    Signals:
        library_folders_changed(): Settings chose other clause library folders.
        loaded(): a window started staged has built its panels and opened its case.
    """

    library_folders_changed = Signal()
    loaded = Signal()

    def __init__(
        self,
        env: AppEnvironment,
        parent: QWidget | None = None,
        opening: Path | str | None = None,
        staged: bool = False,
    ):
        super().__init__(parent)
        self.env = env
        self.loading = staged
        self._opening = Path(str(opening)) if opening else None
        if staged:
            self.state = QSettings(str(env.state_path), QSettings.Format.IniFormat)
            show_opening(self, self._opening, APP_TITLE, self.finish_loading)
        else:
            self._build()

    def _build(self, warm_up_first: bool = False) -> None:
        from app.gui.officer.assembly import build_window  # the panels and all they import

        build_window(self, warm_up_first)

    def finish_loading(self) -> bool:
        """Build the panels and open the case the window was started with, if still to do; once only.

        A window started staged (on screen at once, saying which case it opens) calls this just after
        its first paint; the actions that need the case call it first, so none acts on a half-loaded
        window. Returns whether it loaded now.
        """
        if not self.loading:
            return False
        self.loading = False
        self._build(warm_up_first=True)
        self.open_at_start(self._opening, prepare=False)
        self.loaded.emit()
        return True

    def open_at_start(self, case_path: Path | None, prepare: bool = True) -> None:
        """Offer any crashed session's draft, then open the case given (if any), else build the new one.

        On the very first run the short authority setup is offered over it.
        """
        if prepare:
            self.document.prepare_builder()
        restored = self.offer_recovery()
        opened = not restored and bool(case_path) and self.files.open_case(Path(str(case_path)), ask_first=False)
        if not (restored or opened):
            self.document.builder.build_soon()
        if self.first_run and not restored:
            self.offer_first_run_setup()

    # ------------------------------------------------------------ state

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
        from PySide6.QtCore import Qt  # its enums are created on first use: after the first paint

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
        from app.core.casefile import drafts as case_io

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
        self.finish_loading()
        return self.files.new_case()

    def open_case(self, path: Path | None = None) -> bool:
        self.finish_loading()
        return self.files.open_case(path)

    def save(self) -> bool:
        self.finish_loading()
        return self.files.save()

    def save_as(self) -> bool:
        self.finish_loading()
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
        from PySide6.QtCore import Qt  # its enums are created on first use: after the first paint

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
        from PySide6.QtCore import Qt  # its enums are created on first use: after the first paint

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
        from app.core.settings.organisation import enforce, save_user_preferences

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
        from PySide6.QtCore import Qt  # its enums are created on first use: after the first paint

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
        from app.gui.theme import apply_theme

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
        """Load the word list on the worker once the first letter has been painted, then spellcheck.

        Not before that paint: the load holds the interpreter, which would delay putting the
        letter on screen (the preview has just been given it when this runs).
        """
        self.document.build_finished.disconnect(self._on_first_build_finished)
        FirstPaint(self.preview.browser.viewport(), self._load_spelling, self)

    def _load_spelling(self) -> None:
        from app.gui.widgets.editors import load_spelling_service

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
        from app.gui.officer.case_panel import deadline_text

        self.deadline_label.setText(deadline_text(due, left, self.document.case.date, short=True))

    def _on_findings_finding_activated(self, finding: Finding) -> None:
        """Take the officer to the clause, part or section a finding concerns."""
        from PySide6.QtCore import Qt  # its enums are created on first use: after the first paint

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
        if self.loading:  # closed before its case was opened: nothing to save, nothing left to load
            self.loading = False
            event.accept()
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        self.save_view_state()
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop background work and end the recovery session (the draft is saved or discarded)."""
        self.loading = False
        if not hasattr(self, "document"):  # closed while opening: nothing was started
            return
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
