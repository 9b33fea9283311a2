"""`foi-drafter render`: write the Word letter for a case file."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.drafting.library import Layer

# Heavy modules (Jinja2, python-docx, PyYAML) are imported in run(), so other sub-commands never load them.

HELP = "write the Word letter for a case file"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the render options."""
    parser.add_argument("case", type=Path, help="the case file (YAML)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .docx to write")
    parser.add_argument("--letterhead", type=Path, help="a letterhead .docx to write on")
    parser.add_argument(
        "--library",
        type=Path,
        action="append",
        default=[],
        help="an extra clause library folder (organisation, then personal); repeatable",
    )
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="date to use when the case has no letter date (default: today)",
    )


def layers_for(folders: list[Path]) -> list[Layer]:
    """Return the built-in layer plus the folders given on the command line."""
    from app.core.drafting.library import default_layers

    return default_layers(folders)


def run(args: argparse.Namespace) -> int:
    """Render and export; report every problem and return non-zero on any."""
    from app.core.casefile.model import load_case
    from app.core.drafting.assemble import assemble
    from app.core.drafting.library import load_library
    from app.core.problems import InputError
    from app.core.word.export import ExportError, ExportOptions, export_letter

    today = args.today or dt.date.today()
    try:
        case = load_case(args.case)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    library = load_library(layers_for(args.library))
    letter = assemble(case, library, today)
    if letter.problems:
        for problem in letter.problems:
            print(problem, file=sys.stderr)
        print(f"{args.case}: letter not written: fix the problems above", file=sys.stderr)
        return 1
    try:
        export_letter(letter, case, args.output, ExportOptions(letterhead=args.letterhead, today=today))
    except ExportError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {args.output}")
    return 0
