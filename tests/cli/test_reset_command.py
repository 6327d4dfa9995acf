"""`quizapp reset`: asks, backs up, forgets progress, keeps the review log."""

import sqlite3
import subprocess
import sys

import pytest

from quizapp.core.store import CardKey, Rating, Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "progress.sqlite3"
    with Store.open(path) as store:
        store.sync_deck("d", [("a", "h", [], ["dates"], True), ("b", "h", [], ["x"], True)])
        store.sync_deck("e", [("c", "h", [], ["dates"], True)])
        for card in (CardKey("d", "a"), CardKey("d", "b"), CardKey("e", "c")):
            store.answer(card, Rating.good)
    return path


def quizapp(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "quizapp", "reset", *args],
        input=stdin,
        capture_output=True,
        text=True,
    )


def states(db):
    with sqlite3.connect(db) as conn:
        return dict(
            conn.execute("SELECT deck_id || '/' || card_id, state FROM card ORDER BY 1").fetchall()
        )


def log_count(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0]


def test_nothing_changes_unless_the_learner_says_yes(db):
    run = quizapp("--tag", "dates", "--db", str(db), stdin="n\n")
    assert "Reset 2 card(s), 2 of them studied, to new?" in run.stdout
    assert "Nothing was reset." in run.stdout and run.returncode == 1
    assert states(db) == {"d/a": 1, "d/b": 1, "e/c": 1}
    assert not list(db.parent.glob("backups/*before-reset*"))


def test_a_tag_is_reset_after_a_backup_and_the_log_is_kept(db):
    run = quizapp("--tag", "dates", "--db", str(db), stdin="y\n")
    assert run.returncode == 0, run.stderr
    assert "Reset 2 card(s) to new." in run.stdout
    assert states(db) == {"d/a": 0, "d/b": 1, "e/c": 0}
    assert log_count(db) == 3
    backups = list((db.parent / "backups").glob("*before-reset*"))
    assert len(backups) == 1 and str(backups[0]) in run.stdout
    with sqlite3.connect(backups[0]) as conn:  # the backup holds the progress as it was
        assert conn.execute("SELECT COUNT(*) FROM card WHERE state = 1").fetchone()[0] == 3


def test_a_deck_or_one_card_with_yes(db):
    assert quizapp("--deck", "e", "--yes", "--db", str(db)).returncode == 0
    assert states(db) == {"d/a": 1, "d/b": 1, "e/c": 0}
    assert quizapp("--card", "d/b", "--yes", "--db", str(db)).returncode == 0
    assert states(db) == {"d/a": 1, "d/b": 0, "e/c": 0}


def test_mistakes_are_told_plainly(db, tmp_path):
    assert "say what to reset" in quizapp("--db", str(db)).stderr
    assert "write DECK/CARD" in quizapp("--card", "nope", "--db", str(db)).stderr
    missing = quizapp("--card", "d/zz", "--yes", "--db", str(db))
    assert "no card 'zz' in deck 'd'" in missing.stderr and missing.returncode == 2
    none = tmp_path / "none.sqlite3"
    assert "no progress database" in quizapp("--deck", "d", "--db", str(none)).stderr
    assert not none.exists()


def test_a_broken_database_is_named_and_left_as_it_is(tmp_path):
    broken = tmp_path / "progress.sqlite3"
    broken.write_bytes(b"this is not a database" * 300)
    run = quizapp("--deck", "d", "--yes", "--db", str(broken))
    assert run.returncode == 2
    assert run.stderr.startswith(f"quizapp reset: {broken}")
    assert broken.read_bytes() == b"this is not a database" * 300


def test_a_tag_resets_the_tags_nested_under_it_as_the_study_filter_picks(tmp_path):
    path = tmp_path / "progress.sqlite3"
    tagged = {
        "polity": ["upsc::polity", "source:notes-a"],
        "budget": ["upsc::economy::budget"],
        "whole": ["UPSC"],
        "upscale": ["upscale"],
        "economy": ["economy::upsc"],
        "cited": ["history", "source:upsc"],  # cites a document called upsc: not tagged so
    }
    with Store.open(path) as store:
        store.sync_deck("n", [(card, "h", [], tags, True) for card, tags in tagged.items()])
        for card in tagged:
            store.answer(CardKey("n", card), Rating.good)
    asked = quizapp("--tag", "upsc", "--db", str(path), stdin="n\n")
    assert "Tags matched: UPSC, upsc::economy::budget, upsc::polity." in asked.stdout
    assert "Reset 3 card(s), 3 of them studied, to new?" in asked.stdout
    assert states(path) == dict.fromkeys((f"n/{card}" for card in tagged), 1)
    run = quizapp("--tag", "upsc", "--db", str(path), stdin="y\n")
    assert run.returncode == 0, run.stderr
    assert "Reset 3 card(s) to new." in run.stdout
    reset = {card for card, state in states(path).items() if state == 0}
    assert reset == {"n/polity", "n/budget", "n/whole"}
