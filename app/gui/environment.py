"""The collaborators the app runs with: folders, clock, dialogs and timings (tests inject their own).

Environment variables (used by `python main.py gui` and by the crash-recovery test):
    FOI_DRAFTER_CONFIG_DIR    folder for preferences.json and window-state.ini
    FOI_DRAFTER_ORG_SETTINGS  the organisation's settings file (default: the platform's site-config
                              folder, see app.core.settings.organisation)
    FOI_DRAFTER_RECOVERY_DIR  folder for autosaved recovery files
    FOI_DRAFTER_DATA_DIR      folder holding the default organisation clause library (clauses/)
    FOI_DRAFTER_AUTOSAVE_MS   pause after a change before the draft is autosaved (default 3000)
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.core.settings.folders import (
    APP_NAME,
    FILE_NAME,
    default_config_dir,
    default_data_dir,
    default_organisation_path,
)
from app.core.settings.folders import ORG_ENV_VARIABLE as ORG_VARIABLE
from app.gui.officer.dialogs import Prompter

STATE_FILE = "window-state.ini"


def default_recovery_dir() -> Path:
    """Return the per-user folder for recovery files."""
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False) / "recovery"


@dataclass
class AppEnvironment:
    """Where the app keeps its files, what day it is, and how it asks the officer things."""

    config_dir: Path = field(default_factory=default_config_dir)
    recovery_dir: Path = field(default_factory=default_recovery_dir)
    data_dir: Path = field(default_factory=default_data_dir)
    today: Callable[[], dt.date] = dt.date.today
    prompter: Prompter = field(default_factory=Prompter)
    autosave_ms: int = 3000
    preview_delay_ms: int = 300
    library_poll_ms: int = 2000  # how often the app looks for clause files changed on disk (0 = never)
    spelling: bool = True
    organisation_path: Path | None = None  # None: no organisation layer (the default for tests)
    organisation_required: bool = False  # named explicitly, so a missing file is reported

    @property
    def preferences_path(self) -> Path:
        """Return the preferences file."""
        return self.config_dir / FILE_NAME

    @property
    def organisation_dir(self) -> Path:
        """Return the organisation clause library used until a shared folder is chosen in Settings."""
        from app.core.workbench.layers import default_organisation_folder  # the clause library stack, when asked

        return default_organisation_folder(self.data_dir)

    @property
    def state_path(self) -> Path:
        """Return the window-state file (geometry, splitters, recent files), kept apart from preferences."""
        return self.config_dir / STATE_FILE

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] = os.environ) -> AppEnvironment:
        """Return the environment, honouring the FOI_DRAFTER_* variables."""
        env = cls()
        env.organisation_path = default_organisation_path(environ)
        env.organisation_required = bool(environ.get(ORG_VARIABLE))
        if environ.get("FOI_DRAFTER_CONFIG_DIR"):
            env.config_dir = Path(environ["FOI_DRAFTER_CONFIG_DIR"])
        if environ.get("FOI_DRAFTER_RECOVERY_DIR"):
            env.recovery_dir = Path(environ["FOI_DRAFTER_RECOVERY_DIR"])
        if environ.get("FOI_DRAFTER_DATA_DIR"):
            env.data_dir = Path(environ["FOI_DRAFTER_DATA_DIR"])
        if environ.get("FOI_DRAFTER_AUTOSAVE_MS", "").isdigit():
            env.autosave_ms = int(environ["FOI_DRAFTER_AUTOSAVE_MS"])
        return env
