"""Fixtures of the packaging tests: an environment that keeps an installed app away from the checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def outside(tmp_path: Path) -> dict[str, str]:
    """An environment with home, settings and recovery in tmp_path and no Python path to the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "FOI_DRAFTER_"))}
    env.update(
        HOME=str(tmp_path / "home"),
        FOI_DRAFTER_CONFIG_DIR=str(tmp_path / "config"),
        FOI_DRAFTER_RECOVERY_DIR=str(tmp_path / "recovery"),
        FOI_DRAFTER_ORG_SETTINGS=str(tmp_path / "no-organisation.json"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env
