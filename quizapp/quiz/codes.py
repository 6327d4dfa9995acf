"""The codes a coded question offers: match codes, orders and statement combinations.

Wrong codes are chosen so that no single fact singles out the right one (see
``facts``): every pair or "X before Y" of the key appears in at least one wrong
code, and no statement's truth alone leaves only the key. They are also chosen
so that the key does not stand out among them: it is not the one code the others
cluster around, and a per-place majority vote over the codes does not spell it.
Wrong orders are near misses (a swap or two of the key) and never contradict what
the events' own labels say ("first visit" before "second visit", signing before
ratification, a year written in the event).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from random import Random

from quizapp.quiz.facts import (
    Coded,
    answerable_from_one_fact,
    before_facts,
    pair_facts,
    truth_facts,
)

MAX_TRIES = 600  # option sets examined when there are too many to examine them all

Code = tuple


def _tells(options: Sequence[Code], correct: int, distance: Callable[[Code, Code], int]) -> int:
    """How many ways the key stands out: as the one code the others cluster around, and as
    the code a per-place majority vote spells."""
    tells = 0
    totals = [sum(distance(a, b) for b in options) for a in options]
    if totals.count(min(totals)) == 1 and totals.index(min(totals)) == correct:
        tells += 1
    key = options[correct]
    votes = [Counter(code[i] for code in options).most_common(1)[0] for i in range(len(key))]
    majority = [v == key[i] and n > len(options) / 2 for i, (v, n) in enumerate(votes)]
    if len(options) > 2 and all(majority):
        tells += 1
    return tells


def _choose(
    key: Code,
    candidates: Sequence[Code],
    count: int,
    rng: Random,
    coded: Callable[[list[Code]], Coded],
    distance: Callable[[Code, Code], int],
) -> list[Code]:
    """``count`` wrong codes from ``candidates``: the first set found that no single fact
    gives away and where the key does not stand out; failing that, the fairest one."""
    pool = rng.sample(list(candidates), len(candidates))
    if len(pool) <= count:
        return pool
    if math.comb(len(pool), count) <= MAX_TRIES:
        sets = (list(c) for c in itertools.combinations(pool, count))
    else:
        sets = (rng.sample(pool, count) for _ in range(MAX_TRIES))
    best, best_score = None, None
    for wrong in sets:
        options = [key, *wrong]
        score = 4 * answerable_from_one_fact(coded(options)) + _tells(options, 0, distance)
        if score == 0:
            return wrong
        if best_score is None or score < best_score:
            best, best_score = wrong, score
    assert best is not None
    return best


def _shuffle_in(key: Code, wrong: list[Code], rng: Random) -> tuple[list[Code], int]:
    options = [key, *wrong]
    rng.shuffle(options)
    return options, options.index(key)


def _hamming(a: Code, b: Code) -> int:
    return sum(x != y for x, y in zip(a, b, strict=True))


def _swaps(a: Code, b: Code) -> int:
    """Transpositions that turn one order into the other."""
    where = {item: i for i, item in enumerate(b)}
    seen, cycles = set(), 0
    for start in range(len(a)):
        if start in seen:
            continue
        cycles += 1
        i = start
        while i not in seen:
            seen.add(i)
            i = where[a[i]]
    return len(a) - cycles


# -- match -----------------------------------------------------------------------------


def match_codes(size: int, rng: Random, wanted: int) -> tuple[list[Code], int]:
    """Permutations (left i -> right perm[i]) of which the identity is the key."""
    key = tuple(range(size))
    others = [p for p in itertools.permutations(key) if p != key]
    # Codes that keep a pair or two of the key: a code sharing nothing with it is ruled out
    # by any one pair the student knows.
    near = [p for p in others if _hamming(p, key) <= 4] or others
    wanted = min(wanted, math.factorial(size))

    def coded(options: list[Code]) -> Coded:
        return Coded(tuple(frozenset([o]) for o in options), 0, pair_facts(key, size))

    wrong = _choose(key, near, wanted - 1, rng, coded, _hamming)
    return _shuffle_in(key, wrong, rng)


# -- ordering --------------------------------------------------------------------------

_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
}
# Steps a treaty goes through, in the order they must happen.
_STAGES = (
    (0, re.compile(r"\b(negotiat\w*|propos\w*|draft(s|ed)?)\b", re.I)),
    (1, re.compile(r"\b(sign|signs|signed|signing)\b", re.I)),
    (2, re.compile(r"\b(ratif\w*)\b", re.I)),
    (3, re.compile(r"\b(enters?|entered|entry|came|comes)\s+into\s+force\b", re.I)),
    (4, re.compile(r"\b(expire[sd]?|lapse[sd]?|terminat\w*|annul\w*|scrap\w*)\b", re.I)),
)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_WORD = re.compile(r"[\w']+")


def _ordinal(text: str) -> tuple[tuple[str, ...], int, str] | None:
    """('kim jong-un's', 2, 'visit') for "Kim Jong-un's second visit to Russia"."""
    words = [w.casefold() for w in _WORD.findall(text)]
    for i, word in enumerate(words):
        if word in _ORDINALS and i + 1 < len(words):
            return tuple(words[:i]), _ORDINALS[word], words[i + 1]
    return None


def _stage(text: str) -> int | None:
    found = [rank for rank, pattern in _STAGES if pattern.search(text)]
    return found[0] if len(found) == 1 else None


def implied_order(events: Sequence[str]) -> set[tuple[int, int]]:
    """(i, j) for events whose own wording says event i came before event j.

    "X's first visit" comes before "X's second visit" (same words before the ordinal and
    the same thing counted), a signing before a ratification before an entry into force,
    and an event naming an earlier year before one naming a later year.
    """
    implied: set[tuple[int, int]] = set()
    for i, j in itertools.permutations(range(len(events)), 2):
        a, b = events[i], events[j]
        first, second = _ordinal(a), _ordinal(b)
        same_count = first and second and first[0] == second[0] and first[2] == second[2]
        if same_count and first[1] < second[1]:
            implied.add((i, j))
        stage_a, stage_b = _stage(a), _stage(b)
        if stage_a is not None and stage_b is not None and stage_a < stage_b:
            implied.add((i, j))
        years_a, years_b = _YEAR.findall(a), _YEAR.findall(b)
        if len(set(years_a)) == 1 and len(set(years_b)) == 1 and years_a[0] < years_b[0]:
            implied.add((i, j))
    return implied


def _respects(order: Code, implied: set[tuple[int, int]]) -> bool:
    return all(order.index(i) < order.index(j) for i, j in implied)


def order_codes(events: Sequence[str], rng: Random, wanted: int) -> tuple[list[Code], int]:
    """Orders of event indexes (``events`` are listed earliest first, so the key is the
    identity): near misses that never contradict the events' own labels."""
    size = len(events)
    key = tuple(range(size))
    implied = {(i, j) for i, j in implied_order(events) if i < j}
    others = [p for p in itertools.permutations(key) if p != key]
    respecting = [p for p in others if _respects(p, implied)] or others
    wanted = min(wanted, len(respecting) + 1)
    candidates = [p for p in respecting if _swaps(p, key) <= 2]
    if len(candidates) < wanted - 1:  # the labels leave few near misses: take farther ones
        candidates = respecting

    def coded(options: list[Code]) -> Coded:
        return Coded(tuple(frozenset([o]) for o in options), 0, before_facts(key))

    wrong = _choose(key, candidates, wanted - 1, rng, coded, _swaps)
    return _shuffle_in(key, wrong, rng)


# -- statement sets ---------------------------------------------------------------------


def _subset_order(subset: tuple[bool, ...]) -> tuple:
    """UPSC lists combinations naturally: single statements first, 'none' last."""
    numbers = tuple(i for i, t in enumerate(subset, 1) if t)
    return (not numbers, len(numbers), numbers)


def which_codes(truths: Sequence[bool], rng: Random, wanted: int) -> tuple[list[Code], int]:
    """Combinations of statement numbers ('1 and 3 only'), as truth tuples."""
    size = len(truths)
    key = tuple(truths)
    everything = list(itertools.product((True, False), repeat=size))
    if size == 2:
        # UPSC's two-statement form always offers all four: 1 only, 2 only, both, neither.
        options = sorted(everything, key=_subset_order)
        return options, options.index(key)
    others = [w for w in everything if w != key]

    def coded(options: list[Code]) -> Coded:
        return Coded(tuple(frozenset([o]) for o in options), 0, truth_facts(key))

    wrong = _choose(key, others, wanted - 1, rng, coded, _hamming)
    options = sorted([key, *wrong], key=_subset_order)
    return options, options.index(key)


def count_codes(truths: Sequence[bool], rng: Random, wanted: int) -> tuple[list[int], int]:
    """How many statements are correct: 'Only one', 'Only two', 'All three', 'None'."""
    size = len(truths)
    key = sum(truths)
    counts = list(range(size + 1))
    while len(counts) > wanted:
        # Four statements give five counts: one wrong count is left out, at random.
        counts.remove(rng.choice([c for c in counts if c != key]))
    options = sorted(counts, key=lambda c: (c == 0, c))
    return options, options.index(key)


def count_option(count: int, size: int) -> str:
    words = ("None", "one", "two", "three", "four")
    if count == 0:
        return "None"
    if count == size:
        return "Both" if size == 2 else f"All {words[size]}"
    return f"Only {words[count]}"
