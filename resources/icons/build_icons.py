"""Render the application icon SVG to the PNG sizes desktops ask for, and a Windows .ico (run after editing the SVG)."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 256)


def main() -> int:
    """Write foi-drafter-<size>.png beside the SVG."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / "foi-drafter.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(HERE / f"foi-drafter-{size}.png"))
    del app
    write_ico(HERE / "foi-drafter.ico", [HERE / f"foi-drafter-{size}.png" for size in ICO_SIZES])
    return 0


def write_ico(target: Path, pngs: list[Path]) -> None:
    """Write a .ico holding the given square PNG images (Windows Vista and later read PNG entries)."""
    images = [(int(p.stem.rsplit("-", 1)[1]), p.read_bytes()) for p in pngs]
    offset = 6 + 16 * len(images)
    header = struct.pack("<HHH", 0, 1, len(images))
    entries = b""
    for size, data in images:
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    target.write_bytes(header + entries + b"".join(data for _, data in images))


if __name__ == "__main__":
    sys.exit(main())
