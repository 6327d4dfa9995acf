"""Dealing a paper: siblings apart, every cloze blank in turn, true/false cards in exams only
inside statement sets, and what a single fact gives away."""

from __future__ import annotations

import itertools
from random import Random

from quizapp.core.store import CardKey, Mode, Rating
from quizapp.quiz.codes import implied_order, match_codes, order_codes, which_codes
from quizapp.quiz.exam import new_exam
from quizapp.quiz.facts import Coded, answerable_from_one_fact, coded_question, pair_facts
from quizapp.quiz.selection import Selection, deal
from tests.quiz.conftest import DECK

TRUE_FALSE = """\
sources: [hindu-explained]
cards:
{cards}
"""


def true_false(card_id: str, answer: bool, tag: str = "history", siblings: str = "") -> str:
    lines = [
        f"  - id: {card_id}",
        "    kind: true_false",
        f"    statement: Statement {card_id}.",
        f"    answer: {str(answer).lower()}",
        f"    tags: [{tag}]",
    ]
    if siblings:
        lines.append(f"    siblings: {siblings}")
    return "\n".join(lines)


def test_exams_ask_true_false_cards_only_inside_statement_sets(sample):
    for seed in range(12):
        dealt = deal(sample, Selection(), 100, Random(seed), exam=True)
        assert not [q for q in dealt.questions if set(q.options) == {"True", "False"}]
        sets = [q for q in dealt.questions if q.members]
        # The sample deck's two true/false cards are asked together, every time.
        assert [sorted(c for _, c in q.members) for q in sets] == [
            ["land-border", "nuclear-support"]
        ]
        assert sets[0].kind == "statements" and len(sets[0].truths) == 2
        assert dealt.true_false_left_out == []
    # A quiz still asks them one by one.
    quiz = deal(sample, Selection(), 100, Random(1))
    assert {q.card_id for q in quiz.questions if q.kind == "true_false"} == {
        "land-border",
        "nuclear-support",
    }


def test_a_true_false_card_without_a_partner_is_left_out_of_an_exam(write_deck_text):
    decks = write_deck_text(
        TRUE_FALSE.format(
            cards="\n".join(
                [
                    true_false("alone", True, tag="places"),
                    "  - id: other\n    kind: basic\n    question: Q?\n    answer: A\n"
                    "    distractors: [B, C, D]",
                ]
            )
        )
    )
    dealt = deal(decks, Selection(), 10, Random(0), exam=True)
    assert [q.card_id for q in dealt.questions] == ["other"]
    assert dealt.true_false_left_out == [("written", "alone")]


def test_sets_take_two_to_four_statements_and_keys_only_from_their_truths(write_deck_text):
    truths = [True, False, True, True, False, False, True, False, True]
    decks = write_deck_text(
        TRUE_FALSE.format(cards="\n".join(true_false(f"s{i}", t) for i, t in enumerate(truths)))
    )
    truth = {f"s{i}": t for i, t in enumerate(truths)}
    sizes, keys = set(), set()
    for seed in range(30):
        dealt = deal(decks, Selection(), 20, Random(seed), exam=True)
        for question in dealt.questions:
            assert 2 <= len(question.members) <= 4
            sizes.add(len(question.members))
            shown = [line.split(". ", 1)[1] for line in question.prompt.splitlines()[1:-1]]
            ids = [text.removeprefix("Statement ").rstrip(".") for text in shown]
            assert tuple(truth[i] for i in ids) == question.truths
            coded = coded_question(
                "statements", question.options, question.correct, question.truths
            )
            standing = [i for i, w in enumerate(coded.options) if question.truths in w]
            assert standing == [question.correct]
            keys.add(question.correct_option)
    assert sizes == {2, 3, 4}
    assert len(keys) >= 6


def test_cards_of_one_fact_are_never_dealt_together(write_deck_text):
    decks = write_deck_text(
        TRUE_FALSE.format(
            cards="\n".join(
                [
                    true_false("a1", True, siblings="visit-2000"),
                    true_false("a2", False, siblings="visit-2000"),
                    true_false("a3", True, siblings="visit-2000"),
                    true_false("b", True),
                    true_false("c", False),
                ]
            )
        )
    )
    for seed in range(20):
        for exam in (False, True):
            dealt = deal(decks, Selection(), 10, Random(seed), exam=exam)
            asked = [c for q in dealt.questions for _, c in (q.members or [(DECK, q.card_id)])]
            assert len([c for c in asked if c.startswith("a")]) == 1, asked


