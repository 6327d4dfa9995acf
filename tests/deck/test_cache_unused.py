"""The deck cache holds the decks as they are: a version no deck file has any more is removed
a day later, and the file gives its space back."""

import os
import time

from quizapp.deck import cache
from quizapp.deck.loader import load_deck
from tests.deck.conftest import GOOD

DAY = cache.KEEP_UNUSED_NS


def edited(text: str, n: int) -> str:
    return text.replace("title: Test deck", f"title: Test deck, edit {n}")


def compiled_keys() -> set[str]:
    return {key for (key,) in cache.connection().execute("SELECT key FROM deck")}


def card_rows() -> int:
    return cache.connection().execute("SELECT COUNT(*) FROM card").fetchone()[0]


def test_a_deck_edited_again_and_again_is_kept_once_after_a_day(write_deck):
    path = write_deck(GOOD)
    first, _ = load_deck(path)
    once = card_rows()
    for n in range(1, 6):
        write_deck(edited(GOOD, n))
        loaded, _ = load_deck(path)
        assert loaded.title == f"Test deck, edit {n}"
    assert len(compiled_keys()) == 6  # the earlier versions kept for a day
    assert cache.remove_unused(time.time_ns() + DAY + 1) == 5
    assert compiled_keys() == {loaded.content_hash} and card_rows() == once
    again, _ = load_deck(path)  # the deck as it is now, from the cache
    assert again.compiled is not None and again.title == "Test deck, edit 5"


def test_an_earlier_version_stays_readable_for_a_day(write_deck):
    path = write_deck(GOOD)
    opened, _ = load_deck(path)  # an app open before the file changes
    write_deck(edited(GOOD, 1))
    load_deck(path)
    assert cache.remove_unused(time.time_ns() + DAY // 2) == 0
    still = cache.get(opened.content_hash)
    assert still is not None and still.body("recognised") is not None


def test_a_version_another_file_still_has_is_kept(write_deck):
    path = write_deck(GOOD)
    write_deck(GOOD, "copy.yaml")
    load_deck(path)
    kept, _ = load_deck(path.with_name("copy.yaml"))
    write_deck(edited(GOOD, 1))
    load_deck(path)
    assert cache.remove_unused(time.time_ns() + 2 * DAY) == 0
    assert kept.content_hash in compiled_keys()


def test_the_deck_of_a_removed_file_goes_a_day_after_it_is_seen_gone(write_deck):
    path = write_deck(GOOD)
    loaded, _ = load_deck(path)
    os.remove(path)
    now = time.time_ns()
    assert cache.remove_unused(now) == 0  # seen gone now: unused from now
    assert cache.remove_unused(now + DAY) == 1
    assert loaded.content_hash not in compiled_keys() and card_rows() == 0


def test_removed_decks_give_their_space_back(write_deck):
    big = GOOD + "".join(
        f"""
  - id: filler-{n}
    kind: basic
    status: draft
    question: "Filler question {n} {"padding " * 40}"
    answer: "Filler {n}"
"""
        for n in range(300)
    )
    path = write_deck(big)
    load_deck(path)
    write_deck(edited(big, 1))
    load_deck(path)
    cache.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    grown = cache.cache_file().stat().st_size
    assert cache.remove_unused(time.time_ns() + DAY + 1) == 1
    cache.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert cache.cache_file().stat().st_size < grown * 0.8
