"""A fresh process started on a case shows the letter's first preview and exits cleanly (the benchmarks' launcher)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from app.core.paths import ROOT
from tests.gui.conftest import EXAMPLES

LAUNCHER = ROOT / "tests" / "bench" / "first_preview.py"


def test_a_fresh_start_shows_the_first_preview_and_quits(tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "preferences.json").write_text(json.dumps({"version": 1}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.update(FOI_DRAFTER_CONFIG_DIR=str(config), FOI_DRAFTER_RECOVERY_DIR=str(tmp_path / "recovery"))
    env["FOI_DRAFTER_ORG_SETTINGS"] = str(tmp_path / "none.json")
    command = [sys.executable, str(LAUNCHER), str(EXAMPLES / "foia-partial.yaml")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
