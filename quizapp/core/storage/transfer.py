"""Progress moved between machines: the review log, card states, renames, reports, named
settings and exams read out, and merged in.

The file format is quizapp.core.progress_io's; this module only reads and writes the tables.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from quizapp.core.storage import config, exams

RENAME_COLUMNS = ("deck_id", "old_id", "new_id", "renamed_at")
REPORT_COLUMNS = ("deck_id", "card_id", "note", "content_hash", "reported_at")


class Snapshot(NamedTuple):
    """Everything a progress export holds, read at one moment."""

    reviews: list[tuple]  # deck, card, time, rating, before, ms, mode, answer
    cards: list[tuple]  # deck, card, content hash, *state columns
    renames: list[tuple]  # RENAME_COLUMNS
    reports: list[tuple]  # REPORT_COLUMNS
    settings: dict[str, str]  # name -> JSON text
    papers: list[tuple]  # exams.PAPER_COLUMNS
    questions: list[tuple]  # exams.QUESTION_COLUMNS, then the review's time, rating, mode
    answers: list[tuple]  # exams.ANSWER_COLUMNS


class Incoming(NamedTuple):
    """What another database's export adds; rows as mappings by column name."""

    reviews: Sequence[Mapping[str, object]]
    cards: Sequence[Mapping[str, object]]
    renames: Sequence[tuple] = ()
    reports: Sequence[tuple] = ()
    settings: Mapping[str, str] = {}
    papers: Sequence[Mapping[str, object]] = ()
    questions: Sequence[Mapping[str, object]] = ()  # with "review": (time, rating, mode)|None
    answers: Sequence[Mapping[str, object]] = ()


class MergeCounts(NamedTuple):
    reviews_added: int
    reviews_skipped: int
    cards_added: int
    cards_updated: int
    renames_added: int = 0
    reports_added: int = 0
    # Each setting sent: "taken", or "same"/"kept" when this database had its own.
    settings: dict[str, str] = {}
    papers_added: int = 0
    # Rows of the export for cards in no deck loaded here (kept, and matched by id when
    # their deck is loaded).
    reviews_without_card: int = 0
    cards_without_deck: int = 0


def snapshot(db: sqlite3.Connection, state_columns: Sequence[str]) -> Snapshot:
    """Read in the caller's transaction."""
    reviews = db.execute(
        "SELECT deck_id, card_id, reviewed_at, rating, before, duration_ms, mode, answer "
        "FROM review_log ORDER BY reviewed_at, id"
    ).fetchall()
    cards = db.execute(
        f"SELECT deck_id, card_id, content_hash, {', '.join(state_columns)} FROM card "
        "ORDER BY deck_id, position, card_id"
    ).fetchall()
    renames = db.execute(
        f"SELECT {', '.join(RENAME_COLUMNS)} FROM card_rename ORDER BY renamed_at, old_id"
    ).fetchall()
    reports = db.execute(
        f"SELECT {', '.join(REPORT_COLUMNS)} FROM card_report ORDER BY reported_at, id"
    ).fetchall()
    settings = dict(db.execute("SELECT name, value FROM setting ORDER BY name").fetchall())
    return Snapshot(reviews, cards, renames, reports, settings, *exams.snapshot(db))


def merge(db: sqlite3.Connection, incoming: Incoming, state_columns: Sequence[str]) -> MergeCounts:
    """Add what this database does not have yet, in the caller's transaction: answers (the
    same one: same deck, card, time, rating, mode), card states newer than this database's,
    renames, reports, settings it has none of, and papers."""
    in_decks = set(db.execute("SELECT deck_id, card_id FROM card WHERE present"))
    added = _merge_reviews(db, incoming.reviews)
    cards_added, cards_updated = _merge_cards(db, incoming.cards, state_columns)
    return MergeCounts(
        added,
        len(incoming.reviews) - added,
        cards_added,
        cards_updated,
        _merge_renames(db, incoming.renames),
        _merge_reports(db, incoming.reports),
        _merge_settings(db, incoming.settings),
        # After the review log: a question finds its review row by the answer's identity.
        exams.merge(db, incoming.papers, incoming.questions, incoming.answers),
        sum((r["deck_id"], r["card_id"]) not in in_decks for r in incoming.reviews),
        sum((c["deck_id"], c["card_id"]) not in in_decks for c in incoming.cards),
    )


