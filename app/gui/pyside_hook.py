"""PySide6's import hook answered from each module's file bytes, not from its source kept in linecache.

After PySide6 is imported, its ``__feature__`` support asks of every module imported later whether
its source mentions "PySide6" (PYSIDE-2029), by ``inspect.getsource``. That leaves every module's
source, split into lines, in ``linecache`` for the life of the process (about 8 MB for this app)
and costs time while the window is being built. The same question is answered here by reading
the module's .py file as bytes; a module without one is asked the original way. Installed by
``app.gui`` before any PySide6 module is imported (importing shiboken6 creates the hook's module).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import shiboken6  # noqa: F401 - creates shibokensupport.feature, which holds the hook

_FEATURE_MODULE = "shibokensupport.feature"
_MARK = "_answers_from_bytes"


def install() -> bool:
    """Replace PySide6's source test with the byte test; return whether it was replaced (False if already, or absent)."""
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, _MARK, False):
        return False
    feature._mod_uses_pyside = uses_pyside_test(original)
    return True


def uses_pyside_test(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """Return a test giving original's answer for a module: whether its source contains "PySide6"."""

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as handle:
                return b"PySide6" in handle.read()
        except OSError:
            return original(module)

    setattr(mod_uses_pyside, _MARK, True)
    mod_uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return mod_uses_pyside
