"""GUI tests of the clause workbench."""
