"""Tests of the case file."""
