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
* Undo restores everything an answer changed, the "changed since last
  review" flag included, and deletes its log row, in one transaction.
* Loading a deck never rewrites history: a reworded card keeps its progress
  (and is flagged as changed until reviewed again), a removed card is kept
  and comes back with it, a renamed card carries its history over when the
  deck lists its old id in `previous_ids`.
"""

import json
import random
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta
from enum import IntEnum, StrEnum
from functools import cached_property
from pathlib import Path
from time import sleep
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

from quizapp.core.clock import Clock, SystemClock
from quizapp.core.schema import NewerDatabaseError, StoreError, migrate
from quizapp.core.settings import SchedulerSettings

if TYPE_CHECKING:
    import fsrs


class CardKey(NamedTuple):
    deck_id: str
    card_id: str


class Rating(IntEnum):
    again = 1
    hard = 2
    good = 3
    easy = 4


class Mode(StrEnum):
    review = "review"
    practice = "practice"
    quiz = "quiz"
    exam = "exam"


NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
STATE_NAMES = {NEW: "new", LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}


# Plain named tuples rather than dataclasses: they are made without compiling code at
# import, and the store is imported before the first card shows (`quizapp --review`).
class Counts(NamedTuple):
    new: int
    learning: int
    due: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.due


class CardProgress(NamedTuple):
    key: CardKey
    state: str
    due: datetime | None
    stability: float | None
    difficulty: float | None
    reps: int
    lapses: int
    last_review: datetime | None
    changed_since_review: bool
    present: bool
    suspended: bool = False
    leech: bool = False
    flag: int = 0
    buried_until: datetime | None = None


class AnswerResult(NamedTuple):
    key: CardKey
    rating: Rating
    next_due: datetime | None
    interval: timedelta | None
    review_id: int
    leech: bool = False  # this answer made the card a leech: it is now suspended


class ReviewRecord(NamedTuple):
    id: int
    key: CardKey
    rating: Rating
    reviewed_at: datetime
    duration_ms: int
    mode: Mode
    answer: str | None


class CardReport(NamedTuple):
    key: CardKey
    note: str
    reported_at: datetime


class BrowseRow(NamedTuple):
    key: CardKey
    state: str  # new, learning, review, relearning
    due: datetime | None
    lapses: int
    reps: int
    difficulty: float | None
    retrievability: float | None  # predicted recall now; None for a card never reviewed
    suspended: bool
    buried: bool
    flag: int  # 0 none, else FLAGS
    leech: bool
    draft: bool
    tags: list[str]


class SyncReport(NamedTuple):
    added: list[str]
    changed: list[str]
    removed: list[str]
    returned: list[str]
    renamed: list[tuple[str, str]]


class DeckCard(NamedTuple):
    """What the store needs to know of a deck's card (never its text)."""

    card_id: str
    content_hash: str
    previous_ids: list[str]
    tags: list[str]
    studyable: bool


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _dt(ms: int | None) -> datetime | None:
    return None if ms is None else datetime.fromtimestamp(ms / 1000, UTC)


# What an answer may change, saved in its log row so that undo can put it back.
_COLUMNS = (
    "state, step, stability, difficulty, due, last_review, reps, lapses, introduced, "
    "reviewed_hash, suspended, leech"
)
_RESTORED = _COLUMNS.split(", ")
_UNDO_SQL = (
    f"UPDATE card SET {', '.join(f'{c} = :{c}' for c in _RESTORED)} "
    "WHERE deck_id = :deck_id AND card_id = :card_id"
)


FLAGS = {1: "red", 2: "orange", 3: "green", 4: "blue"}
SUSPENDED_BY_LEARNER, SUSPENDED_AS_LEECH = 1, 2


def _available(now_ms: int) -> str:
    """Cards the queues may show: in a deck, not a draft, not suspended, not buried now."""
    return (
        "present AND studyable AND suspended = 0 "
        f"AND (buried_until IS NULL OR buried_until <= {int(now_ms)})"
    )


