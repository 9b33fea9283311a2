"""`foi-drafter library law-dates`: the changes in the law an organisation dates, and the dates it set."""

from __future__ import annotations

from app.cli import main


def test_an_undated_change_says_letters_keep_the_earlier_wording(tmp_path, capsys):
    assert main(["library", "law-dates", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "information-commission: not dated" in out and "Data (Use and Access) Act 2025" in out


def test_a_dated_change_shows_its_day_and_a_bad_one_names_the_file_and_line(tmp_path, capsys):
    settings = tmp_path / "library.yaml"
    settings.write_text("commencement:\n  information-commission: 2027-04-01\n", encoding="utf-8")
    assert main(["library", "law-dates", str(tmp_path)]) == 0
    assert "information-commission: in force from 2027-04-01" in capsys.readouterr().out
    settings.write_text("commencement:\n  information-commission: soon\n", encoding="utf-8")
    assert main(["library", "law-dates", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "library.yaml:2:" in err and "YYYY-MM-DD" in err
