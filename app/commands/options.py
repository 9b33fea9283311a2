"""Options several sub-commands share: extra clause folders and the date to treat as today."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path


def add_library_and_today(parser: argparse.ArgumentParser) -> None:
    """Add --library (repeatable: an extra clause folder) and --today (an ISO date)."""
    parser.add_argument("--library", type=Path, action="append", default=[], help="an extra clause folder")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="date to treat as today")
