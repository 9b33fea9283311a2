"""`foi-drafter cases [DIR]`: list the case files in a folder with their due dates, overdue first."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

HELP = "list the cases in a folder with due dates and status, overdue first"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the cases options."""
    parser.add_argument("folders", type=Path, nargs="*", help="case folders (default: the current folder)")
    parser.add_argument("--search", default="", help="only cases whose row contains every word given")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="date to count days left from")


def run(args: argparse.Namespace) -> int:
    """Print the table; exit 1 when a folder does not exist."""
    from app.core.casefile.cases import RowCache, format_table

    folders = args.folders or [Path.cwd()]
    missing = [f for f in folders if not f.is_dir()]
    for folder in missing:
        print(f"{folder}: no such folder", file=sys.stderr)
    if missing:
        return 1
    today = args.today or dt.date.today()
    rows = [row for row in RowCache(lambda: today).rows(folders) if row.matches(args.search)]
    print(format_table(rows))
    print(f"{len(rows)} case{'s' if len(rows) != 1 else ''}, {sum(r.overdue for r in rows)} overdue")
    return 0
