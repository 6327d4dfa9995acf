"""The bundled decks: every card cites a verbatim quote, every kind is there."""

from collections import Counter

import pytest

from quizapp.deck.loader import load_decks
from quizapp.deck.model import CARD_KINDS, Status
from quizapp.deck.paths import bundled_decks_dir


@pytest.fixture(scope="module")
def bundled():
    result = load_decks([bundled_decks_dir()], use_cache=False)
    assert [str(p) for p in result.problems] == []
    return result.decks


def all_cards(decks):
    return [(d, c) for d in decks for c in d.deck.cards]


def test_enough_cards_of_every_kind(bundled):
    cards = all_cards(bundled)
    assert len(cards) > 80
    kinds = Counter(c.kind for _, c in cards)
    assert set(kinds) == set(CARD_KINDS), kinds
    assert all(c.status is Status.reviewed for _, c in cards)


def test_every_card_quotes_its_document_verbatim(bundled):
    for deck, card in all_cards(bundled):
        assert card.source is not None, f"{deck.path}: {card.id} cites no source"
        document = deck.documents[card.source.document]
        passage = document.passage(card.source.quote)
        assert passage is not None, f"{card.id}: quote not in {card.source.document}"
        assert passage in document.text


def test_quizzes_possible_per_topic_and_per_document(bundled):
    cards = [c for _, c in all_cards(bundled)]
    tags = Counter(t for c in cards for t in c.tags)
    for topic in ("dates", "articles", "implications"):
        assert tags[topic] >= 8, (topic, tags[topic])
    documents = Counter(c.source.document for c in cards)
    assert documents["study-notes"] >= 15 and documents["hindu-explained"] >= 15, documents


def test_card_ids_unique_across_a_deck_and_stable_format(bundled):
    for deck in bundled:
        ids = [c.id for c in deck.deck.cards]
        assert len(ids) == len(set(ids))
        assert set(deck.card_lines) >= set(ids), "every card's line is known"


def test_corrections_are_in_the_explanations(bundled):
    text = " ".join(c.explanation for _, c in all_cards(bundled))
    assert "19 June 2024" in text  # the documents say only "Wednesday"
    assert "1996" in text or "2000" in text  # the 1961 treaty did not die with the USSR
