"""Menus, toolbar and shortcuts of the main window, with the undo keys routed to the case's stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QStyle,
    QTextEdit,
    QToolBar,
    QWidget,
)

from app.core.paths import RESOURCES_DIR
from app.gui.widgets.actions import make_action

ACTION_ICONS = RESOURCES_DIR / "icons" / "actions"


@dataclass
class Actions:
    """Every action of the main window, by name."""

    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    export: QAction
    check_word: QAction
    import_word: QAction
    export_pdf: QAction
    export_disclosure: QAction
    print_letter: QAction
    close_case: QAction
    settings: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    cut: QAction
    copy: QAction
    paste: QAction
    select_all: QAction
    find: QAction
    split: QAction
    add_part: QAction
    add_clause: QAction
    reset_clause: QAction
    move_up: QAction
    move_down: QAction
    remove_clause: QAction
    next_finding: QAction
    refresh: QAction
    focus_case: QAction
    focus_parts: QAction
    focus_letter: QAction
    focus_preview: QAction
    focus_findings: QAction
    theme_system: QAction
    theme_light: QAction
    theme_dark: QAction
    about: QAction
    user_guide: QAction
    cases: QAction
    zoom_fit: QAction
    zoom_actual: QAction
    workbench: QAction
    recent_menu: QMenu | None = None
    export_tracked: QAction | None = None


def create_actions(window, stack) -> Actions:
    """Create the actions; `window` provides the slots, `stack` is the case's QUndoStack."""
    S = QKeySequence.StandardKey
    P = QStyle.StandardPixmap
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence(S.Undo))
    undo.setToolTip("Undo the last change (Ctrl+Z)")
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(redo_keys())
    redo.setIcon(themed(window, "edit-redo", P.SP_ArrowForward))
    redo.setToolTip("Redo the change just undone (Ctrl+Y or Ctrl+Shift+Z)")
    undo.setIcon(themed(window, "edit-undo", P.SP_ArrowBack))
    actions = Actions(
        new=make_action(
            window,
            "&New case",
            window.new_case,
            S.New,
            "Start a new case",
            themed(window, "document-new", P.SP_FileIcon),
        ),
        open=make_action(
            window,
            "&Open…",
            window.open_case,
            S.Open,
            "Open a case file",
            themed(window, "document-open", P.SP_DialogOpenButton),
        ),
        save=make_action(
            window,
            "&Save",
            window.save,
            S.Save,
            "Save the case file",
            themed(window, "document-save", P.SP_DialogSaveButton),
        ),
        save_as=make_action(window, "Save &as…", window.save_as, "Ctrl+Shift+S", "Save the case under another name"),
        export=make_action(
            window,
            "&Export to Word…",
            window.export,
            "Ctrl+E",
            "Write the letter as a Word document on your letterhead",
            themed(window, "document-export", None, "export-word.svg"),
        ),
        export_pdf=make_action(
            window,
            "Export to &PDF…",
            window.export_pdf,
            "Ctrl+Shift+E",
            "Write the letter as a PDF (needs LibreOffice)",
            themed(window, "application-pdf", None, "export-pdf.svg"),
        ),
        export_disclosure=make_action(
            window,
            "Export &disclosure-log copy…",
            window.export_disclosure_log,
            None,
            "Write a copy for publication: the requester's name, address and e-mail removed",
        ),
        print_letter=make_action(
            window, "&Print…", window.print_letter, S.Print, "Print the letter", themed(window, "document-print", None)
        ),
        close_case=make_action(
            window, "&Close case", window.close_case, S.Close, "Close this case and start a new, empty one"
        ),
        cut=make_action(window, "Cu&t", lambda: edit_focused("cut"), S.Cut, "Cut the selection"),
        copy=make_action(window, "&Copy", lambda: edit_focused("copy"), S.Copy, "Copy the selection"),
        paste=make_action(window, "&Paste", lambda: edit_focused("paste"), S.Paste, "Paste"),
        select_all=make_action(window, "Select &all", lambda: edit_focused("selectAll"), S.SelectAll, "Select all"),
        user_guide=make_action(
            window,
            "&User guide",
            window.user_guide,
            S.HelpContents,
            "How to draft each letter, read the findings, use the workbench",
        ),
        cases=make_action(
            window, "&My cases", window.show_cases, "Ctrl+Shift+M", "All cases in your case folders, overdue first"
        ),
        zoom_fit=make_action(window, "Preview: fit &width", lambda: window.preview.set_zoom(None), "Ctrl+9"),
        zoom_actual=make_action(window, "Preview: &100%", lambda: window.preview.set_zoom(1.0), "Ctrl+0"),
        export_tracked=make_action(
            window,
            "Export for legal si&gn-off…",
            window.export_for_sign_off,
            None,
            "Write the letter to Word with your edits to library wording as tracked changes",
        ),
        check_word=make_action(
            window,
            "Check a &Word letter…",
            window.check_word_letter,
            tip="Check a letter edited in Word against the statute, and for anything that must not go out",
        ),
        import_word=make_action(
            window,
            "&Import Word edits…",
            window.import_word_edits,
            tip="Bring the changes made in Word to an exported letter back into this case",
        ),
        settings=make_action(
            window,
            "Se&ttings…",
            window.open_settings,
            "Ctrl+,",
            "Authority, signatory, letterhead, clause libraries and dictionary",
        ),
        quit=make_action(window, "&Quit", window.close, S.Quit, "Close FOI Response Drafter"),
        undo=undo,
        redo=redo,
        find=make_action(window, "&Find in letter…", window.find_in_letter, S.Find, "Find text in the letter preview"),
        split=make_action(
            window,
            "S&plit request into questions…",
            window.split_request,
            "Ctrl+Shift+Q",
            "Propose one part per numbered or bulleted question",
        ),
        add_part=make_action(window, "Add &part", window.add_part, "Ctrl+Shift+P", "Add a question to the response"),
        add_clause=make_action(
            window, "&Add clause…", window.add_clause, "Ctrl+Shift+A", "Add an optional clause from the library"
        ),
        reset_clause=make_action(
            window,
            "&Reset clause wording",
            window.reset_clause,
            "Ctrl+Shift+R",
            "Go back to the library wording of the selected clause",
        ),
        move_up=make_action(
            window, "Move clause &up", window.move_clause_up, "Alt+Shift+Up", "Move the selected clause up"
        ),
        move_down=make_action(
            window, "Move clause &down", window.move_clause_down, "Alt+Shift+Down", "Move the selected clause down"
        ),
        remove_clause=make_action(
            window,
            "Remove or restore c&lause",
            window.remove_clause,
            "Ctrl+Shift+Delete",
            "Leave the selected clause out of the letter, or put it back",
        ),
        next_finding=make_action(
            window, "Go to &next finding", window.next_finding, "F8", "Go to the part or clause of the next finding"
        ),
        refresh=make_action(
            window, "&Refresh preview", window.refresh_preview, "F5", "Rebuild the letter now", P.SP_BrowserReload
        ),
        focus_case=make_action(window, "&Case details", lambda: window.focus_panel("case"), "Alt+1"),
        focus_parts=make_action(window, "&Parts", lambda: window.focus_panel("parts"), "Alt+2"),
        focus_letter=make_action(window, "&Letter clauses", lambda: window.focus_panel("letter"), "Alt+3"),
        focus_preview=make_action(window, "Pre&view", lambda: window.focus_panel("preview"), "Alt+4"),
        focus_findings=make_action(window, "&Findings", lambda: window.focus_panel("findings"), "Alt+5"),
        theme_system=make_action(window, "&System colours", lambda: window.set_theme("system")),
        theme_light=make_action(window, "&Light", lambda: window.set_theme("light")),
        theme_dark=make_action(window, "&Dark", lambda: window.set_theme("dark")),
        about=make_action(window, "&About FOI Response Drafter", window.about),
        workbench=make_action(
            window,
            "Clause &workbench…",
            window.open_workbench,
            "Ctrl+Shift+L",
            "Edit, validate, approve and compare the clauses letters are built from",
        ),
    )
    for action in (
        actions.theme_system,
        actions.theme_light,
        actions.theme_dark,
        actions.zoom_fit,
        actions.zoom_actual,
    ):
        action.setCheckable(True)
    for action in (actions.cut, actions.copy, actions.paste, actions.select_all):
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return actions


