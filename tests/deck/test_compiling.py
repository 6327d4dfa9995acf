"""A first launch on big decks: child processes compile the deck files into the cache, and the
first deck's first new card is known before its file is compiled, the very card the review
then starts with."""

import io
from contextlib import redirect_stdout
from datetime import UTC, datetime

import pytest

from quizapp.core.clock import FixedClock
from quizapp.core.collection import Collection
from quizapp.core.first_card import peek_first_new_card
from quizapp.core.settings import Settings
from quizapp.core.store import CardKey
from quizapp.deck import compiling
from quizapp.deck.compiling import FirstNewCard
from quizapp.deck.loader import load_decks

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
SETTINGS = Settings(timezone="UTC", enable_fuzzing=False)

# Three kinds, the commonest not first in the file, a draft among them and two siblings: the
# first card introduced is neither the file's first card nor the commonest kind's first.
DECK = """\
id: first-launch
title: First launch
cards:
  - id: opener
    kind: basic
    question: Which city hosted the signing?
    answer: Pyongyang
  - id: tf-draft
    kind: true_false
    status: draft
    statement: The pact was signed in 2023.
    answer: false
  - id: tf-signed
    kind: true_false
    statement: The pact was signed in June 2024.
    answer: true
  - id: tf-ratified
    kind: true_false
    statement: Both parliaments ratified the pact.
    answer: true
  - id: year-signed
    kind: year
    question: In which year was the pact signed?
    answer: 2024
"""
BROKEN = "id: broken\ntitle: Broken\ncards:\n  - id: x\n    kind: basic\n"


def deck_file(folder, name="a.yaml", text=DECK):
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def first_review_card(folder, db):
    collection = Collection.from_decks(
        load_decks([folder]), db, clock=FixedClock(NOW), settings=SETTINGS
    )
    try:
        return collection.next_card(collection.deck_ids)
    finally:
        collection.close()


def test_the_first_new_card_said_early_is_the_one_the_review_starts_with(tmp_path):
    path = deck_file(tmp_path / "decks")
    said = io.StringIO()
    with redirect_stdout(said):
        compiling.main(["--first", str(path)])  # as the child process does
    lines = said.getvalue().splitlines()
    assert len(lines) == 2 and '"first"' in lines[0] and '"file"' in lines[1]

    db = tmp_path / "progress.sqlite3"
    early = peek_first_new_card(path, db, settings=SETTINGS)  # from the compiled deck
    assert early is not None and early.remaining is None and early.state == "new"
    assert '"card_id": "' + early.key.card_id + '"' in lines[0]

    started = first_review_card(tmp_path / "decks", db)
    assert early.key == started == CardKey("first-launch", "tf-signed")
    assert early.kind == "true_false" and early.prompt == "The pact was signed in June 2024."


def test_no_early_card_when_a_database_or_imported_progress_is_there(tmp_path):
    path = deck_file(tmp_path / "decks")
    load_decks([path])
    db = tmp_path / "progress.sqlite3"
    assert peek_first_new_card(path, db, settings=SETTINGS) is not None
    assert peek_first_new_card(path, db, settings=Settings(new_per_day=0)) is None
    (tmp_path / "decks" / "a.history.csv").write_text("", encoding="utf-8")
    assert peek_first_new_card(path, db, settings=SETTINGS) is None
    (tmp_path / "decks" / "a.history.csv").unlink()
    first_review_card(tmp_path / "decks", db)
    assert peek_first_new_card(path, db, settings=SETTINGS) is None  # the queue decides now


def test_child_processes_compile_the_decks_and_leave_broken_ones_to_the_app(tmp_path, monkeypatch):
    folder = tmp_path / "decks"
    files = [deck_file(folder), deck_file(folder, "b.yaml", BROKEN)]
    assert compiling.start(files) is None  # small decks: compiled in the app
    monkeypatch.setattr(compiling, "WORTH_A_PROCESS", 0)
    monkeypatch.setattr(compiling.os, "cpu_count", lambda: 2)  # a child for each file

    running = compiling.start(files, first_card=True)
    assert running is not None
    events = list(running.done())
    firsts = [e for e in events if isinstance(e, FirstNewCard)]
    assert [(e.path, e.card_id) for e in firsts] == [(files[0], "tf-signed")]
    # Said before its own file is done, and before the other child (started once the card
    # is found, not to share the cores with the first) has finished the broken file.
    assert events[0] == firsts[0]
    assert sorted(e for e in events if e is not firsts[0]) == sorted(files)
    assert compiling.uncompiled(files) == [files[1]]  # its errors are the app's to report
    assert compiling.start([files[0]]) is None  # nothing left to compile


def test_without_a_first_card_wanted_every_child_starts_at_once_and_none_says_one(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(compiling, "WORTH_A_PROCESS", 0)
    monkeypatch.setattr(compiling.os, "cpu_count", lambda: 2)
    files = [deck_file(tmp_path / "decks"), deck_file(tmp_path / "decks", "b.yaml", BROKEN)]
    running = compiling.start(files)  # the deck list: the files are what is waited for
    assert running is not None
    events = list(running.done())
    assert sorted(events) == sorted(files)


def test_stopped_before_the_first_card_the_children_held_back_never_start(tmp_path, monkeypatch):
    monkeypatch.setattr(compiling, "WORTH_A_PROCESS", 0)
    monkeypatch.setattr(compiling.os, "cpu_count", lambda: 2)
    other = DECK.replace("first-launch", "another-deck")
    files = [deck_file(tmp_path / "decks"), deck_file(tmp_path / "decks", "b.yaml", other)]
    running = compiling.start(files, first_card=True)
    running.stop()  # the learner quit at once
    list(running.done())  # ends: the child held back is counted as ended, never started
    assert compiling.uncompiled([files[1]]) == [files[1]]  # its only child never ran


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_stopped_child_leaves_no_half_compiled_deck(tmp_path, monkeypatch, when):
    monkeypatch.setattr(compiling, "WORTH_A_PROCESS", 0)
    path = deck_file(tmp_path / "decks")
    running = compiling.start([path])
    if when == "after":
        list(running.done())
    running.stop()
    list(running.done())
    assert compiling.uncompiled([path]) in ([], [path])
    result = load_decks([path])  # whatever was left, the deck loads whole
    assert [d.id for d in result.decks] == ["first-launch"] and not result.errors


def test_the_compiled_new_card_order_is_the_one_the_store_works_out(tmp_path):
    import sqlite3

    folder = tmp_path / "decks"
    deck_file(folder)
    orders = []
    for use_cache in (False, True):  # worked out at sync / read from the compiled deck
        db = tmp_path / f"progress-{use_cache}.sqlite3"
        result = load_decks([folder], use_cache=use_cache)
        assert (result.decks[0].compiled is not None) is use_cache
        Collection.from_decks(result, db, clock=FixedClock(NOW), settings=SETTINGS).close()
        with sqlite3.connect(db) as conn:
            orders.append(conn.execute("SELECT card_id, rank FROM card ORDER BY rank").fetchall())
    assert orders[0] == orders[1]
    assert [card_id for card_id, _ in orders[0]][:2] == ["tf-draft", "tf-signed"]  # a draft too
