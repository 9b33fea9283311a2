"""Start the desktop app: the QApplication with its icon, the main window, recovery offer and run_app."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.core.paths import RESOURCES_DIR
from app.gui.environment import AppEnvironment
from app.gui.officer.main_window import APP_TITLE, MainWindow
from app.gui.theme import use_fusion

ICONS_DIR = RESOURCES_DIR / "icons"


def app_icon() -> QIcon:
    """Return the application icon at every size shipped."""
    icon = QIcon()
    for path in sorted(ICONS_DIR.glob("foi-drafter-*.png")):
        icon.addFile(str(path))
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    """Return the QApplication (creating it once) with the app's name and icon."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_TITLE)
    app.setOrganizationName("foi-drafter")
    app.setDesktopFileName("foi-drafter")
    app.setWindowIcon(app_icon())
    use_fusion(app)
    return app


def start(env: AppEnvironment, case_path: Path | str | None = None) -> MainWindow:
    """Show the main window, offer any crashed session's draft, then open the case given (if any).

    With nothing restored or opened, the new empty case's letter is built at once; on the very
    first run the short authority setup is offered over it.
    """
    window = MainWindow(env)
    window.show()
    # Only now, with the window built: the worker's imports would otherwise hold the GIL against it.
    window.document.prepare_builder()
    restored = window.offer_recovery()
    opened = not restored and bool(case_path) and window.files.open_case(Path(str(case_path)), ask_first=False)
    if not (restored or opened):
        window.document.builder.build_soon()
    if window.first_run and not restored:
        window.offer_first_run_setup()
    return window


def run_app(case_path: Path | str | None = None, env: AppEnvironment | None = None) -> int:
    """Run the desktop app until its window closes; return the exit code."""
    app = create_application()
    env = env or AppEnvironment.from_environ()
    start(env, case_path)
    return int(app.exec())
