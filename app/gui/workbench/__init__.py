"""The clause library workbench window for legal reviewers."""
