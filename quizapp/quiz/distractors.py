"""Wrong options for multiple-choice questions, of the same kind as the answer.

The deck author's own distractors come first. Missing ones are drawn from the
answers of the same ``answer_type`` in every loaded deck (a country for a
country, a person for a person), and for answers with a number in them
(years, dates, article numbers, quantities) from nearby values, so that a
wrong option is always a plausible one; a reserve of common countries, places
and organisations makes up for decks with few of those. No option ever
equals the answer (or a spelling the card accepts, or another name of the
same thing, as "USSR" for "Soviet Union") once case, typography and
thousands separators are folded, and no option appears twice. The caller's ``random.Random``
makes every draw reproducible from a seed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from random import Random

from quizapp.deck.loader import LoadedDeck
from quizapp.deck.model import AnswerType, Deck, Status, offered_answers
from quizapp.deck.wording import contains_words, normalise
from quizapp.quiz.reserve import RESERVE, canonical

__all__ = ["AnswerPool", "PoolEntry", "choose_distractors", "contains_words", "normalise"]

YEAR_WINDOW = 10  # distractor years lie within this many years of the answer
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"^-?\d{1,4}$")
_ARTICLE = re.compile(
    r"^(?P<prefix>.*?\b(?:article|art\.?)\s*)(?P<number>\d+)(?P<suffix>.*)$", re.I
)


@dataclass(frozen=True)
class PoolEntry:
    """One answer (or authored distractor) of a loaded card, offered to other cards."""

    text: str
    answer_type: AnswerType
    deck_id: str
    card_id: str
    tags: frozenset[str]
    is_answer: bool  # False: another card's authored distractor (a weaker candidate)


class AnswerPool:
    """Answers of every studyable card in the loaded decks, grouped by answer type."""

    def __init__(
        self,
        entries: Iterable[PoolEntry],
        *,
        of_type: Callable[[AnswerType], Iterable[PoolEntry]] | None = None,
    ) -> None:
        """``of_type``: where the entries of an answer type are read the first time that type
        is asked for (the compiled decks), instead of all of them up front."""
        self._by_type: dict[AnswerType, list[PoolEntry]] = {}
        for entry in entries:
            self._by_type.setdefault(entry.answer_type, []).append(entry)
        self._of_type = of_type

    @classmethod
    def from_decks(cls, decks: Iterable[Deck]) -> AnswerPool:
        return cls(entry for deck in decks for entry in _entries(deck))

    @classmethod
    def for_loaded(cls, decks: Iterable[LoadedDeck]) -> AnswerPool:
        """The pool of loaded decks: a compiled deck's entries are read from the deck cache,
        one answer type at a time when first asked for; the others' from their cards."""
        decks = list(decks)
        compiled = {d.compiled.key: d.id for d in decks if d.compiled is not None}
        entries = [e for d in decks if d.compiled is None for e in _entries(d.deck)]
        if not compiled:
            return cls(entries)

        def of_type(answer_type: AnswerType) -> Iterator[PoolEntry]:
            from quizapp.deck import cache

            yield from (e for e in entries if e.answer_type is answer_type)
            tags: dict[str, frozenset[str]] = {}  # one set per distinct tag list
            for key, text, card_id, tag_list, is_answer in cache.pool_rows(
                list(compiled), answer_type.value
            ):
                found = tags.get(tag_list)
                if found is None:
                    found = tags[tag_list] = frozenset(tag_list.split())
                yield PoolEntry(text, answer_type, compiled[key], card_id, found, bool(is_answer))

        return cls([], of_type=of_type)

    def entries(self, answer_type: AnswerType) -> list[PoolEntry]:
        answer_type = AnswerType(answer_type)
        if self._of_type is not None and answer_type not in self._by_type:
            self._by_type[answer_type] = list(self._of_type(answer_type))
        return list(self._by_type.get(answer_type, ()))

    def texts(self, answer_type: AnswerType) -> set[str]:
        """Normalised answers and distractors of this type: what 'same type' means."""
        return {normalise(e.text) for e in self.entries(answer_type)}


def _entries(deck: Deck) -> Iterator[PoolEntry]:
    for card in deck.cards:
        # Drafts are unchecked: their answers might be wrong, so they never feed a quiz.
        if card.status is not Status.reviewed:
            continue
        tags = frozenset(card.tags)
        for text, kind, is_answer in offered_answers(card):
            yield PoolEntry(text, kind, deck.id, card.id, tags, is_answer)


