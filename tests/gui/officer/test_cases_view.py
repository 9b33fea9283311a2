"""The Cases view: lists the case folder overdue first, filters, opens a case, follows file changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.core.casefile.model import load_case
from app.core.casefile.writing import dump_case
from app.gui.officer.cases_view import CasesWindow
from tests.gui.conftest import EXAMPLES, TODAY


def write_case(folder: Path, name: str, received: str, status: str = "draft") -> Path:
    case = load_case(EXAMPLES / "foia-partial.yaml")
    case.reference, case.received, case.status = name, dt.date.fromisoformat(received), status
    path = folder / f"{name}.yaml"
    path.write_text(dump_case(case), encoding="utf-8")
    return path


def opened(qtbot, window, folder: Path) -> CasesWindow:
    window.preferences.case_folders = [str(folder)]
    cases = window.show_cases()
    qtbot.addWidget(cases)
    with qtbot.waitSignal(cases.loaded, timeout=10000):
        pass
    return cases


def shown(cases: CasesWindow) -> list[str]:
    return [cases.proxy.index(r, 0).data() for r in range(cases.proxy.rowCount())]


def test_cases_are_listed_overdue_first_and_filtered(qtbot, window, tmp_path: Path):
    write_case(tmp_path, "SOON", "2023-07-18")
    write_case(tmp_path, "LATE", "2023-05-02")
    write_case(tmp_path, "DONE", "2023-04-03", "sent")
    cases = opened(qtbot, window, tmp_path)
    assert shown(cases) == ["LATE", "SOON"]
    assert cases.model.rows[0].overdue and cases.model.rows[0].due < TODAY
    cases.show_filter.setCurrentIndex(cases.show_filter.findData("all"))
    assert shown(cases) == ["LATE", "SOON", "DONE"]
    cases.search.setText("soon")
    assert shown(cases) == ["SOON"]


def test_opening_a_case_from_the_list_and_following_file_changes(qtbot, window, tmp_path: Path):
    path = write_case(tmp_path, "FIRST", "2023-07-18")
    cases = opened(qtbot, window, tmp_path)
    assert cases.select_path(path)
    cases.open_button.click()
    assert window.document.path == path and window.document.case.reference == "FIRST"
    with qtbot.waitSignal(cases.loaded, timeout=10000, check_params_cb=lambda n: n == 2):
        write_case(tmp_path, "SECOND", "2023-07-19")
    assert set(shown(cases)) == {"FIRST", "SECOND"}


def test_marking_a_case_sent_writes_its_file(qtbot, window, tmp_path: Path):
    path = write_case(tmp_path, "ONE", "2023-07-18")
    cases = opened(qtbot, window, tmp_path)
    cases.select_path(path)
    with qtbot.waitSignal(cases.loaded, timeout=10000):
        cases.sent_button.click()
    assert load_case(path).status == "sent" and shown(cases) == []
