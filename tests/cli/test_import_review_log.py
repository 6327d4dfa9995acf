"""`quizapp import-progress LOG.csv --deck ID`: a review log as FSRS tools write it."""

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.core.store import CardKey, Store

DECK = """\
id: mine
title: Mine
cards:
  - id: capital
    kind: basic
    question: Capital of India?
    answer: New Delhi
  - id: river
    kind: basic
    question: Longest river of India?
    answer: Ganga
"""
FIRST = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def deck():
    folder = Path(os.environ["QUIZAPP_DECKS"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.yaml").write_text(DECK, encoding="utf-8")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_fsrs_review_log_with_epoch_milliseconds(capsys, tmp_path, deck):
    ms = int(FIRST.timestamp() * 1000)
    log = tmp_path / "revlog.csv"
    log.write_text(
        "card_id,review_time,review_rating,review_state,review_duration\n"
        f"capital,{ms},3,0,5200\n"
        f"capital,{ms + 3 * 86_400_000},3,2,4100\n"
        f"river,{ms},1,0,9000\n"
        f"elsewhere,{ms},4,0,1000\n"
    )
    db = tmp_path / "progress.sqlite3"
    code, out, err = run(capsys, "import-progress", log, "--deck", "mine", "--db", db)
    assert (code, err) == (0, "")
    assert out.startswith(
        "Imported 3 reviews into mine (1 left out: 1 card id(s) the deck does not have, "
        "e.g. elsewhere). Backup first: "
    )
    with Store.open(db) as store:
        capital = store.progress(CardKey("mine", "capital"))
        assert (capital.reps, capital.last_review) == (2, datetime(2026, 3, 4, 12, 0, tzinfo=UTC))
        assert capital.stability and capital.difficulty
        assert store.progress(CardKey("mine", "river")).reps == 1
        assert [r.duration_ms for r in store.review_log(CardKey("mine", "capital"))] == [
            5200,
            4100,
        ]

    code, _, err = run(capsys, "import-progress", log, "--deck", "mine", "--db", db)
    assert code == 2
    assert err == (
        "quizapp import-progress: deck 'mine' has answers already: a review log is replayed "
        "only into a deck without any, so no review is counted twice\n"
    )


def test_iso_times_without_duration_and_bad_input(capsys, tmp_path, deck):
    log = tmp_path / "log.csv"
    log.write_text("card_id,review_rating,review_time\nriver,3,2026-03-01T12:00:00+00:00\n")
    db = tmp_path / "progress.sqlite3"
    code, out, _ = run(capsys, "import-progress", log, "--deck", "mine", "--db", db)
    assert code == 0 and out.startswith("Imported 1 reviews into mine. Backup first: ")

    code, _, err = run(capsys, "import-progress", log, "--deck", "nosuch", "--db", db)
    assert code == 2 and "no deck 'nosuch' is loaded (the decks are: " in err

    log.write_text("card_id,review_rating,review_time\nriver,3,yesterday\n")
    code, _, err = run(capsys, "import-progress", log, "--deck", "mine", "--db", db)
    assert (code, err) == (
        1,
        f"quizapp import-progress: {log}:2: cannot read this row; review_rating must be 1-4, "
        "review_time an ISO date-time with zone or epoch milliseconds, review_duration "
        "milliseconds\n",
    )
