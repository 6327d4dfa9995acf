"""Where the progress database lives."""

from __future__ import annotations

import os
from pathlib import Path


def default_db_path() -> Path:
    """$QUIZAPP_DB, else progress.sqlite3 in the platform's data folder."""
    override = os.environ.get("QUIZAPP_DB")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("quizapp") / "progress.sqlite3"
