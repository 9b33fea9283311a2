"""Desktop conventions: standard shortcuts, accessible names, tab order, icon, themes, status bar."""

from __future__ import annotations

import itertools

from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.gui.application import app_icon, create_application
from app.gui.theme import palette_for

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QAbstractButton)


def test_menus_have_the_standard_shortcuts(window):
    a = window.actions
    expected = {
        a.new: QKeySequence.StandardKey.New,
        a.open: QKeySequence.StandardKey.Open,
        a.save: QKeySequence.StandardKey.Save,
        a.undo: QKeySequence.StandardKey.Undo,
        a.find: QKeySequence.StandardKey.Find,
    }
    for action, key in expected.items():
        assert action.shortcut() == QKeySequence(key), action.text()
    assert a.save_as.shortcut() == QKeySequence("Ctrl+Shift+S")
    assert a.export.shortcut() == QKeySequence("Ctrl+E")
    assert QKeySequence("Ctrl+Y") in a.redo.shortcuts()
    menus = [m.title().replace("&", "") for m in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))]
    for title in ("File", "Edit", "Letter", "View", "Help"):
        assert title in menus


def test_every_control_has_an_accessible_name_or_a_label(window):
    labelled = {label.buddy() for label in window.findChildren(QLabel) if label.buddy() is not None}
    inner = (
        "QLineEdit",
        "QComboBox",
        "QAbstractSpinBox",
        "QMenuBar",
        "QToolBar",
        "QTabBar",
        "QAbstractScrollArea",
        "QComboBoxPrivateContainer",
    )
    missing = []
    for widget in window.findChildren(QWidget):
        parent = widget.parentWidget()
        if not isinstance(widget, INPUTS) or parent is None or any(parent.inherits(name) for name in inner):
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        if not (widget.accessibleName() or widget in labelled):
            missing.append(f"{type(widget).__name__} in {type(parent).__name__}")
    assert missing == []


def test_every_action_and_button_explains_itself(window):
    for action in (window.actions.export, window.actions.add_clause, window.actions.reset_clause):
        assert action.toolTip() and action.statusTip()
    for button in (
        window.letter_view.reset_button,
        window.letter_view.up_button,
        window.parts_editor.add_button,
        window.case_panel.split_button,
    ):
        assert button.toolTip()


def test_tab_order_runs_through_the_case_fields_then_the_letter(qtbot, window):
    panel = window.case_panel
    order = [panel.regime, panel.letter_kind, panel.reference, panel.received]
    for before, after in itertools.pairwise(order):
        widget = before.nextInFocusChain()
        while not (widget.focusPolicy() & widget.focusPolicy().TabFocus) or not widget.isVisibleTo(window):
            widget = widget.nextInFocusChain()
        assert widget is after or after.isAncestorOf(widget) or widget.isAncestorOf(after), (
            f"{before.accessibleName()} -> {widget.accessibleName() or type(widget).__name__}"
        )
    assert window.letter_view.tree.nextInFocusChain() is not None


def test_application_icon_and_title(qapp, window):
    create_application()
    icon = app_icon()
    assert not icon.isNull() and 256 in [s.width() for s in icon.availableSizes()]
    assert not QApplication.windowIcon().isNull()
    assert window.windowTitle().endswith("FOI Response Drafter")


def test_light_and_dark_palettes_are_readable_and_the_page_stays_white(window):
    for theme in ("light", "dark"):
        palette = palette_for(theme)
        for fg, bg in (
            (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
            (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
            (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
            (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
            (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
        ):
            assert contrast(palette.color(fg), palette.color(bg)) >= 4.5, (theme, fg, bg)
    window.set_theme("dark")
    try:
        page = window.preview.browser.palette()
        assert page.color(QPalette.ColorRole.Base).name() == "#ffffff"
        assert page.color(QPalette.ColorRole.Text).name() == "#000000"
        assert window.actions.theme_dark.isChecked()
    finally:
        window.set_theme("system")


def test_status_bar_shows_the_deadline(qtbot, window):
    from tests.gui.conftest import settle

    window.document.edit_field("reference", "STATUS-1")
    settle(qtbot, window.document)
    due = window.document.due
    assert window.deadline_label.text().startswith(f"Due {due.day} {due:%B %Y} — ")
    assert "working days left" in window.case_panel.deadline.text()


def contrast(a, b) -> float:
    """Return the WCAG contrast ratio of two colours."""

    def luminance(c):
        def channel(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_library_menu_opens_the_clause_workbench(qtbot, window):
    from app.gui.workbench.window import WorkbenchWindow

    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "Library" in titles
    window.actions.workbench.trigger()
    bench = window.findChild(WorkbenchWindow)
    assert bench is not None and bench.isVisible()
    qtbot.waitUntil(lambda: bench.browser is not None)
    bench.close()
