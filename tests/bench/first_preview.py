"""Start the desktop app on a case as `foi-drafter gui CASE` does, and quit once the first letter preview is shown.

    python tests/bench/first_preview.py [CASE]

Benchmarks and tests use it to run a whole start in a fresh process and know when it is done,
so the app itself carries no hook for them. Run with the interpreter whose `app` is to be
started (the checkout's, or an installed wheel's: this folder holds no `app` of its own).
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    """Show the main window with the case, quit at the first preview; return the app's exit code."""
    import gc

    gc.disable()  # as the command line does, until the first letter is shown
    from app.gui.application import create_application, resume_collector, start
    from app.gui.environment import AppEnvironment

    app = create_application()
    window = start(AppEnvironment.from_environ(), argv[0] if argv else None, staged=True)
    resume_collector(window)
    window.loaded.connect(lambda: window.preview.preview_updated.connect(lambda _shown: app.quit()))
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
