"""The `foi-drafter deadline` sub-command: print the response due date of a request."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.core.law.calendar import (
    DEFAULT_EXTRA_DAYS_FILE,
    REGIMES,
    ExtraDay,
    calendar_for,
    load_extra_days,
    parse_iso_date,
)
from app.core.law.deadlines import RESPONSE_WORKING_DAYS, ReceiptRule, response_due

HELP = "Print the date by which a request must be answered (working days under FOIA, FOISA, EIR or EISR)."

_PROG = "foi-drafter deadline"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the deadline options to the sub-command's parser."""
    parser.add_argument("--regime", required=True, choices=REGIMES, help="the law the request falls under")
    parser.add_argument("--received", required=True, metavar="DATE", help="date the request was received (YYYY-MM-DD)")
    parser.add_argument(
        "--working-days",
        type=int,
        default=RESPONSE_WORKING_DAYS,
        metavar="N",
        help=f"working days allowed (default {RESPONSE_WORKING_DAYS}; 40 for an EIR/EISR extension)",
    )
    parser.add_argument(
        "--rule",
        choices=[rule.value for rule in ReceiptRule],
        default=ReceiptRule.ICO.value,
        help="ico: day 1 is the first working day after receipt (default); next-working-day: a request "
        "received on a non-working day counts as received on the next working day",
    )
    parser.add_argument(
        "--extra-holidays",
        type=Path,
        metavar="FILE",
        help="YAML list of extra proclaimed bank holidays (default: the bundled list)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the due date in ISO form and return 0, or explain the problem on stderr and return 2."""
    try:
        received = parse_iso_date(args.received)
    except ValueError as exc:
        return _fail(f"--received: {exc}")
    if args.working_days < 1:
        return _fail(f"--working-days must be 1 or more, not {args.working_days}")
    extra, status = _extra_days(args.extra_holidays)
    if status:
        return status
    calendar = calendar_for(args.regime, extra)
    print(response_due(received, calendar, args.working_days, ReceiptRule(args.rule)).isoformat())
    return 0


def _extra_days(path: Path | None) -> tuple[list[ExtraDay], int]:
    """Return the extra days to use and 0, or an empty list and 2 if a named file cannot be read."""
    if path is None:
        if not DEFAULT_EXTRA_DAYS_FILE.is_file():
            return [], 0
        path = DEFAULT_EXTRA_DAYS_FILE
    elif not path.is_file():
        return [], _fail(f"--extra-holidays: cannot read {path}: no such file")
    days, problems = load_extra_days(path)
    for problem in problems:
        print(f"{_PROG}: warning: {problem}", file=sys.stderr)
    return days, 0


def _fail(message: str) -> int:
    """Print an error message on stderr and return the usage-error exit status."""
    print(f"{_PROG}: error: {message}", file=sys.stderr)
    return 2
