"""The installed Qt binding keeps Python's singletons alive (PySide6 6.12.0 on Python 3.11 did not)."""

from __future__ import annotations

import subprocess
import sys

import pytest

# PySide6/shiboken6 6.12.0 returned None from void methods and True/False from Signal.emit()
# without a new reference; on Python 3.11 (singletons not yet immortal) a long session then aborts
# with "none_dealloc". pyproject.toml excludes that release; this catches any other that does it.
PROBE = """
import sys
from PySide6.QtCore import QObject, Signal

class Probe(QObject):
    fired = Signal()

probe = Probe()
before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(1000):
    probe.setObjectName("probe")
    probe.fired.emit()
print(before[0] - sys.getrefcount(None), before[1] - sys.getrefcount(True))
"""


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None, True and False are immortal from Python 3.12")
def test_void_calls_and_emits_do_not_drop_references_to_singletons():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    lost_none, lost_true = (int(n) for n in result.stdout.split())
    assert lost_none < 100 and lost_true < 100, f"the Qt binding leaks: {lost_none} None, {lost_true} True"
