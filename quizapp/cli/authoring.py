"""The authoring commands: new, draft, import, export.

Each prints one line per file written, or one located error line having written nothing: exit
1 when the file read has something wrong inside it, 2 when a file is missing or cannot be
read or written, or an option is wrong (see quizapp.authoring.errors).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from quizapp.cli.registry import EXIT_CONTENT, EXIT_USAGE, CommandError, command


@contextmanager
def _authoring() -> Iterator[None]:
    """An AuthoringError as the command's one error line, with its exit code."""
    from quizapp.authoring.errors import AuthoringError

    try:
        yield
    except AuthoringError as problem:
        code = EXIT_CONTENT if problem.content else EXIT_USAGE
        raise CommandError(str(problem), code) from None


@command("new", "start a deck file from an example")
def new_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp new",
        description="Write a new deck file with example cards of several kinds and the "
        "schema line that lets YAML-aware editors complete it.",
    )
    parser.add_argument("path", nargs="?", help="deck file or folder (default: your deck folder)")
    parser.add_argument("--id", dest="deck_id", help="deck id (default: from the file name)")
    parser.add_argument("--title", help="deck title (default: from the id)")
    args = parser.parse_args(argv)

    with _authoring():
        from quizapp.authoring.scaffold import new_deck
        from quizapp.deck.paths import user_decks_dir

        target = Path(args.path).expanduser() if args.path else None
        folder = bool(args.path) and args.path.endswith(("/", os.sep))
        path = new_deck(target, user_decks_dir(), args.deck_id, args.title, folder=folder)
        print(f"wrote {path}")
        print(f"edit it, then run: quizapp check {path}")
        return 0


@command("draft", "draft cards from a text document")
def draft_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp draft",
        description="Write a deck of draft cards (dates, numbers, articles, names) from a "
        "plain-text document, each quoting its sentence. Drafts are never studied until "
        "you set `status: reviewed`.",
    )
    parser.add_argument("document", help="UTF-8 text file")
    parser.add_argument("--out", help="deck file to write (default: DOCUMENT with .yaml)")
    parser.add_argument("--id", dest="deck_id", help="deck id (default: from the file name)")
    parser.add_argument("--title", help="deck title (default: from the document)")
    args = parser.parse_args(argv)

    with _authoring():
        from quizapp.authoring.draft import draft_deck

        out = Path(args.out).expanduser() if args.out else None
        document = Path(args.document).expanduser()
        result = draft_deck(document, out, args.deck_id, args.title, dt.date.today())
        print(f"wrote {result.path}: {result.cards} draft card(s)")
        if result.copied is not None:
            print(f"copied the document to {result.copied}: a deck's sources stay in its folder")
        print(f"review them, then run: quizapp check {result.path}")
        return 0


@command("import", "make a deck from an Anki package or a CSV/TSV file")
def import_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp import",
        description="Convert an Anki package (.apkg) or a table (.csv: question,answer[,tags]; "
        ".tsv or Quizlet's .txt export: term<TAB>definition) into YAML decks, one per Anki "
        "deck. Anki review history goes to DECK.history.csv beside the deck, suspended, "
        "buried and flagged cards to DECK.state.csv, pictures and sounds to DECK.media/.",
    )
    parser.add_argument("file", help=".apkg, .csv, .tsv or .txt")
    parser.add_argument(
        "--out",
        help="deck file to write, or a folder for a file of several decks "
        "(default: your deck folder)",
    )
    parser.add_argument(
        "--separator",
        help="column separator of a table: tab, comma, semicolon, pipe, dash (' - ') or a "
        "character (default: Anki's #separator: header, else sniffed)",
    )
    parser.add_argument("--id", dest="deck_id", help="deck id (default: from the file name)")
    parser.add_argument("--title", help="deck title (default: the Anki deck or file name)")
    parser.add_argument(
        "--skip", action="store_true", help="leave out notes that cannot be converted"
    )
    args = parser.parse_args(argv)

    with _authoring():
        from quizapp.authoring.importing import import_deck
        from quizapp.deck.paths import user_decks_dir

        source = Path(args.file).expanduser()
        out = Path(args.out).expanduser() if args.out else None
        result = import_deck(
            source,
            out,
            folder=user_decks_dir(),
            deck_id=args.deck_id,
            title=args.title,
            skip=args.skip,
            separator=args.separator,
            progress=_progress_line() if sys.stderr.isatty() else None,
        )
        for reason in result.skipped:
            print(f"quizapp import: {source}: skipped {reason}", file=sys.stderr)
        for name in result.missing_media:
            print(
                f"quizapp import: {source}: warning: {name} is used but not in the package",
                file=sys.stderr,
            )
        for deck in result.decks:
            print(f"wrote {deck.path}: {deck.cards} card(s)")
            if deck.history_path is not None:
                print(f"wrote {deck.history_path}: {deck.reviews} review(s)")
            if deck.state_path is not None:
                print(f"wrote {deck.state_path}: suspended, buried and flagged cards, due dates")
            if deck.media_files:
                folder = deck.path.with_name(deck.path.stem + ".media")
                print(f"wrote {folder}: {deck.media_files} picture(s) and sound(s)")
        return 0


def _progress_line():
    """Notes done of all, on one line of the terminal rewritten in place (at most ten times
    a second), ended when all are done."""
    shown = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - shown[0] < 0.1:
            return
        shown[0] = now
        end = "\n" if done >= total else ""
        print(f"\rimporting notes: {done:,} of {total:,}", end=end, file=sys.stderr, flush=True)

    return show


def _content_changes(deck_id: str) -> dict:
    """When each card of the deck last changed, from the progress database if it can be read
    (nothing is created or migrated); empty otherwise."""
    from quizapp.cli.registry import db_path
    from quizapp.core.store import Store

    store = Store.peek(db_path(None))
    if store is None:
        return {}
    try:
        return store.content_changes(deck_id)
    except sqlite3.Error:  # busy or damaged: the times fixed by content stand in
        return {}
    finally:
        store.close()


@command("export", "write a deck as an Anki package or CSV")
def export_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp export",
        description="Write a deck as an Anki package (.apkg; re-exports update the same "
        "notes in Anki) or as CSV (question,answer,tags).",
    )
    parser.add_argument("deck", help="deck file (.yaml)")
    parser.add_argument("--to", required=True, help="output file: NAME.apkg or NAME.csv")
    parser.add_argument("--drafts", action="store_true", help="include draft cards")
    args = parser.parse_args(argv)

    with _authoring():
        from quizapp.authoring.errors import AuthoringError
        from quizapp.authoring.exporting import export_apkg, export_csv

        deck, out = Path(args.deck).expanduser(), Path(args.to).expanduser()
        if not deck.is_file():
            raise AuthoringError(deck, "no such deck file", "check the path", content=False)
        suffix = out.suffix.lower()
        if suffix == ".apkg":
            count = export_apkg(
                deck, out, drafts=args.drafts, timestamp=time.time(), changes=_content_changes
            )
        elif suffix == ".csv":
            count = export_csv(deck, out, drafts=args.drafts)
        else:
            raise AuthoringError(
                out, "unknown export format", "name it NAME.apkg or NAME.csv", content=False
            )
        print(f"wrote {out}: {count} card(s)")
        return 0
