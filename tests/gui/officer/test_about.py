"""Help ▸ About names the version that --version prints."""

from __future__ import annotations

from app.core.version import version
from app.gui.officer.main_window import about_text


def test_about_in_the_help_menu_shows_the_version(window):
    assert version() in about_text()
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert window.actions.about in menus["Help"].actions()
