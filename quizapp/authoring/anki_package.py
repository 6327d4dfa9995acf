"""Read the notes, note types, decks and review log out of an Anki package (.apkg).

A package is a zip. Anki 2.1.50+ writes ``collection.anki21b`` (SQLite
compressed with zstd) and leaves a dummy ``collection.anki2`` beside it that
only says "please update"; older versions write ``collection.anki21`` or
``collection.anki2``. The newest real one is read. Note types live in a
``notetypes`` table (their kind in a protobuf blob) in new collections and in
the ``col.models`` JSON in old ones. Media files sit beside the collection,
named 0, 1, ...: the ``media`` member maps those names to file names (JSON in
old packages, a zstd-compressed protobuf in new ones, whose files are zstd
compressed too).
"""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import zstandard

from quizapp.authoring.errors import AuthoringError

MAX_COLLECTION_BYTES = 512 * 1024 * 1024
# A package is someone else's file: its collection is read within bounds, so a crafted one
# (an endless view named `notes`, billions of rows) is refused rather than hanging the import.
MAX_NOTES = 1_000_000
MAX_CARDS = 4_000_000
MAX_REVIEWS = 20_000_000
READ_SECONDS = 600.0
MAX_VALUE_BYTES = 64 * 1024 * 1024  # the longest text or blob one cell may give
# The tables read, each of which must be a real table (not a view) when present.
_TABLES = ("col", "notes", "cards", "revlog", "notetypes", "fields", "templates", "decks")
_COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
_REEXPORT = "export it again from Anki: File > Export..., format Anki Deck Package (.apkg)"


@dataclass(frozen=True)
class Template:
    name: str
    question: str  # Anki's qfmt: the front's HTML template
    answer: str  # afmt


@dataclass(frozen=True)
class NoteType:
    id: int
    name: str
    cloze: bool
    fields: list[str]
    templates: list[Template] = field(default_factory=list)
    css: str = ""
    sort_field: int = 0
    latex_pre: str | None = None
    latex_post: str | None = None
    modified: int = 0  # epoch seconds


@dataclass(frozen=True)
class Note:
    id: int
    guid: str
    type_id: int
    fields: list[str]  # HTML, in the note type's field order
    tags: list[str]
    modified: int = 0  # epoch seconds


@dataclass(frozen=True)
class Review:
    time_ms: int  # when (the revlog row id is the epoch time in ms)
    card_id: int
    rating: int  # 1 again .. 4 easy; 0 for a manual reschedule
    duration_ms: int
    kind: int  # 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled


@dataclass(frozen=True)
class AnkiCard:
    id: int
    note_id: int
    ordinal: int  # which template (or cloze number - 1) the card was made by
    deck_id: int
    queue: int = 0  # -3 buried by the user, -2 buried as a sibling, -1 suspended
    flags: int = 0  # low 3 bits: 1 red .. 7 purple
    kind: int = 0  # type: 0 new, 1 learning, 2 review, 3 relearning
    due: int = 0  # new: position; learning: epoch seconds; review: days since `created`
    data: str = ""  # JSON; with FSRS on, "s" stability and "d" difficulty


@dataclass
class Collection:
    note_types: dict[int, NoteType] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    cards: dict[int, AnkiCard] = field(default_factory=dict)
    decks: dict[int, str] = field(default_factory=dict)  # full names, A::B::C
    reviews: list[Review] = field(default_factory=list)
    media: dict[str, str] = field(default_factory=dict)  # file name: member in the zip
    created: int = 0  # epoch seconds of the collection's first day: review due dates count from it
    modern_media: bool = False  # members zstd-compressed
    tables: set[str] = field(default_factory=set)  # which of the tables read it has


def read_media(path: Path, collection: Collection, name: str) -> bytes | None:
    """The bytes of one media file of the package; None if the package lacks it."""
    member = collection.media.get(name)
    if member is None:
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(member)
            if info.file_size > MAX_COLLECTION_BYTES:
                return None
            data = archive.read(info)
    except (KeyError, OSError, zipfile.BadZipFile, zlib.error):
        return None
    if collection.modern_media:
        try:
            reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data))
            data = reader.read(MAX_COLLECTION_BYTES)
        except zstandard.ZstdError:
            return None
    return data


def read_package(path: Path, *, seconds: float = READ_SECONDS) -> Collection:
    """The package's notes, cards, decks and reviews, all in memory (for small packages and
    tests; an import reads them one by one through `open_package`)."""
    with open_package(path, seconds=seconds) as package:
        collection = package.collection
        for note, cards in package.notes():
            collection.notes.append(note)
            collection.cards.update((card.id, card) for card in cards)
        collection.reviews.extend(package.reviews())
    return collection


