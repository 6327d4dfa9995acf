"""Fixtures for the quiz and exam tests: a hand-made deck of every kind, and the bundled decks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quizapp.deck.loader import LoadedDeck, load_decks

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def load(paths: list[Path]) -> list[LoadedDeck]:
    result = load_decks(paths, use_cache=False)
    assert [str(p) for p in result.errors] == []
    return result.decks


@pytest.fixture(scope="session")
def sample() -> list[LoadedDeck]:
    return load([HERE / "sample_deck.yaml"])


@pytest.fixture(scope="session")
def bundled() -> list[LoadedDeck]:
    decks = load(sorted((ROOT / "decks").glob("*.yaml")))
    assert decks, "the bundled decks are missing from decks/"
    return decks


T0 = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
DECK = "sample"


@pytest.fixture
def write_deck_text(tmp_path):
    """Load a deck written from its body (sources and cards); returns the loaded decks."""

    def write(body: str) -> list[LoadedDeck]:
        path = tmp_path / "written.yaml"
        path.write_text("id: written\ntitle: Written\n" + body, encoding="utf-8")
        return load([path])

    return write


def wrong_option(question) -> int:
    return (question.correct + 1) % len(question.options)


def sync(store, decks: list[LoadedDeck]) -> None:
    for loaded in decks:
        store.sync_deck(
            loaded.deck.id,
            [
                (c.id, c.content_hash(), list(c.previous_ids), list(c.tags), c.status == "reviewed")
                for c in loaded.deck.cards
            ],
        )


# The store fixtures import the core inside, so the question tests never depend on it.


@pytest.fixture
def clock():
    from quizapp.core.clock import FixedClock

    return FixedClock(T0)


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "progress.sqlite3"


@pytest.fixture
def store(db, clock, sample):
    from quizapp.core.store import Store

    store = Store.open(db, clock=clock)
    sync(store, sample)
    yield store
    store.close()


@pytest.fixture
def conn(store):
    """What the paper functions take: the open store (its exam tables come with its schema)."""
    return store


@pytest.fixture
def reopen(db, clock):
    """Open the progress database again, as the app does after a restart."""
    from quizapp.core.store import Store

    opened = []

    def open_again():
        opened.append(Store.open(db, clock=clock))
        return opened[-1]

    yield open_again
    for store in opened:
        store.close()
