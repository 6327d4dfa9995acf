"""Exam papers dealt from every bundled card, under several seeds, hold the figures of a
professional question bank: a test-wise student gains nothing without the material."""

from __future__ import annotations

from random import Random

import pytest

from quizapp.quiz.audit import (
    PaperFigures,
    cloze_blanks,
    facts_of_cards,
    key_from_truths,
    nested_options,
    one_fact_answerable,
)
from quizapp.quiz.codes import implied_order
from quizapp.quiz.selection import Selection, deal

SEEDS = range(3)


@pytest.fixture(scope="module")
def papers(bundled):
    figures = PaperFigures()
    dealt = []
    for seed in SEEDS:
        paper = deal(bundled, Selection(), 200, Random(seed), exam=True)
        figures.add_paper(paper.questions, left_out=len(paper.true_false_left_out), decks=bundled)
        dealt.append(paper)
    return figures, dealt


def test_no_coded_question_falls_to_one_fact(papers):
    figures, dealt = papers
    given_away = sorted(
        {
            f"{q.deck_id}/{q.card_id}"
            for paper in dealt
            for q in paper.questions
            if one_fact_answerable(q)
        }
    )
    assert given_away == []
    assert figures.one_fact_share <= 0.10


def test_wrong_orders_never_contradict_the_events_labels(bundled, papers):
    _, dealt = papers
    cards = {(d.deck.id, c.id): c for d in bundled for c in d.studyable_cards}
    for paper in dealt:
        for question in paper.questions:
            if question.kind != "ordering":
                continue
            card = cards[(question.deck_id, question.card_id)]
            lines = question.prompt.splitlines()[1:-1]
            letter_of = {line[3:]: line[0] for line in lines}
            for earlier, later in implied_order([e.event for e in card.events]):
                a = letter_of[card.events[earlier].event]
                b = letter_of[card.events[later].event]
                for option in question.options:
                    assert option.index(a) < option.index(b), (card.id, option)


def test_options_in_words_are_distinct_and_never_nested(papers):
    figures, dealt = papers
    assert figures.duplicate_options == 0
    assert figures.nested == [], figures.nested[:5]
    for paper in dealt:
        for question in paper.questions:
            if one_fact_answerable(question) is None:
                assert nested_options(question) == [], question.options


def test_the_right_option_is_not_systematically_the_longest_or_shortest(papers):
    figures, _ = papers
    assert figures.choice > 50
    assert figures.longest_share <= 0.30
    assert figures.shortest_share <= 0.30


def test_exams_have_no_true_false_items_and_leave_none_out_needlessly(papers):
    figures, _ = papers
    assert figures.true_false_items == 0
    assert figures.true_false_left_out == 0
    assert figures.true_false_in_sets > 0


def test_statement_keys_are_spread_and_follow_the_authored_truths(papers):
    figures, dealt = papers
    assert figures.keys_not_from_truths == 0
    assert all(key_from_truths(q) for p in dealt for q in p.questions if q.kind == "statements")
    assert len(figures.statement_keys) >= 4, figures.statement_keys
    assert figures.top_key_share <= 0.40, figures.statement_keys
    assert set(figures.statement_forms) == {"which", "how_many"}


def test_one_fact_is_never_asked_twice_in_a_paper_and_cards_per_fact(bundled, papers):
    figures, _ = papers
    assert figures.same_fact_in_one_paper == 0
    cards, facts = facts_of_cards(bundled)
    assert cards / facts <= 1.1, (cards, facts)


def test_every_cloze_blank_is_asked(bundled):
    blanks = cloze_blanks(bundled)
    figures = PaperFigures()
    for seed in range(12):
        figures.add_paper(deal(bundled, Selection(), 200, Random(seed), exam=True).questions)
    assert blanks <= figures.cloze_blanks_asked, blanks - figures.cloze_blanks_asked
