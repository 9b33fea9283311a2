"""Thin PySide6 layer: windows, widgets and undo commands over the core."""
