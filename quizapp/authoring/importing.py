"""`quizapp import`: an Anki package or a CSV/TSV table written as a YAML deck.

Imported cards cite no source document (the loader warns about that, as it
should). Review history from Anki goes to `<deck>.history.csv` beside the
deck in the shared FSRS log format: card_id, review_rating, review_time
(ISO, UTC), review_duration (ms). The deck and its history are written
together or not at all.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.authoring.anki_import import HistoryRow, import_package
from quizapp.authoring.csv_import import import_table
from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.ids import check_deck_id, slugify
from quizapp.authoring.yamlio import deck_yaml, schema_comment, write_files
from quizapp.deck.model import Deck

TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".txt")
HISTORY_COLUMNS = ("card_id", "review_rating", "review_time", "review_duration")


@dataclass
class ImportResult:
    path: Path
    cards: int
    history_path: Path | None = None
    reviews: int = 0
    skipped: list[str] = field(default_factory=list)


def history_path(deck_path: Path) -> Path:
    return deck_path.with_name(deck_path.stem + ".history.csv")


def history_csv(rows: list[HistoryRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HISTORY_COLUMNS)
    for row in rows:
        writer.writerow([row.card_id, row.review_rating, row.review_time, row.review_duration])
    return out.getvalue()


def import_deck(
    source: Path,
    out: Path,
    *,
    deck_id: str | None = None,
    title: str | None = None,
    skip: bool = False,
) -> ImportResult:
    source, out = Path(source), Path(out)
    check_deck_id(deck_id, source)
    title = title.strip() if title else None
    if out.suffix not in (".yaml", ".yml"):
        raise AuthoringError(
            out, "a deck file must end in .yaml", "give --out NAME.yaml", content=False
        )
    suffix = source.suffix.lower()
    history: list[HistoryRow] = []
    skipped: list[str] = []
    if suffix in (".apkg", ".colpkg"):
        imported = import_package(source, skip=skip)
        cards, history, skipped = imported.cards, imported.history, imported.skipped
        found_title = imported.title
    elif suffix in TABLE_SUFFIXES:
        cards, found_title = import_table(source), source.stem
    else:
        raise AuthoringError(
            source,
            f"cannot import {suffix or 'a file without extension'}",
            "give an Anki package (.apkg) or a table (.csv, .tsv, or Quizlet's .txt export)",
            content=False,
        )
    if not cards:
        raise AuthoringError(source, "holds no cards that can be imported")
    cards = _unique_ids(cards)
    deck = Deck(
        id=deck_id or slugify(out.stem, 60) or "imported",
        title=title or found_title,
        description=f"Imported from {source.name}.",
        cards=cards,
    )
    header = (
        schema_comment()
        + f"# Imported from {source.name}. The cards cite no source document yet:\n"
        + "# add `sources` and a `source` quote to each to silence `quizapp check`.\n"
    )
    files: dict[Path, str | bytes] = {out: deck_yaml(deck, header)}
    side = None
    if history:
        side = history_path(out)
        files[side] = history_csv(history)
    write_files(files)
    return ImportResult(out, len(cards), side, len(history), skipped)


def _unique_ids(cards: list) -> list:
    """Two notes that slug and hash alike still get ids of their own."""
    seen: dict[str, int] = {}
    out = []
    for card in cards:
        count = seen.get(card.id, 0) + 1
        seen[card.id] = count
        out.append(card if count == 1 else card.model_copy(update={"id": f"{card.id}-{count}"}))
    return out
