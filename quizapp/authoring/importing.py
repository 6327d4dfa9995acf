"""`quizapp import`: an Anki package or a CSV/TSV table written as YAML decks.

A package gives one deck file per Anki deck that holds cards, titled with the
full `A::B::C` name. Imported cards cite no source document (the loader warns
about that, as it should). Pictures and sounds go to `<deck>.media/` beside
the deck file. Review history from Anki goes to `<deck>.history.csv` beside
the deck in the shared FSRS log format: card_id, review_rating, review_time
(ISO, UTC), review_duration (ms). All files are written together or not at all.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.authoring.anki_import import HistoryRow, ImportedDeck, StateRow, import_package
from quizapp.authoring.csv_import import import_table
from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.ids import check_deck_id, note_guid, oldest_id, slugify
from quizapp.authoring.yamlio import deck_yaml, schema_comment, write_files
from quizapp.deck.model import Deck

TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".txt")
HISTORY_COLUMNS = ("card_id", "review_rating", "review_time", "review_duration")
STATE_COLUMNS = ("card_id", "suspended", "buried", "flag", "due", "stability", "difficulty")
DECK_SUFFIXES = (".yaml", ".yml")


@dataclass
class WrittenDeck:
    path: Path
    cards: int
    history_path: Path | None = None
    reviews: int = 0
    media_files: int = 0
    state_path: Path | None = None


@dataclass
class ImportResult:
    decks: list[WrittenDeck] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    missing_media: list[str] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.decks[0].path

    @property
    def cards(self) -> int:
        return sum(d.cards for d in self.decks)


def history_path(deck_path: Path) -> Path:
    return deck_path.with_name(deck_path.stem + ".history.csv")


def state_path(deck_path: Path) -> Path:
    """Anki's suspended, buried and flagged cards, due dates and memory state, beside the deck."""
    return deck_path.with_name(deck_path.stem + ".state.csv")


