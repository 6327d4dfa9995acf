"""Deck authors are told which cards make poor quiz questions, and what to add."""

from __future__ import annotations

from pathlib import Path

from quizapp.deck.loader import load_decks
from quizapp.quiz.advice import quiz_problems


def test_text_answers_without_distractors_and_unaskable_cards_are_pointed_out(tmp_path: Path):
    path = tmp_path / "deck.yaml"
    path.write_text(
        """id: advice
title: Advice
cards:
  - id: codename
    kind: basic
    question: Under what codename did Stalin write?
    answer: Fillipov
  - id: with-distractors
    kind: basic
    question: What did Kim Jong-un call the pact?
    answer: Breakthrough
    distractors: [Milestone, Turning point, New era]
  - id: blank
    kind: cloze
    text: "Food is a chronic {{shortage}} in the DPRK."
  - id: lonely-person
    kind: basic
    question: Who signed it?
    answer: Kim Jong-un
    answer_type: person
  - id: year
    kind: year
    question: When?
    answer: 1961
""",
        encoding="utf-8",
    )
    decks = load_decks([path], use_cache=False).decks
    assert [str(p) for p in quiz_problems(decks)] == [
        f"{path}:4: warning: card 'codename': quiz options for its text answer are drawn from "
        "unrelated answers (add `distractors`: wrong answers a learner might give)",
        f"{path}:13: warning: card 'blank': quiz options for its text answer are drawn from "
        "unrelated answers (set a precise `answer_type`, or give the blank its `distractors` "
        "(`blanks`))",
        f"{path}:16: warning: card 'lonely-person' cannot be asked in quizzes: no wrong option "
        "of type person exists (add `distractors`, or more cards with answers of that type)",
    ]


def test_the_hand_made_deck_warnings(sample):
    problems = {p.card_id: p.message for p in quiz_problems(sample)}
    assert set(problems) == {"ukraine", "stalin", "dissolved"}
    assert "text answer" in problems["ukraine"]  # one authored distractor only
    # Every blank is asked: the second blank of 'dissolved' ("treaty") is a word.
    assert problems["dissolved"].startswith("card 'dissolved' blank 2: quiz options for its text")
    # Its question names Kim Il-sung, one of the deck's four people: three options remain.
    assert problems["stalin"] == (
        "card 'stalin' has only 3 quiz options: the decks hold too few person answers"
    )
