"""The bundled decks: every card is asked fairly, under many seeds."""

from tests.quiz.test_questions import SEEDS, check_every_card


def test_every_bundled_card_makes_a_fair_question(bundled):
    cards = sum(len(d.studyable_cards) for d in bundled)
    assert check_every_card(bundled) == len(SEEDS) * cards
