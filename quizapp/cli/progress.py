"""`quizapp backup`, `restore`, `export-progress` and `import-progress`.

Backups sit in `backups/` beside the progress database (see quizapp.core.backup); an export
is one zip file another machine imports (see quizapp.core.progress_io for its format).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from quizapp.cli.registry import command, db_path

DB_HELP = "progress database (default: $QUIZAPP_DB or the data dir)"


def _reviews(count: int | None) -> str:
    return "unreadable" if count is None else f"{count} review" + ("" if count == 1 else "s")


def _size(size: int) -> str:
    return f"{size / 1024:.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


@command("backup", "back the progress database up now (--list: the backups kept)")
def backup_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp backup",
        description="Back the progress database up now, into backups/ beside it.",
    )
    parser.add_argument("--list", action="store_true", help="list the backups, oldest first")
    parser.add_argument("--db", help=DB_HELP)
    args = parser.parse_args(argv)
    from quizapp.core.backup import BackupError, backup_now, count_reviews, list_backups

    db = db_path(args.db)
    if args.list:
        backups = list_backups(db)
        if not backups:
            print(f"No backups of {db} yet.")
            return 0
        for info in backups:
            count = _reviews(count_reviews(info.path))
            taken = info.taken_at.strftime("%Y-%m-%d %H:%M:%S UTC")
            print(f"{info.path.name}  {taken}  {_size(info.size):>9}  {info.reason}  {count}")
        print(f"{len(backups)} backup(s) in {info.path.parent}")
        return 0
    try:
        made = backup_now(db, reason="manual")
    except BackupError as problem:
        print(f"quizapp backup: {problem}", file=sys.stderr)
        return 2
    print(f"Backed up {db} to {made} ({_reviews(count_reviews(made))}).")
    return 0


@command("restore", "bring a backup back as the progress database (NAME or --latest)")
def restore_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp restore",
        description="Bring a backup back. The database as it is now is backed up first "
        "(or, if damaged, renamed beside it): nothing is lost.",
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("name", nargs="?", help="a backup's file name (see `quizapp backup --list`)")
    which.add_argument("--latest", action="store_true", help="the newest readable backup")
    parser.add_argument("--db", help=DB_HELP)
    args = parser.parse_args(argv)
    from quizapp.core.backup import BackupError, restore

    db = db_path(args.db)
    try:
        result = restore(db, None if args.latest else args.name)
    except BackupError as problem:
        print(f"quizapp restore: {problem}", file=sys.stderr)
        return 2
    print(f"Restored {db} from {result.restored_from.name} ({_reviews(result.reviews)}).")
    if result.kept is not None:
        print(f"The database as it was is kept as {result.kept}.")
    return 0


@command("export-progress", "write every review and card state to one file (a zip)")
def export_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp export-progress",
        description="Write the review log and card states to FILE, a zip with revlog.csv "
        "(FSRS review-log columns), cards.csv and README.txt describing them.",
    )
    parser.add_argument("file", type=Path, help="the zip file to write, e.g. progress.zip")
    parser.add_argument("--db", help=DB_HELP)
    args = parser.parse_args(argv)
    from quizapp.core.backup import open_store
    from quizapp.core.progress_io import export_progress
    from quizapp.core.schema import StoreError

    db = db_path(args.db)
    if not db.is_file():
        print(f"quizapp export-progress: {db}: no progress database yet", file=sys.stderr)
        return 2
    try:
        with open_store(db) as store:
            report = export_progress(store.connection, args.file)
    except StoreError as problem:
        print(f"quizapp export-progress: {problem}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"quizapp export-progress: {args.file}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"Exported {report.reviews} reviews and {report.cards} cards to {args.file}.")
    return 0


@command("import-progress", "add the reviews and card states of an export (never twice)")
def import_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp import-progress",
        description="Add the reviews and card states of a file from `quizapp export-progress`. "
        "Reviews already here are not added again; a backup is made first.",
    )
    parser.add_argument("file", type=Path, help="a zip made by `quizapp export-progress`")
    parser.add_argument("--db", help=DB_HELP)
    args = parser.parse_args(argv)
    from quizapp.core.backup import BackupError, backup_now, open_store
    from quizapp.core.progress_io import ProgressFileError, import_progress, read_export
    from quizapp.core.schema import StoreError

    db = db_path(args.db)
    try:
        read_export(args.file)  # a bad file is named before any backup or database is made
        with open_store(db) as store:
            backup = backup_now(db, reason="before-import")
            report = import_progress(store.connection, args.file)
    except (ProgressFileError, BackupError, StoreError) as problem:
        print(f"quizapp import-progress: {problem}", file=sys.stderr)
        return 2
    print(
        f"Imported {report.reviews_added} reviews ({report.reviews_known} were here already); "
        f"{report.cards_added} cards added, {report.cards_updated} updated. "
        f"Backup first: {backup.name}."
    )
    return 0
