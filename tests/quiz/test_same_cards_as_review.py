"""A quiz or an exam asks from the cards review would show with the same tag and source:
a tag takes in the tags nested under it, as Anki's tag search does."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from quizapp.core.collection import Collection
from quizapp.quiz.exam import new_exam
from quizapp.quiz.quiz import new_quiz
from quizapp.quiz.selection import Selection
from tests.quiz.test_exam_cli import run  # noqa: F401  (the fixture, run as the user runs it)

DECK = """\
id: nested
title: Nested tags
sources:
  - {id: notes-a, title: Notes A, file: notes-a.txt}
  - {id: notes-b, title: Notes B, file: notes-b.txt}
cards:
"""

# (card id, tags, document, year): each card quotes its own line, so none is left out of a
# paper as testing the same fact as another.
CARDS = [
    ("polity", ["upsc::polity"], "notes-a", 1950),
    ("budget", ["upsc::economy::budget", "history"], "notes-b", 1991),
    ("whole", ["upsc"], "notes-b", 1947),
    ("upscale", ["upscale"], "notes-a", 1962),  # starts like upsc, but is not under it
    ("older", ["history"], "notes-a", 1905),
    ("economy", ["economy::upsc"], "notes-b", 1971),  # upsc below, not above: not under it
]

FILTERS = [
    pytest.param(("upsc",), (), id="tag"),
    pytest.param(("upsc::economy",), (), id="nested-tag"),
    pytest.param((), ("notes-a",), id="source"),
    pytest.param(("upsc",), ("notes-b",), id="tag-and-source"),
    pytest.param(("history", "upsc::polity"), ("notes-a", "notes-b"), id="several"),
    pytest.param(("UPSC",), ("Notes-B",), id="capitals"),
]


def quote(card: str, year: int) -> str:
    return f"Event {card} happened in {year}."


def deck_text() -> str:
    cards = "".join(
        f"  - id: {card}\n"
        "    kind: year\n"
        f"    question: In which year did event {card} happen?\n"
        f"    answer: {year}\n"
        f"    distractors: [{year - 3}, {year + 4}, {year + 9}]\n"
        f"    tags: [{', '.join(tags)}]\n"
        f"    source: {{document: {document}, quote: '{quote(card, year)}'}}\n"
        for card, tags, document, year in CARDS
    )
    return DECK + cards


def write_nested_deck(folder: Path) -> Path:
    """The deck and the two documents it quotes, written into ``folder``."""
    folder.mkdir()
    path = folder / "nested.yaml"
    path.write_text(deck_text(), encoding="utf-8")
    for document in ("notes-a", "notes-b"):
        lines = [quote(card, year) for card, _, cited, year in CARDS if cited == document]
        path.with_name(f"{document}.txt").write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def deck_path(tmp_path):
    return write_nested_deck(tmp_path / "decks")


@pytest.fixture
def collection(deck_path, tmp_path, clock):
    opened = Collection.open([deck_path], tmp_path / "progress.sqlite3", clock=clock)
    yield opened
    opened.close()


def reviewed(collection: Collection, tags, sources) -> set[str]:
    """The cards review studies with these filters, all new today; and the count agrees."""
    keys = collection.practice_keys(collection.deck_ids, tags=tags, sources=sources)
    summary = collection.summaries(*(tags or [None])[:1], *(sources or [None])[:1])
    if len(tags) <= 1 and len(sources) <= 1:
        assert summary[0].counts.new == len(keys)
    return {key.card_id for key in keys}


@pytest.mark.parametrize(("tags", "sources"), FILTERS)
def test_a_quiz_asks_the_cards_review_would(collection, tags, sources):
    review = reviewed(collection, tags, sources)
    assert review  # the filter picks something, so the comparison says something
    quiz, _ = new_quiz(
        collection.store,
        collection.decks,
        count=len(CARDS),
        seed=4,
        selection=Selection(tags=tags, sources=sources),
    )
    assert {q.card_id for q in quiz.questions} == review


@pytest.mark.parametrize(("tags", "sources"), FILTERS)
def test_an_exam_asks_the_cards_review_would(collection, tags, sources):
    review = reviewed(collection, tags, sources)
    exam, _ = new_exam(
        collection.store,
        collection.decks,
        count=len(CARDS),
        seed=4,
        time_limit=None,
        selection=Selection(tags=tags, sources=sources),
    )
    assert {q.card_id for q in exam.questions} == review


def test_tag_upsc_takes_in_the_tags_under_it_and_no_other(collection):
    quiz, _ = new_quiz(
        collection.store, collection.decks, count=10, seed=1, selection=Selection(tags=("upsc",))
    )
    assert {q.card_id for q in quiz.questions} == {"polity", "budget", "whole"}


@pytest.mark.parametrize("command", ["exam", "quiz"])
def test_the_command_line_picks_the_cards_review_would(run, deck_path, tmp_path, command):  # noqa: F811
    db = tmp_path / "cli.sqlite3"
    filters = ("--tag", "upsc", "--source", "notes-b")
    taken = run(command, "--json", "--db", str(db), "--count", "6", *filters, str(deck_path))
    assert taken.returncode == 0, taken.stderr
    paper = json.loads(taken.stdout)[command]
    with sqlite3.connect(db) as conn:  # quizzes are kept in the exam tables too
        rows = conn.execute(
            "SELECT question FROM exam_question WHERE exam_id = ?", (paper,)
        ).fetchall()
    asked = {json.loads(q)["card_id"] for (q,) in rows}
    collection = Collection.open([deck_path], db)
    try:
        assert asked == reviewed(collection, ("upsc",), ("notes-b",)) == {"budget", "whole"}
    finally:
        collection.close()
