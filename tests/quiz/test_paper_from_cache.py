"""A paper drawn from the deck cache: the same cards as from the deck files, and only the
chosen cards' bodies read."""

from __future__ import annotations

from random import Random

import pytest

from quizapp.deck import cache
from quizapp.deck.loader import load_decks
from quizapp.quiz.selection import Selection, deal
from tests.quiz.conftest import ROOT

BUNDLED = sorted((ROOT / "decks").glob("*.yaml"))


@pytest.fixture
def compiled():
    """The bundled decks as a warm start has them: compiled, no card body read yet."""
    load_decks(BUNDLED)  # the first load compiles them
    decks = load_decks(BUNDLED).decks
    assert decks and all(d.compiled is not None for d in decks)
    return decks


@pytest.mark.parametrize("exam", [False, True])
@pytest.mark.parametrize(
    "selection",
    [Selection(), Selection(tags=("history",)), Selection(decks=("rk-treaty",))],
    ids=["all", "tag", "deck"],
)
def test_a_paper_from_the_cache_asks_the_cards_the_deck_files_give(compiled, selection, exam):
    files = load_decks(BUNDLED, use_cache=False).decks
    for seed in range(4):
        from_cache = deal(compiled, selection, 20, Random(seed), exam=exam)
        from_files = deal(files, selection, 20, Random(seed), exam=exam)
        assert [q.keys for q in from_cache.questions] == [q.keys for q in from_files.questions]
        assert from_cache.true_false_left_out == from_files.true_false_left_out


def test_a_paper_reads_only_the_bodies_of_the_cards_it_asks(compiled, monkeypatch):
    read: list[str] = []
    body = cache.Compiled.body
    monkeypatch.setattr(
        cache.Compiled, "body", lambda self, cid: read.append(cid) or body(self, cid)
    )
    monkeypatch.setattr(cache.Compiled, "bodies", lambda self: pytest.fail("every card read"))
    dealt = deal(compiled, Selection(), 10, Random(3), exam=True)
    asked = {key.card_id for q in dealt.questions for key in q.keys}
    assert set(read) == asked