def _merge_reviews(db: sqlite3.Connection, reviews: Sequence[Mapping[str, object]]) -> int:
    known = set(db.execute("SELECT deck_id, card_id, reviewed_at, rating, mode FROM review_log"))
    added = 0
    for review in reviews:
        identity = tuple(review[c] for c in ("deck_id", "card_id", "reviewed_at", "rating", "mode"))
        if identity in known:
            continue
        known.add(identity)
        db.execute(
            "INSERT INTO review_log (deck_id, card_id, rating, reviewed_at, duration_ms, mode, "
            "answer, before) VALUES (:deck_id, :card_id, :rating, :reviewed_at, :duration_ms, "
            ":mode, :answer, :before)",
            review,
        )
        added += 1
    return added


def _merge_cards(
    db: sqlite3.Connection,
    cards: Sequence[Mapping[str, object]],
    state_columns: Sequence[str],
) -> tuple[int, int]:
    last_reviews = {
        (d, c): last for d, c, last in db.execute("SELECT deck_id, card_id, last_review FROM card")
    }
    assignments = ", ".join(f"{c} = :{c}" for c in state_columns)
    cards_added = cards_updated = 0
    for card in cards:
        key = (card["deck_id"], card["card_id"])
        if key not in last_reviews:
            # Not in any deck here yet (present = 0): loading its deck matches it by id.
            columns = ["deck_id", "card_id", "content_hash", *state_columns]
            db.execute(
                f"INSERT INTO card ({', '.join(columns)}, present) "
                f"VALUES ({', '.join(':' + c for c in columns)}, 0)",
                card,
            )
            cards_added += 1
            continue
        here, there = last_reviews[key], card["last_review"]
        if here is not None and (there is None or here > there):  # type: ignore[operator]
            continue  # reviewed here since: this database's state is the newer one
        cards_updated += db.execute(
            f"UPDATE card SET {assignments} WHERE deck_id = :deck_id AND card_id = :card_id "
            f"AND NOT ({' AND '.join(f'{c} IS :{c}' for c in state_columns)})",
            card,
        ).rowcount
    return cards_added, cards_updated


def _merge_renames(db: sqlite3.Connection, renames: Sequence[tuple]) -> int:
    return sum(
        db.execute(
            f"INSERT OR IGNORE INTO card_rename ({', '.join(RENAME_COLUMNS)}) VALUES (?, ?, ?, ?)",
            rename,
        ).rowcount
        for rename in renames
    )


def _merge_reports(db: sqlite3.Connection, reports: Sequence[tuple]) -> int:
    known = set(db.execute(f"SELECT {', '.join(REPORT_COLUMNS)} FROM card_report"))
    added = 0
    for report in reports:
        if tuple(report) in known:
            continue
        known.add(tuple(report))
        db.execute(
            f"INSERT INTO card_report ({', '.join(REPORT_COLUMNS)}) VALUES (?, ?, ?, ?, ?)",
            report,
        )
        added += 1
    return added


def _merge_settings(db: sqlite3.Connection, settings: Mapping[str, str]) -> dict[str, str]:
    """A setting is taken when this database has none of its own (its own fitted parameters
    are kept: they were fitted to the reviews given here)."""
    outcome = {}
    for name, value in settings.items():
        mine = config.get(db, name)
        if mine is None:
            config.put(db, name, value)
            outcome[name] = "taken"
        else:
            outcome[name] = "same" if _same_json(mine, value) else "kept"
    return outcome


def _same_json(a: str, b: str) -> bool:
    try:
        return json.loads(a) == json.loads(b)
    except ValueError:
        return a == b
