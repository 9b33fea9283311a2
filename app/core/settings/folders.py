"""Where the app's settings live: the per-user and machine-wide folders and file names (imports nothing heavy).

The desktop window needs these before it is shown, so they sit apart from the readers of the
settings, which import the case model.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "foi-drafter"
FILE_NAME = "preferences.json"  # the user's preferences, in default_config_dir()
ORG_ENV_VARIABLE = "FOI_DRAFTER_ORG_SETTINGS"
ORG_FILE_NAME = "organisation.json"


def default_config_dir() -> Path:
    """Return the per-user folder for preferences (it need not exist yet)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def default_data_dir() -> Path:
    """Return the per-user data folder (the default organisation clause library lives in it)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_preferences_path() -> Path:
    """Return the per-user preferences file."""
    return default_config_dir() / FILE_NAME


def default_organisation_path(environ: Mapping[str, str] = os.environ) -> Path:
    """Return the organisation file: $FOI_DRAFTER_ORG_SETTINGS, else the platform's site-config folder.

    The platform folder is /etc/xdg/foi-drafter on Linux, %PROGRAMDATA%/foi-drafter on Windows and
    /Library/Application Support/foi-drafter on macOS.
    """
    if environ.get(ORG_ENV_VARIABLE):
        return Path(environ[ORG_ENV_VARIABLE])
    from platformdirs import site_config_path

    return site_config_path(APP_NAME, appauthor=False) / ORG_FILE_NAME
