"""The `quizapp` command line.

`quizapp [DECK_PATH ...]` opens the app; the subcommands below work without
it. Imports are deferred to each command so that every one starts fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

COMMANDS: dict[str, tuple[str, Callable[[Sequence[str]], int]]] = {}


def command(name: str, summary: str):
    def register(func: Callable[[Sequence[str]], int]):
        COMMANDS[name] = (summary, func)
        return func

    return register


def _db_path(arg: str | None) -> Path:
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
            print(f"quizapp: {given}: no such file or folder", file=sys.stderr)
            return 2
    paths = [Path(p) for p in args.decks] if args.only else default_deck_paths(args.decks)
    from quizapp.ui.app import run_app as run

    return run(paths, _db_path(args.db), start_review=args.review)


@command("check", "lint decks; non-zero exit on errors")
def check_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="quizapp check", description="Lint deck files.")
    parser.add_argument("paths", nargs="*", help="deck files or folders (default: bundled decks)")
    parser.add_argument("--strict", action="store_true", help="warnings (drafts, stale) fail too")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="date for staleness checks")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the summary")
    parser.add_argument(
        "--db", help="progress database whose card reports to list (default: the learner's)"
    )
    args = parser.parse_args(argv)
    from quizapp.core.store import read_reports
    from quizapp.deck.check import check
    from quizapp.deck.paths import bundled_decks_dir

    paths = [Path(p) for p in args.paths] or [bundled_decks_dir()]
    report = check(paths, args.today or dt.date.today())
    decks = {loaded.deck.id: loaded for loaded in report.result.decks}
    # Problems learners noted while studying (`!` in review), for the deck's author.
    reports = read_reports(_db_path(args.db), decks)
    if not args.quiet:
        for problem in report.problems:
            print(problem)
        for noted in reports:
            loaded = decks[noted.key.deck_id]
            line = loaded.card_lines.get(noted.key.card_id, 1)
            day = noted.reported_at.date().isoformat()
            print(
                f"{loaded.path}:{line}: report: card {noted.key.card_id!r} "
                f"(noted {day}): {noted.note}"
            )
    summary = report.summary()
    if reports:
        summary += f"; {len(reports)} card report(s) from learners"
    print(summary)
    return report.exit_code(args.strict)


@command("schema", "print the deck format's JSON Schema")
def schema_command(argv: Sequence[str]) -> int:
    argparse.ArgumentParser(prog="quizapp schema", description=schema_command.__doc__).parse_args(
        argv
    )
    from quizapp.deck.schema import deck_json_schema_text

    sys.stdout.write(deck_json_schema_text())
    return 0


def _register_commands() -> None:
    # Each module registers its commands with @command when imported.
    import quizapp.authoring.commands  # noqa: F401
    import quizapp.progress_commands  # noqa: F401
    import quizapp.quiz_commands  # noqa: F401
    import quizapp.reset_command  # noqa: F401
    import quizapp.stats_commands  # noqa: F401


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
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed: not an error for the learner.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
