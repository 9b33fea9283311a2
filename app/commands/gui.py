"""`foi-drafter gui [CASE]`: open the desktop app (Qt is imported only here)."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "open the desktop app"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the gui options."""
    parser.add_argument("case", type=Path, nargs="?", help="a case file to open")


def run(args: argparse.Namespace) -> int:
    """Start the Qt application, with the garbage collector paused until its first letter is shown."""
    import gc

    paused = gc.isenabled()
    gc.disable()  # the app turns it back on (app.gui.application.resume_collector)
    try:
        from app.gui.application import run_app

        return run_app(args.case, collector_paused=paused)
    finally:
        if paused:
            gc.enable()
