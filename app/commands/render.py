"""`foi-drafter render`: write the Word letter for a case file."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.casefile.model import Case
    from app.core.drafting.letter import Letter
    from app.core.drafting.library import Library

# Heavy modules (Jinja2, python-docx, PyYAML) are imported in run(), so other sub-commands never load them.

HELP = "write the letter for a case file (Word, or PDF when the output ends in .pdf)"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the render options."""
    parser.add_argument("case", type=Path, help="the case file (YAML)")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, help="the .docx (or .pdf, made with LibreOffice) to write"
    )
    parser.add_argument(
        "--disclosure-log",
        action="store_true",
        help="write the copy for publication: the requester's name, address and e-mail removed everywhere",
    )
    parser.add_argument("--letterhead", type=Path, help="a letterhead .docx to write on")
    parser.add_argument(
        "--library",
        type=Path,
        action="append",
        default=[],
        help="an extra clause library folder (organisation, then personal); repeatable",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write the letter even when the check reports errors or a clause file is broken (each is still printed)",
    )
    parser.add_argument(
        "--for-signature",
        action="store_true",
        help="write a plain file without the hidden block marks (it cannot then be verified or imported by block)",
    )
    parser.add_argument(
        "--track-changes",
        action="store_true",
        help="write the officer's edits to library wording as Word tracked changes, for sign-off",
    )
    parser.add_argument("--track-author", default="", help='name shown on the tracked changes (default: "Officer")')
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="date to use when the case has no letter date (default: today)",
    )


def with_profile(case: Case) -> tuple[Case, list[str]]:
    """Apply the authority profile a case names, from the officer's Settings (FOI_DRAFTER_CONFIG_DIR honoured)."""
    if not case.authority.profile:
        return case, []
    from app.core.casefile.authority import resolve_case
    from app.core.settings.folders import FILE_NAME, default_preferences_path
    from app.core.settings.preferences import load_preferences

    folder = os.environ.get("FOI_DRAFTER_CONFIG_DIR")
    preferences, _problems = load_preferences(Path(folder) / FILE_NAME if folder else default_preferences_path())
    resolved = resolve_case(case, preferences.profiles())
    return resolved.case, resolved.problems


def run(args: argparse.Namespace) -> int:
    """Render and export; report every problem and return non-zero on any."""
    from app.core.casefile.model import load_case
    from app.core.drafting.assemble import assemble
    from app.core.drafting.library import default_layers, load_library
    from app.core.problems import InputError
    from app.core.word.export import ExportError, ExportOptions
    from app.core.word.output import OutputRequest, PdfError, write_output

    today = args.today or dt.date.today()
    try:
        case = load_case(args.case)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    case, wrong = with_profile(case)
    if wrong:
        for message in wrong:
            print(f"{args.case}: {message}", file=sys.stderr)
        return 1
    library = load_library(default_layers(args.library))
    if library.broken and not _broken_allowed(library, args):
        return 1
    letter = assemble(case, library, today)
    if letter.problems:
        for problem in letter.problems:
            print(problem, file=sys.stderr)
        print(f"{args.case}: letter not written: fix the problems above", file=sys.stderr)
        return 1
    if not _check_allows(case, letter, library, today, args):
        return 1
    request = OutputRequest.for_path(args.output, args.disclosure_log)
    # The publication copy, like the copy for signature, carries no hidden block marks.
    plain = args.for_signature or args.disclosure_log
    options = ExportOptions(
        letterhead=args.letterhead,
        today=today,
        for_signature=plain,
        track_changes=args.track_changes,
        track_author=args.track_author,
    )
    try:
        write_output(case, letter, library, request, options, today)
    except (ExportError, PdfError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {args.output}" + (" (disclosure-log copy)" if args.disclosure_log else ""))
    return 0


def _broken_allowed(library: Library, args: argparse.Namespace) -> bool:
    """Report broken clause files; tell whether to go on (only with --force)."""
    for broken in library.broken:
        for problem in broken.problems:
            print(problem, file=sys.stderr)
    for message in library.broken_messages():
        print(message if args.force else message.replace("letters would use", "the letter would use"), file=sys.stderr)
    if args.force:
        print(f"{args.case}: --force: writing the letter without the broken clause file(s) above", file=sys.stderr)
        return True
    print(
        f"{args.case}: letter not written: fix the clause file(s) above, or use --force to write it with the wording named",
        file=sys.stderr,
    )
    return False


def _check_allows(case: Case, letter: Letter, library: Library, today: dt.date, args: argparse.Namespace) -> bool:
    """Refuse a letter the check finds errors in, unless --force: a letter never states an unrecorded fact."""
    from app.core.checks.compliance import ERROR, check

    errors = [f for f in check(case, letter, today, library=library) if f.severity == ERROR]
    for finding in errors:
        print(f"{args.case}: {finding}", file=sys.stderr)
    if errors and not args.force:
        print(
            f"{args.case}: letter not written: fix the errors above, or use --force to write it anyway", file=sys.stderr
        )
        return False
    if errors:
        print(f"{args.case}: written with {len(errors)} open error(s) (--force)", file=sys.stderr)
    return True
