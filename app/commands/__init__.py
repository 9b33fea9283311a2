"""Sub-commands of the foi-drafter command line, one module each."""
