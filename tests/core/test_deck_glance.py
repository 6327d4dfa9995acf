"""The deck list read before the decks load: the loaded collection's titles and counts, or
nothing when it could differ."""

from datetime import timedelta
from pathlib import Path

from quizapp.core.clock import FixedClock
from quizapp.core.deck_glance import glance_at_decks
from quizapp.core.store import Rating
from tests.core.test_first_card import DECK, NOW, SETTINGS, open_and_save

SECOND_DECK = """\
id: second
title: A second deck
cards:
  - id: one
    kind: basic
    question: What is one?
    answer: One
  - id: two
    kind: true_false
    statement: Two is one.
    answer: false
"""


def glance(deck_dir: Path, db: Path, at=NOW):
    return glance_at_decks([deck_dir], db, clock=FixedClock(at), settings=SETTINGS)


def test_the_glance_shows_what_the_loaded_decks_show(tmp_path):
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "a.yaml").write_bytes(DECK.read_bytes())
    (decks / "b.yaml").write_text(SECOND_DECK, encoding="utf-8")
    db = tmp_path / "progress.sqlite3"
    collection = open_and_save(decks, db)
    key = collection.next_card(collection.deck_ids)
    collection.store.answer(key, Rating.again)  # learning, due again in a minute
    summaries = collection.summaries()
    next_due = collection.store.next_due(collection.deck_ids)
    collection.close()
    before = db.read_bytes()

    seen = glance(decks, db)
    assert [(d.id, d.title, d.cards, d.counts) for d in seen.decks] == [
        (s.id, s.title, s.cards, s.counts) for s in summaries
    ]
    assert seen.next_due == next_due and seen.now == NOW
    later = glance(decks, db, NOW + timedelta(minutes=5))
    assert later.decks[0].counts.learning == 1  # the learning card came due
    assert db.read_bytes() == before  # looked at, never written


def test_there_is_no_glance_when_a_deck_changed_or_nothing_is_known(tmp_path):
    decks = tmp_path / "decks"
    decks.mkdir()
    deck = decks / "deck.yaml"
    deck.write_bytes(DECK.read_bytes())
    db = tmp_path / "progress.sqlite3"

    assert glance(decks, db) is None  # never loaded
    open_and_save(decks, db).close()
    assert glance(decks, db) is not None
    deck.write_text(deck.read_text() + "\n# edited\n", encoding="utf-8")
    assert glance(decks, db) is None  # not compiled as it is now
    open_and_save(decks, db).close()
    db.unlink()
    assert glance(decks, db) is None  # no database: the real opening makes it
