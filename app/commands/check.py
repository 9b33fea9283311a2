"""`foi-drafter check`: report what the statute requires of a letter and whether it has it."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from app.commands.options import add_library_and_today
from app.commands.render import with_profile

# Heavy modules are imported in run(), so other sub-commands never load them.

HELP = "check a case's letter against what the statute requires"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the check options."""
    parser.add_argument("case", type=Path, help="the case file (YAML)")
    parser.add_argument("--json", action="store_true", help="print findings as JSON")
    add_library_and_today(parser)


def run(args: argparse.Namespace) -> int:
    """Print findings; exit 0 when nothing required is missing, 1 otherwise."""
    from app.core.casefile.model import load_case
    from app.core.checks.compliance import ERROR, Finding, check
    from app.core.drafting.assemble import assemble
    from app.core.drafting.library import broken_findings, default_layers, load_library
    from app.core.problems import InputError

    today = args.today or dt.date.today()
    try:
        case = load_case(args.case, legal=False)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 2
    case, wrong = with_profile(case)
    library = load_library(default_layers(args.library))
    letter = assemble(case, library, today)
    findings = check(case, letter, today, library=library)
    findings += [Finding("authority-profile", ERROR, "Settings", message) for message in wrong]
    findings += [Finding("library", ERROR, "library", message) for message in broken_findings(library)]
    findings += _pin_findings(case, library)
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], indent=2))
    else:
        for finding in findings:
            print(finding)
        errors = sum(f.severity == ERROR for f in findings)
        print(f"{args.case}: {errors} required element(s) missing, {len(findings) - errors} other finding(s)")
    return 1 if any(f.severity == ERROR for f in findings) else 0


def _pin_findings(case, library) -> list:
    """Report clauses whose library wording changed since the case was saved (warnings, not errors)."""
    from app.core.checks.compliance import WARNING, Finding
    from app.core.workbench.pins import changed_pins

    return [
        Finding(
            "pinned-wording", WARNING, "clause library", f"{c.describe()}; the letter now uses the library's wording"
        )
        for c in changed_pins(case, library)
    ]
