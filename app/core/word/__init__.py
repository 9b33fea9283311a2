"""Word output: the letter written on a letterhead with real styles, lists, tables and clean metadata."""