@contextmanager
def open_package(path: Path, *, seconds: float = READ_SECONDS) -> Iterator[Package]:
    """The package's collection, open for reading one note at a time; AuthoringError if it
    cannot be read, takes longer than ``seconds`` to read, or holds more than the MAX_ rows.
    The collection is copied to a temporary folder, removed on leaving."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="quizapp-import-") as folder:
        copy = Path(folder) / "collection.sqlite"
        name, media = _extract(path, copy)
        guard = _Guard(path, name, seconds)
        with guard:
            db = _open_read_only(copy, seconds)
        try:
            with guard:
                package = Package(path, guard, db, _metadata(db, path, name))
            package.collection.media = media
            package.collection.modern_media = name.endswith("b")
            yield package
        finally:
            db.close()


class _Guard:
    """SQLite errors while reading the collection as the import's one error."""

    def __init__(self, path: Path, name: str, seconds: float) -> None:
        self.path, self.name, self.seconds = path, name, seconds

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, error: BaseException | None, trace: object) -> None:
        if isinstance(error, sqlite3.OperationalError) and "interrupt" in str(error):
            raise AuthoringError(
                self.path,
                f"reading its collection took longer than {self.seconds:g} s; nothing was written",
                "export fewer decks at a time, or check the package comes from Anki",
            ) from None
        if isinstance(
            error, sqlite3.DatabaseError | json.JSONDecodeError | TypeError | KeyError | ValueError
        ):
            raise AuthoringError(
                self.path, f"{self.name} inside it is not a readable Anki collection", _REEXPORT
            ) from None


@dataclass
class Package:
    """An Anki package open for reading: its note types and decks read, its notes, cards and
    reviews read as they are asked for, in a few rows at a time."""

    path: Path
    _guard: _Guard
    _db: sqlite3.Connection
    collection: Collection  # note types, decks, first day, media (notes and reviews empty)

    def note_count(self) -> int:
        with self._guard:
            return self._db.execute("select count(*) from notes").fetchone()[0]

    def deck_ids(self) -> list[int]:
        """The decks that hold cards."""
        with self._guard:
            return [d for (d,) in self._db.execute("select distinct did from cards order by did")]

    def notes(self) -> Iterator[tuple[Note, list[AnkiCard]]]:
        """Each note with its cards (by template or deletion), in the order Anki added them."""
        with self._guard:
            notes = self._db.execute("select id, guid, mid, mod, tags, flds from notes order by id")
            cards = self._db.cursor().execute(
                "select id, nid, ord, did, queue, flags, type, due, data from cards "
                "order by nid, ord"
            )
            pending = next(cards, None)
            for nid, guid, mid, mod, tags, flds in notes:
                own = []
                while pending is not None and pending[1] <= nid:
                    if pending[1] == nid:
                        own.append(AnkiCard(*pending[:8], data=pending[8] or ""))
                    pending = next(cards, None)
                yield Note(nid, guid, mid, flds.split("\x1f"), tags.split(), int(mod)), own

    def has_notes_without_cards(self) -> bool:
        with self._guard:
            return bool(
                self._db.execute(
                    "select exists (select 1 from notes where id not in (select nid from cards))"
                ).fetchone()[0]
            )

    def reviewed_cards(self) -> set[int]:
        if not self._has_revlog:
            return set()
        with self._guard:
            return {c for (c,) in self._db.execute("select distinct cid from revlog")}

    def reviews(self) -> Iterator[Review]:
        if not self._has_revlog:
            return
        with self._guard:
            for row in self._db.execute("select id, cid, ease, time, type from revlog order by id"):
                yield Review(*row)

    @property
    def _has_revlog(self) -> bool:
        return "revlog" in self.collection.tables


