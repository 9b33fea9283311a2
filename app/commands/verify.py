"""`foi-drafter verify`: check the Word letter as it is now against the statute and for what must not go out."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from app.commands.options import add_library_and_today
from app.commands.word_inputs import read_word_inputs

# Heavy modules (python-docx, Jinja2, PyYAML) are imported in run(), so other sub-commands never load them.

HELP = "check an exported Word letter, as edited, against what the statute requires"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the verify options."""
    parser.add_argument("case", type=Path, help="the case file (YAML)")
    parser.add_argument("letter", type=Path, help="the Word letter (.docx) as it will be sent")
    parser.add_argument("--json", action="store_true", help="print findings as JSON")
    add_library_and_today(parser)


def run(args: argparse.Namespace) -> int:
    """Print findings; exit 0 when nothing required is missing, 1 otherwise, 2 when a file cannot be read."""
    from app.core.checks.compliance import ERROR
    from app.core.word.verify import verify_document

    today = args.today or dt.date.today()
    inputs = read_word_inputs(args)
    if inputs is None:
        return 2
    result = verify_document(inputs.case, inputs.document, inputs.library, today)
    if args.json:
        print(json.dumps([f.to_dict() for f in result.findings], indent=2))
    else:
        for finding in result.findings:
            print(finding)
        errors = sum(f.severity == ERROR for f in result.findings)
        print(
            f"{args.letter}: {errors} problem(s) to fix before sending, {len(result.findings) - errors} other finding(s)"
        )
    return 0 if result.ok else 1
