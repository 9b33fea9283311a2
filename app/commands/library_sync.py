"""`foi-drafter library status|pull|push`: share the organisation's clause library through git."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def configure(sub: argparse._SubParsersAction) -> None:
    """Add the status, pull and push actions to `library`."""
    folder_help = "the library folder (default: the organisation clause library from your settings)"
    status = sub.add_parser("status", help="say how the library stands against its shared git copy")
    status.add_argument("folder", type=Path, nargs="?", help=folder_help)
    status.add_argument("--no-fetch", action="store_true", help="do not ask the shared copy for news first")
    pull = sub.add_parser("pull", help="show colleagues' changes to the library, then apply them")
    pull.add_argument("folder", type=Path, nargs="?", help=folder_help)
    pull.add_argument("--dry-run", action="store_true", help="only show the incoming changes")
    pull.add_argument("--diff", action="store_true", help="show the full diff of the incoming changes")
    pull.add_argument(
        "--keep", choices=["mine", "theirs"], default="", help="settle lines both sides changed (after a conflict)"
    )
    push = sub.add_parser("push", help="send your recorded library changes to the shared git copy")
    push.add_argument("folder", type=Path, nargs="?", help=folder_help)


def default_folder(environ=os.environ) -> Path:
    """Return the organisation library folder the app would use (Settings, else the user data folder)."""
    from app.core.settings.folders import FILE_NAME, default_config_dir, default_data_dir, default_organisation_path
    from app.core.settings.organisation import load_layered
    from app.core.workbench.layers import default_organisation_folder, library_folders

    config = Path(environ["FOI_DRAFTER_CONFIG_DIR"]) if environ.get("FOI_DRAFTER_CONFIG_DIR") else default_config_dir()
    data = Path(environ["FOI_DRAFTER_DATA_DIR"]) if environ.get("FOI_DRAFTER_DATA_DIR") else default_data_dir()
    preferences = load_layered(config / FILE_NAME, default_organisation_path(environ)).preferences
    return library_folders(preferences.library_paths(), default_organisation_folder(data))[0]


def run(args: argparse.Namespace) -> int:
    """Run status, pull or push; exit 0 on success, 1 when something is left to do, 2 on an error."""
    from app.core.workbench import sync

    folder = args.folder or default_folder()
    try:
        if args.library_command == "status":
            print(sync.status(folder, fetch=not args.no_fetch).describe())
            return 0
        if args.library_command == "push":
            result = sync.push(folder)
            print(result.message, file=sys.stdout if result.ok else sys.stderr)
            return 0 if result.ok else 1
        return _pull(folder, args)
    except sync.SyncError as exc:
        print(f"{folder}: {exc}", file=sys.stderr)
        return 2


def _pull(folder: Path, args: argparse.Namespace) -> int:
    """Show what is coming, then (unless a dry run) apply it."""
    from app.core.workbench import sync

    coming = sync.incoming(folder)
    print(coming.describe())
    if args.diff and coming.diff:
        print(coming.diff, end="")
    if args.dry_run or not coming.commits:
        return 0
    result = sync.pull(folder, keep=args.keep)
    print(result.message, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
