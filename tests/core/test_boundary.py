"""The domain core never imports Qt: importing every core module with PySide6 blocked must work."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import app.core

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import importlib, sys
sys.modules['PySide6'] = None  # any 'import PySide6...' now raises ImportError
for name in sys.argv[1:]:
    importlib.import_module(name)
print('ok')
"""


def core_modules() -> list[str]:
    """Return the names of every module in app.core and app.commands."""
    names = [f"app.core.{m.name}" for m in pkgutil.iter_modules(app.core.__path__)]
    return [
        *names,
        "app.cli",
        "app.commands.render",
        "app.commands.check",
        "app.commands.library",
        "app.commands.deadline",
        "app.commands.gui",
    ]


def test_core_imports_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *core_modules()], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_every_module_has_a_docstring():
    for path in sorted((ROOT / "app").rglob("*.py")):
        source = path.read_text(encoding="utf-8").lstrip()
        assert source.startswith('"""'), f"{path.relative_to(ROOT)} has no module docstring"