def _metadata(db: sqlite3.Connection, path: Path, name: str) -> Collection:
    """Note types, decks and the first day; the row counts checked against their bounds."""
    tables = _real_tables(db, path, name)
    collection = Collection(tables=tables)
    if "notetypes" in tables:
        collection.note_types = _modern_note_types(db)
        collection.decks = {i: n for i, n in db.execute("select id, name from decks")}
    else:
        models, decks = db.execute("select models, decks from col").fetchone()
        collection.note_types = _legacy_note_types(json.loads(models))
        collection.decks = {int(i): d["name"] for i, d in json.loads(decks).items()}
    # New collections separate deck name parts with \x1f; the learner sees "::".
    collection.decks = {i: n.replace("\x1f", "::") for i, n in collection.decks.items()}
    collection.created = int(db.execute("select crt from col").fetchone()[0] or 0)
    bounds = [("notes", MAX_NOTES, "notes"), ("cards", MAX_CARDS, "cards")]
    if "revlog" in tables:
        bounds.append(("revlog", MAX_REVIEWS, "reviews"))
    for table, limit, what in bounds:
        # Counted up to one past the bound: a table of billions is not counted through.
        (count,) = db.execute(
            f"select count(*) from (select 1 from {table} limit ?)", (limit + 1,)
        ).fetchone()
        if count > limit:
            raise AuthoringError(
                path, f"holds more than {limit:,} {what}", "export fewer decks at a time"
            )
    if name == "collection.anki2" and _is_placeholder(db):
        raise AuthoringError(
            path, "holds only the placeholder a newer Anki leaves for old versions", _REEXPORT
        )
    return collection


