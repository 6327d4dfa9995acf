"""What the drafter's rule tests read of a draft: the terms found in a sentence, and the
answers each drafted card asks."""

import datetime as dt

from quizapp.authoring.drafter import (
    considered,
    document_vocabulary,
    draft_cards,
    sentence_terms,
    split_sentences,
)
from quizapp.authoring.terms import Vocabulary, find_terms


def found(sentence: str, *others: str) -> dict[str, tuple[str, float]]:
    """Each term found in ``sentence`` (with ``others`` as the rest of the notes): its kind
    and worth."""
    vocabulary = Vocabulary.of([sentence, *others])
    return {t.answer: (t.kind, t.worth) for t in find_terms(sentence, vocabulary)}


def read(sentence: str, notes: str = "") -> dict[str, str]:
    """Each term the drafter reads in ``sentence`` of ``notes`` (the sentence alone when
    none), its grammar's counts and the notes' sentence openers included: its kind."""
    vocabulary = document_vocabulary(split_sentences(notes or sentence))
    return {t.answer: t.kind for t in sentence_terms(sentence, vocabulary)}


def drafted(text: str, today: dt.date | None = None) -> list:
    return [c.card for c in draft_cards(text, "doc", today=today)]


def asked(card) -> list[str]:
    """What a drafted card asks: its blanks, or its answer."""
    if card.kind == "cloze":
        return [answer for answer, _ in card.deletions]
    return [str(getattr(card, "answer", ""))]


def answers(text: str, today: dt.date | None = None) -> list[list[str]]:
    return [asked(card) for card in drafted(text, today)]


def every_answer(text: str) -> list[str]:
    """Every answer the draft asks, its cards' blanks one after another."""
    return [answer for card in answers(text) for answer in card]


def prompts(text: str) -> dict[str, str]:
    """Each drafted card's answer and the prompt that asks it."""
    out = {}
    for card in drafted(text):
        if card.kind == "cloze":
            for answer, _ in card.deletions:
                out[answer] = card.text
        elif card.kind in ("year", "mcq", "basic"):
            out[str(card.answer)] = card.question
    return out


def score_of(text: str, answer: str) -> float:
    """The worth the drafter gives the card asking ``answer`` (higher first in the file)."""
    return next(c.score for c in draft_cards(text, "doc") if asked(c.card) == [answer])


def rules_scores(text: str) -> dict[str, float]:
    """What the drafter's rules say each term of the notes is worth, before any ordering."""
    return {place.term.answer: place.score for _, place in considered(text)}
