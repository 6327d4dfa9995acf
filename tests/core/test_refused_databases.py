"""Databases quizapp refuses: another program's, a newer one's, a damaged or read-only one.

Each is named with what to do, never a traceback, and its folder is left exactly as it was:
no tables added, no -wal or -shm made beside it, no backups folder.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.core.backup import BrokenDatabaseError, ReadOnlyDatabaseError
from quizapp.core.storage.db import NotQuizappError, open_database
from quizapp.core.storage.migrations import LATEST
from quizapp.core.store import Store

ROOT = Path(__file__).resolve().parents[2]


def folder_state(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every entry under the folder with its mode and bytes: any change shows."""
    state = {".": (folder.stat().st_mode, b"")}
    for path in sorted(folder.rglob("*")):
        data = path.read_bytes() if path.is_file() else b""
        state[str(path.relative_to(folder))] = (path.stat().st_mode, data)
    return state


def other_programs_db(path: Path, *, wal: bool = False, version: int = 0) -> Path:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE foo (x)")
    conn.execute("INSERT INTO foo VALUES (1)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


def newer_db(path: Path) -> Path:
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    return path


def quizapp(*args: str, drop_privileges: bool = False) -> subprocess.CompletedProcess:
    """The command as a learner runs it. As root, read-only files would be written anyway,
    so the run drops root's power to ignore file permissions (as a learner has none)."""
    prefix: list[str] = []
    if drop_privileges and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: file permissions are not enforced")
        caps = "-dac_override,-dac_read_search"
        prefix = [setpriv, "--bounding-set", caps, "--inh-caps", caps]
    env = {**os.environ, "QUIZAPP_CONFIG": os.devnull}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "quizapp", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )


# -- another program's database ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("wal", "version"), [(False, 0), (True, 0), (False, 3), (False, LATEST + 7)]
)
def test_another_programs_database_is_refused_and_never_changed(tmp_path, wal, version):
    db = other_programs_db(tmp_path / "other.db", wal=wal, version=version)
    before = folder_state(tmp_path)
    with pytest.raises(BrokenDatabaseError) as refused:
        Store.open(db)
    message = str(refused.value)
    assert "this is not a quizapp progress database" in message
    assert "foo" in message and "--db or $QUIZAPP_DB" in message
    assert "newer quizapp" not in message
    assert folder_state(tmp_path) == before


def test_open_database_itself_refuses_it_before_any_write(tmp_path):
    db = other_programs_db(tmp_path / "other.db")
    before = db.read_bytes()
    with pytest.raises(NotQuizappError):
        open_database(db)
    assert db.read_bytes() == before


def test_an_empty_file_and_an_empty_database_are_taken(tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    sqlite3.connect(tmp_path / "blank.sqlite3").execute("PRAGMA user_version").fetchone()
    blank = tmp_path / "blank.sqlite3"
    conn = sqlite3.connect(blank)
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("VACUUM")  # an SQLite file with no tables yet
    conn.close()
    for path in (empty, blank):
        with Store.open(path) as store:
            assert store.review_log() == []


def test_stats_names_another_programs_file_and_leaves_it(tmp_path):
    db = other_programs_db(tmp_path / "other.db")
    before = folder_state(tmp_path)
    run = quizapp("stats", "--db", str(db))
    assert run.returncode == 2
    assert f"quizapp stats: {db}: this is not a quizapp progress database" in run.stderr
    assert "Traceback" not in run.stderr
    assert folder_state(tmp_path) == before


# -- refused: the folder exactly as it was -----------------------------------------------------


@pytest.mark.parametrize("kind", ["newer", "other-wal", "not-sqlite", "cut-short"])
def test_a_refused_databases_folder_is_left_exactly_as_it_was(tmp_path, kind):
    db = tmp_path / "progress.sqlite3"
    if kind == "newer":
        newer_db(db)
    elif kind == "other-wal":
        other_programs_db(db, wal=True)
    elif kind == "not-sqlite":
        db.write_text("notes, not a database\n" * 200)
    else:
        open_database(db).close()
        db.write_bytes(db.read_bytes()[:5000])
    before = folder_state(tmp_path)
    for command in (["stats"], ["exam", "--json", "--count", "2"]):
        run = quizapp(*command, "--db", str(db))
        assert run.returncode == 2, run.stdout
        assert "The file was left as it is." in run.stderr and "Traceback" not in run.stderr
        assert folder_state(tmp_path) == before


# -- read-only --------------------------------------------------------------------------------


@pytest.fixture
def saved(tmp_path):
    """A progress database with an exam taken, then made read-only by the test."""
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "progress.sqlite3"
    run = quizapp("exam", "--json", "--count", "2", "--seed", "1", "--db", str(db))
    assert run.returncode == 0, run.stderr
    yield db
    folder.chmod(0o755)
    db.chmod(0o644)


@pytest.mark.parametrize("where", ["file", "folder"])
def test_a_read_only_database_says_which_and_that_progress_cannot_be_saved(saved, where):
    folder = saved.parent
    if where == "file":
        saved.chmod(0o444)
    else:
        folder.chmod(0o555)
    before = folder_state(folder)
    for command in (["exam", "--json", "--count", "2"], ["stats"], ["stats", "--json"]):
        run = quizapp(*command, "--db", str(saved), drop_privileges=True)
        assert run.returncode == 2, run.stdout
        assert "Traceback" not in run.stderr
        assert "cannot be read" not in run.stderr
        assert "progress cannot be saved" in run.stderr
        if where == "file":
            assert f"{saved}: the file is read-only" in run.stderr
            assert f"chmod u+w '{saved}'" in run.stderr
        else:
            assert f"{saved}: its folder {folder} is read-only" in run.stderr
            assert f"chmod u+w '{folder}'" in run.stderr
        assert folder_state(folder) == before


def test_read_only_is_its_own_error_with_where(tmp_path, monkeypatch):
    db = tmp_path / "p.sqlite3"
    open_database(db).close()
    db.chmod(0o444)
    if os.access(db, os.W_OK):
        pytest.skip("running as root: permissions are not enforced in this process")
    with pytest.raises(ReadOnlyDatabaseError) as refused:
        Store.open(db)
    assert refused.value.where == "file"


def test_nothing_saved_is_lost_by_a_refusal(saved):
    with sqlite3.connect(saved) as conn:
        exams = conn.execute("SELECT count(*) FROM exam_question").fetchone()[0]
    saved.chmod(0o444)
    assert quizapp("exam", "--json", "--db", str(saved), drop_privileges=True).returncode == 2
    saved.chmod(0o644)
    with sqlite3.connect(saved) as conn:
        assert conn.execute("SELECT count(*) FROM exam_question").fetchone()[0] == exams == 2
