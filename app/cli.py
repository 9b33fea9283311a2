"""The foi-drafter command line: dispatches to one module per sub-command in app.commands."""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from app.core.casefile import CASE_SUFFIXES

# Sub-command name -> module in app.commands defining configure(parser) and run(args) -> int.
COMMANDS = {
    "gui": "gui",
    "render": "render",
    "check": "check",
    "verify": "verify",
    "import-edits": "import_edits",
    "deadline": "deadline",
    "library": "library",
    "spell": "spell",
    "cases": "cases",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Return the argument parser with every available sub-command attached (or just the one named).

    A command line that names its sub-command needs only that one's module: the others (and what
    they import) stay unloaded. Messages are the same either way, since the usage line names no
    sub-command.
    """
    parser = argparse.ArgumentParser(
        prog="foi-drafter",
        description="Draft UK Freedom of Information responses (FOIA, FOISA, EIR, EISR).",
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            continue
        try:
            module = importlib.import_module(f"app.commands.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"app.commands.{module_name}":
                raise
            continue
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(command)
        command.set_defaults(handler=module.run)
        if only is not None:
            return parser
    return parser if only is None else build_parser()  # the one named is not in this build: list those that are


def main(argv: Sequence[str] | None = None, *, ending: bool = False) -> int:
    """Run the command line and return the process exit status.

    ending says the process exits as soon as this returns (the foi-drafter script and main.py):
    a command then runs with the cyclic garbage collector off and leaves it off (_collector_paused).
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or _is_case_path(args_list[0]):
        args_list = ["gui", *args_list]  # `foi-drafter CASE.foicase` is how a file association opens a case
    parser = build_parser(args_list[0] if args_list[0] in COMMANDS else None)
    args = parser.parse_args(args_list)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    if args.command == "gui" or not ending:
        return int(args.handler(args) or 0)
    with _collector_paused():
        return int(args.handler(args) or 0)


def program() -> int:
    """Entry point of the foi-drafter script and of main.py: run one command, after which the process ends."""
    return main(ending=True)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Turn Python's cyclic garbage collector off for a command that ends the process, and leave it off.

    Loading a command's modules builds many long-lived objects, which the collector would walk
    again and again (5-7% of a check or render) while finding almost nothing to free: rendering
    and validating make little cyclic garbage (peak memory validating a 4,000-clause library is
    the same either way), and reference counting still frees everything else. Turning it back on
    would only make the next allocation walk everything loaded, for a process about to exit; so
    it is turned back on only if the command fails, when Python may yet run code (a traceback).
    The desktop app, which runs for hours, and commands called from Python keep the collector.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    except BaseException:
        if was_enabled:
            gc.enable()
        raise


class _VersionAction(argparse.Action):
    """Print the version and exit; reads it only when asked, which keeps it off the start-up path."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from app.core.version import describe

        print(f"{parser.prog} {describe()}")
        parser.exit()


def _is_case_path(argument: str) -> bool:
    """Tell whether a first argument names a case file rather than a sub-command."""
    return argument not in COMMANDS and Path(argument).suffix.lower() in CASE_SUFFIXES


def gui_main() -> int:
    """Entry point of the foi-drafter-gui script: open the desktop app."""
    return main(["gui", *sys.argv[1:]])
