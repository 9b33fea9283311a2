"""GUI tests of the officer's window."""
