"""Clause library maintenance for legal reviewers: the workbench model, validation, approval and history."""
