"""Safe file storage: atomic writes and YAML reading with line numbers."""
