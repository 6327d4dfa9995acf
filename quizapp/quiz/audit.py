"""How a paper looks to a test-wise student: the figures an exam setter checks.

Given dealt questions (and the decks they came from), count what can be beaten
without knowing the material: coded questions answerable from one fact, a right
option that is uniquely the longest or shortest, options that contain another,
true/false items in exams, statement-set keys that repeat, and cards that test
the same fact. ``bench/eval_papers.py`` prints these for the bundled decks and the
tests hold the engine to them.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quizapp.deck.loader import LoadedDeck
from quizapp.deck.wording import contains_words, normalise
from quizapp.quiz.facts import COMPOSITE_QUESTION_KINDS, answerable_from_one_fact, coded_question
from quizapp.quiz.questions import HOW_MANY_ASK, Question
from quizapp.quiz.selection import same_fact_keys

CHOICE_KINDS = ("basic", "mcq", "cloze", "year")  # options in words, drawn or authored


def one_fact_answerable(question: Question) -> bool | None:
    """Whether one fact gives the question away; None when it is not a coded question."""
    if question.kind not in COMPOSITE_QUESTION_KINDS:
        return None
    coded = coded_question(question.kind, question.options, question.correct, question.truths)
    return None if coded is None else answerable_from_one_fact(coded)


def length_extreme(question: Question) -> str | None:
    """'longest' or 'shortest' when the right option is uniquely so (in characters)."""
    lengths = [len(o) for o in question.options]
    right = lengths[question.correct]
    others = lengths[: question.correct] + lengths[question.correct + 1 :]
    if not others:
        return None
    if right > max(others):
        return "longest"
    if right < min(others):
        return "shortest"
    return None


def nested_options(question: Question) -> list[tuple[str, str]]:
    """Pairs of options one of which is a whole-word part of the other."""
    words = [normalise(o).split() for o in question.options]
    return [
        (question.options[i], question.options[j])
        for i, j in itertools.combinations(range(len(words)), 2)
        if contains_words(words[i], words[j])
    ]


def is_true_false_item(question: Question) -> bool:
    return question.kind == "true_false" or sorted(question.options) == ["False", "True"]


def statement_key(question: Question) -> str | None:
    return question.correct_option if question.kind == "statements" else None


def key_from_truths(question: Question) -> bool:
    """A statement set's key agrees with the authored truth of its statements."""
    coded = coded_question(question.kind, question.options, question.correct, question.truths)
    if coded is None:
        return False
    truth = tuple(question.truths)
    return [i for i, worlds in enumerate(coded.options) if truth in worlds] == [question.correct]


def facts_of_cards(decks: Sequence[LoadedDeck]) -> tuple[int, int]:
    """(cards, facts): studyable cards, and how many facts they test. Cards of one
    ``siblings`` group or with one quote test one fact (joined transitively)."""
    parent: dict[object, object] = {}

    def find(x: object) -> object:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    cards = 0
    for loaded in decks:
        for card in loaded.studyable_cards:
            cards += 1
            node = ("card", loaded.deck.id, card.id)
            find(node)
            for key in same_fact_keys(card):
                parent[find(node)] = find(key)
    roots = {find(("card", d.deck.id, c.id)) for d in decks for c in d.studyable_cards}
    return cards, len(roots)


