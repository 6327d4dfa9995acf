"""`quizapp stats` run as the learner runs it, against a review log worked out by hand below."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.core.clock import FixedClock
from quizapp.core.collection import Collection
from quizapp.core.exam_date import predicted_recall_on
from quizapp.core.settings import Settings
from quizapp.core.stats import StudyDays
from quizapp.core.store import CardKey, Mode, Rating

ROOT = Path(__file__).resolve().parents[2]
DECK = "stats-test"
NOW = "2026-11-12T10:00:00+00:00"

# Five cards: tags and source documents chosen so that every per-group figure differs.
DECK_YAML = """\
id: stats-test
title: Statistics test deck
sources: [hindu-explained, study-notes]
cards:
  - id: a
    kind: basic
    question: In which year did the Soviet Union recognise North Korea?
    answer: "1948"
    tags: [dates]
    source:
      document: hindu-explained
      quote: when it came into existence in 1948
  - id: b
    kind: basic
    question: Which article of the UN Charter does Article 4 invoke?
    answer: Article 51
    tags: [dates, articles]
    source:
      document: study-notes
      quote: in accordance with Article 51 of the UN Charter
  - id: c
    kind: true_false
    statement: Food finds mention in the treaty.
    answer: true
    tags: [implications]
    source:
      document: hindu-explained
      quote: Food, which is a chronic area of shortage for the DPRK
  - id: s
    kind: basic
    question: How much of North Korea's debt did Russia write off in 2012?
    answer: 90%
    tags: [articles]
    valid_until: 2025-01-01
    source:
      document: hindu-explained
      quote: In 2012, Russia agreed to write off 90% of North Korea's estimated $11 billion debt
  - id: d
    kind: basic
    question: A draft, never studied.
    answer: draft
    status: draft
