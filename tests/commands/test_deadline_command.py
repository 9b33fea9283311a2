"""Tests for the `foi-drafter deadline` sub-command run through the real command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


@pytest.mark.parametrize(
    "extra_args, expected",
    [
        (["--regime", "foia", "--received", "2026-03-02"], "2026-03-31"),
        (["--regime", "foisa", "--received", "2026-03-02"], "2026-03-30"),
        (["--regime", "eir", "--received", "2026-03-02", "--working-days", "40"], "2026-04-30"),
        (["--regime", "eisr", "--received", "2026-03-02", "--working-days", "40"], "2026-04-28"),
        (["--regime", "foisa", "--received", "2026-03-07"], "2026-04-06"),
        (["--regime", "foisa", "--received", "2026-03-07", "--rule", "next-working-day"], "2026-04-07"),
        (["--regime", "foia", "--received", "2026-03-07", "--rule", "ico"], "2026-04-08"),
        (["--regime", "foia", "--received", "2027-03-08"], "2027-04-08"),
    ],
)
def test_prints_due_date(capsys: pytest.CaptureFixture[str], extra_args: list[str], expected: str) -> None:
    assert main(["deadline", *extra_args]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{expected}\n"
    assert captured.err == ""


@pytest.mark.parametrize(
    "received, fragment",
    [("2026-02-30", "not a real date"), ("02/03/2026", "YYYY-MM-DD"), ("tomorrow", "YYYY-MM-DD")],
)
def test_bad_date_exits_2(capsys: pytest.CaptureFixture[str], received: str, fragment: str) -> None:
    assert main(["deadline", "--regime", "foia", "--received", received]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "error" in captured.err and received in captured.err and fragment in captured.err


def test_zero_working_days_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--regime", "foia", "--received", "2026-03-02", "--working-days", "0"]) == 2
    assert "--working-days" in capsys.readouterr().err


def test_unknown_regime_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["deadline", "--regime", "gdpr", "--received", "2026-03-02"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_extra_holidays_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("- date: 2026-03-16\n  nations: [scotland]\n  name: Test holiday\n", encoding="utf-8")
    args = ["deadline", "--received", "2026-03-02", "--extra-holidays", str(extra)]
    assert main([*args, "--regime", "foisa"]) == 0
    assert main([*args, "--regime", "foia"]) == 0
    assert capsys.readouterr().out == "2026-03-31\n2026-04-01\n"


def test_broken_extra_holidays_file_warns_and_carries_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("- date: 2026-13-01\n  nations: [scotland]\n  name: Bad month\n", encoding="utf-8")
    assert main(["deadline", "--regime", "foisa", "--received", "2026-03-02", "--extra-holidays", str(extra)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "2026-03-30\n"
    assert f"warning: {extra}:1: " in captured.err


def test_missing_extra_holidays_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "absent.yaml"
    assert main(["deadline", "--regime", "foia", "--received", "2026-03-02", "--extra-holidays", str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err
