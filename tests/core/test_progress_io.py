"""Exporting progress and importing it on another machine: same states, no review twice."""

import csv
import io
import sqlite3
import zipfile
from datetime import UTC, datetime

import pytest

from quizapp.core.clock import FixedClock
from quizapp.core.progress_io import (
    CARD_COLUMNS,
    REVLOG_COLUMNS,
    ProgressFileError,
    export_progress,
    import_progress,
)
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, DeckCard, Mode, Rating, Store

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
SETTINGS = Settings(timezone="UTC", enable_fuzzing=False)
STATE = ", ".join(["deck_id", "card_id", "content_hash", *CARD_COLUMNS[3:]])


def open_store(path, clock=None):
    return Store.open(path, clock=clock or FixedClock(NOW), settings=SETTINGS)


def cards(deck_id, *ids):
    return [DeckCard(i, f"hash-{i}", [], ["dates"], True) for i in ids]


@pytest.fixture
def studied(tmp_path):
    """A database with answers in every mode, a suspended and a flagged card."""
    clock = FixedClock(NOW)
    path = tmp_path / "laptop.sqlite3"
    with open_store(path, clock) as store:
        store.sync_deck("geo", cards("geo", "a", "b", "c"))
        store.sync_deck("hist", cards("hist", "a"))
        store.answer(CardKey("geo", "a"), Rating.good, duration_ms=4200)
        clock.advance(minutes=3)
        store.answer(CardKey("geo", "b"), Rating.again, answer="Rome, Italy\n(said twice)")
        store.answer(CardKey("hist", "a"), Rating.easy, mode=Mode.quiz, answer="b")
        clock.advance(days=2)
        store.answer(CardKey("geo", "a"), Rating.hard, duration_ms=9000)
        store.answer(CardKey("geo", "c"), Rating.good, mode=Mode.practice)
        store.suspend([CardKey("geo", "c")])
        store.set_flag([CardKey("geo", "b")], 2)
    return path


def table(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def card_states(path):
    return table(path, f"SELECT {STATE} FROM card ORDER BY deck_id, card_id")


def review_rows(path):
    return table(
        path,
        "SELECT deck_id, card_id, rating, reviewed_at, duration_ms, mode, answer, before "
        "FROM review_log ORDER BY reviewed_at, id",
    )


def test_the_export_holds_the_revlog_in_fsrs_columns(studied, tmp_path):
    out = tmp_path / "progress.zip"
    with open_store(studied) as store:
        report = export_progress(store, out)
    assert (report.reviews, report.cards) == (5, 4)
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["README.txt", "cards.csv", "revlog.csv"]
        rows = list(csv.reader(io.StringIO(archive.read("revlog.csv").decode())))
        readme = archive.read("README.txt").decode()
    assert rows[0] == REVLOG_COLUMNS
    first = 1795599000000  # 2026-11-25 09:30 UTC in epoch ms
    assert [r[:7] for r in rows[1:]] == [
        ["geo/a", str(first), "3", "0", "4200", "geo", "review"],
        ["geo/b", str(first + 180000), "1", "0", "0", "geo", "review"],
        ["hist/a", str(first + 180000), "4", "0", "0", "hist", "quiz"],
        ["geo/a", str(first + 180000 + 2 * 86400000), "2", "1", "9000", "geo", "review"],
        ["geo/c", str(first + 180000 + 2 * 86400000), "3", "0", "0", "geo", "practice"],
    ]
    assert rows[2][7] == "Rome, Italy\n(said twice)"
    assert readme.startswith("quizapp-progress 1")
    assert "review_state     the card's state before the answer" in readme


def test_a_round_trip_into_an_empty_store_gives_the_same_states_and_reviews(studied, tmp_path):
    out = tmp_path / "progress.zip"
    with open_store(studied) as store:
        export_progress(store, out)
    desktop = tmp_path / "desktop.sqlite3"
    with open_store(desktop) as store:
        report = import_progress(store, out)
    assert tuple(report) == (5, 0, 4, 0)
    assert card_states(desktop) == card_states(studied)
    assert review_rows(desktop) == review_rows(studied)
    # Not studied until its deck is loaded here; loading it matches the card by id, unchanged.
    assert table(desktop, "SELECT count(*) FROM card WHERE present")[0][0] == 0
    with open_store(desktop) as store:
        sync = store.sync_deck("geo", cards("geo", "a", "b", "c"))
        assert (sync.added, sync.changed, sync.returned) == ([], [], ["a", "b", "c"])
        assert store.progress(CardKey("geo", "a")).reps == 2
        assert not store.progress(CardKey("geo", "a")).changed_since_review


def test_importing_twice_adds_nothing(studied, tmp_path):
    out = tmp_path / "progress.zip"
    with open_store(studied) as store:
        export_progress(store, out)
    desktop = tmp_path / "desktop.sqlite3"
    with open_store(desktop) as store:
        import_progress(store, out)
        states, log = card_states(desktop), review_rows(desktop)
        report = import_progress(store, out)
    assert tuple(report) == (0, 5, 0, 0)
    assert card_states(desktop) == states and review_rows(desktop) == log


def test_import_into_a_store_with_its_own_answers_merges_them(studied, tmp_path):
    out = tmp_path / "progress.zip"
    with open_store(studied) as store:
        export_progress(store, out)
    desktop = tmp_path / "desktop.sqlite3"
    clock = FixedClock(datetime(2026, 12, 1, 8, tzinfo=UTC))
    with open_store(desktop, clock) as store:
        store.sync_deck("geo", cards("geo", "a", "b", "c"))
        store.answer(CardKey("geo", "b"), Rating.good)  # later than the laptop's answers
        mine = table(desktop, f"SELECT {STATE} FROM card WHERE card_id = 'b'")
        report = import_progress(store, out)
    assert tuple(report) == (5, 0, 1, 2)  # hist/a added; geo/a and geo/c updated
    assert len(review_rows(desktop)) == 6
    # geo/b was reviewed here since the export: this store's state is kept.
    assert table(desktop, f"SELECT {STATE} FROM card WHERE card_id = 'b'") == mine
    assert table(desktop, f"SELECT {STATE} FROM card WHERE deck_id = 'geo' AND card_id = 'a'") == (
        table(studied, f"SELECT {STATE} FROM card WHERE deck_id = 'geo' AND card_id = 'a'")
    )


def rewrite(source, target, member, edit):
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name).decode() for name in archive.namelist()}
    members[member] = edit(members[member])
    with zipfile.ZipFile(target, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)


