"""`foi-drafter library`: validate clause folders, list the variables and header conditions clauses may use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Heavy modules are imported where they are used, so other sub-commands never load them.

HELP = "check clause library folders, list template variables, or share the library through git"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the library sub-commands."""
    sub = parser.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    validate = sub.add_parser("validate", help="check every clause file; print path:line: message")
    validate.add_argument("folders", type=Path, nargs="*", help="clause folders (default: the built-in library)")
    sub.add_parser("variables", help="list the variables clause templates can use")
    sub.add_parser("conditions", help="list the conditions a clause header may give under when:")
    dates = sub.add_parser(
        "law-dates", help="list the changes in the law an organisation dates in library.yaml, and their dates"
    )
    dates.add_argument(
        "folder", type=Path, nargs="?", help="the organisation library folder (default: the one from your settings)"
    )
    from app.commands import library_sync

    library_sync.configure(sub)


def run(args: argparse.Namespace) -> int:
    """Dispatch to the chosen action."""
    from app.core.paths import CLAUSES_DIR

    if args.library_command in ("status", "pull", "push"):
        from app.commands import library_sync

        return library_sync.run(args)
    if args.library_command == "variables":
        from app.core.drafting.context import catalogue

        for entry in catalogue():
            example = f"  e.g. {entry.example}" if entry.example else ""
            print(f"{entry.path}  ({entry.type})  {entry.doc}{example}")
        return 0
    if args.library_command == "conditions":
        from app.core.drafting.conditions import WORDS

        for word in WORDS.values():
            form = f"{word.name}: {'|'.join(word.values)}" if word.values else word.name
            print(f"{form}  {word.meaning}  (reads {word.reads}; e.g. {word.example})")
        print("Any condition may start with 'not'; all the conditions listed must hold.")
        return 0
    if args.library_command == "law-dates":
        return _law_dates(args.folder)
    return _validate(args.folders or [CLAUSES_DIR])


def _law_dates(folder: Path | None) -> int:
    """Print each dated change in the law and the day the organisation set for it; exit 1 on a bad setting."""
    from app.commands.library_sync import default_folder
    from app.core.drafting.library_settings import SETTINGS_FILE, load_commencements
    from app.core.law.regulators import switches

    folder = folder or default_folder()
    path = folder / SETTINGS_FILE
    dates, problems = load_commencements(path if path.is_file() else None)
    for problem in problems:
        print(problem, file=sys.stderr)
    for name, switch in switches().items():
        day = dates.get(name)
        when = f"in force from {day.isoformat()}" if day else "not dated: letters keep the earlier wording"
        print(f"{name}: {when}\n  {switch['change']} ({switch['source']})")
    print(f"Set a date in {path} under commencement: (name: YYYY-MM-DD).")
    return 1 if problems else 0


def _validate(folders: list[Path]) -> int:
    """Validate each folder as its own layer; exit 1 when any problem is found."""
    from app.core.drafting.library import BUILT_IN, Layer, load_library
    from app.core.paths import CLAUSES_DIR

    layers = [Layer(BUILT_IN if f == CLAUSES_DIR else f.name, f) for f in folders]
    from app.core.drafting.trial import limit_problems

    library = load_library(layers)
    problems = list(library.problems)
    flagged = {p.path for p in problems}
    for clause in [*library.clauses.values(), *(c for lower in library.shadowed.values() for c in lower)]:
        if clause.path not in flagged:
            problems += limit_problems(clause)  # the limits a letter's render would hit
    for problem in problems:
        print(problem)
    count = len(library.clauses)
    if problems:
        print(f"{len(problems)} problem(s) in {count} usable clause(s)", file=sys.stderr)
        return 1
    print(f"{count} clause(s) checked, no problems", file=sys.stderr)
    return 0