def _extract(path: Path, copy: Path) -> tuple[str, dict[str, str]]:
    """Write the package's collection to ``copy``; its member name and media list."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            name = next((n for n in _COLLECTIONS if n in names), None)
            if name is None:
                raise AuthoringError(path, "holds no Anki collection", _REEXPORT)
            _copy_member(archive, name, path, copy)
            media = _media_names(archive, names, name.endswith("b"))
    except FileNotFoundError:
        raise AuthoringError(path, "no such file", "check the path", content=False) from None
    except IsADirectoryError:
        raise AuthoringError(path, "is a folder, not an Anki package", content=False) from None
    except (zipfile.BadZipFile, EOFError, zlib.error):
        raise AuthoringError(
            path, "is not a valid Anki package (not a zip file, or a damaged one)", _REEXPORT
        ) from None
    except OSError as exc:
        raise AuthoringError(
            path, f"cannot read it: {exc.strerror or exc}", content=False
        ) from None
    return name, media


def _media_names(archive: zipfile.ZipFile, names: set[str], modern: bool) -> dict[str, str]:
    """File name -> zip member; {} when the package carries no (readable) media list."""
    if "media" not in names:
        return {}
    try:
        raw = archive.read("media")
        if modern:
            raw = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(raw)).read(1 << 26)
            found = {}
            for index, entry in enumerate(_protobuf_fields(raw, 1)):
                name = _protobuf_string(entry, 1)
                legacy = _protobuf_varint(entry, 255)
                member = str(legacy if legacy is not None else index)
                if name and member in names:
                    found[name] = member
            return found
        listed = json.loads(raw or b"{}")
        return {n: m for m, n in listed.items() if isinstance(n, str) and m in names}
    except (zstandard.ZstdError, json.JSONDecodeError, ValueError, AttributeError, OSError):
        return {}


def _copy_member(archive: zipfile.ZipFile, name: str, path: Path, copy: Path) -> None:
    """Decompress the collection into ``copy`` a piece at a time (never whole in memory)."""
    info = archive.getinfo(name)
    too_big = AuthoringError(path, "its collection is larger than 512 MB", "export fewer decks")
    if not name.endswith("b") and info.file_size > MAX_COLLECTION_BYTES:
        raise too_big
    with archive.open(info) as raw, copy.open("wb") as out:
        reader = zstandard.ZstdDecompressor().stream_reader(raw) if name.endswith("b") else raw
        try:
            written = 0
            while chunk := reader.read(1 << 20):
                if written == 0:
                    chunk = _without_wal(chunk)
                written += len(chunk)
                if written > MAX_COLLECTION_BYTES:
                    raise too_big
                out.write(chunk)
        except zstandard.ZstdError:
            raise AuthoringError(
                path, f"{name} is damaged (not zstd-compressed data)", _REEXPORT
            ) from None


def _open_read_only(copy: Path, seconds: float) -> sqlite3.Connection:
    """The copy opened read-only and immutable, its schema not trusted (no function a view
    or trigger names is run), each value bounded and every statement stopped at the deadline."""
    db = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    db.execute("PRAGMA trusted_schema = OFF")
    db.execute("PRAGMA query_only = ON")
    db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    deadline = time.monotonic() + seconds
    db.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    return db


def _real_tables(db: sqlite3.Connection, path: Path, name: str) -> set[str]:
    """The tables read that are present; AuthoringError if one of them is a view or a virtual
    table (Anki writes only real ones, and reading anything else could run without end)."""
    found = dict(
        db.execute(
            "SELECT name, type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' FROM sqlite_master "
            f"WHERE name IN ({', '.join('?' * len(_TABLES))})",
            _TABLES,
        ).fetchall()
    )
    fake = sorted(table for table, real in found.items() if not real)
    if fake:
        raise AuthoringError(
            path,
            f"{name} inside it is not an Anki collection: {', '.join(fake)} should be a table, "
            "not a view",
            _REEXPORT,
        )
    return set(found)


def _without_wal(data: bytes) -> bytes:
    """Anki saves in WAL mode, which an in-memory copy cannot open: mark it rollback."""
    if len(data) > 20 and data[:16] == b"SQLite format 3\x00" and data[18:20] == b"\x02\x02":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


def _is_placeholder(db: sqlite3.Connection) -> bool:
    rows = db.execute("select flds from notes limit 2").fetchall()
    return len(rows) == 1 and rows[0][0].startswith("Please update to the latest Anki version")


def _modern_note_types(db: sqlite3.Connection) -> dict[int, NoteType]:
    fields: dict[int, list[tuple[int, str]]] = {}
    for ntid, ordinal, name in db.execute("select ntid, ord, name from fields"):
        fields.setdefault(ntid, []).append((ordinal, name))
    templates: dict[int, list[tuple[int, Template]]] = {}
    for ntid, ordinal, name, config in db.execute("select ntid, ord, name, config from templates"):
        # CardTemplateConfig: q_format = 1, a_format = 2.
        template = Template(name, _protobuf_string(config, 1), _protobuf_string(config, 2))
        templates.setdefault(ntid, []).append((ordinal, template))
    types = {}
    query = "select id, name, mtime_secs, config from notetypes"
    for ntid, name, modified, config in db.execute(query):
        names = [n for _, n in sorted(fields.get(ntid, []))]
        # NotetypeConfig: kind = 1 (proto3 leaves a zero, normal, out), sort_field_idx = 2,
        # css = 3, latex_pre = 5, latex_post = 6.
        kind = _protobuf_varint(config, 1) or 0
        ordered = [t for _, t in sorted(templates.get(ntid, []), key=lambda pair: pair[0])]
        types[ntid] = NoteType(
            ntid,
            name,
            kind == 1,
            names,
            ordered,
            css=_protobuf_string(config, 3),
            sort_field=_protobuf_varint(config, 2) or 0,
            latex_pre=_protobuf_string(config, 5),
            latex_post=_protobuf_string(config, 6),
            modified=int(modified or 0),
        )
    return types


def _legacy_note_types(models: dict) -> dict[int, NoteType]:
    types = {}
    for key, model in models.items():
        names = [f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])]
        templates = [
            Template(t["name"], t.get("qfmt", ""), t.get("afmt", ""))
            for t in sorted(model.get("tmpls", []), key=lambda t: t["ord"])
        ]
        cloze = model.get("type") == 1
        types[int(key)] = NoteType(
            int(key),
            model["name"],
            cloze,
            names,
            templates,
            css=str(model.get("css", "")),
            sort_field=int(model.get("sortf", 0) or 0),
            latex_pre=model.get("latexPre"),
            latex_post=model.get("latexPost"),
            modified=int(model.get("mod", 0) or 0),
        )
    return types


def _protobuf_items(blob: bytes):
    """(field number, value) of each field of a protobuf message, in order."""
    i = 0
    while i < len(blob):
        key, i = _varint(blob, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(blob, i)
            yield number, value
        elif wire == 2:
            length, i = _varint(blob, i)
            yield number, blob[i : i + length]
            i += length
        elif wire == 5:
            i += 4
        elif wire == 1:
            i += 8
        else:
            raise ValueError("unknown protobuf wire type")


def _protobuf_varint(blob: bytes, number: int) -> int | None:
    return next((v for n, v in _protobuf_items(blob) if n == number and isinstance(v, int)), None)


def _protobuf_string(blob: bytes, number: int) -> str:
    value = next((v for n, v in _protobuf_items(blob) if n == number and isinstance(v, bytes)), b"")
    return value.decode("utf-8", "replace")


def _protobuf_fields(blob: bytes, number: int) -> list[bytes]:
    return [v for n, v in _protobuf_items(blob) if n == number and isinstance(v, bytes)]


def _varint(blob: bytes, i: int) -> tuple[int, int]:
    shift = value = 0
    while True:
        if i >= len(blob):
            raise ValueError("truncated protobuf")
        byte = blob[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, i
