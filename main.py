"""Entry point: `python main.py ARGS` runs the same command line as `foi-drafter`."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
