"""What to study: the day's counts, the study and practice queues, the next card, the next due.

Times are epoch milliseconds; the caller gives now and the study day's bounds.
"""

from __future__ import annotations

import sqlite3
import string
from collections.abc import Iterable

from quizapp.core.storage.records import CardKey, Counts, TagCount

SOURCE_TAG = "source:"  # a card's documents are kept among its tags, as source:<document id>,
# so one index filters both
# The index each query is written for, named: without statistics SQLite was seen to scan a
# deck's cards by primary key and sort them (26 ms at 100,000 cards) instead.
DUE = "INDEXED BY card_due"  # (state, due): the soonest due first, across decks
STUDY = "INDEXED BY card_study"  # (deck, state, due, ...): counts without reading the table


def _available(now_ms: int) -> str:
    """Cards the queues may show: in a deck, not a draft, not suspended, not buried now."""
    return (
        "present AND studyable AND suspended = 0 "
        f"AND (buried_until IS NULL OR buried_until <= {int(now_ms)})"
    )


def _any_tag(tags: Iterable[str] | None) -> tuple[str, list[str]]:
    tags = [t for t in (tags or []) if t]
    if not tags:
        return "", []
    # Tags are stored space-delimited (' a b '), so ' a ' matches whole tags only, and
    # ' a::%' the tags nested under it (as Anki's tag:a matches a::b).
    escaped = [t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for t in tags]
    clause = " OR ".join("tags LIKE ? ESCAPE '\\' OR tags LIKE ? ESCAPE '\\'" for _ in tags)
    return f"AND ({clause})", [p for t in escaped for p in (f"% {t} %", f"% {t}::%")]


def _tag_filter(tags: Iterable[str] | None, sources: Iterable[str] | None) -> tuple[str, list[str]]:
    """Cards with any of ``tags`` and citing any of ``sources`` (document ids); either may be
    empty (no filter). The one filter of the counts and of every queue, so the counts are
    what the queue then shows (``matches`` is the same in Python)."""
    tag_sql, tag_args = _any_tag(tags)
    source_sql, source_args = _any_tag([SOURCE_TAG + s for s in (sources or []) if s])
    return f"{tag_sql} {source_sql}", [*tag_args, *source_args]


def _in(count: int) -> str:
    return f"deck_id IN ({','.join('?' * count)})"


def counts(
    db: sqlite3.Connection,
    deck_ids: list[str] | None,
    bounds: tuple[int, int, int],
    new_per_day: int,
    *,
    tags: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
    reviews_due: dict[str, int] | None = None,
) -> dict[str, Counts]:
    """New (within the day's limit), learning due now and reviews due today, per deck: read
    from the card_study index, so the cost grows with the cards due, not the collection.
    ``reviews_due``: the decks' reviews due today, already known (kept by the caller)."""
    now, start, end = bounds
    if deck_ids is None:
        deck_ids = [d for (d,) in db.execute("SELECT DISTINCT deck_id FROM card")]
    where, args = _tag_filter(tags, sources)
    found = {}
    for deck in deck_ids:
        base = f"deck_id = ? AND {_available(now)} {where}"
        learning = db.execute(
            f"SELECT COUNT(*) FROM card {STUDY} WHERE {base} AND state IN (1, 3) AND due <= ?",
            (deck, *args, now),
        ).fetchone()[0]
        due = (reviews_due or {}).get(deck)
        if due is None:
            due = db.execute(
                f"SELECT COUNT(*) FROM card {STUDY} WHERE {base} AND state = 2 AND due < ?",
                (deck, *args, end),
            ).fetchone()[0]
        room = max(0, new_per_day - introduced_since(db, deck, start))
        new = 0
        if room:
            new = db.execute(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM card {STUDY} WHERE {base} AND state = 0 "
                "LIMIT ?)",
                (deck, *args, room),
            ).fetchone()[0]
        found[deck] = Counts(new, learning, due)
    return found


def stored_tags(tags: Iterable[str], document: str | None) -> list[str]:
    """A card's tags as the store keeps and filters them: its own, then source:<document> for
    the document it cites (last: studied_tags reads the text before it as the card's own)."""
    return [*tags, *([SOURCE_TAG + document] if document else [])]


