"""`quizapp backup`, `restore`, `export-progress` and `import-progress` from the command line."""

import re
import sqlite3
import zipfile

import pytest

from quizapp.cli import main
from quizapp.core.backup import list_backups
from quizapp.core.store import CardKey, Rating, Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "laptop" / "progress.sqlite3"
    with Store.open(path) as store:
        store.sync_deck("d", [("a", "h", [], [], True), ("b", "h", [], [], True)])
        store.answer(CardKey("d", "a"), Rating.good)
        store.answer(CardKey("d", "b"), Rating.again)
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def reviews(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM review_log").fetchone()[0]


def test_backup_makes_one_and_lists_it(capsys, db):
    code, out, _ = run(capsys, "backup", "--db", str(db))
    [made] = list_backups(db)
    assert code == 0 and made.reason == "manual"
    assert out == f"Backed up {db} to {made.path} (2 reviews).\n"
    code, out, _ = run(capsys, "backup", "--list", "--db", str(db))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert re.fullmatch(
        rf"{re.escape(made.path.name)}  \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC  +\d+\.\d KB  "
        r"manual  2 reviews",
        lines[0],
    )
    assert lines[1] == f"1 backup(s) in {db.parent / 'backups'}"


def test_backup_of_a_missing_database_says_so(capsys, tmp_path):
    missing = tmp_path / "none.sqlite3"
    code, _, err = run(capsys, "backup", "--db", str(missing))
    assert (code, err) == (2, f"quizapp backup: {missing}: no progress database to back up\n")
    assert not missing.exists()


def test_restore_latest_brings_back_a_deleted_database(capsys, db):
    run(capsys, "backup", "--db", str(db))
    db.unlink()
    code, out, _ = run(capsys, "restore", "--latest", "--db", str(db))
    assert code == 0 and reviews(db) == 2
    assert out == f"Restored {db} from {list_backups(db)[0].path.name} (2 reviews).\n"


def test_restore_by_name_keeps_the_current_database_as_a_backup(capsys, db):
    run(capsys, "backup", "--db", str(db))
    [first] = list_backups(db)
    with Store.open(db) as store:
        store.answer(CardKey("d", "a"), Rating.easy)
    code, out, _ = run(capsys, "restore", first.path.name, "--db", str(db))
    assert code == 0 and reviews(db) == 2
    [kept] = [b for b in list_backups(db) if b.reason == "before-restore"]
    assert reviews(kept.path) == 3
    assert out.splitlines()[1] == f"The database as it was is kept as {kept.path}."


def test_restore_needs_a_name_or_latest(capsys, db):
    with pytest.raises(SystemExit) as exit_:
        main(["restore", "--db", str(db)])
    assert exit_.value.code == 2
    assert "one of the arguments name --latest is required" in capsys.readouterr().err


def test_export_then_import_into_a_new_machine(capsys, db, tmp_path):
    out_file = tmp_path / "progress.zip"
    code, out, _ = run(capsys, "export-progress", str(out_file), "--db", str(db))
    assert (code, out) == (0, f"Exported 2 reviews and 2 cards to {out_file}.\n")
    assert zipfile.is_zipfile(out_file)
    desktop = tmp_path / "desktop" / "progress.sqlite3"
    code, out, _ = run(capsys, "import-progress", str(out_file), "--db", str(desktop))
    [before] = list_backups(desktop)
    assert code == 0 and before.reason == "before-import"
    assert out == (
        "Imported 2 reviews (0 were here already); 2 cards added, 0 updated. "
        f"Backup first: {before.path.name}.\n"
    )
    code, out, _ = run(capsys, "import-progress", str(out_file), "--db", str(desktop))
    assert out.startswith("Imported 0 reviews (2 were here already); 0 cards added, 0 updated.")
    assert reviews(desktop) == 2


def test_import_of_a_bad_file_writes_nothing(capsys, db, tmp_path):
    bad = tmp_path / "progress.zip"
    bad.write_text("card_id,review_rating\n")
    code, out, err = run(capsys, "import-progress", str(bad), "--db", str(db))
    assert code == 1 and out == ""  # the content is wrong, not the command
    assert err == (
        f"quizapp import-progress: {bad}: not a quizapp progress export (a zip file from "
        "`quizapp export-progress`): File is not a zip file\n"
    )
    assert reviews(db) == 2 and list_backups(db) == []


def test_export_from_a_broken_database_names_it(capsys, tmp_path):
    broken = tmp_path / "progress.sqlite3"
    broken.write_bytes(b"not a database at all\n")
    code, _, err = run(capsys, "export-progress", str(tmp_path / "x.zip"), "--db", str(broken))
    assert code == 2
    assert err == (
        f"quizapp export-progress: {broken}: this file is not a quizapp progress database "
        "(not an SQLite file at all). The file was left as it is. No backup of it was found: "
        "move it aside to start afresh, or choose another file with --db or $QUIZAPP_DB.\n"
    )
    assert broken.read_bytes() == b"not a database at all\n"
