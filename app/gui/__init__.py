"""Thin PySide6 layer: windows, widgets and undo commands over the core."""

from app.gui import pyside_hook

pyside_hook.install()
