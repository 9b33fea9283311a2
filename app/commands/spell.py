"""`foi-drafter spell FILE...`: list the words the British English spellchecker does not accept."""

from __future__ import annotations

import argparse
import bisect
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.problems import display_path

if TYPE_CHECKING:
    from app.core.spelling.checker import Issue

HELP = "list each word in the files that the British English spellchecker does not accept, with suggestions"

_PROG = "foi-drafter spell"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the spell options."""
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a text file to check")
    parser.add_argument(
        "--dictionary",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="an extra custom dictionary (one word per line); may be given more than once",
    )


def run(args: argparse.Namespace) -> int:
    """Print 'path:line: word: suggestions' per flagged word; 0 none, 1 some, 2 unreadable file."""
    from app.core.spelling.checker import default_service  # imported here: only this sub-command needs it

    for dictionary in args.dictionary:
        if _read(dictionary) is None:
            return 2
    service = default_service(custom_paths=args.dictionary)
    status = 0
    for path in args.files:
        text = _read(path)
        if text is None:
            status = 2
            continue
        issues = service.misspellings(text)
        line_starts = _line_starts(text)
        for issue in issues:
            line = bisect.bisect_right(line_starts, issue.start)
            print(format_issue(display_path(path), line, issue))
        if issues and status == 0:
            status = 1
    return status


def format_issue(path: str, line: int, issue: Issue) -> str:
    """Return one output line: where, the word, and its suggestions."""
    return f"{path}:{line}: {issue.word}: {describe_suggestions(issue)}"


def describe_suggestions(issue: Issue) -> str:
    """Return the suggestions as text, marking the British form of an American spelling."""
    suggestions = issue.suggestions
    if not suggestions:
        return "(no suggestions)"
    if issue.kind == "american":
        first, *rest = suggestions
        return ", ".join([f"{first} (British spelling)", *rest])
    return ", ".join(suggestions)


def _read(path: Path) -> str | None:
    """Return the UTF-8 text of path, or print why it cannot be read and return None."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        reason = "no such file"
    except IsADirectoryError:
        reason = "it is a folder, not a file"
    except UnicodeDecodeError:
        reason = "it is not UTF-8 text"
    except OSError as exc:
        reason = exc.strerror or str(exc)
    print(f"{_PROG}: error: cannot read {display_path(path)}: {reason}", file=sys.stderr)
    return None


def _line_starts(text: str) -> list[int]:
    """Return the index at which each line of text starts."""
    return [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
