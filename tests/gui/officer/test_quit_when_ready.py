"""The benchmark hook: with FOI_DRAFTER_QUIT_WHEN_READY the app exits by itself once the first preview is shown."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from app.core.paths import ROOT
from tests.gui.conftest import EXAMPLES


def test_the_app_quits_once_its_first_preview_is_shown(tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "preferences.json").write_text(json.dumps({"version": 1}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FOI_DRAFTER_QUIT_WHEN_READY="1")
    env.update(FOI_DRAFTER_CONFIG_DIR=str(config), FOI_DRAFTER_RECOVERY_DIR=str(tmp_path / "recovery"))
    env["FOI_DRAFTER_ORG_SETTINGS"] = str(tmp_path / "none.json")
    command = [sys.executable, str(ROOT / "main.py"), "gui", str(EXAMPLES / "foia-partial.yaml")]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
