"""The desktop app starts, builds a letter and loads its word list with sockets blocked."""

from __future__ import annotations

import dataclasses

from app.gui.application import start
from tests.gui.conftest import EXAMPLES, settle


def test_the_app_starts_and_spellchecks_with_sockets_blocked(no_network, qtbot, env):
    window = start(dataclasses.replace(env, spelling=True), EXAMPLES / "foia-partial.yaml")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.spelling.enabled, timeout=30000):
        pass
    result = settle(qtbot, window.document)
    assert not result.error and result.letter is not None and not result.letter.problems
    assert "Freedom of Information" in result.html
    assert window.document.case.reference
    window.document.undo_stack.setClean()
