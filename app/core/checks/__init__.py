"""The checks of a finished letter: what the statute requires of it, and whether the letter has it."""
