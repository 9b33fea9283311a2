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

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.drafting.library import Layer, default_layers
from app.core.drafting.skeleton import all_topics
from app.core.workbench import model
from app.core.workbench.approval import ApprovalPolicy, approval_blocker, as_draft, last_editor_of, load_policy
from app.core.workbench.maintenance import ApprovalError, approve
from app.core.workbench.model import Entry, WorkbenchLibrary
from app.gui.officer.dialogs import DISCARD, SAVE
from app.gui.tasks import TaskRunner
from app.gui.workbench.browser import LibraryBrowser
from app.gui.workbench.editor import ClauseEditor
from app.gui.workbench.history import HistoryPanel
from app.gui.workbench.layers_bar import LayersBar
from app.gui.workbench.panels import CataloguePanel, PreviewPanel
from app.gui.workbench.prompter import APPROVE, DRAFT, WorkbenchPrompter
from app.gui.workbench.reviewers import show_policy
from app.gui.workbench.shared_library import SharedLibrary

__all__ = ["APPROVE", "DRAFT", "WorkbenchPrompter", "WorkbenchWindow", "open_workbench"]

TITLE = "Clause library workbench"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class LibraryLoader(QObject):
    """Loads and validates the layers on a worker thread; only the latest request is delivered.

    Signals:
        loaded(object): a WorkbenchLibrary, on the GUI thread.
        failed(str): loading raised (the message).
    """

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks = TaskRunner("workbench-loader", self)
        self._generation = 0

    def load(self, layers: Sequence[Layer]) -> None:
        """Start loading (a later request supersedes an earlier one)."""
        self._generation += 1
        generation, chosen = self._generation, list(layers)
        self._tasks.run(
            lambda: model.load_workbench(chosen),
            lambda library: self._on_loaded(generation, library),
            lambda error: self._on_failed(generation, error),
        )

    def shutdown(self) -> None:
        """Wait for the worker; nothing is delivered afterwards."""
        self._tasks.shutdown()

    def _on_loaded(self, generation: int, library: object) -> None:
        if generation == self._generation:
            self.loaded.emit(library)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.failed.emit(f"{type(error).__name__}: {error}")


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
        self._build(reviewer, delay_ms)
        self._build_actions()
        self.editor.body.enable_spelling(spelling_service)
        self._update_actions()
        self.resize(1500, 900)
        self.statusBar().showMessage("Loading the clause library…")
        self.reload()

    # ------------------------------------------------------------ layout

    def _build(self, reviewer: str, delay_ms: int) -> None:
        self.browser = LibraryBrowser(self.today, self)
        self.browser.entry_selected.connect(self._on_browser_entry_selected)
        self.editor = ClauseEditor(sorted(all_topics()), delay_ms, self)
        self.editor.validated.connect(self._on_editor_validated)
        self.editor.modified_changed.connect(self._on_editor_modified_changed)
        self.preview = PreviewPanel(self.today, self)
        self.catalogue = CataloguePanel(self)
        self.catalogue.variable_chosen.connect(self.editor.insert_variable)
        self.history = HistoryPanel(self)
        self.history.restore_requested.connect(self._on_history_restore_requested)
        self.side = QTabWidget(self)
        self.side.setAccessibleName("Preview, variables and history")
        self.side.addTab(self.preview, "Preview")
        self.side.addTab(self.catalogue, "Variables")
        self.side.addTab(self.history, "History")
        self.side.setTabToolTip(0, "The clause rendered with an example case")
        self.side.setTabToolTip(1, "The case variables clause templates can use")
        self.side.setTabToolTip(2, "Saved versions of this clause and what changed")
        middle = QWidget(self)
        column = QVBoxLayout(middle)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.editor, 1)
        column.addLayout(self._build_save_row(middle))
        self.columns = QSplitter(Qt.Orientation.Horizontal, self)
        self.columns.setChildrenCollapsible(False)
        self.columns.addWidget(self.browser)
        self.columns.addWidget(middle)
        self.columns.addWidget(self.side)
        self.columns.setSizes([520, 570, 410])
        self.layers_bar = LayersBar(self)
        self.layers_bar.show_layers(self.layers)
        central = QWidget(self)
        stack = QVBoxLayout(central)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.layers_bar)
        stack.addWidget(self.columns, 1)
        self.setCentralWidget(central)
        self.reviewer = QLineEdit(reviewer, self)
        self.reviewer.setAccessibleName("Reviewer name")
        self.reviewer.setPlaceholderText("Your name (recorded on approval)")
        self.reviewer.setToolTip("Recorded as approved_by and as the author of history entries")
        self.reviewer.setMinimumWidth(180)
        self.reviewer.setMaximumWidth(280)

    def _build_save_row(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.note = QLineEdit(parent)
        self.note.setAccessibleName("Change note")
        self.note.setPlaceholderText("Change note for the history (optional)")
        self.note.setToolTip("Recorded as the commit message or snapshot note")
        self.note.returnPressed.connect(self.save)
        label = QLabel("Change note:", parent)
        label.setBuddy(self.note)
        self.save_button = QPushButton("Save", parent)
        self.save_button.clicked.connect(self.save)
        self.approve_button = QPushButton("Approve", parent)
        self.approve_button.clicked.connect(self.approve)
        row.addWidget(label)
        row.addWidget(self.note, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.approve_button)
        return row

    def _build_actions(self) -> None:
        style = self.style()
        P = QStyle.StandardPixmap
        self.save_action = self._action(
            "&Save",
            self.save,
            QKeySequence.StandardKey.Save,
            "Save the clause file and record it in the history",
            P.SP_DialogSaveButton,
        )
        self.approve_action = self._action(
            "&Approve",
            self.approve,
            "Ctrl+Shift+A",
            "Mark the clause approved with your name and today's date",
            P.SP_DialogApplyButton,
        )
        self.remove_action = self._action(
            "&Remove override",
            self.remove_override,
            None,
            "Delete this copy; letters use the wording it overrides again",
            P.SP_TrashIcon,
        )
        self.new_action = self._action(
            "&New clause…",
            self.new_clause,
            QKeySequence.StandardKey.New,
            "Start a new clause in your organisation or personal layer",
            P.SP_FileIcon,
        )
        self.reload_action = self._action(
            "Re&load library",
            self.reload,
            "F5",
            "Read every layer again (after a git pull, for example)",
            P.SP_BrowserReload,
        )
        find = self._action(
            "&Find clause", lambda: self.browser.search.setFocus(), QKeySequence.StandardKey.Find, "Search the library"
        )
        close = self._action("&Close", self.close, QKeySequence.StandardKey.Close, "Close the workbench")
        self.override_actions: dict[str, Any] = {}
        self.override_menu = QMenu("&Override in…", self)
        self._fill_override_menu()
        self.override_button = QToolButton(self)
        self.override_button.setText("Override in…")
        self.override_button.setAccessibleName("Override in a higher layer")
        self.override_button.setMenu(self.override_menu)
        self.override_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.override_button.setIcon(style.standardIcon(P.SP_FileDialogNewFolder))
        self.override_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar = QToolBar("Workbench", self)
        toolbar.setObjectName("workbench-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.save_action, self.approve_action):
            toolbar.addAction(action)
        toolbar.addWidget(self.override_button)
        for action in (self.remove_action, self.new_action, self.reload_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        caption = QLabel(" Reviewer: ", self)
        caption.setBuddy(self.reviewer)
        toolbar.addWidget(caption)
        toolbar.addWidget(self.reviewer)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu("&Clause")
        for action in (self.save_action, self.approve_action):
            menu.addAction(action)
        menu.addMenu(self.override_menu)
        for action in (self.remove_action, self.new_action, self.reload_action, find):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(close)
        self.shared = SharedLibrary(self)
        self.menuBar().addMenu(self.shared.menu)

    def _fill_override_menu(self) -> None:
        """Offer one "Override in" action per editable layer."""
        self.override_menu.clear()
        self.override_actions.clear()
        for layer in model.editable_layers(self.layers):
            action = self._action(
                f"Override in {layer.name} layer",
                lambda target=layer: self.override(target),
                None,
                f"Copy this clause into {layer.folder} and edit the copy there",
            )
            self.override_actions[layer.name] = action
            self.override_menu.addAction(action)

    def set_layers(self, layers: Sequence[Layer]) -> None:
        """Use other layer folders (Settings changed) without reopening the workbench."""
        self.layers = list(layers)
        self._fill_override_menu()
        self.layers_bar.show_layers(self.layers)
        self.shared.update()
        self._update_actions()
        self.reload()

    def follow_folders(self) -> None:
        """Take the layer folders again from folders_source (the main window's Settings)."""
        if self.folders_source is not None:
            self.set_layers(default_layers(self.folders_source()))

    def _action(self, text: str, slot: Callable, shortcut: Any, tip: str, icon: Any = None) -> Any:
        """Create an action with the main window's conventions (shortcut shown in the tooltip)."""
        from app.gui.officer.actions import make_action

        return make_action(self, text, slot, shortcut, tip, icon)

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
        text = model.compose({"id": clause_id, "title": "", "topic": "", "status": "draft"}, "")
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
        if model.split_text(disk) == model.split_text(self.editor.saved_text):
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
        self.catalogue.show_used(model.variables_used(self.editor.body.toPlainText()))
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


class CloseGuard(QObject):
    """Asks about the workbench's unsaved changes before the main window closes (and the app with it)."""

    def __init__(self, workbench: WorkbenchWindow):
        super().__init__(workbench)
        self.workbench = workbench

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and self.workbench.isVisible() and not self.workbench.maybe_save():
            event.ignore()
            return True
        return False


def open_workbench(main_window: Any, prompter: WorkbenchPrompter | None = None) -> WorkbenchWindow:
    """Open (or raise) the workbench for the main window's libraries; saved changes rebuild its letter."""
    existing = main_window.findChild(WorkbenchWindow)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    preferences = main_window.preferences
    env = main_window.env
    spelling = getattr(main_window, "spelling", None)
    window = WorkbenchWindow(
        default_layers(main_window.library_folders()),
        env.today,
        preferences.signatory_name,
        prompter or WorkbenchPrompter(env.prompter),
        main_window,
        getattr(spelling, "service", None),
        getattr(env, "preview_delay_ms", 300),
    )
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    document = main_window.document
    window.library_saved.connect(lambda: document.set_library_folders(document.library_folders))
    window.folders_source = main_window.library_folders
    main_window.library_folders_changed.connect(window.follow_folders)
    if spelling is not None and getattr(spelling, "service", None) is None:
        spelling.enabled.connect(window.editor.body.enable_spelling)
    main_window.installEventFilter(CloseGuard(window))
    window.show()
    return window
