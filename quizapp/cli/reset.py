"""`quizapp reset`: forget the progress of a card, a tag or a deck, after asking and a backup.

The review log is kept (statistics and the optimizer still see what happened);
the cards become new again. Nothing changes unless the learner says yes (or
passes --yes), and a backup of the progress database is made first, so a reset
can be undone with `quizapp restore`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from quizapp.cli.registry import EXIT_DECLINED, CommandError, command, db_path, open_store


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizapp reset",
        description="Forget the progress of cards (new again); the review log is kept.",
    )
    parser.add_argument("--deck", action="append", default=[], help="every card of this deck id")
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        help="every card with this tag or one nested under it (upsc takes in upsc::polity)",
    )
    parser.add_argument(
        "--card", action="append", default=[], metavar="DECK/CARD", help="one card, e.g. rk/x"
    )
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.add_argument("--db", help="progress database (default: $QUIZAPP_DB or the data dir)")
    return parser


@command("reset", "forget the progress of a card, tag or deck (asks first; backs up first)")
def reset_command(argv: Sequence[str], ask: Callable[[str], str] = input) -> int:
    args = _parser().parse_args(argv)
    if not (args.deck or args.tag or args.card):
        raise CommandError("say what to reset: --deck, --tag or --card")
    cards = set()
    for given in args.card:
        deck, _, card = given.partition("/")
        if not deck or not card:
            raise CommandError(f"--card {given!r}: write DECK/CARD")
        cards.add((deck, card))
    db = db_path(args.db)
    if not db.is_file():
        raise CommandError(f"{db}: no progress database (nothing to reset)")

    from quizapp.core.backup import backup_now
    from quizapp.core.storage.queues import SOURCE_TAG, matches

    with open_store(db) as store:
        # A tag takes in the tags nested under it (upsc: upsc::polity), as the study filter.
        tagged: set[str] = set()
        chosen = []
        for row in store.browse():
            own = [t for t in row.tags if not t.startswith(SOURCE_TAG)]
            by_tag = bool(args.tag) and matches(f" {' '.join(own)} ", args.tag, None)
            if by_tag:
                tagged.update(t for t in own if matches(f" {t} ", args.tag, None))
            if by_tag or row.key.deck_id in args.deck or tuple(row.key) in cards:
                chosen.append(row.key)
        known = {tuple(row) for row in chosen}
        for missing in sorted(cards - known):
            print(f"quizapp reset: no card {missing[1]!r} in deck {missing[0]!r}", file=sys.stderr)
        studied = [key for key in chosen if store.progress(key).reps > 0]
        if not chosen:
            if cards - known:  # a --card that names no card is a wrong option
                raise CommandError("nothing matches: no card was reset")
            print("Nothing matches: no card was reset.")
            return 0
        if tagged:
            print(f"Tags matched: {', '.join(sorted(tagged))}.")
        question = (
            f"Reset {len(chosen)} card(s), {len(studied)} of them studied, to new? "
            "Their review log is kept, and a backup is made first. [y/N] "
        )
        if not args.yes:
            try:
                answer = ask(question)
            except EOFError:
                answer = ""
            if answer.strip().lower() not in {"y", "yes"}:
                print("Nothing was reset.")
                return EXIT_DECLINED
        backup = backup_now(db, reason="before-reset")
        count = store.reset(chosen)
    print(f"Reset {count} card(s) to new. Backup: {backup} (quizapp restore brings it back).")
    return 0