def is_leech_lapse(lapses: int, threshold: int) -> bool:
    """Anki's rule: a leech at the threshold, and again every half-threshold after it."""
    if threshold <= 0 or lapses < threshold:
        return False
    return (lapses - threshold) % max(1, threshold // 2) == 0


class Store:
    def __init__(
        self,
        conn: sqlite3.Connection,
        clock: Clock,
        settings: SchedulerSettings,
        rng: random.Random,
    ) -> None:
        self._conn = conn
        self.clock = clock
        self.settings = settings
        self._rng = rng
        self._undo: list[int] = []
        self._zone = ZoneInfo(settings.timezone) if settings.timezone else None

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        clock: Clock | None = None,
        settings: SchedulerSettings | None = None,
        rng: random.Random | None = None,
    ) -> "Store":
        path = Path(path)
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 30000")
            _use_wal(conn)
            # FULL: the answer survives power loss too, not only a killed process.
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn)
        except NewerDatabaseError as error:
            conn.close()
            raise NewerDatabaseError(f"{path}: {error}") from None
        except sqlite3.DatabaseError as error:
            conn.close()
            if error.sqlite_errorname not in {"SQLITE_NOTADB", "SQLITE_CORRUPT"}:
                raise
            raise StoreError(
                f"{path}: not a quizapp progress database ({error}); "
                "move it aside, or choose another file with --db or $QUIZAPP_DB"
            ) from None
        except BaseException:
            conn.close()
            raise
        return cls(
            conn, clock or SystemClock(), settings or SchedulerSettings(), rng or random.Random()
        )

    @classmethod
    def peek(
        cls,
        path: Path | str,
        *,
        clock: Clock | None = None,
        settings: SchedulerSettings | None = None,
    ) -> "Store | None":
        """The database opened read-only, for a glance before the real opening.

        None unless it exists at the current schema: nothing is created, migrated or
        written, so the real opening (with its checks and backups) decides the rest.
        """
        path = Path(path)
        if not path.is_file():
            return None
        try:
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            try:
                from quizapp.core.schema import LATEST

                if conn.execute("PRAGMA user_version").fetchone()[0] != LATEST:
                    conn.close()
                    return None
            except sqlite3.Error:
                conn.close()
                return None
        except sqlite3.Error:
            return None
        return cls(conn, clock or SystemClock(), settings or SchedulerSettings(), random.Random())

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """For the quiz and statistics layers, which keep their own tables beside these."""
        return self._conn

    # fsrs is imported on the first answer, not at start: the first card shows sooner.
    @cached_property
    def _scheduler(self) -> "fsrs.Scheduler":
        return self._make_scheduler(self.settings.enable_fuzzing)

    @cached_property
    def _exact(self) -> "fsrs.Scheduler":
        return self._make_scheduler(False)  # interval previews ignore fuzz

    def _make_scheduler(self, fuzz: bool) -> "fsrs.Scheduler":
        import fsrs

        s = self.settings
        kwargs = {} if s.parameters is None else {"parameters": s.parameters}
        return fsrs.Scheduler(
            desired_retention=s.desired_retention,
            learning_steps=s.learning_steps,
            relearning_steps=s.relearning_steps,
            maximum_interval=s.maximum_interval,
            enable_fuzzing=fuzz,
            **kwargs,
        )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

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
        return _ms(now), _ms(start), _ms(start + timedelta(days=1))

    # -- decks changing under the store -----------------------------------------

    def sync_deck(
        self, deck_id: str, cards: Iterable[DeckCard | tuple], *, digest: str | None = None
    ) -> SyncReport:
        """Register a deck's cards. With the deck file's `digest`, an unchanged deck is skipped."""
        report = SyncReport([], [], [], [], [])
        if digest is not None and self.deck_digest(deck_id) == digest:
            return report
        cards = [DeckCard(*c) for c in cards]
        now = _ms(self.clock.now())
        with self._transaction() as db:
            if digest is not None:
                db.execute(
                    "INSERT OR REPLACE INTO deck_sync VALUES (?, ?, ?)", (deck_id, digest, now)
                )
            known = {
                row[0]: row
                for row in db.execute(
                    "SELECT card_id, content_hash, present, tags FROM card WHERE deck_id = ?",
                    (deck_id,),
                )
            }
            in_deck = {c.card_id for c in cards}
            for card in cards:
                old = next((o for o in card.previous_ids if o in known and o not in in_deck), None)
                if old is None:
                    continue
                if card.card_id in known:
                    # Registered under its new id before the deck named the old one. If never
                    # answered under the new id, the old id's history takes its place; if both
                    # have history, both are kept as they are rather than guess how to merge.
                    if not self._never_answered(db, deck_id, card.card_id):
                        continue
                    db.execute(
                        "DELETE FROM card WHERE deck_id = ? AND card_id = ?",
                        (deck_id, card.card_id),
                    )
                self._rename(db, deck_id, old, card.card_id, now)
                known[card.card_id] = known.pop(old)
                report.renamed.append((old, card.card_id))
            wanted = set()
            for position, card in enumerate(cards):
                wanted.add(card.card_id)
                tags = " " + " ".join(card.tags) + " "
                row = known.get(card.card_id)
                if row is None:
                    db.execute(
                        "INSERT INTO card (deck_id, card_id, content_hash, tags, studyable, "
                        "position, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (
                            deck_id,
                            card.card_id,
                            card.content_hash,
                            tags,
                            int(card.studyable),
                            position,
                            now,
                        ),
                    )
                    report.added.append(card.card_id)
                    continue
                if row[1] != card.content_hash:
                    report.changed.append(card.card_id)
                if row[1] != card.content_hash or row[3] != tags:
                    db.execute(
                        "UPDATE card SET changed_at = ? WHERE deck_id = ? AND card_id = ?",
                        (now, deck_id, card.card_id),
                    )
                if not row[2]:
                    report.returned.append(card.card_id)
                db.execute(
                    "UPDATE card SET content_hash = ?, tags = ?, studyable = ?, present = 1, "
                    "position = ? WHERE deck_id = ? AND card_id = ?",
                    (card.content_hash, tags, int(card.studyable), position, deck_id, card.card_id),
                )
            for card_id, row in known.items():
                if card_id not in wanted and row[2]:
                    db.execute(
                        "UPDATE card SET present = 0 WHERE deck_id = ? AND card_id = ?",
                        (deck_id, card_id),
                    )
                    report.removed.append(card_id)
        return report

    def content_changes(self, deck_id: str) -> dict[str, tuple[str, datetime | None]]:
        """Each card's content hash as last synced and when its text or tags last changed
        (None if not since this was recorded)."""
        return {
            card_id: (content_hash, _dt(changed_at))
            for card_id, content_hash, changed_at in self._conn.execute(
                "SELECT card_id, content_hash, changed_at FROM card WHERE deck_id = ?", (deck_id,)
            )
        }

    def deck_digest(self, deck_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT digest FROM deck_sync WHERE deck_id = ?", (deck_id,)
        ).fetchone()
        return row[0] if row else None

    @staticmethod
    def _never_answered(db: sqlite3.Connection, deck_id: str, card_id: str) -> bool:
        return not db.execute(
            "SELECT 1 FROM card WHERE deck_id = ?1 AND card_id = ?2 AND (reps > 0 OR EXISTS "
            "(SELECT 1 FROM review_log WHERE deck_id = ?1 AND card_id = ?2))",
            (deck_id, card_id),
        ).fetchone()

    def _rename(self, db: sqlite3.Connection, deck_id: str, old: str, new: str, now: int) -> None:
        db.execute(
            "UPDATE card SET card_id = ? WHERE deck_id = ? AND card_id = ?", (new, deck_id, old)
        )
        db.execute(
            "UPDATE review_log SET card_id = ? WHERE deck_id = ? AND card_id = ?",
            (new, deck_id, old),
        )
        db.execute(
            "UPDATE card_report SET card_id = ? WHERE deck_id = ? AND card_id = ?",
            (new, deck_id, old),
        )
        db.execute(
            "INSERT OR REPLACE INTO card_rename VALUES (?, ?, ?, ?)", (deck_id, old, new, now)
        )

    # -- what to study -----------------------------------------------------------

    def counts(self, deck_ids: Iterable[str] | None = None) -> dict[str, Counts]:
        now, start, end = self._day_bounds()
        where, args = "", []
        if deck_ids is not None:
            deck_ids = list(deck_ids)
            where = f"AND deck_id IN ({','.join('?' * len(deck_ids))})"
            args = deck_ids
        rows = self._conn.execute(
            f"""SELECT deck_id,
                   SUM(state = 0),
                   SUM(state IN (1, 3) AND due <= ?),
                   SUM(state = 2 AND due < ?),
                   SUM(introduced >= ?)
               FROM card WHERE {_available(now)} {where} GROUP BY deck_id""",
            (now, end, start, *args),
        ).fetchall()
        limit = self.settings.new_per_day
        found = {
            deck: Counts(min(new or 0, max(0, limit - (intro or 0))), learning or 0, due or 0)
            for deck, new, learning, due, intro in rows
        }
        return {deck: found.get(deck, Counts(0, 0, 0)) for deck in (deck_ids or found)}

    def study_queue(
        self,
        deck_ids: Iterable[str],
        *,
        tags: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> list[CardKey]:
        """Learning cards due, then reviews due today, then new cards within each deck's limit."""
        now, start, end = self._day_bounds()
        decks = list(deck_ids)
        if not decks or limit == 0:
            return []
        tag_sql, tag_args = _tag_filter(tags)
        in_decks = f"deck_id IN ({','.join('?' * len(decks))})"
        base = f"{_available(now)} AND {in_decks} {tag_sql}"
        cap = " LIMIT ?" if limit is not None else ""
        capped = [limit] if limit is not None else []
        db = self._conn
        queue = [
            CardKey(*r)
            for r in db.execute(
                f"SELECT deck_id, card_id FROM card WHERE {base} AND state IN (1, 3) "
                f"AND due <= ? ORDER BY due{cap}",
                (*decks, *tag_args, now, *capped),
            )
        ]
        if limit is None or len(queue) < limit:
            queue += [
                CardKey(*r)
                for r in db.execute(
                    f"SELECT deck_id, card_id FROM card WHERE {base} AND state = 2 AND due < ? "
                    f"ORDER BY due{cap}",
                    (*decks, *tag_args, end, *capped),
                )
            ]
        if limit is not None and len(queue) >= limit:
            return queue[:limit]
        introduced = dict(
            db.execute(
                f"SELECT deck_id, COUNT(*) FROM card WHERE {in_decks} AND introduced >= ? "
                "GROUP BY deck_id",
                (*decks, start),
            ).fetchall()
        )
        for deck in decks:
            room = self.settings.new_per_day - introduced.get(deck, 0)
            if limit is not None:
                room = min(room, limit - len(queue))
            if room <= 0:
                continue
            # A card missed in a quiz or exam while still new comes first.
            rows = db.execute(
                f"SELECT deck_id, card_id FROM card WHERE {base} AND state = 0 AND deck_id = ? "
                "ORDER BY due IS NULL, due, position LIMIT ?",
                (*decks, *tag_args, deck, room),
            ).fetchall()
            queue += [CardKey(*r) for r in rows]
        return queue

    def next_card(
        self, deck_ids: Iterable[str], *, tags: Iterable[str] | None = None
    ) -> CardKey | None:
        """The card to show now, worked out afresh (learning steps come back when due)."""
        decks = list(deck_ids)
        queue = self.study_queue(decks, tags=tags, limit=1)
        if queue or not decks:
            return queue[0] if queue else None
        # Nothing else left today: learning cards due soon are shown early, as Anki does.
        now = self.clock.now()
        ahead = _ms(now + self.settings.learn_ahead)
        tag_sql, tag_args = _tag_filter(tags)
        row = self._conn.execute(
            f"SELECT deck_id, card_id FROM card WHERE {_available(_ms(now))} AND deck_id IN "
            f"({','.join('?' * len(decks))}) {tag_sql} AND state IN (1, 3) AND due <= ? "
            "ORDER BY due LIMIT 1",
            (*decks, *tag_args, ahead),
        ).fetchone()
        return CardKey(*row) if row else None

    def practice_queue(
        self,
        deck_ids: Iterable[str],
        *,
        tags: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> list[CardKey]:
        """Cards to cram ahead of schedule: soonest due first, then new ones."""
        decks = list(deck_ids)
        if not decks:
            return []
        tag_sql, tag_args = _tag_filter(tags)
        now = _ms(self.clock.now())
        rows = self._conn.execute(
            f"SELECT deck_id, card_id FROM card WHERE {_available(now)} AND deck_id IN "
            f"({','.join('?' * len(decks))}) {tag_sql} "
            "ORDER BY state = 0, due, position" + (" LIMIT ?" if limit is not None else ""),
            (*decks, *tag_args, *([limit] if limit is not None else [])),
        ).fetchall()
        return [CardKey(*r) for r in rows]

    def next_due(self, deck_ids: Iterable[str]) -> datetime | None:
        decks = list(deck_ids)
        if not decks:
            return None
        row = self._conn.execute(
            f"SELECT MIN(due) FROM card WHERE present AND studyable AND suspended = 0 "
            "AND state != 0 AND deck_id "
            f"IN ({','.join('?' * len(decks))})",
            decks,
        ).fetchone()
        return _dt(row[0])

    # -- answering ------------------------------------------------------------------

    def _row(self, key: CardKey) -> sqlite3.Row | tuple:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM card WHERE deck_id = ? AND card_id = ?", key
        ).fetchone()
        if row is None:
            raise KeyError(f"no card {key.card_id!r} in deck {key.deck_id!r}")
        return row

    def _fsrs_card(self, row: tuple, now: datetime) -> "fsrs.Card":
        import fsrs

        state, step, stability, difficulty, due, last_review = row[:6]
        if state == NEW:
            return fsrs.Card(card_id=0, due=now)
        return fsrs.Card(
            card_id=0,
            state=fsrs.State(state),  # numbered as ours: 1 learning, 2 review, 3 relearning
            step=step,
            stability=stability,
            difficulty=difficulty,
            due=_dt(due),
            last_review=_dt(last_review),
        )

    def _review(
        self, scheduler: "fsrs.Scheduler", card: "fsrs.Card", rating: Rating, now: datetime
    ) -> "fsrs.Card":
        import fsrs
        import fsrs.scheduler

        # fsrs draws its fuzz from the module-level random(); give it ours.
        saved = fsrs.scheduler.random
        fsrs.scheduler.random = self._rng.random
        try:
            return scheduler.review_card(card, fsrs.Rating(int(rating)), review_datetime=now)[0]
        finally:
            fsrs.scheduler.random = saved

    def _before_exam(self, due: datetime, now: datetime) -> datetime:
        """With an exam date set, a review that would fall after the exam's eve comes on it."""
        if self.settings.exam_date is None:
            return due
        from quizapp.core.exam_date import cap_due
        from quizapp.core.stats import StudyDays

        return cap_due(
            due,
            now=now,
            exam_day=self.settings.exam_date,
            days=StudyDays.from_settings(self.settings),
        )

    def preview_intervals(self, key: CardKey) -> dict[Rating, timedelta]:
        now = self.clock.now()
        row = self._row(key)
        return {
            rating: self._before_exam(
                self._review(self._exact, self._fsrs_card(row, now), rating, now).due, now
            )
            - now
            for rating in Rating
        }

    def answer(
        self,
        key: CardKey,
        rating: Rating,
        *,
        mode: Mode = Mode.review,
        duration_ms: int = 0,
        answer: str | None = None,
        at: datetime | None = None,
    ) -> AnswerResult:
        """Record an answer durably; returns once it is committed.

        `at` replays an answer given in the past (imported history); it must be aware.
        """
        rating, mode = Rating(rating), Mode(mode)
        became_leech = False
        now = self.clock.now() if at is None else at.astimezone(UTC)
        now_ms = _ms(now)
        with self._transaction() as db:
            row = self._row(key)
            before = json.dumps(dict(zip(_RESTORED, row, strict=True)))
            if mode is Mode.review:
                card = self._review(self._scheduler, self._fsrs_card(row, now), rating, now)
                card.due = self._before_exam(card.due, now)
                lapsed = row[0] == REVIEW and int(card.state) == RELEARNING
                db.execute(
                    "UPDATE card SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                    "last_review = ?, reps = reps + 1, lapses = lapses + ?, "
                    "introduced = COALESCE(introduced, ?), reviewed_hash = content_hash "
                    "WHERE deck_id = ? AND card_id = ?",
                    (
                        int(card.state),
                        card.step,
                        card.stability,
                        card.difficulty,
                        _ms(card.due),
                        now_ms,
                        int(lapsed),
                        now_ms,
                        *key,
                    ),
                )
                next_due, interval = card.due, card.due - now
                became_leech = lapsed and is_leech_lapse(row[7] + 1, self.settings.leech_lapses)
                if became_leech:
                    db.execute(
                        "UPDATE card SET leech = 1, suspended = ? "
                        "WHERE deck_id = ? AND card_id = ?",
                        (SUSPENDED_AS_LEECH, *key),
                    )
            elif mode in (Mode.quiz, Mode.exam) and rating is Rating.again:
                db.execute(
                    "UPDATE card SET due = ? WHERE deck_id = ? AND card_id = ?", (now_ms, *key)
                )
                next_due, interval = now, timedelta(0)
            else:
                next_due = _dt(row[4])
                interval = None if next_due is None else next_due - now
            review_id = db.execute(
                "INSERT INTO review_log (deck_id, card_id, rating, reviewed_at, duration_ms, mode, "
                "answer, before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (*key, int(rating), now_ms, max(0, int(duration_ms)), mode.value, answer, before),
            ).lastrowid
        if mode in (Mode.review, Mode.practice):
            # An exam's or quiz's answers are final once submitted: never undone from review.
            self._undo.append(review_id)
        return AnswerResult(key, rating, next_due, interval, review_id, became_leech)

    def deck_has_reviews(self, deck_id: str) -> bool:
        return (
            self._conn.execute(
                "SELECT 1 FROM review_log WHERE deck_id = ? LIMIT 1", (deck_id,)
            ).fetchone()
            is not None
        )

    def import_history(
        self, deck_id: str, reviews: Iterable[tuple[str, int, datetime, int]]
    ) -> int:
        """Replay another tool's review log (card id, rating, time, ms) through FSRS.

        Only into a deck with no answers yet, so importing twice adds nothing.
        Reviews of cards the deck does not have are left out. Returns how many
        were recorded.
        """
        if self.deck_has_reviews(deck_id):
            return 0
        known = {
            r[0]
            for r in self._conn.execute("SELECT card_id FROM card WHERE deck_id = ?", (deck_id,))
        }
        undo_depth = len(self._undo)
        count = 0
        for card_id, rating, at, duration in sorted(reviews, key=lambda r: r[2]):
            if card_id in known:
                self.answer(
                    CardKey(deck_id, card_id),
                    Rating(rating),
                    at=at,
                    duration_ms=duration,
                    answer="imported",
                )
                count += 1
        del self._undo[undo_depth:]  # imported history is not the learner's to undo
        return count

    def undo(self) -> CardKey | None:
        """Take back this session's last answer: state restored, log entry removed."""
        while self._undo:
            review_id = self._undo.pop()
            with self._transaction() as db:
                row = db.execute(
                    "SELECT deck_id, card_id, before FROM review_log WHERE id = ?", (review_id,)
                ).fetchone()
                if row is None:
                    continue  # already gone (another window undid it)
                db.execute(_UNDO_SQL, {**json.loads(row[2]), "deck_id": row[0], "card_id": row[1]})
                db.execute("DELETE FROM review_log WHERE id = ?", (review_id,))
            return CardKey(row[0], row[1])
        return None

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    # -- the learner's marks on cards: suspend, bury, flag, reset, report ----------------

    def _mark(self, sql: str, keys: Iterable[CardKey], *args: object) -> int:
        with self._transaction() as db:
            return sum(
                db.execute(sql + " WHERE deck_id = ? AND card_id = ?", (*args, *key)).rowcount
                for key in keys
            )

    def suspend(self, keys: Iterable[CardKey]) -> int:
        """Never shown again until unsuspended; returns how many cards were changed."""
        return self._mark("UPDATE card SET suspended = ?", keys, SUSPENDED_BY_LEARNER)

    def suspended(self) -> set[CardKey]:
        """Every suspended card (by the learner or as a leech): quizzes and exams skip them."""
        return {
            CardKey(*row)
            for row in self._conn.execute("SELECT deck_id, card_id FROM card WHERE suspended")
        }

    def unsuspend(self, keys: Iterable[CardKey]) -> int:
        """Back in the queues; a leech keeps its leech mark (and is suspended at its next one)."""
        return self._mark("UPDATE card SET suspended = 0", keys)

    def bury(self, keys: Iterable[CardKey]) -> datetime:
        """Hidden until the next study day starts (the rollover hour); returns when that is."""
        until = self.day_start() + timedelta(days=1)
        self._mark("UPDATE card SET buried_until = ?", keys, _ms(until))
        return until

    def unbury(self, keys: Iterable[CardKey]) -> int:
        return self._mark("UPDATE card SET buried_until = NULL", keys)

    def set_flag(self, keys: Iterable[CardKey], flag: int) -> int:
        """Flag 1-4 (red, orange, green, blue) or 0 to clear it."""
        if flag not in (0, *FLAGS):
            raise ValueError(f"flag must be 0 or one of {sorted(FLAGS)}")
        return self._mark("UPDATE card SET flag = ?", keys, flag)

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
            return db.execute(
                "UPDATE card SET due = ?, stability = coalesce(?, stability), "
                "difficulty = coalesce(?, difficulty) "
                "WHERE deck_id = ? AND card_id = ? AND state != 0",
                (_ms(due), stability, difficulty, *key),
            ).rowcount

    def reset(self, keys: Iterable[CardKey]) -> int:
        """Forget the cards' progress: new again, leech mark gone. The review log is kept."""
        count = self._mark(
            "UPDATE card SET state = 0, step = NULL, stability = NULL, difficulty = NULL, "
            "due = NULL, last_review = NULL, reps = 0, lapses = 0, introduced = NULL, "
            "reviewed_hash = NULL, leech = 0, "
            f"suspended = CASE suspended WHEN {SUSPENDED_AS_LEECH} THEN 0 ELSE suspended END",
            keys,
        )
        self._undo.clear()  # undoing an older answer would bring the forgotten progress back
        return count

    def report(self, key: CardKey, note: str) -> int:
        """Note a problem with a card for its deck's author; kept until the card is reworded."""
        note = " ".join(note.split())
        if not note:
            raise ValueError("a report needs a note saying what is wrong")
        now = _ms(self.clock.now())
        with self._transaction() as db:
            row = db.execute(
                "SELECT content_hash FROM card WHERE deck_id = ? AND card_id = ?", key
            ).fetchone()
            if row is None:
                raise KeyError(f"no card {key.card_id!r} in deck {key.deck_id!r}")
            return db.execute(
                "INSERT INTO card_report (deck_id, card_id, note, content_hash, reported_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (*key, note, row[0], now),
            ).lastrowid

    def reports(self, deck_ids: Iterable[str] | None = None) -> list[CardReport]:
        """Problems noted on cards not reworded since, oldest first."""
        return _reports(self._conn, deck_ids)

    def browse(self) -> list[BrowseRow]:
        """Every card in a deck with what a card browser shows and sorts by (no card text)."""
        now = self.clock.now()
        now_ms = _ms(now)
        decay = -self._scheduler.parameters[20]
        factor = 0.9 ** (1 / decay) - 1
        rows = []
        for (
            deck_id,
            card_id,
            state,
            due,
            stability,
            difficulty,
            last,
            reps,
            lapses,
            suspended,
            buried,
            flag,
            leech,
            studyable,
            tags,
        ) in self._conn.execute(
            "SELECT deck_id, card_id, state, due, stability, difficulty, last_review, reps, "
            "lapses, suspended, buried_until, flag, leech, studyable, tags FROM card "
            "WHERE present ORDER BY deck_id, position"
        ):
            recall = None
            if stability and last is not None:
                days = max(0, (now_ms - last) // 86_400_000)
                recall = (1 + factor * days / stability) ** decay
            rows.append(
                BrowseRow(
                    CardKey(deck_id, card_id),
                    STATE_NAMES[state],
                    _dt(due) if state != NEW else None,
                    lapses,
                    reps,
                    difficulty,
                    recall,
                    bool(suspended),
                    buried is not None and buried > now_ms,
                    flag,
                    bool(leech),
                    not studyable,
                    tags.split(),
                )
            )
        return rows

    # -- reading progress ---------------------------------------------------------------

    def progress(self, key: CardKey) -> CardProgress:
        row = self._conn.execute(
            "SELECT state, due, stability, difficulty, reps, lapses, last_review, content_hash, "
            "reviewed_hash, present, suspended, leech, flag, buried_until FROM card "
            "WHERE deck_id = ? AND card_id = ?",
            key,
        ).fetchone()
        if row is None:
            raise KeyError(f"no card {key.card_id!r} in deck {key.deck_id!r}")
        state, due, stability, difficulty, reps, lapses, last, content, reviewed, present = row[:10]
        suspended, leech, flag, buried = row[10:]
        now = _ms(self.clock.now())
        return CardProgress(
            key=CardKey(*key),
            state=STATE_NAMES[state],
            due=_dt(due),
            stability=stability,
            difficulty=difficulty,
            reps=reps,
            lapses=lapses,
            last_review=_dt(last),
            changed_since_review=reviewed is not None and reviewed != content,
            present=bool(present),
            suspended=bool(suspended),
            leech=bool(leech),
            flag=flag,
            buried_until=_dt(buried) if buried is not None and buried > now else None,
        )

    def review_log(self, key: CardKey | None = None) -> list[ReviewRecord]:
        sql = (
            "SELECT id, deck_id, card_id, rating, reviewed_at, duration_ms, mode, answer "
            "FROM review_log"
        )
        args: tuple = ()
        if key is not None:
            sql += " WHERE deck_id = ? AND card_id = ?"
            args = tuple(key)
        rows = self._conn.execute(sql + " ORDER BY id", args).fetchall()
        return [
            ReviewRecord(r[0], CardKey(r[1], r[2]), Rating(r[3]), _dt(r[4]), r[5], Mode(r[6]), r[7])
            for r in rows
        ]

    def export_review_log_csv(self) -> str:
        """The review log in the FSRS tools' format: card_id, rating, time, duration."""
        lines = ["card_id,review_rating,review_time,review_duration"]
        for r in self.review_log():
            if r.mode is Mode.review:
                lines.append(
                    f"{r.key.deck_id}/{r.key.card_id},{int(r.rating)},"
                    f"{r.reviewed_at.isoformat()},{r.duration_ms}"
                )
        return "\n".join(lines) + "\n"


def _reports(conn: sqlite3.Connection, deck_ids: Iterable[str] | None) -> list[CardReport]:
    sql = (
        "SELECT r.deck_id, r.card_id, r.note, r.reported_at FROM card_report r "
        "JOIN card c ON c.deck_id = r.deck_id AND c.card_id = r.card_id "
        "WHERE r.content_hash = c.content_hash"
    )
    args: list[str] = []
    if deck_ids is not None:
        args = list(deck_ids)
        sql += f" AND r.deck_id IN ({','.join('?' * len(args))})"
    rows = conn.execute(sql + " ORDER BY r.reported_at, r.id", args).fetchall()
    return [CardReport(CardKey(d, c), note, _dt(at)) for d, c, note, at in rows]


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


def _use_wal(conn: sqlite3.Connection, patience_s: float = 30.0) -> None:
    """Switch to WAL, waiting while another process holds the database.

    Unlike other statements, this one can fail at once with "database is locked" (SQLite
    skips its busy handler here to avoid a deadlock) when two windows start together, so
    it is retried as the busy handler would.
    """
    delay, waited = 0.001, 0.0
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as error:
            if not error.sqlite_errorname.startswith("SQLITE_BUSY") or waited >= patience_s:
                raise
        sleep(delay)
        waited += delay
        delay = min(delay * 2, 0.05)


def _tag_filter(tags: Iterable[str] | None) -> tuple[str, list[str]]:
    tags = [t for t in (tags or []) if t]
    if not tags:
        return "", []
    # Tags are stored space-delimited (' a b '), so ' a ' matches whole tags only, and
    # ' a::%' the tags nested under it (as Anki's tag:a matches a::b).
    escaped = [t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for t in tags]
    clause = " OR ".join("tags LIKE ? ESCAPE '\\' OR tags LIKE ? ESCAPE '\\'" for _ in tags)
    return f"AND ({clause})", [p for t in escaped for p in (f"% {t} %", f"% {t}::%")]
