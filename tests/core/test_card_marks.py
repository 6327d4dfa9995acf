"""Suspend, bury, flag, reset, report and leeches: what the queues and the database show."""

from datetime import UTC, datetime

import fsrs
import pytest

from quizapp.core.clock import FixedClock
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, Counts, Mode, Rating, Store, is_leech_lapse

START = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def cards(*ids):
    return [(i, f"hash-{i}", [], [], True) for i in ids]


@pytest.fixture
def clock():
    return FixedClock(START)


@pytest.fixture
def store(tmp_path, clock):
    opened = Store.open(
        tmp_path / "progress.sqlite3",
        clock=clock,
        settings=Settings(timezone="UTC", enable_fuzzing=False, rollover_hour=4),
    )
    opened.sync_deck("d", cards("a", "b", "c"))
    yield opened
    opened.close()


def K(card_id):
    return CardKey("d", card_id)


def test_a_suspended_card_is_never_shown_until_unsuspended(store, clock):
    assert store.suspend([K("a")]) == 1
    assert store.counts()["d"] == Counts(2, 0, 0)
    assert store.study_queue(["d"]) == [K("b"), K("c")]
    assert K("a") not in store.practice_queue(["d"])
    clock.advance(days=30)
    assert K("a") not in store.study_queue(["d"])
    assert store.progress(K("a")).suspended
    store.unsuspend([K("a")])
    assert store.study_queue(["d"])[0] == K("a")


def test_a_suspended_review_card_is_not_counted_due(store, clock):
    store.answer(K("a"), Rating.easy)
    clock.advance(days=60)
    assert store.counts()["d"].due == 1
    store.suspend([K("a")])
    assert store.counts()["d"].due == 0
    assert store.next_due(["d"]) is None


def test_a_buried_card_comes_back_at_the_next_rollover(store, clock):
    until = store.bury([K("a")])
    assert until == datetime(2026, 11, 26, 4, 0, tzinfo=UTC)
    assert store.study_queue(["d"]) == [K("b"), K("c")]
    assert store.progress(K("a")).buried_until == until
    clock.advance(hours=17, minutes=59)  # 03:59 next day: still the same study day
    assert K("a") not in store.study_queue(["d"])
    clock.advance(minutes=1)  # 04:00: a new study day
    assert store.study_queue(["d"])[0] == K("a")
    assert store.progress(K("a")).buried_until is None


def test_flags_are_kept_and_cleared(store):
    store.set_flag([K("a"), K("b")], 1)
    store.set_flag([K("b")], 4)
    assert [store.progress(K(c)).flag for c in "abc"] == [1, 4, 0]
    store.set_flag([K("a")], 0)
    assert store.progress(K("a")).flag == 0
    with pytest.raises(ValueError, match="flag must be 0 or one of"):
        store.set_flag([K("a")], 9)


def test_reset_makes_a_card_new_and_keeps_its_review_log(store, clock):
    store.answer(K("a"), Rating.good)
    store.answer(K("a"), Rating.good)
    store.reset([K("a")])
    kept = store.progress(K("a"))
    assert (kept.state, kept.reps, kept.lapses, kept.stability, kept.due) == (
        "new",
        0,
        0,
        None,
        None,
    )
    assert len(store.review_log(K("a"))) == 2
    assert not store.can_undo  # undo would bring the forgotten progress back


def lapse_until_leech(store, clock, key):
    """Learn the card, then forget it after each interval; returns the answers' results."""
    results = []
    for _ in range(40):
        results.append(store.answer(key, Rating.good))
        while store.progress(key).state in ("learning", "relearning"):
            clock.advance(minutes=15)
            results.append(store.answer(key, Rating.good))
        clock.advance(days=max(1, (store.progress(key).due - clock.now()).days + 1))
        results.append(store.answer(key, Rating.again))
        if results[-1].leech:
            return results
        clock.advance(minutes=15)
    raise AssertionError("never became a leech")


def test_a_card_forgotten_eight_times_becomes_a_suspended_leech(store, clock):
    results = lapse_until_leech(store, clock, K("a"))
    assert [r.leech for r in results].count(True) == 1
    kept = store.progress(K("a"))
    assert (kept.lapses, kept.leech, kept.suspended) == (8, True, True)
    assert K("a") not in store.study_queue(["d"])
    store.undo()  # taking the answer back takes the leech back too
    kept = store.progress(K("a"))
    assert (kept.lapses, kept.leech, kept.suspended) == (7, False, False)


def test_leech_threshold_is_a_setting(tmp_path, clock):
    with Store.open(
        tmp_path / "p.sqlite3",
        clock=clock,
        settings=Settings(timezone="UTC", enable_fuzzing=False, leech_lapses=3),
    ) as store:
        store.sync_deck("d", cards("a"))
        lapse_until_leech(store, clock, K("a"))
        assert store.progress(K("a")).lapses == 3