def choose_distractors(
    answer: str,
    answer_type: AnswerType,
    pool: AnswerPool,
    rng: Random,
    *,
    authored: Sequence[object] = (),
    exclude: Iterable[str] = (),
    tags: Iterable[str] = (),
    context: str = "",
    count: int = 3,
) -> list[str]:
    """Up to ``count`` distinct wrong options for ``answer``, authored ones first.

    ``exclude`` lists other spellings of the answer (a card's ``accept``); ``tags``
    are the card's own, so that pool answers on the same topic are preferred;
    ``context`` is the question's text: a drawn option named in it ("Kim Il-sung
    thanked _____") would be absurd, so none is drawn from it. Authored
    distractors are always kept.
    Fewer than ``count`` come back only when the decks hold too few answers of
    this type and none can be made from a number or taken from the reserve of
    countries, places and organisations.
    """
    taken = {canonical(normalise(answer))} | {canonical(normalise(x)) for x in exclude}
    # Options are compared word by word too: none may be a whole-word part of another
    # ("Security Council" beside "National Security Council").
    words = [normalise(answer).split(), *(normalise(x).split() for x in exclude)]
    mentioned = f" {normalise(context)} "

    def eligible(candidates: Iterable[object], *, drawn: bool, limit: int) -> list[str]:
        found: list[str] = []
        for candidate in candidates:
            text = str(candidate).strip()
            key = canonical(normalise(text))
            if not key or key in taken:
                continue
            if drawn and context and f" {key} " in mentioned:
                continue
            tokens = normalise(text).split()
            if any(contains_words(tokens, other) for other in words):
                continue
            taken.add(key)
            words.append(tokens)
            found.append(text)
            if len(found) == limit:
                break
        return found

    authored_texts = [str(a) for a in authored]
    # Authored distractors come first; of more than are needed, a set is drawn.
    usable = eligible(rng.sample(authored_texts, len(authored_texts)), drawn=False, limit=-1)
    target = rng.randrange(count + 1)  # where the answer should fall among the lengths
    if len(usable) >= count:
        return _balanced(answer, usable, [], count, target)
    drawn = eligible(
        _candidates(answer, AnswerType(answer_type), pool, rng, frozenset(tags)),
        drawn=True,
        limit=max(2 * count, count - len(usable) + 3),
    )
    return _balanced(answer, usable, drawn, count, target)


def _length_rank(answer: str, wrong: Sequence[str]) -> int:
    """How many options are shorter than the answer (ties put the answer in the middle)."""
    shorter = sum(len(w) < len(answer) for w in wrong)
    ties = sum(len(w) == len(answer) for w in wrong)
    return shorter + ties // 2 if ties else shorter


def _balanced(
    answer: str, authored: list[str], drawn: list[str], count: int, target: int
) -> list[str]:
    """``count`` wrong options, authored ones first, chosen so that the answer's place
    among the options' lengths is ``target`` where possible: drawn at random for each
    question, so the right option is no more often the longest (or shortest) than any
    other. Options are never padded or trimmed to get there: only which ones are used
    changes. Among equally good sets, those ranked earlier win.
    """
    if len(authored) >= count:
        fixed, spare = [], authored
    else:
        fixed, spare = authored, drawn
    need = min(count - len(fixed), len(spare))
    best: list[str] | None = None
    best_miss = None
    # The likeliest candidates first: a less likely one is taken only to reach the target.
    for window in range(need, len(spare) + 1):
        for combo in itertools.combinations(spare[:window], need):
            if window > need and spare[window - 1] not in combo:
                continue  # seen with a smaller window
            wrong = [*fixed, *combo]
            miss = abs(_length_rank(answer, wrong) - target)
            if best_miss is None or miss < best_miss:
                best, best_miss = wrong, miss
            if miss == 0:
                return wrong
    return best if best is not None else list(fixed)


def _candidates(
    answer: str, answer_type: AnswerType, pool: AnswerPool, rng: Random, tags: frozenset[str]
) -> Iterator[str]:
    entries = pool.entries(answer_type)
    if answer_type is AnswerType.year and _YEAR.match(answer.strip()):
        yield from _near_years(int(answer), entries, rng)
    elif answer_type is AnswerType.article and _ARTICLE.match(answer.strip()):
        yield from _articles(answer.strip(), entries, rng)
    elif answer_type is AnswerType.number and _NUMBER.search(answer):
        yield from _near_numbers(answer.strip(), entries, rng)
    elif answer_type is AnswerType.date:
        yield from _ranked(answer, entries, rng, tags)
        yield from _near_dates(answer.strip(), rng)
    else:
        yield from _ranked(answer, entries, rng, tags)
        spare = RESERVE.get(answer_type, ())
        yield from rng.sample(spare, len(spare))


def _shape(text: str) -> tuple[bool, bool, int]:
    words = text.split()
    return any(ch.isdigit() for ch in text), text[:1].isupper(), len(words)


