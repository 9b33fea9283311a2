"""The officer's window: case, parts, letter, preview and findings panels, files, undo and recovery."""
