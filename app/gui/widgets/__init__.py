"""Widgets shared by the officer's window and the workbench: actions, dialog answers, spellchecked editors."""
