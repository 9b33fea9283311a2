"""Composing a letter: clause files, the layered library, skeletons, sandboxed templating and assembly."""
