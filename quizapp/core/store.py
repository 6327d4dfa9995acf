"""The learner's progress: FSRS card states and an append-only review log in SQLite.

Rules the rest of the app relies on:

* Every answer is committed (WAL, one transaction) before `answer` returns,
  so the next card is never shown before the last answer is safe.
* Only answers in review mode change a card's FSRS state. Practice (cram)
  answers are logged and change nothing. Quiz and exam answers are logged;
  recognising an option is easier than recalling an answer, so a right one
  leaves the schedule alone, while a wrong one makes the card due now (its
  stability untouched) so the next review session brings it back first. A
  card still new stays new (it has no memory state to keep) but is due now,
  so it comes first among the new cards, within the daily new-card limit.
* A review's fuzz is seeded per card, from its identity and repetitions as Anki
  seeds it: the same answer to the same card gives the same due date, whatever
  else the process (or another thread) draws.
* Undo restores everything an answer changed, the "changed since last
  review" flag included, and deletes its log row, in one transaction.
* Loading a deck never rewrites history: a reworded card keeps its progress
  (and is flagged as changed until reviewed again), a removed card is kept
  and comes back with it, a renamed card carries its history over when the
  deck lists its old id in `previous_ids`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

from quizapp.core import scheduling
from quizapp.core.clock import Clock, SystemClock
from quizapp.core.settings import Settings
from quizapp.core.storage import cards, marks, queues, revlog
from quizapp.core.storage.db import (
    NewerDatabaseError,
    StoreError,
    open_database,
    peek_database,
)
from quizapp.core.storage.records import (
    FLAGS,
    LEARNING,
    NEW,
    RELEARNING,
    REVIEW,
    STATE_NAMES,
    SUSPENDED_AS_LEECH,
    SUSPENDED_BY_LEARNER,
    AnswerResult,
    BrowseRow,
    CardKey,
    CardProgress,
    CardReport,
    Counts,
    DeckCard,
    Mode,
    Rating,
    ReviewRecord,
    SyncReport,
    TagCount,
    from_ms,
    is_leech_lapse,
    to_ms,
)
from quizapp.deck.transaction import transaction

if TYPE_CHECKING:
    import fsrs

    from quizapp.core.storage.exams import ExamTables
    from quizapp.core.storage.figures import Figures
    from quizapp.core.storage.transfer import Incoming, MergeCounts, Snapshot

__all__ = [
    "FLAGS",
    "LEARNING",
    "NEW",
    "RELEARNING",
    "REVIEW",
    "STATE_NAMES",
    "SUSPENDED_AS_LEECH",
    "SUSPENDED_BY_LEARNER",
    "AnswerResult",
    "BrowseRow",
    "CardKey",
    "CardProgress",
    "CardReport",
    "Counts",
    "DeckCard",
    "Mode",
    "NewerDatabaseError",
    "Rating",
    "ReviewRecord",
    "Store",
    "StoreError",
    "SyncReport",
    "TagCount",
    "is_leech_lapse",
    "read_reports",
]


class _Moved(NamedTuple):
    """A card answered, as the kept counts of reviews due see it before and after."""

    tags: str
    shown: bool  # by the queues, before and after the answer
    state_before: int
    due_before: int | None
    state_after: int
    due_after: int | None

    def review_due(self, end: int) -> int:
        """How the count of reviews due before ``end`` moves: -1, 0 or +1."""
        was = self.state_before == REVIEW and self.due_before is not None
        now = self.state_after == REVIEW and self.due_after is not None
        return (now and self.due_after < end) - (was and self.due_before < end)


class NextStates(NamedTuple):
    """A card's state after each grade, worked out when its answer is shown (see
    scheduling.Outcomes): handed back with the answer, it is saved without working it out
    again, or reading the card again, if the card is as it was."""

    key: CardKey
    row: tuple  # the card's answer_row then: what the states came from
    before: str  # its undo record
    scheduler: object  # the scheduler that worked them out (the learner's parameters then)
    outcomes: scheduling.Outcomes


class Store:
    """The progress database, open: what the screens, commands and quiz layer ask of it.

    Each method is one read, or one write committed before it returns; the SQL is in the
    modules of quizapp.core.storage.
    """

    def __init__(self, conn: sqlite3.Connection, clock: Clock, settings: Settings) -> None:
        self._conn = conn
        self.clock = clock
        self.settings = settings
        self._undo: list[int] = []
        self._zone = ZoneInfo(settings.timezone) if settings.timezone else None
        # Reviews due today per (deck, tags, sources, end of day), kept from one count to the
        # next: the one count that grows with the collection. Any write forgets them, except
        # an answer, which adjusts them by its card; so does a commit by another connection.
        self._reviews_due: dict[tuple, int] = {}
        self._seen_version: int | None = None

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        clock: Clock | None = None,
        settings: Settings | None = None,
    ) -> Store:
        """The database at ``path``, the one way to open it: a broken file is named and left
        alone, the backup due is taken (always before a migration), then it is migrated.

        Raises quizapp.core.backup.BrokenDatabaseError, whose message names the file, the
        problem and the latest backup.
        """
        from quizapp.core.backup import prepare_to_open, reopen_error

        clock = clock or SystemClock()
        prepare_to_open(path, clock=clock)
        try:
            conn = open_database(path)
        except (StoreError, sqlite3.OperationalError) as error:
            raise reopen_error(path, error) from None
        return cls(conn, clock, settings or Settings())

    @classmethod
    def copy_in_memory(
        cls,
        path: Path | str,
        *,
        clock: Clock | None = None,
        settings: Settings | None = None,
    ) -> Store:
        """The database copied into memory, to study where nothing can be saved (a read-only
        file or folder): answers change the copy only, the file is never written."""
        from quizapp.core.storage.db import copy_into_memory

        return cls(copy_into_memory(path), clock or SystemClock(), settings or Settings())

    @classmethod
    def peek(
        cls,
        path: Path | str,
        *,
        clock: Clock | None = None,
        settings: Settings | None = None,
    ) -> Store | None:
        """The database opened read-only, for a glance before the real opening.

        None unless it exists at the current schema: nothing is created, migrated or
        written, so the real opening (with its checks and backups) decides the rest.
        """
        conn = peek_database(path)
        if conn is None:
            return None
        return cls(conn, clock or SystemClock(), settings or Settings())

    def with_settings(self, settings: Settings) -> Store:
        """The same open database scheduling with other settings (the learner's parameters);
        close only one of the two."""
        other = type(self)(self._conn, self.clock, settings)
        other._reviews_due = self._reviews_due  # one connection: one set of kept counts
        return other

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path | None:
        """The database file (None in memory)."""
        name = self._conn.execute("PRAGMA database_list").fetchone()[2]
        return Path(name) if name else None

    @cached_property
    def exams(self) -> ExamTables:
        """The exam and quiz tables (quizapp.quiz.papers reads and writes them)."""
        from quizapp.core.storage.exams import ExamTables

        return ExamTables(self._conn)

    @cached_property
    def figures(self) -> Figures:
        """The statistics' queries (quizapp.core.stats)."""
        from quizapp.core.storage.figures import Figures

        return Figures(self._conn)

    # fsrs is imported on the first answer, not at start, and the modules of the storage
    # package a study session never needs only when asked: the first card shows sooner.
    @cached_property
    def _scheduler(self) -> fsrs.Scheduler:
        return scheduling.make_scheduler(self.settings)

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        # The kept counts are forgotten as it begins: counted afresh after any change.
        self._reviews_due.clear()
        return transaction(self._conn)

    # -- the study day -------------------------------------------------------

    def day_start(self, moment: datetime | None = None) -> datetime:
        """Start (UTC) of the study day containing `moment`, in the learner's local time."""
        moment = moment or self.clock.now()
        local = moment.astimezone(self._zone) if self._zone else moment.astimezone()
        day = local.date()
        if local.hour < self.settings.rollover_hour:
            day -= timedelta(days=1)
        start = datetime.combine(day, time(self.settings.rollover_hour))
        # Localise the wall-clock time on that day itself: its UTC offset may differ from
        # now's (summer time starts or ends between the two).
        if self._zone:
            return start.replace(tzinfo=self._zone).astimezone(UTC)
        return start.astimezone().astimezone(UTC)

    def _day_bounds(self) -> tuple[int, int, int]:
        now = self.clock.now()
        start = self.day_start(now)
        return to_ms(now), to_ms(start), to_ms(start + timedelta(days=1))

    # -- decks changing under the store -----------------------------------------

    def sync_deck(
        self, deck_id: str, deck_cards: Iterable[DeckCard | tuple], *, digest: str | None = None
    ) -> SyncReport:
        """Register a deck's cards. With the deck file's `digest`, an unchanged deck is skipped."""
        if digest is not None and self.deck_digest(deck_id) == digest:
            return SyncReport([], [], [], [], [])
        listed = [DeckCard(*c) for c in deck_cards]
        now = to_ms(self.clock.now())
        with self._transaction() as db:
            return cards.sync_deck(db, deck_id, listed, now, digest)

    def deck_digest(self, deck_id: str) -> str | None:
        return cards.deck_digest(self._conn, deck_id)

    def content_changes(self, deck_id: str) -> dict[str, tuple[str, datetime | None]]:
        """Each card's content hash as last synced and when its text or tags last changed
        (None if not since this was recorded): what an export to Anki dates its notes by."""
        return cards.content_changes(self._conn, deck_id)

    # -- what to study -----------------------------------------------------------

    def counts(
        self,
        deck_ids: Iterable[str] | None = None,
        *,
        tags: Iterable[str] = (),
        sources: Iterable[str] = (),
    ) -> dict[str, Counts]:
        """Per deck, what is left to study now: new cards (within the day's new-card limit),
        learning cards due now, reviews due by the end of the study day. Only cards with any
        of ``tags`` and citing any of ``sources`` (document ids) when given; never buried,
        suspended, draft or removed cards. Read afresh from indexes on every call, so a
        learning step that comes due is counted at once. Every deck asked for is in the
        answer (all decks with cards when None)."""
        decks = None if deck_ids is None else list(deck_ids)
        bounds = self._day_bounds()
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._seen_version:  # another window committed: counted afresh
            self._reviews_due.clear()
            self._seen_version = version
        tags, sources = tuple(tags or ()), tuple(sources or ())
        known = {}
        for (deck, *rest), due in self._reviews_due.items():
            if rest == [tags, sources, bounds[2]]:
                known[deck] = due
        found = queues.counts(
            self._conn,
            decks,
            bounds,
            self.settings.new_per_day,
            tags=tags,
            sources=sources,
            reviews_due=known,
        )
        for deck, counted in found.items():
            self._reviews_due[(deck, tags, sources, bounds[2])] = counted.due
        return found

    def remaining(
        self,
        deck_ids: Iterable[str],
        *,
        tags: Iterable[str] | None = None,
        sources: Iterable[str] | None = None,
    ) -> int:
        """How many cards the study queue holds now (its length, without building it)."""
        counts = self.counts(list(deck_ids), tags=tags or (), sources=sources or ())
        return sum(c.total for c in counts.values())

    def study_queue(
        self,
        deck_ids: Iterable[str],
        *,
        tags: Iterable[str] | None = None,
        sources: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> list[CardKey]:
        """Learning cards due, then reviews due today, then new cards within each deck's limit;
        filtered as `counts` filters, so it holds the cards counted."""
        return queues.study_queue(
            self._conn,
            list(deck_ids),
            self._day_bounds(),
            self.settings.new_per_day,
            tags=tags,
            sources=sources,
            limit=limit,
        )

    def next_card(
        self,
        deck_ids: Iterable[str],
        *,
        tags: Iterable[str] | None = None,
        sources: Iterable[str] | None = None,
    ) -> CardKey | None:
        """The card to show now, worked out afresh (learning steps come back when due)."""
        decks = list(deck_ids)
        queue = self.study_queue(decks, tags=tags, sources=sources, limit=1)
        if queue or not decks:
            return queue[0] if queue else None
        # Nothing else left today: learning cards due soon are shown early, as Anki does.
        now = self.clock.now()
        ahead = to_ms(now + self.settings.learn_ahead)
        return queues.learning_ahead(self._conn, decks, to_ms(now), ahead, tags, sources)

    def practice_queue(
        self,
        deck_ids: Iterable[str],
        *,
        tags: Iterable[str] | None = None,
        sources: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> list[CardKey]:
        """Cards to cram ahead of schedule: soonest due first, then new ones."""
        now = to_ms(self.clock.now())
        return queues.practice_queue(
            self._conn, list(deck_ids), now, tags=tags, sources=sources, limit=limit
        )

    def tags(self, deck_ids: Iterable[str]) -> list[TagCount]:
        """The tags a filter can pick in these decks, parents (``upsc`` of ``upsc::polity``)
        included and each before the tags under it, with the studyable cards each picks."""
        return queues.studied_tags(self._conn, list(deck_ids))

    def next_due(self, deck_ids: Iterable[str]) -> datetime | None:
        return from_ms(queues.next_due(self._conn, list(deck_ids)))

    # -- answering ------------------------------------------------------------------

    @staticmethod
    def _memory(row: tuple) -> scheduling.CardState:
        state, step, stability, difficulty, due, last_review = row[:6]
        return scheduling.CardState(
            state, step, stability, difficulty, from_ms(due), from_ms(last_review)
        )

    def _before_exam(self, due: datetime, now: datetime) -> datetime:
        """With an exam date set, a review that would fall after the exam's eve comes on it."""
        if self.settings.exam_date is None:
            return due
        from quizapp.core.study_days import StudyDays

        return scheduling.cap_due(
            due,
            now=now,
            exam_day=self.settings.exam_date,
            days=StudyDays.from_settings(self.settings),
        )

    def preview_intervals(self, key: CardKey) -> dict[Rating, timedelta]:
        """How long until the card is due again after each grade (exact: fuzz left out)."""
        now = self.clock.now()
        memory = self._memory(revlog.answer_row(self._conn, key))
        return {
            rating: self._before_exam(
                scheduling.next_card_state(self._scheduler, memory, rating, now).due, now
            )
            - now
            for rating in Rating
        }

    def next_states(self, key: CardKey) -> NextStates:
        """The card's state after each grade, as answering it now would leave it (fuzz
        included): given back to ``answer``, the grade key only has to save one."""
        now = self.clock.now()
        row = revlog.answer_row(self._conn, key)
        seed = None
        if self.settings.enable_fuzzing:
            seed = scheduling.fuzz_seed(key.deck_id, key.card_id, row[6])
        worked_out = scheduling.outcomes(self._scheduler, self._memory(row), now, seed=seed)
        before = revlog.undo_record(row)
        return NextStates(CardKey(*key), row, before, self._scheduler, worked_out)

    def answer(
        self,
        key: CardKey,
        rating: Rating,
        *,
        mode: Mode = Mode.review,
        duration_ms: int = 0,
        answer: str | None = None,
        at: datetime | None = None,
        states: NextStates | None = None,
    ) -> AnswerResult:
        """Record an answer durably; returns once it is committed.

        `at` replays an answer given in the past (imported history); it must be aware.
        `states`: the card's ``next_states``, worked out when its answer was shown; used when
        the card is as it was then, else the state is worked out afresh.
        """
        if key is None:
            raise ValueError("no card to answer: the study queue is empty (next_card gave None)")
        # Converted only when given as plain values: this is every grade's path.
        if type(key) is not CardKey:
            key = CardKey(*key)
        if type(rating) is not Rating:
            rating = Rating(rating)
        if type(mode) is not Mode:
            mode = Mode(mode)
        now = self.clock.now() if at is None else at.astimezone(UTC)
        kept = dict(self._reviews_due)
        # The transaction forgets the kept counts (counted afresh if the answer fails); once
        # it is committed they come back, moved by this one card.
        with self._transaction() as db:
            result, moved = self._answer_in(db, key, rating, mode, now, duration_ms, answer, states)
        self._keep_reviews_due(key, kept, moved)
        if mode in (Mode.review, Mode.practice):
            # An exam's or quiz's answers are final once submitted: never undone from review.
            self._undo.append(result.review_id)
        return result

    def _keep_reviews_due(self, key: CardKey, kept: dict[tuple, int], moved: _Moved) -> None:
        """The reviews-due counts as they were, moved by the one card just answered."""
        if not moved.shown:
            # A hidden card answered (a quiz's, say), or one that became a leech: its deck is
            # counted afresh next time.
            kept = {k: due for k, due in kept.items() if k[0] != key.deck_id}
        for (deck, tags, sources, end), due in kept.items():
            if deck == key.deck_id and queues.matches(moved.tags, tags, sources):
                due += moved.review_due(end)
            self._reviews_due[(deck, tags, sources, end)] = due

    def _answer_in(
        self,
        db: sqlite3.Connection,
        key: CardKey,
        rating: Rating,
        mode: Mode,
        now: datetime,
        duration_ms: int,
        answer: str | None,
        states: NextStates | None = None,
    ) -> tuple[AnswerResult, _Moved]:
        """An answer recorded inside the caller's transaction, and how it moved the card."""
        became_leech = False
        now_ms = to_ms(now)
        saved = None
        reviewing = mode is Mode.review and states is not None
        if reviewing and states.key == key and states.scheduler is self._scheduler:
            # The card as its answer showed, if the update finds it so: not read again.
            row, before = states.row, states.before
            saved = self._save_review(db, key, row, rating, now, now_ms, states)
        if saved is None:
            row = revlog.answer_row(db, key)
            before = revlog.undo_record(row)
        state, due_ms = row[0], row[4]
        if mode is Mode.review:
            if saved is None:
                saved = self._save_review(db, key, row, rating, now, now_ms)
            card, lapsed = saved
            next_due, interval = card.due, card.due - now
            state, due_ms = card.state, to_ms(card.due)
            became_leech = lapsed and is_leech_lapse(row[7] + 1, self.settings.leech_lapses)
            if became_leech:
                marks.mark(db, marks.LEECH, [key], SUSPENDED_AS_LEECH)
        elif mode in (Mode.quiz, Mode.exam) and rating is Rating.again:
            cards.due_now(db, key, now_ms)
            next_due, interval = now, timedelta(0)
            due_ms = now_ms
        else:
            next_due = from_ms(row[4])
            interval = None if next_due is None else next_due - now
        review_id = revlog.add(db, key, rating, now_ms, duration_ms, mode, answer, before)
        moved = _Moved(row[-2], bool(row[-1]) and not became_leech, row[0], row[4], state, due_ms)
        return AnswerResult(key, rating, next_due, interval, review_id, became_leech), moved

    def _save_review(
        self,
        db: sqlite3.Connection,
        key: CardKey,
        row: tuple,
        rating: Rating,
        now: datetime,
        now_ms: int,
        states: NextStates | None = None,
    ) -> tuple[scheduling.CardState, bool] | None:
        """A review's new state saved, worked out from the card's answer_row ``row`` (the
        states' when they still hold); with ``states``, None, saving nothing, when the card
        is no longer as ``row`` has it. Returns the state saved and whether it lapsed."""
        card = None
        if states is not None:  # row is the states' own: so is the memory state
            memory = states.outcomes.before
            card = scheduling.outcome(states.outcomes, memory, rating, now)
        else:
            memory = self._memory(row)
        if card is None:
            seed = None
            if self.settings.enable_fuzzing:
                seed = scheduling.fuzz_seed(key.deck_id, key.card_id, row[6])
            card = scheduling.next_card_state(self._scheduler, memory, rating, now, seed=seed)
        due = self._before_exam(card.due, now)
        if due != card.due:
            card = card._replace(due=due)
        lapsed = row[0] == REVIEW and card.state == RELEARNING
        unchanged = None if states is None else row
        if not cards.save_review(
            db, key, card, now_ms, lapsed, first=row[8] is None, unchanged=unchanged
        ):
            return None
        return card, lapsed

    def log_paper_answer(
        self,
        paper_id: int,
        position: int,
        keys: Sequence[CardKey],
        rating: Rating,
        *,
        mode: Mode,
        duration_ms: int,
        answer: str | None,
    ) -> AnswerResult | None:
        """Log the answer standing on one question of an exam or quiz: a review row for each
        of its cards (a statement set has several, the time shared out among them) and the
        last row's id kept on the question, in one transaction. A crash leaves all of it or
        none, so the answer is logged whole, once, on resume. Returns the last card's result;
        None, writing nothing, when the question was logged already (by another window)."""
        from quizapp.core.storage import exams

        mode = Mode(mode)
        if mode not in (Mode.quiz, Mode.exam):
            raise ValueError(f"only quiz and exam answers are logged on a paper, not {mode}")
        keys = [CardKey(*key) for key in keys]
        if not keys:
            raise ValueError(f"question {position + 1} of paper {paper_id} has no card")
        now = self.clock.now()
        share = round(max(0, duration_ms) / len(keys))
        # A missed card becomes due now: the transaction forgets the kept counts.
        with self._transaction() as db:
            if exams.review_id(db, paper_id, position) is not None:
                return None
            for key in keys:
                result, _ = self._answer_in(db, key, Rating(rating), mode, now, share, answer)
            exams.set_review_id(db, paper_id, position, result.review_id)
        return result

    def deck_has_reviews(self, deck_id: str) -> bool:
        return revlog.deck_has_reviews(self._conn, deck_id)

    def import_history(
        self, deck_id: str, reviews: Iterable[tuple[str, int, datetime, int]]
    ) -> int:
        """Replay another tool's review log (card id, rating, time, ms) through FSRS; see
        quizapp.core.storage.history. All of it is committed in one transaction, or none of
        it; imported answers are not the learner's to undo. Returns how many were recorded."""
        from quizapp.core.storage import history

        with self._transaction() as db:

            def imported(key: CardKey, rating: Rating, at: datetime, ms: int) -> None:
                self._answer_in(db, key, rating, Mode.review, at.astimezone(UTC), ms, "imported")

            return history.replay(db, deck_id, reviews, imported)

    def undo(self) -> CardKey | None:
        """Take back this session's last answer: state restored, log entry removed."""
        while self._undo:
            review_id = self._undo[-1]  # kept if the write fails (a full disk): undo again
            with self._transaction() as db:
                key = revlog.undo(db, review_id)
            self._undo.pop()
            if key is not None:
                return key
        return None

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    # -- the learner's marks on cards: suspend, bury, flag, reset, report ----------------

    def _mark(self, sql: str, keys: Iterable[CardKey], *args: object) -> int:
        with self._transaction() as db:
            return marks.mark(db, sql, keys, *args)

    def suspend(self, keys: Iterable[CardKey]) -> int:
        """Never shown again until unsuspended; returns how many cards were changed."""
        return self._mark(marks.SUSPEND, keys, SUSPENDED_BY_LEARNER)

    def suspended(self) -> set[CardKey]:
        """Every suspended card (by the learner or as a leech): quizzes and exams skip them."""
        return cards.suspended(self._conn)

    def unsuspend(self, keys: Iterable[CardKey]) -> int:
        """Back in the queues; a leech keeps its leech mark (and is suspended at its next one)."""
        return self._mark(marks.UNSUSPEND, keys)

    def bury(self, keys: Iterable[CardKey]) -> datetime:
        """Hidden until the next study day starts (the rollover hour); returns when that is."""
        until = self.day_start() + timedelta(days=1)
        self._mark(marks.BURY, keys, to_ms(until))
        return until

    def unbury(self, keys: Iterable[CardKey]) -> int:
        return self._mark(marks.UNBURY, keys)

    def set_flag(self, keys: Iterable[CardKey], flag: int) -> int:
        """Flag 1-7 (red, orange, green, blue, pink, turquoise, purple) or 0 to clear it."""
        if flag not in (0, *FLAGS):
            raise ValueError(f"flag must be 0 or one of {sorted(FLAGS)}")
        return self._mark(marks.FLAG, keys, flag)

    def keep_schedule(
        self,
        key: CardKey,
        due: datetime,
        stability: float | None = None,
        difficulty: float | None = None,
    ) -> int:
        """Take another scheduler's due date (and FSRS memory state, if it kept one) for a card
        reviewed already, e.g. Anki's after its history was imported; new cards stay new."""
        with self._transaction() as db:
            return cards.keep_schedule(db, CardKey(*key), to_ms(due), stability, difficulty)

    def reset(self, keys: Iterable[CardKey]) -> int:
        """Forget the cards' progress: new again, leech mark gone. The review log is kept."""
        count = self._mark(marks.RESET, keys)
        self._undo.clear()  # undoing an older answer would bring the forgotten progress back
        return count

    def report(self, key: CardKey, note: str) -> int:
        """Note a problem with a card for its deck's author; kept until the card is reworded."""
        note = " ".join(note.split())
        if not note:
            raise ValueError("a report needs a note saying what is wrong")
        now = to_ms(self.clock.now())
        with self._transaction() as db:
            return marks.add_report(db, CardKey(*key), note, now)

    def reports(self, deck_ids: Iterable[str] | None = None) -> list[CardReport]:
        """Problems noted on cards not reworded since, oldest first."""
        return marks.reports(self._conn, deck_ids)

    def browse(self) -> list[BrowseRow]:
        """Every card in a deck with what a card browser shows and sorts by (no card text)."""
        from quizapp.core.storage import browse

        decay = scheduling.decay_of(self.settings.parameters)
        return browse.rows(self._conn, self.clock.now(), decay)

    # -- reading progress ---------------------------------------------------------------

    def progress(self, key: CardKey) -> CardProgress:
        return cards.progress(self._conn, CardKey(*key), self.clock.now())

    def review_log(self, key: CardKey | None = None) -> list[ReviewRecord]:
        return revlog.records(self._conn, key)

    def export_review_log_csv(self) -> str:
        """The review log in the FSRS tools' format: card_id, rating, time, duration."""
        from quizapp.core.storage import browse

        return browse.review_log_csv(self._conn)

    # -- named settings ---------------------------------------------------------------------

    def setting(self, name: str) -> str | None:
        """A value kept in the database under ``name`` (see quizapp.core.parameters)."""
        from quizapp.core.storage import config

        return config.get(self._conn, name)

    def save_setting(self, name: str, value: str) -> None:
        from quizapp.core.storage import config

        with self._transaction() as db:
            config.put(db, name, value)

    def remove_setting(self, name: str) -> bool:
        from quizapp.core.storage import config

        with self._transaction() as db:
            return config.remove(db, name)

    # -- progress moved between machines ----------------------------------------------------

    def progress_snapshot(self, state_columns: Sequence[str]) -> Snapshot:
        """Every answer, card state, rename, report, setting and exam, read at one moment
        (answers given meanwhile in another window are either all in or all out); see
        quizapp.core.progress_io."""
        from quizapp.core.storage import transfer

        with transaction(self._conn, write=False) as db:
            return transfer.snapshot(db, state_columns)

    def merge_progress(self, incoming: Incoming, state_columns: Sequence[str]) -> MergeCounts:
        """Add another database's answers, newer card states, renames, reports, settings and
        exams, in one transaction: all of it, or (on any error) none."""
        from quizapp.core.storage import transfer

        with self._transaction() as db:
            return transfer.merge(db, incoming, state_columns)


def read_reports(path: Path, deck_ids: Iterable[str] | None = None) -> list[CardReport]:
    """Reports in a progress database, read without changing (or creating) it.

    For `quizapp check`: a missing, older or unreadable database has none to list.
    """
    store = Store.peek(path)
    if store is None:
        return []
    try:
        return store.reports(deck_ids)
    except sqlite3.Error:
        return []
    finally:
        store.close()
