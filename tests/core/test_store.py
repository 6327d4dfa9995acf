"""The store and scheduler: what the database holds after each thing a learner does."""

import contextlib
import random
import sqlite3
import time
from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core.clock import FixedClock
from quizapp.core.settings import Settings
from quizapp.core.storage.migrations import LATEST
from quizapp.core.store import CardKey, Counts, Mode, Rating, Store, StoreError

START = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def cards(*ids, tags=(), studyable=True):
    return [(i, f"hash-{i}", [], list(tags), studyable) for i in ids]


@pytest.fixture
def clock():
    return FixedClock(START)


@pytest.fixture
def open_store(tmp_path, clock):
    opened = []

    def make(**settings):
        settings.setdefault("timezone", "UTC")
        settings.setdefault("enable_fuzzing", False)
        store = Store.open(
            tmp_path / "progress.sqlite3",
            clock=clock,
            settings=Settings(**settings),
        )
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def K(card_id, deck="d"):
    return CardKey(deck, card_id)


def test_new_cards_limited_per_deck_per_day(open_store, clock):
    store = open_store(new_per_day=2)
    store.sync_deck("d", cards("a", "b", "c"))
    store.sync_deck("e", cards("x", "y", "z"))
    assert store.counts() == {"d": Counts(2, 0, 0), "e": Counts(2, 0, 0)}
    assert store.study_queue(["d"]) == [K("a"), K("b")]
    store.answer(K("a"), Rating.easy)
    store.answer(K("b"), Rating.easy)
    assert store.study_queue(["d"]) == []  # today's two new cards are used up
    assert store.counts(["d"]) == {"d": Counts(0, 0, 0)}
    clock.advance(days=1)
    assert store.study_queue(["d"]) == [K("c")]


def test_queue_order_learning_then_reviews_then_new(open_store, clock):
    store = open_store()
    store.sync_deck("d", cards("review", "learn", "new"))
    store.answer(K("review"), Rating.easy)  # straight to review, due in days
    clock.advance(days=30)
    store.answer(K("learn"), Rating.again)  # learning, due in a minute
    clock.advance(minutes=2)
    assert store.study_queue(["d"]) == [K("learn"), K("review"), K("new")]
    assert store.counts()["d"] == Counts(new=1, learning=1, due=1)


def test_drafts_and_removed_cards_never_queued(open_store):
    store = open_store()
    store.sync_deck("d", cards("a") + cards("draft", studyable=False))
    assert store.study_queue(["d"]) == [K("a")]
    store.sync_deck("d", [])
    assert store.study_queue(["d"]) == []


def test_day_boundary_is_local_rollover_hour(open_store, clock):
    store = open_store(timezone="Asia/Kolkata", rollover_hour=4)  # UTC+5:30
    clock.set(datetime(2026, 11, 25, 22, 0, tzinfo=UTC))  # 03:30 on the 26th in Kolkata
    assert store.day_start() == datetime(2026, 11, 24, 22, 30, tzinfo=UTC)  # 04:00 on the 25th
    clock.set(datetime(2026, 11, 25, 22, 30, tzinfo=UTC))  # 04:00 on the 26th
    assert store.day_start() == datetime(2026, 11, 25, 22, 30, tzinfo=UTC)


def test_new_limit_resets_at_rollover_not_midnight(open_store, clock):
    store = open_store(timezone="UTC", rollover_hour=4, new_per_day=1)
    store.sync_deck("d", cards("a", "b"))
    clock.set(datetime(2026, 11, 25, 23, 0, tzinfo=UTC))
    store.answer(K("a"), Rating.easy)
    clock.set(datetime(2026, 11, 26, 3, 59, tzinfo=UTC))  # after midnight, before 04:00
    assert store.study_queue(["d"]) == []
    clock.set(datetime(2026, 11, 26, 4, 0, tzinfo=UTC))
    assert store.study_queue(["d"]) == [K("b")]


def test_review_due_later_today_counts_as_due(open_store, clock):
    store = open_store(rollover_hour=4)
    store.sync_deck("d", cards("a"))
    store.answer(K("a"), Rating.easy)
    due = store.progress(K("a")).due
    clock.set(due.replace(hour=5))  # the due day, before the due hour
    assert store.study_queue(["d"]) == [K("a")]


