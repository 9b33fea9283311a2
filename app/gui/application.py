"""Start the desktop app: the QApplication with its icon, the main window, recovery offer and run_app."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.core.paths import RESOURCES_DIR
from app.gui.environment import AppEnvironment
from app.gui.officer.main_window import APP_TITLE, MainWindow
from app.gui.theme import use_fusion

ICONS_DIR = RESOURCES_DIR / "icons"
RESUME_FALLBACK_MS = 10000  # the collector comes back even if no letter is ever shown


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


def start(env: AppEnvironment, case_path: Path | str | None = None, staged: bool = False) -> MainWindow:
    """Show the main window, offer any crashed session's draft, then open the case given (if any).

    With nothing restored or opened, the new empty case's letter is built at once; on the very
    first run the short authority setup is offered over it. Staged (as `foi-drafter gui` starts),
    the window is on screen first, saying which case it opens, and does all that just after its
    first paint; its ``loaded`` signal follows (``finish_loading()`` does it at once).
    """
    if staged:
        window = MainWindow(env, opening=case_path, staged=True)
        window.show()
        return window
    window = MainWindow(env)
    window.show()
    # Only now, with the window built: the worker's imports would otherwise hold the GIL against it.
    window.open_at_start(Path(str(case_path)) if case_path else None)
    return window


def run_app(
    case_path: Path | str | None = None, env: AppEnvironment | None = None, collector_paused: bool = False
) -> int:
    """Run the desktop app until its window closes; return the exit code.

    With collector_paused (the command line pauses Python's cyclic garbage collector while the app
    starts), the collector is turned back on once the first letter is shown.
    """
    app = create_application()
    env = env or AppEnvironment.from_environ()
    window = start(env, case_path, staged=True)
    if collector_paused:
        resume_collector(window)
    return int(app.exec())


def resume_collector(window: MainWindow, fallback_ms: int = RESUME_FALLBACK_MS) -> None:
    """Turn the paused garbage collector back on once the window shows its first letter (or after fallback_ms).

    Starting builds the modules, widgets and library the app keeps until it quits; a collection
    during the start walks them all again and again (about 90 ms before the first preview) and
    frees nearly nothing. They are frozen out of later collections, which then walk only what
    the officer's work creates. Reference counting frees everything else as usual meanwhile.
    """

    def resume(*_args: object) -> None:
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    window.loaded.connect(lambda: window.document.build_finished.connect(resume))
    QTimer.singleShot(fallback_ms, resume)
