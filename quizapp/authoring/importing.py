"""`quizapp import`: an Anki package or a CSV/TSV table written as YAML decks.

A package gives one deck file per Anki deck that holds cards, titled with the
full `A::B::C` name. Imported cards cite no source document (the loader warns
about that, as it should). Pictures and sounds go to `<deck>.media/` beside
the deck file. Review history from Anki goes to `<deck>.history.csv` beside
the deck in the shared FSRS log format: card_id, review_rating, review_time
(ISO, UTC), review_duration (ms). All files are written together or not at all.
"""

from __future__ import annotations

import contextlib
import csv
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from quizapp.authoring.anki_import import (
    HistoryRow,
    StateRow,
    convert_notes,
    deck_name,
    history_rows,
    kept_note_type,
)
from quizapp.authoring.anki_package import open_package, read_media
from quizapp.authoring.csv_import import import_table
from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.ids import check_deck_id, is_note_guid, oldest_id, slugify
from quizapp.authoring.yamlio import (
    Staging,
    cards_yaml,
    deck_head_yaml,
    note_types_yaml,
    schema_comment,
)
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


def _state_cells(row: StateRow) -> list:
    return [
        row.card_id,
        int(row.suspended),
        int(row.buried),
        row.flag,
        row.due,
        "" if row.stability is None else row.stability,
        "" if row.difficulty is None else row.difficulty,
    ]


def media_folder_name(deck_path: Path) -> str:
    """The folder beside a deck file that holds its pictures and sounds."""
    return deck_path.stem + ".media"


