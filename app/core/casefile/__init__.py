"""The case file: the officer's decisions, read from and written to YAML, with their legal validation."""
