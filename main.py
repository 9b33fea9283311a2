"""Entry point: `python main.py ARGS` runs the same command line as `foi-drafter`."""

import sys

from app.cli import program

if __name__ == "__main__":
    sys.exit(program())
