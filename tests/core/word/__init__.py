"""Tests of Word output."""
