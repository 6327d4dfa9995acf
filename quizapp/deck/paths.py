"""Where decks and source documents live: bundled with the package, and the user's own."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
DECK_SUFFIXES = (".yaml", ".yml")


def _bundled(name: str) -> Path:
    # An installed wheel carries them inside the package; a source checkout beside it.
    inside = _PACKAGE / "_bundled" / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def bundled_decks_dir() -> Path:
    return _bundled("decks")


def bundled_seeds_dir() -> Path:
    return _bundled("seeds")


def user_decks_dir() -> Path:
    """The learner's own decks: $QUIZAPP_DECKS, else the platform's data directory."""
    override = os.environ.get("QUIZAPP_DECKS")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("quizapp") / "decks"


def cache_dir() -> Path:
    override = os.environ.get("QUIZAPP_CACHE")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("quizapp")


def deck_files(paths: Iterable[Path]) -> list[Path]:
    """Deck files named directly, and those found (sorted) in named folders."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in DECK_SUFFIXES and p.is_file())
        else:
            found.append(path)
    return found
