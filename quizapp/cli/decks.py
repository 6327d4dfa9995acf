"""`quizapp check` and `quizapp schema`: the deck files themselves."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from quizapp.cli.registry import CommandError, command, db_path


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
    for path in paths:
        if not path.exists():  # a wrong argument, not a deck with errors
            raise CommandError(f"{path}: no such file or folder")
    report = check(paths, args.today or dt.date.today())
    decks = {loaded.deck.id: loaded for loaded in report.result.decks}
    # Problems learners noted while studying (`!` in review), for the deck's author.
    reports = read_reports(db_path(args.db), decks)
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
