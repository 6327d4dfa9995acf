"""Anki packages made to harm: read within bounds, refused with a message, nothing written."""

import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from quizapp.authoring import anki_package
from quizapp.authoring.anki_package import read_package
from quizapp.authoring.errors import AuthoringError
from tests.authoring.conftest import add_note, anki_collection, export_package, files_in

ENDLESS_NOTES = """
ALTER TABLE notes RENAME TO real_notes;
CREATE VIEW notes AS
    WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n)
    SELECT id, 'g' || id AS guid, 0 AS mid, 0 AS mod, '' AS tags, 'a' || char(31) || 'b' AS flds
    FROM n;
"""
MANY_NOTES = """
INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
    SELECT notes.id + i, guid || i, mid, mod, usn, tags, flds, sfld, csum, flags, data
    FROM notes, n;
"""


@pytest.fixture(scope="module")
def legacy_package(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("anki")
    col = anki_collection(folder / "col")
    deck_id = col.decks.id("Words")
    add_note(col, "Basic", {"Front": "Capital of France?", "Back": "Paris"}, [], deck_id)
    package = export_package(col, deck_id, folder / "words.apkg", legacy=True)
    col.close()
    return package


def tampered(package: Path, folder: Path, sql: str) -> Path:
    """The package's collection changed by `sql`, alone in a new package."""
    collection = folder / "collection.anki21"
    collection.write_bytes(zipfile.ZipFile(package).read("collection.anki21"))
    with sqlite3.connect(collection) as db:
        db.executescript(sql)
    out = folder / "tampered.apkg"
    with zipfile.ZipFile(out, "w") as archive:
        archive.write(collection, "collection.anki21")
    collection.unlink()
    return out


def test_a_notes_view_without_end_is_refused_at_once(legacy_package, tmp_path):
    package = tampered(legacy_package, tmp_path, ENDLESS_NOTES)
    out = tmp_path / "decks"
    out.mkdir()
    # In a process of its own: were the view read, the import would never end.
    run = subprocess.run(
        [sys.executable, "-m", "quizapp", "import", str(package), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        f"quizapp import: {package}: error: collection.anki21 inside it is not an Anki "
        "collection: notes should be a table, not a view (export it again from Anki: File > "
        "Export..., format Anki Deck Package (.apkg))\n"
    )
    assert files_in(out) == []


def test_reading_stops_at_the_deadline(legacy_package, tmp_path):
    package = tampered(legacy_package, tmp_path, MANY_NOTES)
    assert len(read_package(package).notes) == 50_001
    with pytest.raises(AuthoringError, match="reading its collection took longer than 0 s"):
        read_package(package, seconds=0)


def test_too_many_notes_are_refused(legacy_package, tmp_path, monkeypatch):
    package = tampered(legacy_package, tmp_path, MANY_NOTES)
    monkeypatch.setattr(anki_package, "MAX_NOTES", 50_000)
    with pytest.raises(AuthoringError, match="holds more than 50,000 notes"):
        read_package(package)


def test_the_collection_is_opened_read_only(legacy_package, tmp_path, monkeypatch):
    """Nothing in the package's collection can be written while it is read."""
    refused = []
    real = anki_package._open_read_only

    def open_and_try_a_write(copy, seconds):
        db = real(copy, seconds)
        try:
            db.execute("CREATE TABLE written (a)")
        except sqlite3.OperationalError as error:
            refused.append(str(error))
        return db

    monkeypatch.setattr(anki_package, "_open_read_only", open_and_try_a_write)
    assert len(read_package(legacy_package).notes) == 1
    assert refused == ["attempt to write a readonly database"]