def test_answer_is_committed_and_logged_before_it_returns(open_store, tmp_path):
    store = open_store()
    store.sync_deck("d", cards("a"))
    result = store.answer(K("a"), Rating.good, duration_ms=4200, answer="1948")
    other = sqlite3.connect(tmp_path / "progress.sqlite3")
    row = other.execute(
        "SELECT deck_id, card_id, rating, duration_ms, mode, answer FROM review_log"
    ).fetchone()
    assert row == ("d", "a", 3, 4200, "review", "1948")
    assert other.execute("SELECT state, reps FROM card").fetchone() == (1, 1)
    assert result.interval == timedelta(minutes=10)


def test_interval_previews_like_anki(open_store):
    store = open_store(enable_fuzzing=True)
    store.sync_deck("d", cards("a"))
    preview = store.preview_intervals(K("a"))
    assert preview[Rating.again] == timedelta(minutes=1)
    assert preview[Rating.good] == timedelta(minutes=10)
    assert preview[Rating.easy] >= timedelta(days=1)
    assert store.review_log() == []  # previewing records nothing


def test_undo_several_levels(open_store):
    store = open_store()
    store.sync_deck("d", cards("a", "b"))
    store.answer(K("a"), Rating.good)
    first = store.progress(K("a"))
    store.answer(K("a"), Rating.good)
    store.answer(K("b"), Rating.again)
    assert store.undo() == K("b")
    assert store.progress(K("b")).state == "new"
    assert store.undo() == K("a")
    assert store.progress(K("a")) == first
    assert [r.key for r in store.review_log()] == [K("a")]
    assert store.undo() == K("a")
    assert store.progress(K("a")).state == "new" and store.review_log() == []
    assert store.undo() is None


def test_practice_changes_nothing_but_the_log(open_store):
    store = open_store()
    store.sync_deck("d", cards("a", "b", tags=["dates"]))
    before = store.progress(K("a"))
    assert store.practice_queue(["d"], tags=["dates"]) == [K("a"), K("b")]
    store.answer(K("a"), Rating.again, mode=Mode.practice)
    assert store.progress(K("a")) == before
    assert [(r.mode, r.rating) for r in store.review_log()] == [(Mode.practice, Rating.again)]


def test_card_missed_in_exam_is_due_now_without_touching_stability(open_store, clock):
    store = open_store()
    store.sync_deck("d", cards("a"))
    store.answer(K("a"), Rating.easy)
    learned = store.progress(K("a"))
    clock.advance(days=1)
    store.answer(K("a"), Rating.good, mode=Mode.exam)
    assert store.progress(K("a")) == learned  # a right exam answer leaves the schedule alone
    store.answer(K("a"), Rating.again, mode=Mode.quiz)
    missed = store.progress(K("a"))
    assert missed.due == clock.now() and missed.stability == learned.stability
    assert store.study_queue(["d"]) == [K("a")]


def test_new_card_missed_in_exam_comes_first_among_new(open_store):
    store = open_store()
    store.sync_deck("d", cards("a", "b", "c"))
    store.answer(K("c"), Rating.again, mode=Mode.exam)
    assert store.study_queue(["d"]) == [K("c"), K("a"), K("b")]


def test_reworded_card_keeps_progress_and_is_flagged(open_store):
    store = open_store()
    store.sync_deck("d", cards("a"))
    store.answer(K("a"), Rating.easy)
    kept = store.progress(K("a"))
    report = store.sync_deck("d", [("a", "new-hash", [], [], True)])
    assert report.changed == ["a"]
    now = store.progress(K("a"))
    assert (now.stability, now.reps, now.due) == (kept.stability, kept.reps, kept.due)
    assert now.changed_since_review
    store.answer(K("a"), Rating.good)
    assert not store.progress(K("a")).changed_since_review


def test_removed_card_keeps_history_and_comes_back(open_store):
    store = open_store()
    store.sync_deck("d", cards("a", "b"))
    store.answer(K("a"), Rating.easy)
    assert store.sync_deck("d", cards("b")).removed == ["a"]
    assert not store.progress(K("a")).present
    assert len(store.review_log(K("a"))) == 1
    report = store.sync_deck("d", cards("a", "b"))
    assert report.returned == ["a"]
    assert store.progress(K("a")).present and store.progress(K("a")).reps == 1


