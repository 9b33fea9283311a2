"""The answers a question to the user can have, shared by the officer's dialogs and the workbench's."""

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RESTORE, LATER = "restore", "later"
