"""Qt-free domain core: cases, clauses, rendering, statute rules, export, spelling."""