def test_renamed_card_carries_history_through_previous_ids(open_store):
    store = open_store()
    store.sync_deck("d", cards("old"))
    store.answer(K("old"), Rating.easy)
    kept = store.progress(K("old"))
    report = store.sync_deck("d", [("new", "hash-old", ["old"], [], True)])
    assert report.renamed == [("old", "new")]
    moved = store.progress(K("new"))
    assert (moved.stability, moved.reps) == (kept.stability, kept.reps)
    assert [r.key for r in store.review_log()] == [K("new")]
    with pytest.raises(KeyError):
        store.progress(K("old"))
    # Loading the same deck again changes nothing.
    again = store.sync_deck("d", [("new", "hash-old", ["old"], [], True)])
    assert (again.renamed, again.added, again.changed) == ([], [], [])


def test_loading_a_deck_never_rewrites_the_log(open_store, tmp_path):
    store = open_store()
    store.sync_deck("d", cards("a", "b"))
    store.answer(K("a"), Rating.good)
    store.answer(K("b"), Rating.hard)
    log = store.review_log()
    store.sync_deck("d", [("a", "x", [], [], True)])
    store.sync_deck("d", [])
    store.sync_deck("d", cards("a", "b"))
    assert store.review_log() == log


# The first release's schema, written out here as it shipped: the migrations must keep opening
# databases made by it even if the code's own copy is ever edited by mistake.
FIRST_RELEASE_SCHEMA = """
CREATE TABLE card (
    deck_id TEXT NOT NULL, card_id TEXT NOT NULL, content_hash TEXT NOT NULL,
    reviewed_hash TEXT, tags TEXT NOT NULL DEFAULT ' ', studyable INTEGER NOT NULL DEFAULT 1,
    present INTEGER NOT NULL DEFAULT 1, position INTEGER NOT NULL DEFAULT 0,
    state INTEGER NOT NULL DEFAULT 0, step INTEGER, stability REAL, difficulty REAL,
    due INTEGER, last_review INTEGER, reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0, introduced INTEGER,
    PRIMARY KEY (deck_id, card_id)
) WITHOUT ROWID;
CREATE INDEX card_queue ON card (deck_id, state, due) WHERE present AND studyable;
CREATE TABLE review_log (
    id INTEGER PRIMARY KEY, deck_id TEXT NOT NULL, card_id TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4), reviewed_at INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    mode TEXT NOT NULL CHECK (mode IN ('review', 'practice', 'quiz', 'exam')),
    answer TEXT, before TEXT NOT NULL
);
CREATE INDEX review_log_card ON review_log (deck_id, card_id, reviewed_at);
PRAGMA user_version = 1;
"""


def test_migration_from_the_first_schema(tmp_path, clock):
    path = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(FIRST_RELEASE_SCHEMA)
    due = int((START + timedelta(days=3)).timestamp() * 1000)
    reviewed = int((START - timedelta(days=2)).timestamp() * 1000)
    conn.execute(
        "INSERT INTO card (deck_id, card_id, content_hash, reviewed_hash, state, stability, "
        "difficulty, due, last_review, reps, introduced) "
        "VALUES ('d', 'a', 'h', 'h', 2, 4.5, 5.0, ?, ?, 1, ?)",
        (due, reviewed, reviewed),
    )
    conn.execute(
        "INSERT INTO review_log (deck_id, card_id, rating, reviewed_at, mode, answer, before) "
        "VALUES ('d', 'a', 3, ?, 'review', '1948', '{\"state\": 0}')",
        (reviewed,),
    )
    conn.commit()
    conn.close()
    store = Store.open(path, clock=clock, settings=Settings(timezone="UTC"))
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert not store.progress(K("a")).suspended  # new columns start with nothing set
    kept = store.progress(K("a"))
    assert (kept.state, kept.stability, kept.reps) == ("review", 4.5, 1)
    assert kept.due == START + timedelta(days=3)
    [record] = store.review_log()
    assert (record.key, record.rating, record.answer) == (K("a"), Rating.good, "1948")
    clock.advance(days=3)
    assert store.study_queue(["d"]) == [K("a")]
    store.sync_deck("d", [("b", "h", ["a"], [], True)], digest="x")  # v2's tables work
    assert [r.key for r in store.review_log()] == [K("b")]
    store.close()
    Store.open(path).close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="upgrade quizapp"):
        Store.open(path)


