"""What a single fact gives away: the test a test-wise student applies to a coded question.

A match, ordering or statement question offers codes ("A-2, B-1, C-3", "B-A-D-C",
"1 and 3 only", "Only two"). Each code claims a possible state of the world: which
right item goes with each left item, which event came first, which statements are
true. A *fact* is one pair (A goes with 2, or not), one "X before Y", or one
statement's truth. A question is answerable from one fact when knowing some single
fact, true in the real world, leaves exactly one code standing: the student needs to
know nothing else. These functions work on the codes alone, so a paper read back
from JSON is judged exactly as the engine judged it when dealing it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

World = Hashable
Fact = Callable[[World], bool]

COMPOSITE_QUESTION_KINDS = ("match", "ordering", "statements")
COUNT_WORDS = ("none", "one", "two", "three", "four")


@dataclass(frozen=True)
class Coded:
    """A coded question: per option the worlds it allows, the facts true of the real world."""

    options: tuple[frozenset[World], ...]
    correct: int
    facts: tuple[Fact, ...]


def answerable_from_one_fact(coded: Coded) -> bool:
    """True when some single fact rules out every option but the right one."""
    for fact in coded.facts:
        standing = [i for i, worlds in enumerate(coded.options) if any(map(fact, worlds))]
        if standing == [coded.correct]:
            return True
    return False


# -- the facts of each kind --------------------------------------------------------------


def pair_facts(key: Sequence[int], size: int) -> tuple[Fact, ...]:
    """Match: 'left i goes with right j' for every i, j, with its truth in ``key``."""
    return tuple(
        (lambda w, i=i, j=j, truth=key[i] == j: (w[i] == j) == truth)
        for i in range(len(key))
        for j in range(size)
    )


def before_facts(key: Sequence[int]) -> tuple[Fact, ...]:
    """Ordering: 'x happened before y' for every two events, as ``key`` orders them.

    A world is a sequence of event ids, earliest first."""
    facts = []
    for earlier, later in itertools.combinations(key, 2):
        facts.append(lambda w, x=earlier, y=later: w.index(x) < w.index(y))
    return tuple(facts)


def truth_facts(truths: Sequence[bool]) -> tuple[Fact, ...]:
    """Statements: 'statement i is true' (or false), one fact per statement."""
    return tuple((lambda w, i=i, t=t: w[i] == t) for i, t in enumerate(truths))


def worlds_with_count(size: int, count: int) -> frozenset[tuple[bool, ...]]:
    return frozenset(w for w in itertools.product((True, False), repeat=size) if sum(w) == count)


def subset_world(numbers: Iterable[int], size: int) -> tuple[bool, ...]:
    """'1 and 3 only' of three statements as (True, False, True)."""
    chosen = set(numbers)
    return tuple(i in chosen for i in range(1, size + 1))


# -- reading codes back from a question's options ----------------------------------------

_LETTER_PAIR = re.compile(r"([A-H])-(\d)")
_NUMBER = re.compile(r"\d")


def parse_match(option: str) -> tuple[int, ...] | None:
    pairs = _LETTER_PAIR.findall(option)
    if not pairs:
        return None
    return tuple(int(number) - 1 for _letter, number in sorted(pairs))


def parse_order(option: str) -> tuple[int, ...] | None:
    letters = option.split("-")
    if not all(len(x) == 1 and x.isalpha() for x in letters):
        return None
    return tuple(ord(x) - ord("A") for x in letters)


def parse_count(option: str, size: int) -> int | None:
    """'Only two' -> 2, 'All three' -> 3, 'None' -> 0; None when not a count."""
    words = option.lower().replace(",", " ").split()
    if not words:
        return None
    if words[0] == "none":
        return 0
    if words[0] == "all" or words == ["both"]:
        return size
    for word in words:
        if word in COUNT_WORDS:
            return COUNT_WORDS.index(word)
    return None


def parse_subset(option: str, size: int) -> tuple[bool, ...] | None:
    text = option.lower()
    if text.startswith(("none", "neither")):
        return subset_world((), size)
    numbers = [int(n) for n in _NUMBER.findall(text)]
    if not numbers:
        return None
    return subset_world(numbers, size)


def coded_question(
    kind: str, options: Sequence[str], correct: int, truths: Sequence[bool] = ()
) -> Coded | None:
    """The coded form of a question's options; None for a kind that is not coded.

    ``truths`` are a statement set's statements' truth, in the numbering shown.
    """
    if kind == "match":
        perms = [parse_match(o) for o in options]
        if None in perms:
            return None
        key = perms[correct]
        return Coded(tuple(frozenset([p]) for p in perms), correct, pair_facts(key, len(key)))
    if kind == "ordering":
        orders = [parse_order(o) for o in options]
        if None in orders:
            return None
        return Coded(tuple(frozenset([o]) for o in orders), correct, before_facts(orders[correct]))
    if kind == "statements" and truths:
        size = len(truths)
        worlds: list[frozenset] = []
        which = statement_form(options) == "which"
        for option in options:
            if which:
                subset = parse_subset(option, size)
                allowed = None if subset is None else frozenset([subset])
            else:
                count = parse_count(option, size)
                allowed = None if count is None else worlds_with_count(size, count)
            if allowed is None:
                return None
            worlds.append(allowed)
        return Coded(tuple(worlds), correct, truth_facts(truths))
    return None


def statement_form(options: Sequence[str]) -> str:
    """'how_many' when the options are counts, else 'which'."""
    return "which" if any(_NUMBER.search(o) for o in options) else "how_many"