# SQLite's LIKE ignores the case of ASCII letters only; so does ``matches``.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def fold_case(text: str) -> str:
    """``text`` as the tag filter compares it: ASCII letters in lower case, others as written."""
    return text.translate(_ASCII_LOWER)


def has_tag(folded_tags_text: str, folded_tag: str) -> bool:
    """Whether stored tags (' a b ', case folded) hold ``folded_tag`` or a tag nested under it:
    the rule of the tag filter, for anything that tests cards in Python."""
    return f" {folded_tag} " in folded_tags_text or f" {folded_tag}::" in folded_tags_text


def matches(tags_text: str, tags: Iterable[str] | None, sources: Iterable[str] | None) -> bool:
    """Whether a card's stored tags (' a b ') pass the filter of _tag_filter, in Python: the
    one rule for anything that picks cards without the store (quizzes and exams)."""
    text = fold_case(tags_text)
    wanted = [fold_case(t) for t in (tags or []) if t]
    documents = [fold_case(SOURCE_TAG + s) for s in (sources or []) if s]
    return all(not group or any(has_tag(text, t) for t in group) for group in (wanted, documents))


def card_matches(
    card_tags: Iterable[str],
    document: str | None,
    tags: Iterable[str] | None,
    sources: Iterable[str] | None,
) -> bool:
    """Whether a deck's card (its tags, the document it cites) passes the filter of the counts
    and the queues: a tag matches the tags nested under it, as Anki's tag:a matches a::b."""
    return matches(f" {' '.join(stored_tags(card_tags, document))} ", tags, sources)


def tag_tree(card_tags: Iterable[tuple[Iterable[str], int]]) -> list[TagCount]:
    """Every tag the cards carry and every tag above one (``upsc`` above ``upsc::polity``,
    as Anki's sidebar lists them), each parent before the tags under it, with the number of
    cards the filter of that tag picks. ``card_tags``: each set of tags cards carry, and how
    many cards carry it. Tags differing in case only are one, spelt as first seen."""
    spelling: dict[str, str] = {}
    cards: dict[str, int] = {}
    for tags, count in card_tags:
        picked_by = set()
        for tag in tags:
            folded = fold_case(tag)
            # The tag picks the card, and so does each tag ending where a '::' starts in it
            # (has_tag); no other does.
            end = tag.find("::", 1)
            while end != -1:
                picked_by.add(folded[:end])
                spelling.setdefault(folded[:end], tag[:end])
                end = tag.find("::", end + 1)
            if tag:
                picked_by.add(folded)
                spelling.setdefault(folded, tag)
        for folded in picked_by:
            cards[folded] = cards.get(folded, 0) + count
    return [
        TagCount(spelling[folded], folded.count("::"), cards[folded])
        for folded in sorted(cards, key=lambda t: t.split("::"))
    ]


def studied_tags(db: sqlite3.Connection, decks: list[str]) -> list[TagCount]:
    """The tags of the decks' studyable cards and the tags above them (``tag_tree``): what a
    tag filter can pick, each with its cards (suspended and buried ones too)."""
    if not decks:
        return []
    # Counted per set of the cards' own tags (the text before source:, see stored_tags): a
    # collection has far fewer of those than cards (73,000 sets of tags and documents to 512
    # own at 100,000 cards: 0.11 s instead of 0.95 s, in a worker of the deck list).
    own = f"substr(tags, 1, instr(tags || ' {SOURCE_TAG}', ' {SOURCE_TAG}'))"
    rows = db.execute(
        f"SELECT {own}, COUNT(*) FROM card {STUDY} WHERE {_in(len(decks))} AND present "
        f"AND studyable GROUP BY {own}",
        decks,
    )
    return tag_tree(
        ([t for t in tags.split() if not t.startswith(SOURCE_TAG)], count) for tags, count in rows
    )