def test_leech_rule_repeats_every_half_threshold():
    assert [n for n in range(1, 21) if is_leech_lapse(n, 8)] == [8, 12, 16, 20]
    assert not any(is_leech_lapse(n, 0) for n in range(1, 30))


def test_reset_takes_away_the_leech_suspension_but_not_the_learners(store, clock):
    lapse_until_leech(store, clock, K("a"))
    store.suspend([K("b")])
    store.reset([K("a"), K("b")])
    a, b = store.progress(K("a")), store.progress(K("b"))
    assert (a.leech, a.suspended) == (False, False)
    assert b.suspended


def test_a_report_is_listed_until_the_card_is_reworded(store, clock):
    store.report(K("a"), "  The date   is wrong:\nsigned 19 June ")
    clock.advance(hours=1)
    store.report(K("b"), "typo")
    assert [(r.key, r.note) for r in store.reports(["d"])] == [
        (K("a"), "The date is wrong: signed 19 June"),
        (K("b"), "typo"),
    ]
    assert store.reports(["other"]) == []
    store.sync_deck("d", [("a", "hash-a-v2", [], [], True), *cards("b", "c")])
    assert [r.key for r in store.reports()] == [K("b")]
    with pytest.raises(ValueError, match="needs a note"):
        store.report(K("c"), "   ")


def test_a_report_follows_a_renamed_card(store):
    store.report(K("a"), "ambiguous")
    store.sync_deck("d", [("a2", "hash-a", ["a"], [], True), *cards("b", "c")])
    assert [r.key for r in store.reports()] == [K("a2")]


def test_browse_lists_every_card_with_its_marks_and_recall(store, clock):
    store.answer(K("a"), Rating.easy)
    store.set_flag([K("b")], 2)
    store.suspend([K("c")])
    clock.advance(days=3)
    rows = {r.key.card_id: r for r in store.browse()}
    assert list(rows) == ["a", "b", "c"]
    assert rows["a"].state == "review" and 0 < rows["a"].retrievability < 1
    assert rows["b"].retrievability is None and rows["b"].flag == 2 and rows["b"].due is None
    assert rows["c"].suspended and not rows["a"].suspended
    # The same recall the fsrs library predicts for that card now.
    kept = store.progress(K("a"))
    card = fsrs.Card(
        card_id=1,
        state=fsrs.State.Review,
        stability=kept.stability,
        difficulty=kept.difficulty,
        last_review=kept.last_review,
        due=kept.due,
    )
    expected = fsrs.Scheduler().get_card_retrievability(card, clock.now())
    assert rows["a"].retrievability == pytest.approx(expected)


def test_counts_stay_right_when_an_answer_makes_a_leech(tmp_path, clock):
    with Store.open(
        tmp_path / "p.sqlite3",
        clock=clock,
        settings=Settings(timezone="UTC", enable_fuzzing=False, leech_lapses=3, new_per_day=0),
    ) as store:
        store.sync_deck("d", cards("a", "b"))
        store.sync_deck("e", cards("x"))
        lapse_until_leech(store, clock, K("b"))  # b, once a leech, is out of every count
        store.unsuspend([K("b")])
        for key in (K("a"), K("b"), CardKey("e", "x")):
            while store.progress(key).state != "review":
                store.answer(key, Rating.good)
                clock.advance(minutes=15)
        clock.advance(days=60)  # a, b and x all due
        assert store.counts() == {"d": Counts(0, 0, 2), "e": Counts(0, 0, 1)}
        # b's next lapse suspends it again: gone from d's count, e's untouched.
        while not store.answer(K("b"), Rating.again).leech:
            clock.advance(minutes=15)
            while store.progress(K("b")).state == "relearning":
                store.answer(K("b"), Rating.good)
                clock.advance(minutes=15)
            clock.advance(days=60)
        assert store.counts() == {"d": Counts(0, 0, 1), "e": Counts(0, 0, 1)}
        assert store.remaining(["d", "e"]) == len(store.study_queue(["d", "e"]))


def test_a_suspended_card_missed_in_a_quiz_stays_out_of_the_counts(store, clock):
    for key in (K("a"), K("b")):
        while store.progress(key).state != "review":
            store.answer(key, Rating.good)
            clock.advance(minutes=15)
    store.suspend([K("b")])
    clock.advance(days=60)
    assert store.counts()["d"].due == 1
    clock.advance(days=-59)  # neither due now; b, missed in a quiz, would be at once
    assert store.counts()["d"].due == 0
    store.answer(K("b"), Rating.again, mode=Mode.quiz)
    assert store.counts()["d"].due == 0
    store.unsuspend([K("b")])
    assert store.counts()["d"].due == 1