@pytest.mark.parametrize(
    ("member", "edit", "problem"),
    [
        (
            "revlog.csv",
            lambda t: t.replace("geo/b,", "geo/b,soon", 1),
            "revlog.csv:3: review_time should be a number from 0, not 'soon1795599180000'",
        ),
        (
            "revlog.csv",
            lambda t: t.replace(",3,0,4200,", ",7,0,4200,", 1),
            "revlog.csv:2: review_rating should be a number from 1 to 4, not '7'",
        ),
        (
            "revlog.csv",
            lambda t: t.replace(",quiz,", ",cram,", 1),
            "revlog.csv:5: mode should be one of review, practice, quiz, exam, not 'cram'",
        ),
        (
            "revlog.csv",
            lambda t: t.replace("review_duration,", "duration,", 1),
            "revlog.csv:1: the columns should be card_id,review_time,review_rating,"
            "review_state,review_duration,deck_id,mode,answer,before, not card_id,review_time,"
            "review_rating,review_state,duration,deck_id,mode,answer,before; "
            "export the progress again",
        ),
        (
            "cards.csv",
            lambda t: t.replace(",hash-b,hash-b,", ",hash-b,hash-b,x", 1),
            "cards.csv:3: state should be a number from 0 to 3, not 'x1'",
        ),
    ],
)
def test_a_bad_file_names_the_line_and_writes_nothing(studied, tmp_path, member, edit, problem):
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    with open_store(studied) as store:
        export_progress(store, good)
    rewrite(good, bad, member, edit)
    desktop = tmp_path / "desktop.sqlite3"
    with open_store(desktop) as store, pytest.raises(ProgressFileError) as failed:
        import_progress(store, bad)
    assert str(failed.value) == f"{bad}: {problem}"
    assert card_states(desktop) == [] and review_rows(desktop) == []


def test_a_file_that_is_not_an_export_says_so(tmp_path):
    text = tmp_path / "notes.csv"
    text.write_text("card_id,review_rating\na,3\n")
    desktop = tmp_path / "desktop.sqlite3"
    with open_store(desktop) as store, pytest.raises(ProgressFileError) as failed:
        import_progress(store, text)
    assert str(failed.value) == (
        f"{text}: not a quizapp progress export (a zip file from `quizapp export-progress`): "
        "File is not a zip file"
    )