def introduced_since(db: sqlite3.Connection, deck_id: str, start_ms: int) -> int:
    """New cards of the deck first answered since ``start_ms`` (today's, against the limit)."""
    return db.execute(
        "SELECT COUNT(*) FROM card WHERE deck_id = ? AND introduced >= ?", (deck_id, start_ms)
    ).fetchone()[0]


def study_queue(
    db: sqlite3.Connection,
    decks: list[str],
    bounds: tuple[int, int, int],
    new_per_day: int,
    *,
    tags: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[CardKey]:
    """Learning cards due, then reviews due today, then new cards within each deck's limit."""
    now, start, end = bounds
    if not decks or limit == 0:
        return []
    tag_sql, tag_args = _tag_filter(tags, sources)
    in_decks = _in(len(decks))
    base = f"{_available(now)} AND {in_decks} {tag_sql}"
    cap = " LIMIT ?" if limit is not None else ""
    capped = [limit] if limit is not None else []
    queue = [
        CardKey(*r)
        for r in db.execute(
            f"SELECT deck_id, card_id FROM card {DUE} WHERE {base} AND state IN (1, 3) "
            f"AND due <= ? ORDER BY due{cap}",
            (*decks, *tag_args, now, *capped),
        )
    ]
    if limit is None or len(queue) < limit:
        queue += [
            CardKey(*r)
            for r in db.execute(
                f"SELECT deck_id, card_id FROM card {DUE} WHERE {base} AND state = 2 "
                "AND due < ? "
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
        room = new_per_day - introduced.get(deck, 0)
        if limit is not None:
            room = min(room, limit - len(queue))
        if room <= 0:
            continue
        # A card missed in a quiz or exam while still new comes first, then the deck's order
        # (deck.new_order), read from the card_new index in order: no sorting.
        one = f"deck_id = ? AND {_available(now)} {tag_sql} AND state = 0"
        rows = db.execute(
            f"SELECT deck_id, card_id FROM card {STUDY} WHERE {one} AND due IS NOT NULL "
            "ORDER BY due LIMIT ?",
            (deck, *tag_args, room),
        ).fetchall()
        if len(rows) < room:
            rows += db.execute(
                f"SELECT deck_id, card_id FROM card INDEXED BY card_new WHERE {one} "
                "AND due IS NULL "
                "ORDER BY rank LIMIT ?",
                (deck, *tag_args, room - len(rows)),
            ).fetchall()
        queue += [CardKey(*r) for r in rows]
    return queue


def learning_ahead(
    db: sqlite3.Connection,
    decks: list[str],
    now_ms: int,
    ahead_ms: int,
    tags: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
) -> CardKey | None:
    """The learning card due soonest before ``ahead_ms`` (shown early when nothing else is)."""
    tag_sql, tag_args = _tag_filter(tags, sources)
    row = db.execute(
        f"SELECT deck_id, card_id FROM card {DUE} WHERE {_available(now_ms)} "
        f"AND {_in(len(decks))} {tag_sql} AND state IN (1, 3) AND due <= ? ORDER BY due LIMIT 1",
        (*decks, *tag_args, ahead_ms),
    ).fetchone()
    return CardKey(*row) if row else None


def practice_queue(
    db: sqlite3.Connection,
    decks: list[str],
    now_ms: int,
    *,
    tags: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[CardKey]:
    """Cards to cram ahead of schedule: soonest due first, then new ones."""
    if not decks:
        return []
    tag_sql, tag_args = _tag_filter(tags, sources)
    rows = db.execute(
        f"SELECT deck_id, card_id FROM card WHERE {_available(now_ms)} AND {_in(len(decks))} "
        f"{tag_sql} ORDER BY state = 0, due, position" + (" LIMIT ?" if limit is not None else ""),
        (*decks, *tag_args, *([limit] if limit is not None else [])),
    ).fetchall()
    return [CardKey(*r) for r in rows]


def next_due(db: sqlite3.Connection, decks: list[str]) -> int | None:
    if not decks:
        return None
    return db.execute(
        "SELECT MIN(due) FROM card WHERE present AND studyable AND suspended = 0 "
        f"AND state != 0 AND {_in(len(decks))}",
        decks,
    ).fetchone()[0]
