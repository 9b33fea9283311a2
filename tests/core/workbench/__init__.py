"""Tests of library maintenance."""
