"""The clause library workbench: legal reviewers browse, edit, validate, preview, approve and version clauses.

Layers follow Frescobaldi's snippet library: the built-in clauses shipped with the app are
read-only, and a copy with the same id in the organisation or personal layer overrides them.
Every save is atomic and recorded (a git commit when the layer folder is in a repository,
otherwise a timestamped snapshot); a failure is always reported, naming the file, and the edit
stays in the editor. The library is loaded and validated off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from app.core.drafting.library import Layer, default_layers
from app.core.workbench import clause_text, model, preview_samples
from app.core.workbench.approval import ApprovalPolicy, approval_blocker, as_draft, last_editor_of, load_policy
from app.core.workbench.maintenance import ApprovalError, approve
from app.core.workbench.model import Entry, WorkbenchLibrary
from app.gui.widgets.answers import DISCARD, SAVE
from app.gui.workbench.layout import build_actions, build_panels, fill_override_menu
from app.gui.workbench.loader import LibraryLoader
from app.gui.workbench.prompter import APPROVE, DRAFT, WorkbenchPrompter
from app.gui.workbench.reviewers import show_policy

TITLE = "Clause library workbench"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class WorkbenchWindow(QMainWindow):
    """The clause library workbench window.

    Signals:
        library_saved(): a clause file was saved, approved, overridden or removed (rebuild letters).
        library_loaded(object): the browser now shows this WorkbenchLibrary.
    """

    library_saved = Signal()
    library_loaded = Signal(object)

    def __init__(
        self,
        layers: Sequence[Layer],
        today: Callable[[], dt.date],
        reviewer: str = "",
        prompter: WorkbenchPrompter | None = None,
        parent: QWidget | None = None,
        spelling_service: Any = None,
        delay_ms: int = 300,
    ):
        super().__init__(parent)
        self.layers = list(layers)
        self.today = today
        self.prompter = prompter or WorkbenchPrompter()
        self.library: WorkbenchLibrary | None = None
        self.entry: Entry | None = None
        self._after_load: tuple[str, str] | None = None
        self._saved_message = ""
        self.folders_source: Callable[[], list[Path]] | None = None
        self.policy = ApprovalPolicy()
        self.setWindowTitle(f"{TITLE}[*]")
        self.loader = LibraryLoader(self)
        self.loader.loaded.connect(self._on_loader_loaded)
        self.loader.failed.connect(self._on_loader_failed)
        build_panels(self, reviewer, delay_ms)
        build_actions(self)
        self.editor.body.enable_spelling(spelling_service)
        self._update_actions()
        self.resize(1500, 900)
        self.statusBar().showMessage("Loading the clause library…")
        self.reload()

    def set_layers(self, layers: Sequence[Layer]) -> None:
        """Use other layer folders (Settings changed) without reopening the workbench."""
        self.layers = list(layers)
        fill_override_menu(self)
        self.layers_bar.show_layers(self.layers)
        self.shared.update()
        self._update_actions()
        self.reload()

    def follow_folders(self) -> None:
        """Take the layer folders again from folders_source (the main window's Settings)."""
        if self.folders_source is not None:
            self.set_layers(default_layers(self.folders_source()))

    # ------------------------------------------------------------ library

    def reload(self) -> None:
        """Load every layer again on the worker (library_loaded follows), and the approval rules."""
        self.policy, problems = load_policy(self.layers)
        self._show_policy(problems)
        self.loader.load(self.layers)

    def _show_policy(self, problems: list) -> None:
        """Explain the approval rules at the reviewer field; report a broken library.yaml."""
        show_policy(self.reviewer, self.policy, self.layers)
        for problem in problems:
            self.prompter.error(self, "Library settings", str(problem))

    def reviewer_name(self) -> str:
        """Return the reviewer's name as typed."""
        return self.reviewer.text().strip()

    def open_entry(self, entry: Entry) -> bool:
        """Show an entry in the editor (unsaved changes must be dealt with first)."""
        try:
            text = entry.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.prompter.error(self, "Cannot open clause", f"{entry.path}: {getattr(exc, 'strerror', None) or exc}")
            return False
        self.entry = entry
        self.editor.load(entry.path, entry.layer.name, text, entry.read_only)
        overridden = []
        for lower in entry.overrides[-1:]:
            try:
                overridden.append((lower.layer, Path(lower.path).read_text(encoding="utf-8")))
            except OSError:
                continue
        self.history.show_file(entry.path, model.history_of(entry.layer), self.editor.text(), overridden)
        self._update_actions()
        return True

    # ------------------------------------------------------------ commands

    def save(self) -> bool:
        """Save the clause being edited; report any failure and keep the edit."""
        if self.entry is None or self.editor.path is None:
            return False
        if self.editor.read_only:
            self.prompter.error(
                self,
                "Built-in clause",
                f"{self.editor.path} ships with the app and cannot be "
                "changed here. Use “Override in …” to edit a copy in your organisation or "
                "personal layer.",
            )
            return False
        if not self._confirm_disk_unchanged():
            return False
        if self.editor.wording_changed_since_approval():
            clause_id = str((self.editor.meta() or {}).get("id", self.editor.path.name))
            choice = self.prompter.approval_choice(self, clause_id, self.reviewer_name(), self._approval_blocker())
            if choice == APPROVE:
                return self.approve()
            if choice != DRAFT:
                return False
            self.editor.return_to_draft()
        return self._write(self.editor.text(), self.note.text().strip() or self._default_message("Update"))

    def approve(self) -> bool:
        """Approve the clause with the reviewer's name and today's date, and save it."""
        if self.entry is None or self.editor.path is None:
            return False
        if self.editor.read_only:
            self.prompter.error(self, "Built-in clause", f"{self.editor.path} is read-only: override it first.")
            return False
        blocker = self._approval_blocker()
        if blocker:
            self.prompter.error(self, "Cannot approve", f"{self.editor.path}: {blocker}")
            return False
        try:
            approved = approve(self.editor.clause, self.reviewer_name(), self.today(), self.editor.problems)
        except ApprovalError as exc:
            self.prompter.error(self, "Cannot approve", f"{self.editor.path}: {exc}")
            return False
        if not self._confirm_disk_unchanged():
            return False
        self.editor.set_approval(approved)
        message = self.note.text().strip() or self._default_message(f"Approve ({approved.approved_by})")
        return self._write(self.editor.text(), message)

    def override(self, layer: Layer) -> bool:
        """Copy the clause into a higher layer, where it replaces this wording in letters; open the copy."""
        entry = self.entry
        if entry is None or entry.clause is None:
            return False
        if not self.maybe_save():
            return False
        target = model.override_path(entry, layer)
        if target.exists():
            self.prompter.error(self, "Cannot override", f"{target} already exists in the {layer.name} layer.")
            return False
        try:
            text = entry.path.read_text(encoding="utf-8")
        except OSError as exc:
            self.prompter.error(self, "Cannot override", f"{entry.path}: {exc.strerror or exc}")
            return False
        message = f"Override {entry.clause.id} (copied from the {entry.layer.name} layer as a draft)"
        if not self._record(target, layer, as_draft(text), message):
            return False
        self._after_load = ("key", str(target.resolve()))
        self.library_saved.emit()
        self.reload()
        return True

    def remove_override(self) -> bool:
        """Delete this layer's copy of a clause (after confirmation); letters use the lower wording again."""
        entry = self.entry
        if entry is None or entry.read_only or self.editor.path is None or not self.editor.saved_text:
            return False
        clause_id = entry.clause.id if entry.clause else entry.path.name
        if entry.overrides and not entry.shadowed_by:
            question = (
                f"Remove the {entry.layer.name} copy of “{clause_id}”? Letters will use the "
                f"{entry.overrides[-1].layer} wording again."
            )
        else:
            question = f"Delete “{clause_id}” from the {entry.layer.name} layer ({entry.path})?"
        if not self.prompter.confirm(self, "Remove clause", question):
            return False
        try:
            failure = model.remove_file(
                entry.path,
                model.history_of(entry.layer),
                self.note.text().strip() or f"Remove {clause_id}",
                self.reviewer_name(),
            )
        except OSError as exc:
            self.prompter.error(self, "Cannot remove clause", f"{entry.path}: {exc.strerror or exc}")
            return False
        if failure:
            self.prompter.error(
                self,
                "Removed, but not recorded",
                f"{entry.path} was removed, but the history could not record it: {failure}",
            )
        self.note.clear()
        self.editor.clear()
        self.entry = None
        self._after_load = ("id", clause_id)
        self._saved_message = f"Removed {entry.path}"
        self.statusBar().showMessage(self._saved_message, 6000)
        self.library_saved.emit()
        self.reload()
        return True

    def new_clause(self) -> bool:
        """Start a new draft clause in an editable layer (saved on the first Save)."""
        layers = model.editable_layers(self.layers)
        if not layers:
            self.prompter.error(
                self,
                "No library to write to",
                "Set an organisation or personal clause library "
                "folder in Settings first; built-in clauses are read-only.",
            )
            return False
        answer = self.prompter.new_clause(self, [layer.name for layer in layers])
        if answer is None:
            return False
        clause_id, layer_name = answer
        layer = next((item for item in layers if item.name == layer_name), layers[-1])
        if not _ID_RE.match(clause_id):
            self.prompter.error(
                self,
                "Cannot create clause",
                f"“{clause_id}” is not a usable id: use lower-case "
                "letters, digits, dots and hyphens, e.g. foia.closing.short",
            )
            return False
        path = layer.folder.resolve() / f"{clause_id}.md"
        if path.exists():
            self.prompter.error(self, "Cannot create clause", f"{path} already exists.")
            return False
        if not self.maybe_save():
            return False
        self.entry = Entry(path, layer, None)
        text = clause_text.compose({"id": clause_id, "title": "", "topic": "", "status": "draft"}, "")
        self.editor.load(path, layer.name, text, read_only=False, new=True)
        self.history.show_file(path, model.history_of(layer), text)
        self._update_actions()
        return True

    def maybe_save(self) -> bool:
        """Deal with unsaved changes; return False when the reviewer cancels (or saving failed)."""
        if not self.editor.is_modified():
            return True
        answer = self.prompter.confirm_discard(self, self._clause_name())
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    # ------------------------------------------------------------ internals

    def _write(self, text: str, message: str) -> bool:
        entry = self.entry
        if not self._record(self.editor.path, entry.layer, text, message):
            return False
        self.editor.mark_saved(text)
        self.note.clear()
        self.history.refresh()
        self._after_load = ("key", str(self.editor.path))
        self.library_saved.emit()
        self.reload()
        self._update_actions()
        return True

    def _record(self, path: Path, layer: Layer, text: str, message: str) -> bool:
        """Write a file and record it; False (reported) when it could not be written."""
        try:
            version, failure = model.save_text(path, text, model.history_of(layer), message, self.reviewer_name())
        except OSError as exc:
            self.prompter.error(
                self,
                "Cannot save clause",
                f"{path}: {exc.strerror or exc}. Nothing was written; your changes are still in the editor.",
            )
            return False
        if failure:
            self.prompter.error(
                self,
                "Saved, but not recorded in the history",
                f"{path} was saved, but the change could not be recorded: {failure}",
            )
        where = f" (commit {version.id[:10]})" if version is not None and len(version.id) == 40 else ""
        self._saved_message = f"Saved {path}{where}"
        self.statusBar().showMessage(self._saved_message, 8000)
        return True

    def _approval_blocker(self) -> str:
        """Return why the clause cannot be approved now ("" when it can)."""
        located = self.editor.validate_now()
        if self.editor.raw or self.editor.clause is None or located:
            first = located[0].label if located else "the clause cannot be read"
            return f"fix the problems first — {first}"
        if not self.reviewer_name():
            return "enter your name as reviewer to approve a clause"
        editor = self.editor
        if not self.policy.restricted and not self.policy.four_eyes:
            return ""
        history = model.history_of(self.entry.layer) if self.entry is not None else None
        last = last_editor_of(editor.path, history, editor.saved_text, editor.text(), self.reviewer_name())
        return approval_blocker(self.policy, self.reviewer_name(), last)

    def _confirm_disk_unchanged(self) -> bool:
        """Ask before overwriting a file someone else changed since it was opened."""
        path = self.editor.path
        if path is None or not self.editor.saved_text or not path.exists():
            return True
        try:
            disk = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return True
        if disk in (self.editor.saved_text, self.editor.text()):
            return True
        if clause_text.split_text(disk) == clause_text.split_text(self.editor.saved_text):
            return True
        return self.prompter.confirm(
            self,
            "Clause changed on disk",
            f"{path} was changed outside the workbench since you opened it. Overwrite it with your version?",
        )

    def _default_message(self, verb: str) -> str:
        meta = self.editor.meta() or {}
        return f"{verb} {meta.get('id') or self.editor.path.name}"

    def _clause_name(self) -> str:
        meta = self.editor.meta() or {}
        return str(meta.get("title") or meta.get("id") or (self.editor.path.name if self.editor.path else "clause"))

    def _update_actions(self) -> None:
        entry = self.entry
        editable = entry is not None and not entry.read_only
        for widget in (self.save_action, self.save_button, self.approve_action, self.approve_button, self.note):
            widget.setEnabled(editable)
        above: set[str] = set()
        if entry is not None and entry.clause is not None:
            above = {layer.name for layer in model.layers_above(self.layers, entry.layer)}
        for name, action in self.override_actions.items():
            action.setEnabled(name in above)
        self.override_button.setEnabled(bool(above))
        if not self.override_actions:
            self.override_button.setToolTip(
                "Set an organisation or personal library folder in Settings to override built-in clauses"
            )
        else:
            self.override_button.setToolTip("Copy this clause into a higher layer and edit the copy there")
        self.remove_action.setEnabled(editable and bool(self.editor.saved_text))
        self.remove_action.setText("&Remove override" if entry and entry.overrides else "&Delete clause")
        self.setWindowTitle(f"{self._clause_name()}[*] — {TITLE}" if entry else f"{TITLE}[*]")

    # ------------------------------------------------------------ slots

    def _on_loader_loaded(self, library: WorkbenchLibrary) -> None:
        self.library = library
        self.preview.set_commencements(library.commencements)
        after, self._after_load = self._after_load, None
        current = self.entry.key if self.entry is not None else ""
        self.browser.set_library(library, keep=current)
        if after is not None:
            kind, value = after
            target = library.by_key(value) if kind == "key" else library.effective(value)
            if target is not None and (target.key != current or self.entry is None or not self.editor.saved_text):
                self.browser.select_key(target.key, notify=False)
                self.open_entry(target)
            elif target is not None:
                self.entry = target
                self.browser.select_key(target.key, notify=False)
        elif self.entry is not None and library.by_key(current) is not None:
            self.entry = library.by_key(current)
        self._update_actions()
        problems = len(library.problems)
        plural = "s" if problems != 1 else ""
        loaded = f"library loaded: {len(library.entries)} clause files, {problems} problem{plural}"
        saved, self._saved_message = self._saved_message, ""
        self.statusBar().showMessage(f"{saved}; {loaded}" if saved else loaded.capitalize(), 8000)
        self.library_loaded.emit(library)

    def _on_loader_failed(self, message: str) -> None:
        self.prompter.error(self, "Cannot load the clause library", message)

    def _on_browser_entry_selected(self, entry: Entry | None) -> None:
        if entry is None or (self.entry is not None and entry.key == self.entry.key and self.editor.saved_text):
            return
        if not self.maybe_save():
            if self.entry is not None:
                self.browser.select_key(self.entry.key, notify=False)
            return
        self.open_entry(entry)

    def _on_editor_validated(self, _located: list) -> None:
        self.preview.show_clause(self.editor.clause, self.editor.problems)
        self.catalogue.show_used(preview_samples.variables_used(self.editor.body.toPlainText()))
        self.history.set_current_text(self.editor.text())

    def _on_editor_modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)

    def _on_history_restore_requested(self, text: str) -> None:
        if not text:
            self.prompter.error(self, "Cannot restore", "That version has no text (the file was removed in it).")
            return
        if self.editor.read_only:
            self.prompter.error(self, "Built-in clause", "Built-in clauses are read-only: override it first.")
            return
        self.editor.replace_text(text)
        self.statusBar().showMessage("Version restored in the editor — save to keep it", 8000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.loader.shutdown()
        event.accept()