def test_an_exam_answer_on_a_statement_set_is_logged_against_each_card(store, sample, clock):
    session, _ = new_exam(store, sample, count=100, seed=3, time_limit=None)
    position = next(i for i, q in enumerate(session.questions) if q.members)
    question = session.questions[position]
    session.go_to(position)
    session.answer((question.correct + 1) % len(question.options))
    session.submit()
    for card in ("land-border", "nuclear-support"):
        log = store.review_log(CardKey(DECK, card))
        assert [(r.rating, r.mode) for r in log] == [(Rating.again, Mode.exam)]


def test_one_fact_is_found_when_it_alone_leaves_the_key():
    key = (0, 1, 2)

    def match(*perms):
        return Coded(tuple(frozenset([p]) for p in [key, *perms]), 0, pair_facts(key, 3))

    assert answerable_from_one_fact(match((1, 2, 0), (2, 1, 0)))  # no wrong code pairs A-1
    assert answerable_from_one_fact(match((0, 2, 1), (2, 0, 1)))  # every wrong code has C-2
    assert not answerable_from_one_fact(match((0, 2, 1), (2, 1, 0), (1, 0, 2)))
    # Only the key has statement 3 false: knowing that one statement is enough.
    three = ["1 and 2 only", "1 and 3 only", "2 and 3 only", "1, 2 and 3"]
    truths = (True, True, False)
    assert answerable_from_one_fact(coded_question("statements", three, 0, truths))
    fair = ["1 only", "1 and 2 only", "2 and 3 only", "1, 2 and 3"]
    assert not answerable_from_one_fact(coded_question("statements", fair, 1, truths))
    # A count: no one statement's truth leaves 'Only two' alone.
    counts = ["Only one", "Only two", "All three", "None"]
    assert not answerable_from_one_fact(coded_question("statements", counts, 1, truths))
    # An order whose every wrong option puts C before B.
    orders = ["A-B-C", "A-C-B", "C-A-B", "C-B-A"]
    assert answerable_from_one_fact(coded_question("ordering", orders, 0))


def test_codes_keep_every_fact_of_the_key_in_some_wrong_option():
    for size, seed in itertools.product((3, 4, 5, 6), range(25)):
        rng = Random(seed)
        perms, correct = match_codes(size, rng, 4)
        coded = coded_question(
            "match",
            [", ".join(f"{'ABCDEF'[i]}-{p[i] + 1}" for i in range(size)) for p in perms],
            correct,
        )
        assert not answerable_from_one_fact(coded), perms
        events = [f"event {i}" for i in range(size)]
        orders, correct = order_codes(events, rng, 4)
        coded = coded_question(
            "ordering", ["-".join("ABCDEF"[i] for i in o) for o in orders], correct
        )
        assert not answerable_from_one_fact(coded), orders
    for truths in itertools.product((True, False), repeat=3):
        for seed in range(10):
            subsets, correct = which_codes(truths, Random(seed), 4)
            assert subsets[correct] == truths and len(set(subsets)) == 4
            coded = coded_question(
                "statements",
                [
                    " and ".join(str(i) for i, t in enumerate(s, 1) if t) or "None of them"
                    for s in subsets
                ],
                correct,
                truths,
            )
            assert not answerable_from_one_fact(coded), (truths, subsets)


def test_wrong_orders_never_contradict_the_events_own_labels():
    events = [
        "Putin's first visit to Pyongyang",
        "Kim Jong-un's first visit to Russia",
        "Kim Jong-un's second visit to Russia",
        "Russia signs the pact",
        "Russia ratifies the pact",
        "The pact enters into force",
    ]
    assert implied_order(events) == {(1, 2), (3, 4), (3, 5), (4, 5)}
    for seed in range(30):
        orders, _ = order_codes(events, Random(seed), 4)
        for order in orders:
            assert order.index(1) < order.index(2)
            assert order.index(3) < order.index(4) < order.index(5)
