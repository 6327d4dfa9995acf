import os
from pathlib import Path

import pytest

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    # Never touch the learner's real data, decks or cache from a test.
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("QUIZAPP_CACHE", str(home / "cache"))
    monkeypatch.setenv("QUIZAPP_DECKS", str(home / "decks"))
    monkeypatch.setenv("QUIZAPP_DB", str(home / "progress.sqlite3"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
