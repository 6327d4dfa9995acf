"""The first card found before the decks load (`quizapp --review`): right, or nothing."""

from datetime import UTC, datetime
from pathlib import Path

from quizapp.core.clock import FixedClock
from quizapp.core.collection import Collection
from quizapp.core.first_card import FirstCard, peek_first_card
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey, Rating
from quizapp.deck.card_text import answer_text
from quizapp.deck.loader import load_decks

DECK = Path(__file__).parents[1] / "ui" / "decks" / "every-kind.yaml"
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
SETTINGS = Settings(timezone="UTC", enable_fuzzing=False)


def open_and_save(deck_dir, db):
    """What a full start does: load (compiling changed decks), sync into the store."""
    result = load_decks([deck_dir])
    return Collection.from_decks(result, db, clock=FixedClock(NOW), settings=SETTINGS)


def peek(deck_dir, db):
    return peek_first_card([deck_dir], db, clock=FixedClock(NOW), settings=SETTINGS)


def test_the_first_card_is_the_one_the_review_will_show(tmp_path):
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "deck.yaml").write_bytes(DECK.read_bytes())
    db = tmp_path / "progress.sqlite3"
    collection = open_and_save(decks, db)
    key = collection.next_card(collection.deck_ids)
    card = collection.card(key)
    collection.store.answer(key, Rating.good)  # now in learning; the next one comes first
    nxt = collection.next_card(collection.deck_ids)
    remaining = collection.remaining(collection.deck_ids)
    collection.close()
    before = db.read_bytes()

    first = peek(decks, db)
    shown = collection.card(nxt)
    assert first == FirstCard(nxt, shown.kind, shown.prompt, "new", remaining, answer_text(shown))
    assert first.key != key and card.prompt != first.prompt
    assert db.read_bytes() == before  # looked at, never written


def test_nothing_is_shown_early_when_a_deck_changed_or_nothing_is_known(tmp_path):
    decks = tmp_path / "decks"
    decks.mkdir()
    deck = decks / "deck.yaml"
    deck.write_bytes(DECK.read_bytes())
    db = tmp_path / "progress.sqlite3"

    assert peek(decks, db) is None  # never loaded: nothing compiled, no database
    assert not db.exists()

    open_and_save(decks, db).close()
    assert peek(decks, db) is not None

    deck.write_text(deck.read_text() + "\n# edited\n", encoding="utf-8")
    assert peek(decks, db) is None  # not compiled as it is now
    (decks / "other.yaml").write_bytes(b"id: x")
    open_and_save(decks, db).close()  # the broken new deck is not loaded
    assert peek(decks, db) is None
    (decks / "other.yaml").unlink()
    open_and_save(decks, db).close()
    assert peek(decks, db).key == CardKey("every-kind", "basic-name")


def test_a_database_from_another_version_is_left_to_the_real_opening(tmp_path):
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "deck.yaml").write_bytes(DECK.read_bytes())
    db = tmp_path / "progress.sqlite3"
    open_and_save(decks, db).close()
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    assert peek(decks, db) is None
    db.write_bytes(b"not a database at all" * 100)
    assert peek(decks, db) is None
