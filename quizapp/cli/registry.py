"""What every command shares: the registry, where the database and decks are, one error.

A command module registers itself with ``@command``; ``quizapp.cli.entry`` imports the
command modules only when a command is named, so opening the app stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

# Exit codes: 1 when the content checked has errors, 2 for usage or environment errors.
EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2

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
