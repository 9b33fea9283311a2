"""Widgets shared by the officer's window and the workbench: spellchecked editors and highlighting."""