"""


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def K(card: str) -> CardKey:
    return CardKey(DECK, card)


@pytest.fixture
def learner(tmp_path) -> Path:
    """The learner's month, answer by answer (UTC; study days start at 04:00):

    Nov 1  10:00 a Easy 5s, b Easy 4s, c Good 6s            new -> review, review, learning
           10:20 c Good 2s                                   learning -> review
    Nov 9  12:00 a Good 7s (review state: passed), b Again 8s (review state: failed)
           12:15 b Good 1s (relearning: not a review-state answer), c practice Again 0.5s
    Nov 10 12:00 c Good 3s (review state: passed)
    Nov 12 02:30 a Hard 4s (review state: passed; before 04:00, so study day Nov 11)
           09:00 s Good 1s (new -> learning)                 "today" is Nov 12 (at 10:00)
    """
    decks = Path(os.environ["QUIZAPP_DECKS"])
    decks.mkdir(parents=True, exist_ok=True)
    (decks / "stats-test.yaml").write_text(DECK_YAML, encoding="utf-8")
    db = tmp_path / "progress.sqlite3"
    clock = FixedClock(at(1, 10))
    settings = Settings(timezone="UTC", enable_fuzzing=False)
    collection = Collection.open([decks], db, clock=clock, settings=settings)
    errors = [str(p) for p in collection.problems if p.severity == "error"]
    assert not errors, errors
    store = collection.store

    def answer(card: str, rating: Rating, ms: int, mode: Mode = Mode.review) -> None:
        store.answer(K(card), rating, mode=mode, duration_ms=ms)

    answer("a", Rating.easy, 5000)
    answer("b", Rating.easy, 4000)
    answer("c", Rating.good, 6000)
    clock.set(at(1, 10, 20))
    answer("c", Rating.good, 2000)
    clock.set(at(9, 12))
    answer("a", Rating.good, 7000)
    answer("b", Rating.again, 8000)
    clock.set(at(9, 12, 15))
    answer("b", Rating.good, 1000)
    answer("c", Rating.again, 500, mode=Mode.practice)
    clock.set(at(10, 12))
    answer("c", Rating.good, 3000)
    clock.set(at(12, 2, 30))
    answer("a", Rating.hard, 4000)
    clock.set(at(12, 9))
    answer("s", Rating.good, 1000)
    collection.close()
    return db


def run_stats(*args: str) -> subprocess.CompletedProcess:
    # TZ=UTC: the settings file names no zone, so study days follow the system's.
    env = {**os.environ, "TZ": "UTC", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "quizapp", "stats", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def stats_json(db: Path, *extra: str) -> dict:
    run = run_stats("--json", "--db", str(db), "--now", NOW, *extra)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def rate(passed: int, reviews: int) -> dict:
    return {"passed": passed, "reviews": reviews, "rate": passed / reviews}


def test_figures_match_the_log_worked_out_by_hand(learner):
    report = stats_json(learner)

    assert report["today"] == "2026-11-12"
    # Review-mode answers per study day; the practice answer is not a review.
    per_day = report["reviews_per_day"]
    assert len(per_day) == 91 and list(per_day)[-1] == "2026-11-12"
    assert {d: n for d, n in per_day.items() if n} == {
        "2026-11-01": 4,
        "2026-11-09": 3,
        "2026-11-10": 1,
        "2026-11-11": 1,  # the 02:30 answer belongs to the day before
        "2026-11-12": 1,
    }
    assert report["reviews_today"] == 1
    # Nov 9, 10, 11, 12 in a row; Nov 1 is cut off by the gap.
    assert report["streak_days"] == 4
    # Every mode's recorded time: 5+4+6+2+7+8+1+0.5+3+4+1 s; today only s's 1 s.
    assert report["time_spent_seconds"] == {"today": 1.0, "total": 41.5}

    retention = report["true_retention"]
    # Answers to cards in the review state: a Good, b Again, c Good, a Hard -> 3 of 4.
    assert retention["overall"] == rate(3, 4)
    assert retention["by_deck"][DECK] == rate(3, 4)
    # Per what is asked; the documents are not tags here.
    assert {k: v for k, v in retention["by_tag"].items() if k in {"dates", "articles"}} == {
        "dates": rate(2, 3),  # a twice, b once
        "articles": {"passed": 0, "reviews": 1, "rate": 0.0},  # b's lapse
    }
    assert retention["by_tag"]["implications"] == rate(1, 1)
    assert not any(tag.startswith("source:") for tag in retention["by_tag"])
    assert retention["by_source"] == {
        "hindu-explained": rate(3, 3),  # a twice, c once
        "study-notes": {"passed": 0, "reviews": 1, "rate": 0.0},  # b
    }

    # s is the only stale card: its fact was valid until 2025-01-01.
    assert report["stale_cards"]["count"] == 1
    assert report["stale_cards"]["cards"] == [
        {
            "deck": DECK,
            "card": "s",
            "valid_until": "2025-01-01",
            "prompt": "How much of North Korea's debt did Russia write off in 2012?",
        }
    ]
    assert report["fsrs_parameters"] == "default"
    assert "exam" not in report


def test_cards_by_state_and_due_forecast(learner):
    report = stats_json(learner)
    bundled = report["cards"]["new"]

    # a and c in review; b back in review after relearning; s learning; d a draft: not counted.
    cards = report["cards"]
    assert (cards["learning"], cards["review"], cards["relearning"]) == (1, 3, 0)

    collection = Collection.open([Path(os.environ["QUIZAPP_DECKS"])], learner)
    try:
        due = {c: collection.store.progress(K(c)).due for c in "abcs"}
        new_here = sum(
            collection.store.progress(K(c.id)).state == "new"
            for c in collection.deck(DECK).studyable_cards
        )
    finally:
        collection.close()
    assert new_here == 0 and bundled > 0  # the new cards are the bundled decks'

    forecast = report["due_forecast"]
    assert len(forecast) == 30
    # s is due again a minute or ten after 09:00 today: in today's column.
    assert due["s"] < at(12, 10) and forecast[0] >= 1
    days = StudyDays(zone=UTC, rollover_hour=4)
    expected = [0] * 30
    for when in due.values():
        offset = (days.day_of(when) - date(2026, 11, 12)).days
        if offset < 30:
            expected[max(0, offset)] += 1
    assert forecast == expected


def test_exam_date_predicts_recall_from_each_cards_memory(learner):
    report = stats_json(learner, "--exam-date", "2026-12-01")
    exam = report["exam"]
    assert exam["date"] == "2026-12-01"
    assert exam["days_left"] == 19
    assert exam["studied"] == 4  # a, b, c, s; the draft and the bundled decks' new cards not

    collection = Collection.open([Path(os.environ["QUIZAPP_DECKS"])], learner)
    try:
        days = StudyDays(zone=UTC, rollover_hour=4)
        expected = {
            c: predicted_recall_on(date(2026, 12, 1), collection.store.progress(K(c)), days=days)
            for c in "abcs"
        }
    finally:
        collection.close()
    # The studied cards, least likely to be recalled first; the forgetting curve agrees.
    assert [c["card"] for c in exam["at_risk"]] == sorted(expected, key=expected.get)
    for card in exam["at_risk"]:
        assert card["recall"] == pytest.approx(expected[card["card"]])
    assert 0 < min(expected.values()) < max(expected.values()) < 1


def test_text_report_fits_80_columns_and_names_what_a_learner_looks_for(learner):
    run = run_stats("--db", str(learner), "--now", NOW, "--exam-date", "2026-12-01")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    text = run.stdout
    assert "Statistics for the study day 2026-11-12 (days start at 04:00)" in text
    assert "Reviews    1 today · 6 in 7 days · 10 in 91 days"  # Nov 6-12: 3+1+1+1 in text
    assert "Streak     4 days" in text
    assert "Time       0m 01s today · 0m 42s in all" in text
    assert "Retention  75% true retention (3 of 4 reviews passed)" in text
    assert "Stale cards (past their valid_until date): 1" in text
    assert any(line.startswith("  stats-test/s") and "2025-01-01" in line for line in lines)
    assert "Exam on 2026-12-01 (19 days left)" in text
    # The calendar: Nov 1 had the busiest day (4 reviews, the densest block).
    assert "█ 4" in text and "Mon " in text


def test_a_past_exam_date_or_a_bad_date_is_refused_with_a_message(learner):
    run = run_stats("--db", str(learner), "--now", NOW, "--exam-date", "2026-11-01")
    assert run.returncode == 2
    assert "--exam-date 2026-11-01 is not after today (2026-11-12)" in run.stderr
    assert "Traceback" not in run.stderr

    run = run_stats("--db", str(learner), "--exam-date", "1 December")
    assert run.returncode == 2
    assert "'1 December' is not a date; use YYYY-MM-DD" in run.stderr


def test_no_database_yet_shows_every_card_new_and_creates_nothing(tmp_path):
    db = tmp_path / "none.sqlite3"
    run = run_stats("--json", "--db", str(db), "--now", NOW)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["cards"]["new"] > 0
    assert report["cards"]["review"] == report["reviews_today"] == report["streak_days"] == 0
    assert f"no progress database at {db} yet" in run.stderr
    assert not db.exists()
    assert timedelta(seconds=report["time_spent_seconds"]["total"]) == timedelta(0)


def test_a_file_that_is_not_a_progress_database_is_named_without_a_traceback(tmp_path):
    db = tmp_path / "notes.txt"
    db.write_text("not a database, just notes\n" * 100)
    run = run_stats("--db", str(db))
    assert run.returncode == 2
    assert f"quizapp stats: {db}: this file is not a quizapp progress database" in run.stderr
    assert "The file was left as it is." in run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""
