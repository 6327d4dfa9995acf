"""The card browser's data: every card of every loaded deck, searched and sorted.

Kept apart from the screen so it can run in a worker thread and be tested
alone. Each card becomes a `BrowseEntry` holding what the table shows and its
progress (from `Store.browse`), read from the deck cache without the cards'
bodies. The words of a search are found through the deck cache's FTS5 index
(quizapp.deck.cache.find_words), with the meaning a plain scan of each card's
lowercase text would give them (found anywhere, even inside a word); a deck not
in the cache is scanned so.

Search syntax (terms are ANDed; a leading `-` negates a term):

    words           in the card's question, answer or explanation (or its id)
    "two words"     the phrase as written
    tag:dates       the tag "dates" or one nested under it (dates::wars), as review's
                    tag filter; tag:da* a tag starting with "da"
    deck:history    the deck's id or title contains "history"
    source:hindu    the source document's id or title contains "hindu"
    kind:mcq        the card's kind (a prefix is enough: kind:order)
    is:STATE        new, learning, review, due, suspended, buried, leech,
                    draft, stale (past its valid_until), flagged
    flag:red        red, orange, green, blue, pink, turquoise, purple, any or none
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from operator import attrgetter
from typing import TYPE_CHECKING

from quizapp.core.storage.queues import fold_case, has_tag
from quizapp.core.store import FLAGS, BrowseRow, CardKey, CardProgress
from quizapp.deck.card_text import answer_text
from quizapp.deck.model import CARD_KINDS, Status

if TYPE_CHECKING:
    from quizapp.core.collection import Collection
    from quizapp.deck.loader import LoadedDeck

STATES = (
    "new",
    "learning",
    "review",
    "due",
    "suspended",
    "buried",
    "leech",
    "draft",
    "stale",
    "flagged",
)
FLAG_NAMES = {name: number for number, name in FLAGS.items()}
FIELDS = ("tag", "deck", "source", "kind", "is", "flag")


class QueryError(ValueError):
    """A search the browser cannot run; the message says what to type instead."""


@dataclass(slots=True, eq=False)
class BrowseEntry:
    key: CardKey
    order: int  # position in the loaded decks, deck by deck: "deck order"
    kind: str
    prompt: str
    answer: str
    tags: tuple[str, ...]
    tag_text: str  # " tag tag ", case folded as the tag filter compares them
    document: str  # source document id, "" when it cites none
    deck_text: str  # lowercase "deck-id title", shared by the deck's cards
    source_text: str  # lowercase "document-id title", shared by the document's cards
    text: str  # lowercase id, question, answer and explanation; "" when the cache has them
    cache_key: str | None = None  # the compiled deck whose index finds this card's words
    words_id: int | None = None  # the card's words there (quizapp.deck.cache.find_words)
    state: str = "new"  # the store's: new, learning, review, relearning
    due: datetime | None = None
    lapses: int = 0
    reps: int = 0
    difficulty: float | None = None
    retrievability: float | None = None
    suspended: bool = False
    buried: bool = False
    flag: int = 0
    leech: bool = False
    draft: bool = False
    stale: bool = False
    marks: frozenset[str] = field(default_factory=frozenset)  # what `is:` matches

    @property
    def status(self) -> str:
        """One word for the table: why the card is (not) studied, else its learning state."""
        if self.draft:
            return "draft"
        if self.leech and self.suspended:
            return "leech"
        if self.suspended:
            return "suspended"
        if self.buried:
            return "buried"
        return self.state


def _marks(entry: BrowseEntry, now: datetime) -> frozenset[str]:
    marks = {entry.state}
    if entry.state == "relearning":
        marks.add("learning")
    if entry.state != "new" and entry.due is not None and entry.due <= now:
        marks.add("due")
    for name in ("suspended", "buried", "leech", "draft", "stale"):
        if getattr(entry, name):
            marks.add(name)
    if entry.flag:
        marks.add("flagged")
    return frozenset(marks)


def _apply(entry: BrowseEntry, row: BrowseRow, now: datetime) -> None:
    entry.state = row.state
    entry.due = row.due
    entry.lapses = row.lapses
    entry.reps = row.reps
    entry.difficulty = row.difficulty
    entry.retrievability = row.retrievability
    entry.suspended = row.suspended
    entry.buried = row.buried
    entry.flag = row.flag
    entry.leech = row.leech
    entry.marks = _marks(entry, now)


def iter_entries(
    decks: Sequence[LoadedDeck], rows: Iterable[BrowseRow], now: datetime
) -> Iterator[BrowseEntry]:
    """Every card of `decks`, in deck order, with its progress from `rows` (Store.browse)."""
    progress = {row.key: row for row in rows}
    today = now.date()
    order = 0
    for loaded in decks:
        deck_id = loaded.id
        deck_text = f"{deck_id} {loaded.title}".lower()
        sources = {
            doc_id: f"{doc_id} {doc.meta.title}".lower() for doc_id, doc in loaded.documents.items()
        }
        cards = loaded.browse_rows()
        cache_key = loaded.compiled.key if cards and cards[0].words_id is not None else None
        for card in cards:
            entry = BrowseEntry(
                key=CardKey(deck_id, card.card_id),
                order=order,
                kind=card.kind,
                prompt=card.prompt,
                answer=card.answer,
                tags=tuple(card.tags),
                tag_text=fold_case(f" {' '.join(card.tags)} "),
                document=card.document,
                deck_text=deck_text,
                source_text=sources.get(card.document, card.document),
                text=card.words,
                cache_key=cache_key,
                words_id=card.words_id,
                draft=card.status is Status.draft,
                stale=card.valid_until is not None and card.valid_until < today,
            )
            row = progress.get(entry.key)
            if row is None:
                entry.marks = _marks(entry, now)
            else:
                _apply(entry, row, now)
            order += 1
            yield entry


def prepare_search(
    entries: Sequence[BrowseEntry], cancelled: Callable[[], bool] = lambda: False
) -> None:
    """Index the words of the entries' compiled decks, which the first search would otherwise
    wait for (seconds at 100,000 cards, once per deck file's content): run it in a worker."""
    from quizapp.deck import cache

    keys = sorted({e.cache_key for e in entries if e.cache_key is not None})
    cache.index_words(keys, cancelled)


def build_entries(
    decks: Sequence[LoadedDeck], rows: Iterable[BrowseRow], now: datetime
) -> list[BrowseEntry]:
    return list(iter_entries(decks, rows, now))


def load_entries(collection: Collection) -> list[BrowseEntry]:
    """The collection's cards with their progress now (reads the database: run it in a worker)."""
    store = collection.store
    return build_entries(collection.decks, store.browse(), store.clock.now())


def refresh_entry(entry: BrowseEntry, progress: CardProgress, now: datetime) -> None:
    """Bring an entry up to date after the learner marked its card (suspend, flag, reset...)."""
    entry.state = progress.state
    entry.due = progress.due if progress.state != "new" else None
    entry.lapses = progress.lapses
    entry.reps = progress.reps
    entry.difficulty = progress.difficulty
    if progress.stability is None:
        entry.retrievability = None  # reset: nothing to recall from
    entry.suspended = progress.suspended
    entry.buried = progress.buried_until is not None
    entry.flag = progress.flag
    entry.leech = progress.leech
    entry.marks = _marks(entry, now)


# -- searching ---------------------------------------------------------------------------

Test = Callable[[BrowseEntry], bool]
_TOKEN = re.compile(r'(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S*))')


@dataclass(frozen=True)
class Query:
    """A parsed search: each test must pass (each negated one must fail)."""

    text: str
    tests: tuple[tuple[Test, bool], ...] = ()

    @property
    def everything(self) -> bool:
        return not self.tests

    def matches(self, entry: BrowseEntry) -> bool:
        return all(test(entry) is not negated for test, negated in self.tests)


def _kind_test(value: str) -> Test:
    wanted = value.replace("-", "_").replace("/", "_")
    if wanted in {"tf", "truefalse"}:
        wanted = "true_false"
    kinds = {k for k in CARD_KINDS if k.startswith(wanted)}
    if not kinds:
        raise QueryError(
            f"no kind of card is called {value!r}: kind: takes {', '.join(CARD_KINDS)}"
        )
    return lambda e: e.kind in kinds


def _flag_test(value: str) -> Test:
    if value == "any":
        return lambda e: e.flag != 0
    if value in {"none", "0"}:
        return lambda e: e.flag == 0
    number = FLAG_NAMES.get(value) or (int(value) if value in {str(n) for n in FLAGS} else None)
    if number is None:
        raise QueryError(
            f"no flag is called {value!r}: flag: takes {', '.join(FLAGS.values())}, any or none"
        )
    return lambda e: e.flag == number


def _is_test(value: str) -> Test:
    if value == "flag":
        value = "flagged"
    if value not in STATES:
        raise QueryError(f"{value!r} is not a state: is: takes {', '.join(STATES)}")
    return lambda e: value in e.marks


def _tag_test(value: str) -> Test:
    """The tag or the tags nested under it, as the study filter picks them (has_tag); with
    `*`, as Anki's tag search: any run of characters there."""
    tag = fold_case(value)
    if "*" not in tag:
        return lambda e: has_tag(e.tag_text, tag)
    pattern = re.escape(tag).replace(r"\*", "[^ ]*")
    found = re.compile(f" (?=[^ ]){pattern}(?:::[^ ]*)? ").search  # tag:* a card with tags
    return lambda e: found(e.tag_text) is not None


@dataclass(frozen=True, slots=True)
class _Words:
    """A search's words: in the card's text as written, anywhere (even inside a word)."""

    value: str
    # The cards of indexed decks holding them, once looked up: by their words ids, or (when
    # the cache could not be read) by their keys.
    found: frozenset[int] | frozenset[CardKey] | None = None

    def __call__(self, entry: BrowseEntry) -> bool:
        if entry.cache_key is not None and self.found is not None:
            return entry.words_id in self.found or entry.key in self.found
        return self.value in entry.text


def _term(name: str | None, value: str) -> Test | None:
    if name == "tag":
        return _tag_test(value)
    value = value.lower()
    if name == "deck":
        return lambda e: value in e.deck_text
    if name == "source":
        return lambda e: value in e.source_text
    if name == "kind":
        return _kind_test(value)
    if name == "flag":
        return _flag_test(value)
    if name == "is":
        return _is_test(value)
    return _Words(value)


def parse_query(text: str) -> Query:
    """Read what the learner typed; raises QueryError with what to type instead."""
    tests: list[tuple[Test, bool]] = []
    for match in _TOKEN.finditer(text):
        minus, name, quoted, bare = match.groups()
        value = quoted if quoted is not None else bare or ""  # tags compare as the filter does
        name = name.lower() if name else None
        if name is not None and name not in FIELDS:
            value, name = f"{name}:{value}", None  # e.g. "10:30" is just text
        if not value:
            if name is not None:
                raise QueryError(f"{name}: needs a value, e.g. {_EXAMPLES[name]}")
            continue
        tests.append((_term(name, value), bool(minus)))
    return Query(text, tuple(tests))


_EXAMPLES = {
    "tag": "tag:dates",
    "deck": "deck:history",
    "source": "source:hindu",
    "kind": "kind:mcq",
    "is": "is:due",
    "flag": "flag:red",
}


def search(
    entries: Sequence[BrowseEntry],
    query: Query,
    *,
    decks: Sequence[LoadedDeck] = (),
    cancelled: Callable[[], bool] | None = None,
    chunk: int = 5000,
) -> list[BrowseEntry] | None:
    """The entries matching `query`, in their order; None if `cancelled()` said to stop.
    ``decks``: the loaded decks, read only if the deck cache cannot be (to find words)."""
    if query.everything:
        return list(entries)
    keys = sorted({e.cache_key for e in entries if e.cache_key is not None})
    tests = []
    for test, negated in query.tests:
        if isinstance(test, _Words) and keys:
            test = _Words(test.value, _found_words(keys, test.value, decks))
        tests.append((test, negated))
    query = replace(query, tests=tuple(tests))
    matches: list[BrowseEntry] = []
    test = query.matches
    for start in range(0, len(entries), chunk):
        if cancelled is not None and cancelled():
            return None
        matches.extend([e for e in entries[start : start + chunk] if test(e)])
    return matches


def _found_words(
    keys: list[str], value: str, decks: Sequence[LoadedDeck]
) -> frozenset[int] | frozenset[CardKey]:
    """The words ids of the cards of the compiled decks ``keys`` holding ``value``, from the
    deck cache's index; their keys, read from ``decks``, when the cache cannot answer."""
    from quizapp.deck import cache
    from quizapp.deck.card_text import search_text

    found = cache.find_words(keys, value)
    if found is not None:
        return frozenset(found)
    wanted = set(keys)
    return frozenset(
        CardKey(loaded.id, card.id)
        for loaded in decks
        if loaded.compiled is not None and loaded.compiled.key in wanted
        for card in loaded.deck.cards
        if value in search_text(card, answer_text(card))
    )


# -- sorting -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SortOrder:
    name: str
    label: str
    attribute: str
    descending: bool  # the useful way first: most lapses, hardest, least likely recalled


SORT_ORDERS = (
    SortOrder("deck", "deck order", "order", False),
    SortOrder("due", "due date", "due", False),
    SortOrder("lapses", "lapses", "lapses", True),
    SortOrder("difficulty", "difficulty", "difficulty", True),
    SortOrder("retrievability", "retrievability", "retrievability", False),
)


def sort_entries(
    entries: list[BrowseEntry], order: SortOrder, *, reverse: bool = False
) -> list[BrowseEntry]:
    """Sorted by `order` (flipped by `reverse`); cards without a value (new ones) come last,
    in deck order. Ties keep deck order."""
    value = attrgetter(order.attribute)
    known = [e for e in entries if value(e) is not None]
    unknown = [e for e in entries if value(e) is None]
    descending = order.descending != reverse
    # Stable either way round: entries arrive in deck order, so ties stay in it.
    known.sort(key=value, reverse=descending)
    return known + unknown


def count_text(shown: int, total: int) -> str:
    """'12,345 of 100,000 cards'."""
    noun = "card" if total == 1 else "cards"
    return f"{shown:,} of {total:,} {noun}"
