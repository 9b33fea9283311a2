"""Start the desktop app: the QApplication with its icon, the main window, recovery offer and run_app."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.core.paths import RESOURCES_DIR
from app.gui.environment import AppEnvironment
from app.gui.officer.main_window import APP_TITLE, MainWindow
from app.gui.theme import use_fusion

ICONS_DIR = RESOURCES_DIR / "icons"
TEST_EDITS_VARIABLE = "FOI_DRAFTER_TEST_EDITS"
QUIT_WHEN_READY_VARIABLE = "FOI_DRAFTER_QUIT_WHEN_READY"  # benchmark hook: exit once the first preview is shown


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
    window = start(env, case_path)
    edits = os.environ.get(TEST_EDITS_VARIABLE)
    if edits:
        apply_test_edits_when_built(window, Path(edits))
    if os.environ.get(QUIT_WHEN_READY_VARIABLE):
        window.preview.preview_updated.connect(lambda _shown: app.quit())
    return int(app.exec())


# ---------------------------------------------------------------- test hook


def apply_test_edits_when_built(window: MainWindow, path: Path) -> None:
    """Test hook: apply the edits in a JSON file once the first letter has been built.

    The file holds a list of edits, each applied through the undo stack as if typed:
        {"field": "reference", "value": "X-1"}            a case field (dates as ISO text)
        {"part": 0, "name": "answer", "value": "..."}      a field of a part (by index)
        {"block": "rights/review", "text": "..."}          this letter's wording of a block
    Used by the crash-recovery test, which runs the app in a subprocess and then kills it.
    """
    document = window.document

    def on_built(_result: Any) -> None:
        document.build_finished.disconnect(on_built)
        apply_test_edits(window, json.loads(path.read_text(encoding="utf-8")))

    document.build_finished.connect(on_built)


def apply_test_edits(window: MainWindow, edits: list[dict[str, Any]]) -> None:
    """Apply a list of test-hook edits (see apply_test_edits_when_built)."""
    document = window.document
    for edit in edits:
        if "field" in edit:
            value = edit["value"]
            if edit["field"] in ("received", "date") and isinstance(value, str):
                value = dt.date.fromisoformat(value)
            document.edit_field(edit["field"], value)
        elif "part" in edit:
            document.edit_part_field(int(edit["part"]), edit["name"], edit["value"])
        elif "block" in edit:
            document.edit_block_text(edit["block"], edit["text"])
