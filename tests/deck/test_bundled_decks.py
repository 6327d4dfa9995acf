"""The bundled decks: every card and every item cites a verbatim quote, every kind is there,
and no fact is asked by more than a few cards."""

from collections import Counter

import pytest

from quizapp.deck.loader import load_decks
from quizapp.deck.model import CARD_KINDS, COMPOSITE_KINDS, Status, card_items
from quizapp.deck.paths import bundled_decks_dir
from quizapp.quiz.audit import facts_of_cards


@pytest.fixture(scope="module")
def bundled():
    result = load_decks([bundled_decks_dir()], use_cache=False)
    assert [str(p) for p in result.problems] == []
    return result.decks


def all_cards(decks):
    return [(d, c) for d in decks for c in d.deck.cards]


def test_enough_cards_of_every_kind(bundled):
    cards = all_cards(bundled)
    assert len(cards) >= 50
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
    # The treaty's articles (4 and 51) are one topic of a handful of cards; the others are broad.
    for topic, least in (("dates", 8), ("articles", 5), ("implications", 8)):
        assert tags[topic] >= least, (topic, tags[topic])
    documents = Counter(c.source.document for c in cards)
    assert documents["study-notes"] >= 15 and documents["hindu-explained"] >= 15, documents


def test_every_item_of_a_composite_card_quotes_its_document(bundled):
    for deck, card in all_cards(bundled):
        if card.kind not in COMPOSITE_KINDS:
            continue
        document = deck.documents[card.source.document]
        for item in card_items(card):
            assert item.quote, f"{card.id}: an item has no quote"
            assert document.passage(item.quote) is not None, f"{card.id}: {item.quote!r}"


def test_one_card_per_fact_give_or_take_a_tenth(bundled):
    cards, facts = facts_of_cards(bundled)
    assert cards <= 1.1 * facts, (cards, facts)


def test_card_ids_unique_across_a_deck_and_stable_format(bundled):
    for deck in bundled:
        ids = [c.id for c in deck.deck.cards]
        assert len(ids) == len(set(ids))
        assert set(deck.card_lines) >= set(ids), "every card's line is known"


def test_corrections_are_in_the_explanations(bundled):
    text = " ".join(c.explanation for _, c in all_cards(bundled))
    assert "19 June 2024" in text  # the documents say only "Wednesday"
    assert "1996" in text or "2000" in text  # the 1961 treaty did not die with the USSR
