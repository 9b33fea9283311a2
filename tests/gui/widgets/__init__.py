"""GUI tests of shared widgets."""
