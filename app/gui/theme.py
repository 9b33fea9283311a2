"""Light and dark palettes (Fusion), or the system's own; the letter preview stays black on white."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark")
_DARK = {
    "Window": "#2b2d30",
    "WindowText": "#e6e6e6",
    "Base": "#1e1f22",
    "AlternateBase": "#2a2c30",
    "ToolTipBase": "#3c3f41",
    "ToolTipText": "#f0f0f0",
    "Text": "#e6e6e6",
    "Button": "#3a3d41",
    "ButtonText": "#e6e6e6",
    "BrightText": "#ff6b6b",
    "Highlight": "#2d62b5",
    "HighlightedText": "#ffffff",
    "Link": "#8ab4f8",
    "LinkVisited": "#c58af9",
    "PlaceholderText": "#a0a4aa",
    "Mid": "#4a4d52",
    "Dark": "#18191b",
    "Shadow": "#000000",
    "Light": "#505358",
    "Midlight": "#44474c",
}
_LIGHT = {
    "Window": "#f3f3f3",
    "WindowText": "#1a1a1a",
    "Base": "#ffffff",
    "AlternateBase": "#f3f6fa",
    "ToolTipBase": "#ffffdc",
    "ToolTipText": "#1a1a1a",
    "Text": "#1a1a1a",
    "Button": "#ececec",
    "ButtonText": "#1a1a1a",
    "BrightText": "#d00000",
    "Highlight": "#2a66c9",
    "HighlightedText": "#ffffff",
    "Link": "#1a55b0",
    "LinkVisited": "#6b2fb0",
    "PlaceholderText": "#5f6368",
    "Mid": "#b8b8b8",
    "Dark": "#9a9a9a",
    "Shadow": "#606060",
    "Light": "#ffffff",
    "Midlight": "#e0e0e0",
}
_DISABLED_TEXT = {"dark": "#7d8187", "light": "#8a8a8a"}


def palette_for(theme: str) -> QPalette:
    """Return the palette of a theme ("light" or "dark")."""
    colours = _DARK if theme == "dark" else _LIGHT
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(
            QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT["dark" if theme == "dark" else "light"])
        )
    return palette


def use_fusion(app: QApplication) -> None:
    """Use the Fusion style, which follows the palette faithfully on every platform (call before any widget)."""
    if app.style().name().lower() != "fusion" and "Fusion" in QStyleFactory:
        app.setStyle("Fusion")


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply a theme to the whole application; return the theme applied."""
    theme = theme if theme in THEMES else "system"
    use_fusion(app)
    palette = app.style().standardPalette() if theme == "system" else palette_for(theme)
    if app.palette() != palette:
        app.setPalette(palette)
    return theme