def _easy_then_good(path, clock, card_ids):
    """Each card answered Easy, then Good when due: the second interval is long enough to fuzz."""
    store = Store.open(path, clock=clock, settings=Settings(timezone="UTC"))
    store.sync_deck("d", cards(*card_ids))
    for card_id in card_ids:
        store.answer(K(card_id), Rating.easy)
    clock.advance(days=30)
    for card_id in card_ids:
        store.answer(K(card_id), Rating.good)
    dues = {card_id: store.progress(K(card_id)).due for card_id in card_ids}
    store.close()
    return dues


def test_fuzz_is_seeded_per_card(tmp_path):
    ids = [f"c{i}" for i in range(12)]
    first = _easy_then_good(tmp_path / "1.sqlite3", FixedClock(START), ids)
    # Another database, the cards answered in the opposite order, the process's random state
    # disturbed in between: each card still gets the same due date.
    random.seed(99)
    second = _easy_then_good(tmp_path / "2.sqlite3", FixedClock(START), ids[::-1])
    assert first == second
    # It is fuzz all the same: cards with the same history do not all fall due together.
    assert len(set(first.values())) > 1


def test_fuzz_never_reads_or_swaps_the_schedulers_random(tmp_path, monkeypatch):
    import fsrs.scheduler

    def forbidden():
        raise AssertionError("fuzz must not use the library's process-wide random")

    expected = _easy_then_good(tmp_path / "1.sqlite3", FixedClock(START), ["a", "b"])
    monkeypatch.setattr(fsrs.scheduler, "random", forbidden)
    assert _easy_then_good(tmp_path / "2.sqlite3", FixedClock(START), ["a", "b"]) == expected
    assert fsrs.scheduler.random is forbidden


