"""The foi-drafter command line: dispatches to one module per sub-command in app.commands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from app.core.version import describe

# Sub-command name -> module in app.commands defining configure(parser) and run(args) -> int.
COMMANDS = {
    "gui": "gui",
    "render": "render",
    "check": "check",
    "deadline": "deadline",
    "library": "library",
    "spell": "spell",
}


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every available sub-command attached."""
    parser = argparse.ArgumentParser(
        prog="foi-drafter",
        description="Draft UK Freedom of Information responses (FOIA, FOISA, EIR, EISR).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {describe()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        try:
            module = importlib.import_module(f"app.commands.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"app.commands.{module_name}":
                raise
            continue
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(command)
        command.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the process exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        args_list = ["gui"]
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    return int(args.handler(args) or 0)


def gui_main() -> int:
    """Entry point of the foi-drafter-gui script: open the desktop app."""
    return main(["gui", *sys.argv[1:]])
