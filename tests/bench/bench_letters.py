"""Print how each example letter reads: words, pages (with LibreOffice) and paragraphs said twice.

Run: .venv/bin/python tests/bench/bench_letters.py  (or `make bench`). Pages are counted from the PDF
LibreOffice makes of each letter; without LibreOffice that column says so.
"""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import docx

from app.core.paths import EXAMPLES_DIR

MAIN = Path(__file__).resolve().parents[2] / "main.py"
LONG_WORDS = 15


def paragraphs(path: Path) -> list[str]:
    """Return the text of every paragraph of a .docx, tables included."""
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def repeated(texts: list[str]) -> int:
    """Count the extra occurrences of paragraphs of 15 or more words."""
    long = [t.strip() for t in texts if len(re.findall(r"\w+", t)) >= LONG_WORDS]
    return sum(n - 1 for n in collections.Counter(long).values() if n > 1)


def pages(path: Path, soffice: str | None) -> str:
    """Return the page count of the letter as LibreOffice lays it out, or why it is unknown."""
    if soffice is None:
        return "no LibreOffice"
    out = path.parent
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    pdf = path.with_suffix(".pdf")
    if not pdf.exists():
        return "conversion failed"
    return str(len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())))


def main() -> int:
    """Render each example and print its figures."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    print(f"{'example':28s} {'words':>6s} {'pages':>8s} {'repeated 15+ word paragraphs':>30s}")
    with tempfile.TemporaryDirectory() as folder:
        for case in sorted(Path(EXAMPLES_DIR).glob("*.yaml")):
            target = Path(folder) / f"{case.stem}.docx"
            result = subprocess.run(
                [sys.executable, str(MAIN), "render", str(case), "-o", str(target)], capture_output=True, text=True
            )
            if result.returncode != 0:
                print(f"{case.stem:28s} did not render: {result.stderr.strip().splitlines()[-1:]}")
                continue
            texts = paragraphs(target)
            words = sum(len(re.findall(r"\w+", t)) for t in texts)
            print(f"{case.stem:28s} {words:6d} {pages(target, soffice):>8s} {repeated(texts):30d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