def test_fuzz_is_the_same_beside_other_threads(tmp_path):
    import threading

    ids = [f"c{i}" for i in range(8)]
    expected = _easy_then_good(tmp_path / "alone.sqlite3", FixedClock(START), ids)
    results = {}

    def study(name):
        results[name] = _easy_then_good(tmp_path / f"{name}.sqlite3", FixedClock(START), ids)

    threads = [threading.Thread(target=study, args=(f"t{n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {f"t{n}": expected for n in range(3)}


def test_review_log_exports_in_fsrs_format(open_store):
    store = open_store()
    store.sync_deck("d", cards("a"))
    store.answer(K("a"), Rating.good, duration_ms=1500)
    store.answer(K("a"), Rating.again, mode=Mode.quiz)
    assert store.export_review_log_csv() == (
        "card_id,review_rating,review_time,review_duration\nd/a,3,2026-11-25T10:00:00+00:00,1500\n"
    )


def test_unchanged_deck_is_not_synced_again(open_store):
    store = open_store()
    assert store.sync_deck("d", cards("a"), digest="v1").added == ["a"]
    # Same digest: skipped, even though the cards passed differ.
    assert store.sync_deck("d", cards("a", "b"), digest="v1").added == []
    assert store.sync_deck("d", cards("a", "b"), digest="v2").added == ["b"]


def test_undo_keeps_the_changed_since_review_flag(open_store):
    store = open_store()
    store.sync_deck("d", cards("a"))
    store.answer(K("a"), Rating.easy)
    store.sync_deck("d", [("a", "reworded", [], [], True)])
    store.answer(K("a"), Rating.good)
    assert not store.progress(K("a")).changed_since_review
    store.undo()
    assert store.progress(K("a")).changed_since_review


def test_undo_gives_back_todays_new_card(open_store):
    store = open_store(new_per_day=1)
    store.sync_deck("d", cards("a", "b"))
    store.answer(K("a"), Rating.good)
    assert store.counts()["d"].new == 0
    store.undo()
    assert store.counts()["d"] == Counts(1, 0, 0)
    assert store.study_queue(["d"]) == [K("a")]


def test_undo_after_the_card_was_renamed(open_store):
    store = open_store()
    store.sync_deck("d", cards("old"))
    store.answer(K("old"), Rating.good)
    store.sync_deck("d", [("new", "hash-old", ["old"], [], True)])
    assert store.undo() == K("new")
    assert store.progress(K("new")).state == "new"
    assert store.review_log() == []


def test_previous_ids_listed_after_the_new_id_was_synced(open_store):
    store = open_store()
    store.sync_deck("d", cards("old"))
    store.answer(K("old"), Rating.easy)
    kept = store.progress(K("old"))
    store.sync_deck("d", cards("new"))  # renamed, but the deck forgot to say so
    report = store.sync_deck("d", [("new", "hash-new", ["old"], [], True)])
    assert report.renamed == [("old", "new")]
    moved = store.progress(K("new"))
    assert (moved.stability, moved.reps, moved.present) == (kept.stability, kept.reps, True)
    assert [r.key for r in store.review_log()] == [K("new")]
    with pytest.raises(KeyError):
        store.progress(K("old"))


def test_previous_ids_never_merge_two_histories(open_store):
    store = open_store()
    store.sync_deck("d", cards("old"))
    store.answer(K("old"), Rating.easy)
    store.sync_deck("d", cards("new"))
    store.answer(K("new"), Rating.again)
    report = store.sync_deck("d", [("new", "hash-new", ["old"], [], True)])
    assert report.renamed == []
    assert [r.key for r in store.review_log()] == [K("old"), K("new")]
    assert store.progress(K("old")).reps == 1 and not store.progress(K("old")).present


def test_tag_filter_matches_whole_tags(open_store):
    store = open_store()
    store.sync_deck("d", cards("a", tags=["dates"]) + cards("b", tags=["dates_of_birth"]))
    store.sync_deck("e", cards("c", tags=["history", "dates"]))
    assert store.study_queue(["d", "e"], tags=["dates"]) == [K("a"), K("c", "e")]
    assert store.practice_queue(["d", "e"], tags=["dates_of_birth"]) == [K("b")]


def test_day_boundary_in_the_system_zone_when_summer_time_starts(open_store, clock, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        store = open_store(timezone=None, rollover_hour=0)
        # 29 March 2026: London moves from GMT to BST at 01:00 UTC.
        clock.set(datetime(2026, 3, 29, 10, 0, tzinfo=UTC))  # 11:00 BST
        assert store.day_start() == datetime(2026, 3, 29, 0, 0, tzinfo=UTC)  # midnight GMT
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a quizapp progress database.*--db"):
        Store.open(path)
    assert path.read_text().startswith("these are my notes")


def test_undo_never_reaches_quiz_or_exam_answers(open_store):
    store = open_store()
    store.sync_deck("d", cards("a", "b"))
    store.answer(K("a"), Rating.good)
    store.answer(K("b"), Rating.again, mode=Mode.exam)
    assert store.undo() == K("a")  # the exam answer stays
    assert [(r.key, r.mode) for r in store.review_log()] == [(K("b"), Mode.exam)]
    assert store.undo() is None


def test_with_an_exam_date_no_review_falls_after_the_exam(open_store, clock):
    from datetime import date

    exam = date(2026, 12, 20)
    store = open_store(exam_date=exam, rollover_hour=4)
    store.sync_deck("d", cards(*[f"c{i}" for i in range(20)]))
    rng = random.Random(5)
    eve_start = datetime(2026, 12, 19, 4, 0, tzinfo=UTC)  # the last study day before the exam
    exam_day_start = eve_start + timedelta(days=1)
    checked = 0
    while clock.now() < eve_start:
        key = store.next_card(["d"])
        if key is None:
            clock.advance(hours=6)
            continue
        result = store.answer(key, Rating(rng.choice([2, 3, 3, 4, 4])))
        # Due on the eve at the latest: the review still happens before the exam.
        assert result.next_due < exam_day_start, (clock.now(), result.next_due)
        previews = store.preview_intervals(key)
        assert all(clock.now() + delta < exam_day_start for delta in previews.values())
        checked += 1
        clock.advance(minutes=rng.randint(1, 600))
    assert checked > 50


def test_without_an_exam_date_easy_cards_go_far(open_store):
    store = open_store()
    store.sync_deck("d", cards("a"))
    store.answer(K("a"), Rating.easy)
    assert store.progress(K("a")).due - START >= timedelta(days=5)


def test_counts_follow_tags_and_sources_and_leave_out_buried_and_suspended(tmp_path):
    from quizapp.core.store import DeckCard

    store = Store.open(
        tmp_path / "p.sqlite3",
        clock=FixedClock(datetime(2026, 11, 25, 10, tzinfo=UTC)),
        settings=Settings(timezone="UTC"),
    )
    cards = [
        DeckCard("a", "h1", [], ["dates", "source:notes"], True),
        DeckCard("b", "h2", [], ["dates", "source:paper"], True),
        DeckCard("c", "h3", [], ["people", "source:notes"], True),
        DeckCard("d", "h4", [], ["people"], True),
    ]
    store.sync_deck("deck", cards)
    assert store.counts(["deck"])["deck"].new == 4
    assert store.counts(["deck"], tags=["dates"])["deck"].new == 2
    assert store.counts(["deck"], sources=["notes"])["deck"].new == 2
    assert store.counts(["deck"], tags=["dates"], sources=["notes"])["deck"].new == 1
    store.bury([CardKey("deck", "a")])
    store.suspend([CardKey("deck", "c")])
    assert store.counts(["deck"])["deck"].new == 2
    assert store.counts(["deck"], sources=["notes"])["deck"].new == 0


def test_counts_follow_tag_and_source_filters_and_leave_out_hidden_cards(open_store, clock):
    store = open_store(new_per_day=10)
    store.sync_deck(
        "d",
        [
            ("a", "h", [], ["rivers", "source:atlas"], True),
            ("b", "h", [], ["rivers", "source:gazette"], True),
            ("c", "h", [], ["hills", "source:atlas"], True),
            ("e", "h", [], ["rivers", "source:atlas"], True),
        ],
    )
    assert store.counts(["d"], tags=["rivers"]) == {"d": Counts(3, 0, 0)}
    assert store.counts(["d"], sources=["atlas"]) == {"d": Counts(3, 0, 0)}
    assert store.counts(["d"], tags=["rivers"], sources=["atlas"]) == {"d": Counts(2, 0, 0)}
    store.bury([K("a")])
    store.suspend([K("e")])
    assert store.counts(["d"], tags=["rivers"], sources=["atlas"]) == {"d": Counts(0, 0, 0)}
    assert store.remaining(["d"]) == 2 == len(store.study_queue(["d"]))


@pytest.mark.parametrize(
    ("tags", "sources", "counted", "studied"),
    [
        (["rivers"], [], Counts(1, 1, 2), {"a", "b", "e", "f"}),
        ([], ["atlas"], Counts(1, 1, 2), {"a", "c", "e", "f"}),
        (["rivers"], ["atlas"], Counts(1, 1, 1), {"a", "e", "f"}),
    ],
)
def test_review_studies_exactly_the_cards_counted(
    open_store, clock, tags, sources, counted, studied
):
    store = open_store(new_per_day=10)
    store.sync_deck(
        "d",
        [
            ("a", "h", [], ["rivers", "source:atlas"], True),
            ("b", "h", [], ["rivers", "source:gazette"], True),
            ("c", "h", [], ["hills", "source:atlas"], True),
            ("e", "h", [], ["rivers", "source:atlas"], True),
            ("f", "h", [], ["rivers::ganga", "source:atlas"], True),
            ("g", "h", [], ["hills"], True),
        ],
    )
    for card in "abce":
        store.answer(K(card), Rating.easy)
    clock.advance(days=100)  # a, b, c and e due for review; f and g new
    store.answer(K("e"), Rating.again)  # e forgotten: relearning, due in minutes
    clock.advance(minutes=30)
    assert store.counts(["d"], tags=tags, sources=sources) == {"d": counted}
    assert store.remaining(["d"], tags=tags, sources=sources) == counted.total
    queue = store.study_queue(["d"], tags=tags, sources=sources)
    assert len(queue) == counted.total and {k.card_id for k in queue} == studied
    shown = []
    while (key := store.next_card(["d"], tags=tags, sources=sources)) is not None:
        shown.append(key.card_id)
        store.answer(key, Rating.easy)
    assert sorted(shown) == sorted(studied)
    assert store.counts(["d"], tags=tags, sources=sources) == {"d": Counts(0, 0, 0)}
    assert {k.card_id for k in store.practice_queue(["d"], tags=tags, sources=sources)} == (studied)


def test_counts_take_in_a_learning_step_when_it_comes_due(open_store, clock):
    store = open_store()
    store.sync_deck("d", cards("a", "b"))
    store.answer(K("a"), Rating.again)  # a learning step, due in a minute or so
    assert store.counts(["d"]) == {"d": Counts(1, 0, 0)}
    clock.advance(minutes=10)
    assert store.counts(["d"]) == {"d": Counts(1, 1, 0)}
    assert store.remaining(["d"]) == 2


def test_answering_no_card_says_so(open_store):
    store = open_store()
    store.sync_deck("d", cards("a"))
    with pytest.raises(ValueError, match="no card to answer"):
        store.answer(None, Rating.good)
    assert store.review_log() == []


def test_history_import_is_all_or_nothing(open_store):
    store = open_store()
    store.sync_deck("d", cards("a", "b"))
    day = START - timedelta(days=3)
    reviews = [("a", 3, day, 1000), ("b", 3, day + timedelta(hours=1), 1000), ("a", 9, day, 0)]
    with pytest.raises(ValueError):  # rating 9 is refused: nothing of the log stays
        store.import_history("d", reviews)
    assert store.review_log() == []
    assert store.import_history("d", reviews[:2]) == 2
    assert len(store.review_log()) == 2
    assert not store.can_undo  # imported history is not the learner's to undo


def test_new_cards_come_siblings_apart_and_kinds_mixed(open_store):
    store = open_store(new_per_day=100)
    # Siblings: one group, or one quote (spacing aside); in file order they are side by side.
    store.sync_deck(
        "s",
        [
            ("a", "h", [], [], True, "mcq", "nile"),
            ("b", "h", [], [], True, "mcq", "nile"),
            ("c", "h", [], [], True, "mcq", None, "The Nile flows north."),
            ("d", "h", [], [], True, "mcq", None, "The  Nile flows  north."),
            ("e", "h", [], [], True, "mcq"),
            ("f", "h", [], [], True, "mcq"),
        ],
    )
    queue = [k.card_id for k in store.study_queue(["s"])]
    assert sorted(queue) == ["a", "b", "c", "d", "e", "f"]
    for pair in zip(queue, queue[1:], strict=False):
        assert set(pair) not in ({"a", "b"}, {"c", "d"})
    # Kinds: mixed in proportion, not in the file's blocks.
    store.sync_deck(
        "k",
        [(f"m{i}", "h", [], [], True, "mcq") for i in range(4)]
        + [(f"b{i}", "h", [], [], True, "basic") for i in range(4)],
    )
    kinds = [k.card_id[0] for k in store.study_queue(["k"])]
    assert kinds == ["m", "b"] * 4
    # The same deck gives the same order again.
    assert [k.card_id for k in store.study_queue(["s"])] == queue


def test_counts_stay_right_answer_after_answer_and_across_windows(open_store, clock, tmp_path):
    store = open_store(new_per_day=0)
    store.sync_deck("d", cards("a", "b", "c", tags=["rivers"]))
    for key in (K("a"), K("b"), K("c")):  # reviewed once, then due again in a few days
        store.answer(key, Rating.good)
        store.answer(key, Rating.good)
    clock.advance(days=30)
    assert store.counts(["d"], tags=["rivers"]) == {"d": Counts(0, 0, 3)}
    store.answer(K("a"), Rating.good)  # due again weeks later
    assert store.counts(["d"], tags=["rivers"]) == {"d": Counts(0, 0, 2)}
    store.answer(K("b"), Rating.again)  # relearning: a learning card due soon, not a review
    assert store.counts(["d"], tags=["rivers"])["d"].due == 1
    store.bury([K("c")])
    assert store.counts(["d"], tags=["rivers"]) == {"d": Counts(0, 0, 0)}
    store.unbury([K("c")])
    other = Store.open(tmp_path / "progress.sqlite3", clock=clock, settings=store.settings)
    try:
        assert store.counts(["d"])["d"].due == 1
        other.answer(K("c"), Rating.good)  # in another window
        assert store.counts(["d"])["d"].due == 0
    finally:
        other.close()
    assert store.remaining(["d"]) == len(store.study_queue(["d"]))


def test_a_new_file_made_by_another_quizapp_meanwhile_is_not_taken_for_a_stranger(tmp_path):
    """Two quizapps opening one new file at once: the check of whose file it is reads the
    tables and their version in one snapshot, so it never sees the other's tables without
    their version (and refuses the file as another program's)."""
    import sqlite3

    from quizapp.core.storage.db import foreign_problem, migrate

    path = tmp_path / "progress.sqlite3"
    checking = sqlite3.connect(path, isolation_level=None)
    other = sqlite3.connect(path, isolation_level=None, timeout=0.2)

    def meanwhile(statement: str) -> None:
        if "sqlite_master" in statement and not other.in_transaction:
            # The other quizapp makes the file between the check's two reads (if it may).
            with contextlib.suppress(sqlite3.OperationalError):
                migrate(other)

    checking.set_trace_callback(meanwhile)
    assert foreign_problem(checking) is None
    checking.set_trace_callback(None)
    assert foreign_problem(checking) is None  # and once made, it is quizapp's
    checking.close()
    other.close()
