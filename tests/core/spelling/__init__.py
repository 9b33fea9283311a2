"""Tests of spelling."""