def _ranked(answer: str, entries: list[PoolEntry], rng: Random, tags: frozenset[str]) -> list[str]:
    """Pool texts, most plausible first: shaped like the answer, real answers, same topic.

    Shape matters because an option unlike the others gives itself away: a lone
    phrase with figures among names, a sentence among single words.
    """
    digits, capital, words = _shape(answer)

    def rank(entry: PoolEntry) -> int:
        has_digits, has_capital, length = _shape(entry.text)
        similar = max(1, words) / 2 <= length <= words * 2 + 1
        return (
            4 * (has_digits != digits)
            + 2 * (not similar)
            + (has_capital != capital)
            + (not entry.is_answer)
            + (not entry.tags & tags)
        )

    shuffled = rng.sample(entries, len(entries))
    return [e.text for e in sorted(shuffled, key=rank)]


def _near_years(year: int, entries: list[PoolEntry], rng: Random) -> Iterator[str]:
    # Years that matter in the decks first, then any year in the window.
    real = [int(e.text) for e in entries if _YEAR.match(e.text.strip())]
    near = [y for y in real if y != year and abs(y - year) <= YEAR_WINDOW]
    yield from (str(y) for y in rng.sample(near, len(near)))
    offsets = [d for d in range(-YEAR_WINDOW, YEAR_WINDOW + 1) if d]
    yield from (str(year + d) for d in rng.sample(offsets, len(offsets)))


def _articles(answer: str, entries: list[PoolEntry], rng: Random) -> Iterator[str]:
    match = _ARTICLE.match(answer)
    assert match is not None
    prefix, number, suffix = match["prefix"], int(match["number"]), match["suffix"]
    others = [e.text for e in entries if _ARTICLE.match(e.text.strip())]
    yield from rng.sample(others, len(others))
    # Numbers a learner confuses with it: a digit dropped or swapped, or a neighbour.
    digits = str(number)
    variants = {int(digits[:i] + digits[i + 1 :]) for i in range(len(digits)) if len(digits) > 1}
    variants |= {int(digits[::-1]), number + 1, number - 1, number + 2, number - 2, number + 10}
    variants = sorted(v for v in variants if v > 0 and v != number)
    yield from (f"{prefix}{v}{suffix}" for v in rng.sample(variants, len(variants)))


def _split_number(text: str) -> tuple[str, str, str] | None:
    match = _NUMBER.search(text)
    if match is None:
        return None
    return text[: match.start()], match.group(), text[match.end() :]


def _near_numbers(answer: str, entries: list[PoolEntry], rng: Random) -> Iterator[str]:
    prefix, digits, suffix = _split_number(answer)  # type: ignore[misc]
    unit = (normalise(prefix), normalise(suffix))
    value = float(digits.replace(",", ""))
    # Other answers counting the same thing ("24 members", "32 members") first, if near.
    same_unit = []
    for entry in entries:
        parts = _split_number(entry.text.strip())
        if parts and (normalise(parts[0]), normalise(parts[2])) == unit:
            other = float(parts[1].replace(",", ""))
            if abs(other - value) <= max(5.0, abs(value) / 2):
                same_unit.append(entry.text)
    yield from rng.sample(same_unit, len(same_unit))
    grouped = "," in digits
    places = len(digits.split(".")[1]) if "." in digits else 0
    magnitude = abs(value)
    if places:
        step = 10.0**-places
    elif magnitude < 10:
        step = 1.0
    else:  # 24 -> steps of 5, 90 -> 5, 1,200 -> 500: far enough apart to be told apart
        step = max(1.0, 10.0 ** (len(str(int(magnitude))) - 1) / 2)
    percent = re.match(r"\s*(%|per ?cent)", suffix) is not None
    steps = [k for k in range(-4, 5) if k]
    for k in rng.sample(steps, len(steps)):
        near = value + k * step
        if near < 0 <= value or (near == 0 and value > 0) or (percent and near > 100):
            continue
        text = f"{near:,.{places}f}" if grouped else f"{near:.{places}f}"
        yield f"{prefix}{text}{suffix}"


_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %Y", "%Y-%m")


def _near_dates(answer: str, rng: Random) -> Iterator[str]:
    """Dates a few days (or months) either side, written the way the answer is."""
    for form in _DATE_FORMATS:
        try:
            date = dt.datetime.strptime(answer, form).date()
        except ValueError:
            continue
        monthly = "%d" not in form
        if not monthly and not re.search(r"\b0\d\b", answer):
            form = form.replace("%d", "{day}")  # the answer writes 9 June, not 09 June
        shifts = [k for k in range(-6, 7) if k]
        for k in rng.sample(shifts, len(shifts)):
            if monthly:
                months = date.year * 12 + date.month - 1 + k
                near = dt.date(months // 12, months % 12 + 1, 1)
            else:
                near = date + dt.timedelta(days=k)
            yield near.strftime(form).replace("{day}", str(near.day))
        return
    if _YEAR.match(answer):
        yield from _near_years(int(answer), [], rng)
