"""Thin PySide6 layer: windows, widgets and undo commands over the core."""

from __future__ import annotations

import ctypes
import sys

_PROBE_CALLS = 64
_HEADROOM = 1 << 40


def guard_singleton_refcounts() -> bool:
    """Work around PySide6 6.12.0 on Python < 3.12 dropping references to None, True and False.

    PySide6/shiboken6 6.12.0 returns None from void methods (setText, start, …) and True/False from
    Signal.emit() without taking a new reference. On Python 3.11, where these singletons are not yet
    immortal, every such call lowers their reference count until the interpreter aborts with
    "none_dealloc" or "bool_dealloc" — after a few thousand edits in a real session. If a quick
    probe shows the leak, give the three singletons a huge reference count, which is what Python
    3.12 does for them anyway. Returns whether the guard was needed.
    """
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        fired = Signal()

    probe = _Probe()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")
        probe.fired.emit()
    leaked = before[0] - sys.getrefcount(None) >= _PROBE_CALLS or before[1] - sys.getrefcount(True) >= _PROBE_CALLS
    if leaked:
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    return leaked


SINGLETON_GUARD = guard_singleton_refcounts()