def state_csv(rows: list[StateRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STATE_COLUMNS)
    for row in rows:
        writer.writerow(
            [
                row.card_id,
                int(row.suspended),
                int(row.buried),
                row.flag,
                row.due,
                "" if row.stability is None else row.stability,
                "" if row.difficulty is None else row.difficulty,
            ]
        )
    return out.getvalue()


def media_folder_name(deck_path: Path) -> str:
    """The folder beside a deck file that holds its pictures and sounds."""
    return deck_path.stem + ".media"


def history_csv(rows: list[HistoryRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HISTORY_COLUMNS)
    for row in rows:
        writer.writerow([row.card_id, row.review_rating, row.review_time, row.review_duration])
    return out.getvalue()


def import_deck(
    source: Path,
    out: Path | None = None,
    *,
    folder: Path | None = None,
    deck_id: str | None = None,
    title: str | None = None,
    skip: bool = False,
    separator: str | None = None,
) -> ImportResult:
    """Write the deck(s) in `source` to `out` (a .yaml file, or for several decks a folder).

    Without `out`, deck files go to `folder`, named after the file or the Anki decks.
    """
    source = Path(source)
    check_deck_id(deck_id, source)
    title = title.strip() if title else None
    if out is None and folder is None:
        raise AuthoringError(
            source, "no place to write the deck to", "give --out NAME.yaml", content=False
        )
    out = Path(out) if out is not None else None
    if out is not None and out.is_dir():
        out, folder = None, out
    suffix = source.suffix.lower()
    if out is not None and out.suffix not in DECK_SUFFIXES and out.suffix:
        raise AuthoringError(
            out, "a deck file must end in .yaml", "give --out NAME.yaml", content=False
        )
    if suffix in (".apkg", ".colpkg"):
        imported = import_package(source, skip=skip)
        result = ImportResult(skipped=imported.skipped, missing_media=imported.missing_media)
        decks = imported.decks
    elif suffix in TABLE_SUFFIXES:
        result, decks = ImportResult(), import_table(source, separator=separator)
    else:
        raise AuthoringError(
            source,
            f"cannot import {suffix or 'a file without extension'}",
            "give an Anki package (.apkg) or a table (.csv, .tsv, or Quizlet's .txt export)",
            content=False,
        )
    if not decks:
        raise AuthoringError(source, "holds no cards that can be imported")
    _write_decks(result, decks, source, out, folder, deck_id, title)
    return result


def _deck_file(out: Path | None, folder: Path | None, stem: str) -> Path:
    if out is None or not out.suffix:  # a folder
        return Path(out or folder or ".") / f"{slugify(stem, 60) or 'imported'}.yaml"
    return out


def _write_decks(
    result: ImportResult,
    decks: list[ImportedDeck],
    source: Path,
    out: Path | None,
    folder: Path | None,
    deck_id: str | None,
    title: str | None,
) -> None:
    """One deck file per deck: `out` itself for one deck, files in a folder for several."""
    targets: dict[str, Path] = {}
    several = len(decks) > 1
    if several:
        if out is not None and out.suffix in DECK_SUFFIXES:
            names = ", ".join(d.name for d in decks)
            raise AuthoringError(
                out,
                f"{source.name} holds {len(decks)} decks ({names}); each is written to a "
                "deck file of its own",
                "give --out FOLDER, or leave --out out to use your deck folder",
                content=False,
            )
        if title:
            raise AuthoringError(
                source,
                f"it holds {len(decks)} decks, each titled by its own name: --title cannot "
                "name them all",
                "leave --title out",
                content=False,
            )
        where = Path(out if out is not None else folder or ".")
        prefix = f"{deck_id}-" if deck_id else ""
        taken: set[str] = set()
        for deck in decks:
            stem = f"{prefix}{slugify(deck.name, 60) or 'imported'}"
            unique, count = stem, 1
            while unique in taken:  # "A::B" and "A-B" slug alike
                count += 1
                unique = f"{stem}-{count}"
            taken.add(unique)
            targets[deck.name] = where / f"{unique}.yaml"
    else:
        targets[decks[0].name] = _deck_file(out, folder, source.stem)
    files: dict[Path, str | bytes] = {}
    for deck in decks:
        path = targets[deck.name]
        _place_media(deck, media_folder_name(path))
        name = deck.name if deck.name not in ("Default", "") else source.stem
        own_id = None if several else deck_id
        result.decks.append(_stage(files, deck, source, path, own_id, title or name))
    write_files(files)


def _place_media(deck: ImportedDeck, folder: str) -> None:
    """Media come by bare file name: put them in the deck's media folder."""
    deck.media = {f"{folder}/{name}": data for name, data in deck.media.items()}
    moved = []
    for card in deck.cards:
        if card.media:
            media = [m.model_copy(update={"file": f"{folder}/{m.file}"}) for m in card.media]
            card = card.model_copy(update={"media": media})
        moved.append(card)
    deck.cards = moved


def _stage(
    files: dict[Path, str | bytes],
    imported: ImportedDeck,
    source: Path,
    out: Path,
    deck_id: str | None,
    title: str,
) -> WrittenDeck:
    deck_id = deck_id or slugify(out.stem, 60) or "imported"
    # A GUID that export would derive anyway (a quizapp CSV read back) need not be kept.
    cards = [
        c.model_copy(update={"guid": None}) if c.guid == note_guid(deck_id, oldest_id(c)) else c
        for c in _unique_ids(imported.cards)
    ]
    deck = Deck(
        id=deck_id,
        title=title,
        description=f"Imported from {source.name}.",
        cards=cards,
    )
    header = (
        schema_comment()
        + f"# Imported from {source.name}. The cards cite no source document yet:\n"
        + "# add `sources` and a `source` quote to each to silence `quizapp check`.\n"
    )
    files[out] = deck_yaml(deck, header)
    written = WrittenDeck(out, len(cards))
    if imported.history:
        written.history_path = history_path(out)
        written.reviews = len(imported.history)
        files[written.history_path] = history_csv(imported.history)
    if imported.states:
        renamed = {old.id: new.id for old, new in zip(imported.cards, cards, strict=True)}
        rows = [
            StateRow(**{**vars(row), "card_id": renamed.get(row.card_id, row.card_id)})
            for row in imported.states
        ]
        written.state_path = state_path(out)
        files[written.state_path] = state_csv(rows)
    for relative, data in imported.media.items():
        files[out.parent / relative] = data
    written.media_files = len(imported.media)
    return written


def _unique_ids(cards: list) -> list:
    """Two notes that slug and hash alike still get ids of their own."""
    seen: dict[str, int] = {}
    out = []
    for card in cards:
        count = seen.get(card.id, 0) + 1
        seen[card.id] = count
        out.append(card if count == 1 else card.model_copy(update={"id": f"{card.id}-{count}"}))
    return out
