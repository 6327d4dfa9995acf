"""The learner's collection: the loaded decks and their progress store, together.

The UI and the command line open one of these; it syncs every loaded deck
into the store (skipping decks whose file has not changed) and answers the
questions a screen asks: which decks, how many cards due, which card is next.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from quizapp.core.clock import Clock
from quizapp.core.parameters import with_saved_parameters
from quizapp.core.settings import Settings
from quizapp.core.storage.queues import stored_tags  # documents filtered through the tag index
from quizapp.core.store import FLAGS, CardKey, Counts, DeckCard, Store, TagCount
from quizapp.deck.loader import LoadedDeck, LoadResult, load_decks
from quizapp.deck.model import Status
from quizapp.deck.problems import Problem


class Filters(NamedTuple):
    """What the learner narrowed studying to: cards with any of ``tags`` and citing any of
    ``sources`` (document ids); empty means any. Counted and studied alike."""

    tags: Sequence[str] = ()
    sources: Sequence[str] = ()


@dataclass
class DeckSummary:
    id: str
    title: str
    cards: int
    counts: Counts
    documents: list[str]
    path: Path


@dataclass
class Collection:
    decks: list[LoadedDeck]
    store: Store
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def open(
        cls,
        deck_paths: Iterable[Path],
        db_path: Path | str,
        *,
        clock: Clock | None = None,
        settings: Settings | None = None,
    ) -> Collection:
        return cls.from_decks(load_decks(deck_paths), db_path, clock=clock, settings=settings)

    @classmethod
    def from_decks(
        cls,
        result: LoadResult,
        db_path: Path | str,
        *,
        clock: Clock | None = None,
        settings: Settings | None = None,
    ) -> Collection:
        # Checks the file first (a broken one is named, never touched) and takes the backup
        # due: before a migration, else the day's first.
        return cls.from_store(result, Store.open(db_path, clock=clock, settings=settings))

    @classmethod
    def from_store(cls, result: LoadResult, store: Store) -> Collection:
        """The decks synced into a store already open (e.g. a copy in memory)."""
        # Parameters fitted to this learner's reviews (`quizapp optimize`) take effect here.
        store = store.with_settings(with_saved_parameters(store.settings, store))
        collection = cls(result.decks, store, result.problems)
        for loaded in result.decks:
            collection.sync(loaded)
        return collection

    def sync(self, loaded: LoadedDeck) -> None:
        digest = loaded.content_hash or None
        first_sight = False
        if digest is None or self.store.deck_digest(loaded.id) != digest:
            cards = self._deck_cards(loaded)
            report = self.store.sync_deck(loaded.id, cards, digest=digest)
            first_sight = bool(cards) and len(report.added) == len(cards)
        self._import_history(loaded)
        if first_sight:  # the store's first sight of the deck
            self._import_state(loaded)

    @staticmethod
    def _deck_cards(loaded: LoadedDeck) -> list[DeckCard]:
        """What the store registers of each card: from the compiled deck when there is one
        (content hashes worked out once, when the file was compiled)."""
        if loaded.compiled is not None:
            return [
                DeckCard(
                    card_id,
                    content,
                    previous,
                    stored_tags(tags, doc),
                    studyable,
                    kind,
                    group,
                    quote,
                    rank,
                )
                for card_id, content, previous, tags, studyable, kind, group, quote, doc, rank in (
                    loaded.compiled.sync_rows()
                )
            ]
        return [
            DeckCard(
                card.id,
                card.content_hash(),
                list(card.previous_ids),
                stored_tags(card.tags, card.source.document if card.source else None),
                card.status is Status.reviewed,
                card.kind,
                card.siblings,
                card.source.quote if card.source else None,
            )
            for card in loaded.deck.cards
        ]

    def _import_history(self, loaded: LoadedDeck) -> None:
        """Review history imported with a deck (DECK.history.csv beside it) becomes progress."""
        history = loaded.path.with_name(loaded.path.stem + ".history.csv")
        if not history.is_file() or self.store.deck_has_reviews(loaded.id):
            return  # nothing to import, or imported already: don't read the file again
        from quizapp.core.optimize import OptimizeError, load_review_csv

        try:
            rows = load_review_csv(history)
        except OptimizeError as problem:
            self.problems.append(Problem(history, 0, 0, str(problem), severity="warning"))
            return
        self.store.import_history(
            loaded.id,
            ((str(r.card_key), r.rating, r.reviewed_at, r.duration_ms) for r in rows),
        )

    def _import_state(self, loaded: LoadedDeck) -> None:
        """Cards suspended, buried or flagged in Anki (DECK.state.csv beside the deck) come
        so, and reviewed cards keep Anki's due date and FSRS memory state."""
        path = loaded.path.with_name(loaded.path.stem + ".state.csv")
        if not path.is_file():
            return
        import csv

        try:
            with path.open(newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            keys = [CardKey(loaded.id, r["card_id"]) for r in rows]
            marks = [
                (key, r["suspended"] == "1", r["buried"] == "1", int(r["flag"] or 0))
                for key, r in zip(keys, rows, strict=True)
            ]
            schedules = [
                (
                    key,
                    _aware(datetime.fromisoformat(r["due"])),
                    float(r["stability"]) if r["stability"] else None,
                    float(r["difficulty"]) if r["difficulty"] else None,
                )
                for key, r in zip(keys, rows, strict=True)
                if r["due"]
            ]
        except (OSError, UnicodeDecodeError, csv.Error, KeyError, TypeError, ValueError) as exc:
            message = f"cannot read the card states imported from Anki: {exc}"
            self.problems.append(Problem(path, 0, 0, message, severity="warning"))
            return
        self.store.suspend(key for key, suspended, _, _ in marks if suspended)
        buried = [key for key, _, is_buried, _ in marks if is_buried]
        if buried:
            self.store.bury(buried)
        for flag in FLAGS:
            self.store.set_flag((key for key, _, _, f in marks if f == flag), flag)
        for key, due, stability, difficulty in schedules:
            self.store.keep_schedule(key, due, stability, difficulty)

    def reload(self, deck_id: str) -> list[Problem]:
        """Read one deck's file again after an edit; on errors the loaded deck is kept."""
        from quizapp.deck.loader import load_deck

        index = self.deck_ids.index(deck_id)
        loaded, problems = load_deck(self.decks[index].path)
        if loaded is not None and loaded.id == deck_id:
            self.decks[index] = loaded
            self.sync(loaded)
        return [p for p in problems if p.severity == "error"]

    def close(self) -> None:
        self.store.close()

    # -- looking things up -------------------------------------------------------

    def deck(self, deck_id: str) -> LoadedDeck:
        for loaded in self.decks:
            if loaded.id == deck_id:
                return loaded
        raise KeyError(deck_id)

    def card(self, key: CardKey):
        card = self.deck(key.deck_id).card(key.card_id)
        if card is None:
            raise KeyError(key)
        return card

    @property
    def deck_ids(self) -> list[str]:
        return [d.id for d in self.decks]

    def summaries(self, tag: str | None = None, source: str | None = None) -> list[DeckSummary]:
        """Each deck with what there is to study now, counting only cards with ``tag`` and
        quoting the document ``source`` when given (as `next_card` studies them)."""
        counts = self.store.counts(
            self.deck_ids, tags=(tag,) if tag else (), sources=(source,) if source else ()
        )
        return [
            DeckSummary(
                id=d.id,
                title=d.title,
                cards=d.studyable_count,
                counts=counts.get(d.id, Counts(0, 0, 0)),
                documents=[doc.citation for doc in d.documents.values()],
                path=d.path,
            )
            for d in self.decks
        ]

    def tags(self) -> list[TagCount]:
        """What the tag filter offers: every tag of the loaded decks' cards and every tag above
        one, parents first, with the cards each picks (as `summaries` counts them)."""
        return self.store.tags(self.deck_ids)

    def documents(self) -> dict[str, str]:
        """Document id -> citation, for every document a loaded deck cites."""
        return {k: v.citation for d in self.decks for k, v in d.documents.items()}

    # -- what to study -------------------------------------------------------------

    # Each takes the filters as the counts do (`summaries`, `Store.counts`): cards with any of
    # ``tags`` and citing any of ``sources`` (document ids), so what is counted is studied.

    def next_card(
        self,
        deck_ids: Sequence[str],
        tags: Sequence[str] | None = None,
        sources: Sequence[str] | None = None,
    ) -> CardKey | None:
        return self.store.next_card(deck_ids, tags=tags, sources=sources)

    def remaining(
        self,
        deck_ids: Sequence[str],
        tags: Sequence[str] | None = None,
        sources: Sequence[str] | None = None,
    ) -> int:
        return self.store.remaining(deck_ids, tags=tags, sources=sources)

    def practice_keys(
        self,
        deck_ids: Sequence[str],
        tags: Sequence[str] | None = None,
        sources: Sequence[str] | None = None,
        limit: int = 50,
    ) -> list[CardKey]:
        return self.store.practice_queue(deck_ids, tags=tags, sources=sources, limit=limit)


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"due {moment.isoformat()} has no time zone")
    return moment