def redo_keys() -> list[QKeySequence]:
    """Return the redo shortcuts: Ctrl+Y and Ctrl+Shift+Z on every platform, plus the platform's own."""
    keys = [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
    return keys + [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in keys]


def themed(window: QWidget, name: str, fallback: QStyle.StandardPixmap | None, shipped: str = "") -> QIcon:
    """Return the platform icon theme's icon, else a shipped icon, else a Qt standard icon."""
    if QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    if shipped and (ACTION_ICONS / shipped).is_file():
        return QIcon(str(ACTION_ICONS / shipped))
    return window.style().standardIcon(fallback) if fallback is not None else QIcon()


def edit_focused(method: str) -> None:
    """Cut, copy, paste or select all in the focused text field (or copy from the preview)."""
    widget = QApplication.focusWidget()
    if widget is not None and hasattr(widget, method):
        getattr(widget, method)()


def build_menus(window: QMainWindow, actions: Actions, on_recent_menu: Callable[[QMenu], None]) -> None:
    """Fill the menu bar and the toolbar."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([actions.new, actions.open])
    actions.recent_menu = file_menu.addMenu("Open &recent")
    actions.recent_menu.aboutToShow.connect(lambda: on_recent_menu(actions.recent_menu))
    file_menu.addSeparator()
    file_menu.addActions([actions.save, actions.save_as])
    file_menu.addSeparator()
    file_menu.addActions(
        [actions.export, actions.export_tracked, actions.export_pdf, actions.export_disclosure, actions.print_letter]
    )
    file_menu.addSeparator()
    file_menu.addActions([actions.check_word, actions.import_word])
    file_menu.addSeparator()
    file_menu.addAction(actions.cases)
    file_menu.addSeparator()
    file_menu.addActions([actions.settings, actions.close_case, actions.quit])
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([actions.cut, actions.copy, actions.paste, actions.select_all])
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find)
    letter_menu = bar.addMenu("&Letter")
    letter_menu.addActions([actions.split, actions.add_part])
    letter_menu.addSeparator()
    letter_menu.addActions(
        [actions.add_clause, actions.reset_clause, actions.move_up, actions.move_down, actions.remove_clause]
    )
    letter_menu.addSeparator()
    letter_menu.addActions([actions.next_finding, actions.refresh])
    view_menu = bar.addMenu("&View")
    view_menu.addActions(
        [actions.focus_case, actions.focus_parts, actions.focus_letter, actions.focus_preview, actions.focus_findings]
    )
    view_menu.addSeparator()
    view_menu.addActions([actions.zoom_fit, actions.zoom_actual])
    view_menu.addSeparator()
    theme_menu = view_menu.addMenu("&Theme")
    theme_menu.addActions([actions.theme_system, actions.theme_light, actions.theme_dark])
    library_menu = bar.addMenu("Li&brary")
    library_menu.addAction(actions.workbench)
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([actions.user_guide, actions.about])
    toolbar = QToolBar("Main toolbar", window)
    toolbar.setObjectName("main-toolbar")
    toolbar.setAccessibleName("Main toolbar")
    toolbar.addActions([actions.new, actions.open, actions.save])
    toolbar.addSeparator()
    toolbar.addActions([actions.undo, actions.redo])
    toolbar.addSeparator()
    toolbar.addActions([actions.export, actions.export_pdf, actions.print_letter])
    toolbar.addSeparator()
    toolbar.addActions([actions.cases, actions.refresh])
    window.addToolBar(toolbar)


class UndoKeysFilter(QObject):
    """Sends Ctrl+Z / Ctrl+Y in the window's text fields to the case's undo stack, not the field's own."""

    _EDITORS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)

    def watch_text_fields(self, window: QMainWindow) -> None:
        """Filter the undo keys of every text field in the window (not the whole application)."""
        for editor in window.findChildren(QWidget):
            if isinstance(editor, self._EDITORS):
                editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not self._is_undo_key(event):
            return False
        event.ignore()
        return True

    @staticmethod
    def _is_undo_key(event: QKeyEvent) -> bool:
        return (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or any(event.keyCombination().toCombined() == key[0].toCombined() for key in redo_keys())
        )
