"""Tests of the law package."""