def import_deck(
    source: Path,
    out: Path | None = None,
    *,
    folder: Path | None = None,
    deck_id: str | None = None,
    title: str | None = None,
    skip: bool = False,
    separator: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the deck(s) in `source` to `out` (a .yaml file, or for several decks a folder).

    Without `out`, deck files go to `folder`, named after the file or the Anki decks. An Anki
    package is read and written a note at a time, telling `progress` (notes done, of how
    many) as it goes.
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
    places = _Places(source, out, folder, deck_id, title)
    if suffix in (".apkg", ".colpkg"):
        with _fewer_collections():
            return _import_package(source, places, skip, progress)
    if suffix not in TABLE_SUFFIXES:
        raise AuthoringError(
            source,
            f"cannot import {suffix or 'a file without extension'}",
            "give an Anki package (.apkg) or a table (.csv, .tsv, or Quizlet's .txt export)",
            content=False,
        )
    decks = import_table(source, separator=separator)
    result = ImportResult()
    with Staging() as staging:
        files = places.deck_files(staging, [d.name for d in decks])
        for deck in decks:
            for card in deck.cards:
                files[deck.name].add(card)
        result.decks = [f.finish() for f in files.values()]
        staging.commit()
    return result


# (notes done, notes in all): told at the start, every thousand notes and at the end.
Progress = Callable[[int, int], None]


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """The garbage collector run less often: a package's import makes a few short-lived
    objects per card (hundreds of thousands, none in a cycle that holds memory for long),
    and collecting every 700 of them costs a tenth of its time."""
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _import_package(
    source: Path, places: _Places, skip: bool, progress: Progress | None
) -> ImportResult:
    result = ImportResult()
    problems: list[AuthoringError] = []
    with open_package(source) as package, Staging() as staging:
        names = {deck_name(package, d) for d in package.deck_ids()}
        if package.has_notes_without_cards():
            names.add(source.stem)
        files = places.deck_files(staging, sorted(names, key=str.casefold))
        for file in files.values():
            file.note_types = package.collection.note_types
        reviewed = package.reviewed_cards()
        card_ids: dict[int, tuple[str, str]] = {}  # Anki card id: (deck, card id), if reviewed
        total = package.note_count()
        if progress is not None:
            progress(0, total)
        notes = convert_notes(
            package,
            skip=skip,
            problems=problems,
            skipped=result.skipped,
            notes_done=None if progress is None else lambda done: progress(done, total),
        )
        for converted in notes:
            card_id = files[converted.deck].add(converted.card, converted.state)
            if converted.anki_card in reviewed:
                card_ids[converted.anki_card] = (converted.deck, card_id)  # type: ignore[index]
        if problems:
            raise AuthoringError.of_all(
                source,
                problems,
                "notes cannot be imported",
                "fix them in Anki, or pass --skip to leave them out",
            )
        for deck, row in history_rows(package, card_ids):
            files[deck].add_history(row)
        for file in files.values():
            for name in sorted(file.media):
                data = read_media(source, package.collection, name)
                if data is None:
                    result.missing_media.append(name)
                    file.media.discard(name)
                else:
                    staging.write(file.path.parent / file.media_folder / name, data)
        for name, file in list(files.items()):
            if not file.cards:  # every note of the deck left out
                file.discard()
                del files[name]
        if not files:
            raise AuthoringError(source, "holds no cards that can be imported")
        result.decks = [f.finish() for f in files.values()]
        staging.commit()
    return result


class _Places:
    """Where each deck of an import goes: `out` itself for one deck, files in a folder for
    several, named after their decks."""

    def __init__(
        self,
        source: Path,
        out: Path | None,
        folder: Path | None,
        deck_id: str | None,
        title: str | None,
    ) -> None:
        self.source, self.out, self.folder = source, out, folder
        self.deck_id, self.title = deck_id, title

    def deck_files(self, staging: Staging, names: list[str]) -> dict[str, _DeckFile]:
        source, out, title = self.source, self.out, self.title
        if not names:
            raise AuthoringError(source, "holds no cards that can be imported")
        several = len(names) > 1
        targets: dict[str, Path] = {}
        if several:
            if out is not None and out.suffix in DECK_SUFFIXES:
                raise AuthoringError(
                    out,
                    f"{source.name} holds {len(names)} decks ({', '.join(names)}); each is "
                    "written to a deck file of its own",
                    "give --out FOLDER, or leave --out out to use your deck folder",
                    content=False,
                )
            if title:
                raise AuthoringError(
                    source,
                    f"it holds {len(names)} decks, each titled by its own name: --title cannot "
                    "name them all",
                    "leave --title out",
                    content=False,
                )
            where = Path(out if out is not None else self.folder or ".")
            prefix = f"{self.deck_id}-" if self.deck_id else ""
            taken: set[str] = set()
            for name in names:
                stem = f"{prefix}{slugify(name, 60) or 'imported'}"
                unique, count = stem, 1
                while unique in taken:  # "A::B" and "A-B" slug alike
                    count += 1
                    unique = f"{stem}-{count}"
                taken.add(unique)
                targets[name] = where / f"{unique}.yaml"
        else:
            targets[names[0]] = _deck_file(out, self.folder, source.stem)
        files = {}
        for name, path in targets.items():
            shown = name if name not in ("Default", "") else source.stem
            own_id = (None if several else self.deck_id) or slugify(path.stem, 60) or "imported"
            files[name] = _DeckFile(staging, path, own_id, title or shown, source)
        return files


def _deck_file(out: Path | None, folder: Path | None, stem: str) -> Path:
    if out is None or not out.suffix:  # a folder
        return Path(out or folder or ".") / f"{slugify(stem, 60) or 'imported'}.yaml"
    return out


class _DeckFile:
    """One deck file being written, a batch of cards at a time, with its history and states
    beside it; its pictures and sounds are named in `media` for the caller to copy."""

    _BATCH = 500

    def __init__(self, staging: Staging, path: Path, deck_id: str, title: str, source: Path):
        self.staging, self.path, self.deck_id = staging, path, deck_id
        self.media_folder = media_folder_name(path)
        self.cards = 0
        self.reviews = 0
        self.media: set[str] = set()  # bare file names
        self._ids: dict[str, int] = {}
        self._batch: list = []
        self._history: Any = None  # csv writers, made at the first row
        self._states: Any = None
        self._files = [path]  # staged: removed again by `discard`
        self.note_types: dict = {}  # Anki's, by id: those of the cards' notes are kept
        self._used_types: dict[int, None] = {}
        header = (
            schema_comment()
            + f"# Imported from {source.name}. The cards cite no source document yet:\n"
            + "# add `sources` and a `source` quote to each to silence `quizapp check`.\n"
        )
        deck = Deck(id=deck_id, title=title, description=f"Imported from {source.name}.")
        self._yaml = staging.open(path)
        self._yaml.write(deck_head_yaml(deck, header))

    def add(self, card, state: StateRow | None = None) -> str:
        """Add a card; returns its id in the deck (made unique if two notes slug alike)."""
        count = self._ids.get(card.id, 0) + 1
        self._ids[card.id] = count
        update: dict = {}
        if count > 1:  # two notes that slug and hash alike still get ids of their own
            update["id"] = f"{card.id}-{count}"
        if card.media:
            self.media.update(m.file for m in card.media)
            folder = self.media_folder
            update["media"] = [
                m.model_copy(update={"file": f"{folder}/{m.file}"}) for m in card.media
            ]
        card = card.model_copy(update=update) if update else card
        if card.anki is not None:
            self._used_types[card.anki.note_type] = None
        # A GUID that export would derive anyway (a quizapp CSV read back) need not be kept.
        if card.guid is not None and is_note_guid(card.guid, self.deck_id, oldest_id(card)):
            card = card.model_copy(update={"guid": None})
        self._batch.append(card)
        self.cards += 1
        if len(self._batch) >= self._BATCH:
            self._flush()
        if state is not None:
            if self._states is None:
                self._states = self._csv(state_path(self.path), STATE_COLUMNS)
            if state.card_id != card.id:
                state = replace(state, card_id=card.id)
            self._states.writerow(_state_cells(state))
        return card.id

    def add_history(self, row: HistoryRow) -> None:
        if self._history is None:
            self._history = self._csv(history_path(self.path), HISTORY_COLUMNS)
        self._history.writerow(
            [row.card_id, row.review_rating, row.review_time, row.review_duration]
        )
        self.reviews += 1

    def discard(self) -> None:
        for path in self._files:
            self.staging.discard(path)

    def finish(self) -> WrittenDeck:
        self._flush()
        kept = [self.note_types[i] for i in self._used_types if i in self.note_types]
        if kept:  # after the cards: a note type is known to be used once its card is written
            self._yaml.write(note_types_yaml([kept_note_type(t) for t in kept]))
        written = WrittenDeck(self.path, self.cards, media_files=len(self.media))
        if self._history is not None:
            written.history_path, written.reviews = history_path(self.path), self.reviews
        if self._states is not None:
            written.state_path = state_path(self.path)
        return written

    def _flush(self) -> None:
        self._yaml.write(cards_yaml(self._batch))
        self._batch = []

    def _csv(self, path: Path, columns: tuple[str, ...]) -> Any:
        self._files.append(path)
        writer = csv.writer(self.staging.open(path), lineterminator="\n")
        writer.writerow(columns)
        return writer
