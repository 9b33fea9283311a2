"""`foi-drafter import-edits`: bring the edits made to an exported letter in Word back into the case."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from app.commands.options import add_library_and_today
from app.commands.word_inputs import read_word_inputs

# Heavy modules (python-docx, Jinja2, PyYAML) are imported in run(), so other sub-commands never load them.

HELP = "turn the changes made to an exported letter in Word into the case's edits of those blocks"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the import-edits options."""
    parser.add_argument("case", type=Path, help="the case file (YAML); rewritten with the edits")
    parser.add_argument("letter", type=Path, help="the Word letter (.docx) exported from this case and edited")
    parser.add_argument("--dry-run", action="store_true", help="report what would change; leave the case as it is")
    add_library_and_today(parser)


def run(args: argparse.Namespace) -> int:
    """Import; exit 0 when everything found its place, 1 when something was reported as not imported."""
    from app.core.casefile.writing import save_case
    from app.core.problems import display_path
    from app.core.word.import_edits import carry_edits, import_word_edits

    today = args.today or dt.date.today()
    inputs = read_word_inputs(args)
    if inputs is None:
        return 2
    updated, report = import_word_edits(inputs.case, inputs.document, inputs.library, today)
    for line in report.lines():
        print(line)
    if report.changes and not args.dry_run:
        try:
            save_case(carry_edits(inputs.saved, updated), args.case)
        except OSError as exc:
            print(f"{display_path(args.case)}: cannot save the case: {exc.strerror or exc}", file=sys.stderr)
            return 2
    verb = "would change" if args.dry_run else "changed"
    print(f"{args.case}: {verb} {report.changes} block(s) from {args.letter}")
    return 0 if report.complete else 1
