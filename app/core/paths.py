"""Where the shipped data lives: templates, clauses and resources beside the app package."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES_DIR = ROOT / "templates"
CLAUSES_DIR = ROOT / "clauses"
RESOURCES_DIR = ROOT / "resources"
EXAMPLES_DIR = RESOURCES_DIR / "examples"
LETTERHEAD = RESOURCES_DIR / "letterhead.docx"
