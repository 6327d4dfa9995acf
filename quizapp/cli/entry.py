"""The `quizapp` command line.

`quizapp [DECK_PATH ...]` opens the app; the subcommands below work without
it. Imports are deferred to each command so that every one starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from quizapp.cli.registry import COMMANDS, CommandError, db_path, default_deck_paths


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizapp",
        description="Study source-verified decks in the terminal: review, quiz and exam.",
        epilog="commands: "
        + "; ".join(f"{name} ({summary})" for name, (summary, _) in COMMANDS.items())
        + ". Run `quizapp COMMAND --help` for each.",
    )
    parser.add_argument("decks", nargs="*", help="extra deck files or folders to study")
    parser.add_argument("--db", help="progress database (default: $QUIZAPP_DB or the data dir)")
    parser.add_argument("--only", action="store_true", help="study only the decks given")
    parser.add_argument(
        "--review",
        action="store_true",
        help="start reviewing all decks at once (Esc goes to the deck list)",
    )
    return parser


def run_app(args: argparse.Namespace) -> int:
    for given in args.decks:
        if not Path(given).expanduser().exists():
            raise CommandError(f"{given}: no such file or folder")
    paths = [Path(p) for p in args.decks] if args.only else default_deck_paths(args.decks)
    from quizapp.ui.app import run_app as run

    return run(paths, db_path(args.db), start_review=args.review)


def _register_commands() -> None:
    # Each module registers its commands with @command when imported.
    import quizapp.cli.authoring  # noqa: F401
    import quizapp.cli.decks  # noqa: F401
    import quizapp.cli.papers  # noqa: F401
    import quizapp.cli.progress  # noqa: F401
    import quizapp.cli.reset  # noqa: F401
    import quizapp.cli.stats  # noqa: F401


def _names_a_command(argv: Sequence[str]) -> bool:
    """Whether the command modules are needed: not to open the app, which starts sooner."""
    if not argv:
        return False
    first = argv[0]
    if first in {"-h", "--help"}:
        return True  # the app's help lists the commands
    if first.startswith("-") or first in COMMANDS:
        return False
    given = Path(first).expanduser()
    return not (given.is_dir() or given.suffix in {".yaml", ".yml"})


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _names_a_command(argv):
        _register_commands()
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]][1](argv[1:])
        return run_app(_app_parser().parse_args(argv))
    except CommandError as error:
        print(f"quizapp: {error}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed: not an error for the learner.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
