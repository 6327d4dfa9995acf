"""Where the progress database lives."""

from pathlib import Path

from quizapp.core.paths import default_db_path


def test_environment_variable_chooses_the_database(monkeypatch, tmp_path):
    monkeypatch.setenv("QUIZAPP_DB", str(tmp_path / "mine.sqlite3"))
    assert default_db_path() == tmp_path / "mine.sqlite3"


def test_home_is_expanded_in_the_environment_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("QUIZAPP_DB", "~/study/progress.sqlite3")
    assert default_db_path() == tmp_path / "study" / "progress.sqlite3"


def test_default_is_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("QUIZAPP_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_db_path() == Path(tmp_path / "data" / "quizapp" / "progress.sqlite3")