@dataclass
class PaperFigures:
    """Figures over one or more dealt papers."""

    papers: int = 0
    questions: int = 0
    coded: Counter[str] = field(default_factory=Counter)  # by kind
    coded_one_fact: Counter[str] = field(default_factory=Counter)
    one_fact_cards: Counter[str] = field(default_factory=Counter)  # 'deck/card' -> times
    assertion_reason: int = 0
    assertion_reason_one_fact: int = 0
    choice: int = 0
    longest: int = 0
    shortest: int = 0
    nested: list[tuple[str, str, str]] = field(default_factory=list)  # card, option, option
    duplicate_options: int = 0
    true_false_items: int = 0
    true_false_left_out: int = 0
    true_false_in_sets: int = 0
    statement_keys: Counter[str] = field(default_factory=Counter)
    statement_forms: Counter[str] = field(default_factory=Counter)
    statement_patterns: Counter[str] = field(default_factory=Counter)  # '2 of 3' true
    keys_not_from_truths: int = 0
    same_fact_in_one_paper: int = 0
    cloze_blanks_asked: set[tuple[str, str, str]] = field(default_factory=set)

    def add_paper(
        self,
        questions: Iterable[Question],
        *,
        left_out: int = 0,
        decks: Sequence[LoadedDeck] = (),
    ) -> None:
        self.papers += 1
        self.true_false_left_out += left_out
        questions = list(questions)
        for question in questions:
            self.add(question)
        if decks:
            self.same_fact_in_one_paper += _same_fact_pairs(questions, decks)

    def add(self, question: Question) -> None:
        self.questions += 1
        name = f"{question.deck_id}/{question.card_id}"
        answerable = one_fact_answerable(question)
        if answerable is not None:
            self.coded[question.kind] += 1
            if answerable:
                self.coded_one_fact[question.kind] += 1
                self.one_fact_cards[name] += 1
        if question.kind == "assertion_reason":
            self.assertion_reason += 1
            # Statement-I false leaves (d) alone, Statement-II false leaves (c) alone.
            self.assertion_reason_one_fact += question.correct in (2, 3)
        if question.kind in CHOICE_KINDS:
            self.choice += 1
            extreme = length_extreme(question)
            self.longest += extreme == "longest"
            self.shortest += extreme == "shortest"
        if answerable is None:  # codes ('2 only', '1 and 2 only') are numbers, not words
            self.nested += [(name, a, b) for a, b in nested_options(question)]
        folded = [normalise(o) for o in question.options]
        self.duplicate_options += len(folded) - len(set(folded))
        self.true_false_items += is_true_false_item(question)
        if question.members:
            self.true_false_in_sets += len(question.members)
        if question.kind == "statements":
            self.statement_keys[question.correct_option] += 1
            self.statement_patterns[f"{sum(question.truths)} of {len(question.truths)}"] += 1
            form = "how_many" if question.prompt.endswith(HOW_MANY_ASK) else "which"
            self.statement_forms[form] += 1
            if not key_from_truths(question):
                self.keys_not_from_truths += 1
        if question.kind == "cloze":
            self.cloze_blanks_asked.add((question.deck_id, question.card_id, question.part or "c1"))

    # -- the figures --------------------------------------------------------------------

    @property
    def coded_total(self) -> int:
        return sum(self.coded.values())

    @property
    def one_fact_share(self) -> float:
        return _share(sum(self.coded_one_fact.values()), self.coded_total)

    @property
    def longest_share(self) -> float:
        return _share(self.longest, self.choice)

    @property
    def shortest_share(self) -> float:
        return _share(self.shortest, self.choice)

    @property
    def statement_sets(self) -> int:
        return sum(self.statement_keys.values())

    @property
    def top_key_share(self) -> float:
        if not self.statement_keys:
            return 0.0
        return _share(self.statement_keys.most_common(1)[0][1], self.statement_sets)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _same_fact_pairs(questions: Sequence[Question], decks: Sequence[LoadedDeck]) -> int:
    by_key = {d.deck.id: d for d in decks}
    seen: Counter[tuple[str, ...]] = Counter()
    for question in questions:
        keys: set[tuple[str, ...]] = set()
        for deck_id, card_id in question.keys:
            loaded = by_key.get(deck_id)
            card = loaded.card(card_id) if loaded else None
            if card is not None:
                keys |= same_fact_keys(card)
        seen.update(keys)
    return sum(n - 1 for n in seen.values() if n > 1)


def cloze_blanks(decks: Sequence[LoadedDeck]) -> set[tuple[str, str, str]]:
    """Every blank of every studyable cloze card, as (deck, card, 'c1')."""
    return {
        (loaded.deck.id, card.id, f"c{i + 1}")
        for loaded in decks
        for card in loaded.studyable_cards
        if card.kind == "cloze"
        for i in range(len(card.deletions))
    }
