"""Tests of letter drafting."""
