"""Tests of the checks of a finished letter."""
