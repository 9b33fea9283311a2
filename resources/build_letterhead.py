"""Rebuild resources/letterhead.docx, the built-in letterhead: `python resources/build_letterhead.py`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.word.letterhead import write_default_letterhead

if __name__ == "__main__":
    target = Path(__file__).with_name("letterhead.docx")
    write_default_letterhead(target)
    print(f"wrote {target}")
