"""The case file: the officer's decisions, read from and written to YAML, with their legal validation."""

# A case file is YAML whatever its name; ".foicase" is the extension an installer associates with the app.
CASE_SUFFIXES = (".yaml", ".yml", ".foicase")
