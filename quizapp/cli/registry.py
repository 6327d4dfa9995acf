"""What every command shares: the registry, where the database and decks are, one error.

A command module registers itself with ``@command``; ``quizapp.cli.entry`` imports the
command modules only when a command is named, so opening the app stays fast. A command fails
by raising ``CommandError``: one line on stderr, and its exit code (EXIT_CONTENT when the
content checked has errors, EXIT_USAGE for a wrong option or a file or database that cannot be
used). Every command opens the progress database through ``open_store`` or
``open_collection``: ``Store.open`` checks the file and takes the backup due first.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.core.clock import Clock
    from quizapp.core.collection import Collection
    from quizapp.core.settings import Settings
    from quizapp.core.store import Store

# Exit codes: 1 when the content checked has errors, 2 for usage or environment errors.
EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2
EXIT_DECLINED = 1  # asked to confirm, the learner said no: nothing was changed

COMMANDS: dict[str, tuple[str, Callable[[Sequence[str]], int]]] = {}


class CommandError(Exception):
    """One line for stderr, prefixed with the command's name; exits with ``code``."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def command(name: str, summary: str):
    """Register ``func`` as ``quizapp NAME``; a ``CommandError`` it raises becomes its exit."""

    def register(func: Callable[[Sequence[str]], int]):
        def run(argv: Sequence[str]) -> int:
            try:
                return func(argv)
            except CommandError as error:
                print(f"quizapp {name}: {error}", file=sys.stderr)
                return error.code

        run.__doc__ = func.__doc__
        run.__name__ = func.__name__
        COMMANDS[name] = (summary, run)
        return func

    return register


def db_path(arg: str | None) -> Path:
    """The progress database: ``--db``, else ``$QUIZAPP_DB``, else the data folder's."""
    if arg:
        return Path(arg).expanduser()
    from quizapp.core.paths import default_db_path

    return default_db_path()


def default_deck_paths(extra: Sequence[str] = ()) -> list[Path]:
    """Bundled decks, the learner's own deck folder, and any paths given."""
    from quizapp.deck.paths import bundled_decks_dir, user_decks_dir

    paths = [bundled_decks_dir()]
    user = user_decks_dir()
    if user.is_dir():
        paths.append(user)
    paths += [Path(p).expanduser() for p in extra]
    return paths


def learner_settings(**overrides: Any) -> Settings:
    """The settings file's settings, read once per command; a bad value is a warning on stderr
    (its default is used), never a failure. ``overrides`` replace some (e.g. exam_date)."""
    from dataclasses import replace

    from quizapp.config import load_settings

    settings, problems = load_settings()
    for problem in problems:
        print(f"quizapp: {problem}", file=sys.stderr)
    return replace(settings, **overrides) if overrides else settings


def _cannot_open(db: Path | str, error: Exception) -> CommandError:
    from quizapp.core.store import StoreError

    if isinstance(error, StoreError):
        return CommandError(str(error))  # names the file, the problem and what to do
    return CommandError(f"{db}: cannot open the progress database ({error})")


def open_store(db: Path, **options: Any) -> Store:
    """The progress database, checked and backed up first (``Store.open`` takes the backup
    due, always before a migration); use it in ``with``. CommandError (exit 2) if it cannot be
    opened."""
    import sqlite3

    from quizapp.core.store import Store, StoreError

    try:
        return Store.open(db, **options)
    except (StoreError, OSError, sqlite3.Error) as error:
        raise _cannot_open(db, error) from None


@contextmanager
def open_collection(
    deck_paths: Sequence[Path],
    db: Path | None,
    *,
    clock: Clock | None = None,
    settings: Settings | None = None,
) -> Iterator[Collection]:
    """The decks synced into the progress database (opened as ``open_store`` does), closed
    afterwards. ``db`` None: a database in memory, for figures when nothing was studied yet."""
    import sqlite3

    from quizapp.core.collection import Collection
    from quizapp.core.store import StoreError

    try:
        collection = Collection.open(
            deck_paths, db if db is not None else ":memory:", clock=clock, settings=settings
        )
    except (StoreError, OSError, sqlite3.Error) as error:
        raise _cannot_open(db or ":memory:", error) from None
    try:
        yield collection
    finally:
        collection.close()
