"""`quizapp backup`, `restore`, `export-progress` and `import-progress`.

Backups sit in `backups/` beside the progress database (see quizapp.core.backup); an export
is one zip file another machine imports (see quizapp.core.progress_io for its format).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from quizapp.cli.registry import EXIT_CONTENT, CommandError, command, db_path, open_store

DB_HELP = "progress database (default: $QUIZAPP_DB or the data dir)"


def _reviews(count: int | None) -> str:
    return "unreadable" if count is None else f"{count} review" + ("" if count == 1 else "s")


def _size(size: int) -> str:
    return f"{size / 1024:.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _readable(path: Path) -> None:
    """A file to read that is missing or cannot be opened is a usage error (exit 2); what is
    wrong inside it is the content's (exit 1)."""
    if not path.exists():
        raise CommandError(f"{path}: no such file")
    try:
        path.open("rb").close()
    except OSError as error:
        raise CommandError(f"{path}: cannot read it ({error.strerror})") from None


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
        raise CommandError(str(problem)) from None
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
        raise CommandError(str(problem)) from None
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
    from quizapp.core.progress_io import export_progress

    db = db_path(args.db)
    if not db.is_file():
        raise CommandError(f"{db}: no progress database yet")
    with open_store(db) as store:
        try:
            report = export_progress(store, args.file)
        except OSError as error:
            raise CommandError(f"{args.file}: {error.strerror}") from None
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
    from quizapp.core.backup import BackupError, backup_now
    from quizapp.core.progress_io import ProgressFileError, import_progress, read_export

    db = db_path(args.db)
    _readable(args.file)
    try:
        read_export(args.file)  # bad content is named before any backup or database is made
    except ProgressFileError as problem:
        raise CommandError(str(problem), EXIT_CONTENT) from None
    with open_store(db) as store:
        try:
            backup = backup_now(db, reason="before-import")
            report = import_progress(store, args.file)
        except BackupError as problem:
            raise CommandError(str(problem)) from None
        except ProgressFileError as problem:
            raise CommandError(str(problem), EXIT_CONTENT) from None
    print(
        f"Imported {report.reviews_added} reviews ({report.reviews_known} were here already); "
        f"{report.cards_added} cards added, {report.cards_updated} updated. "
        f"Backup first: {backup.name}."
    )
    return 0
