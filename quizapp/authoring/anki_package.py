"""Read the notes, note types, decks and review log out of an Anki package (.apkg).

A package is a zip. Anki 2.1.50+ writes ``collection.anki21b`` (SQLite
compressed with zstd) and leaves a dummy ``collection.anki2`` beside it that
only says "please update"; older versions write ``collection.anki21`` or
``collection.anki2``. The newest real one is read. Note types live in a
``notetypes`` table (their kind in a protobuf blob) in new collections and in
the ``col.models`` JSON in old ones.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import zstandard

from quizapp.authoring.errors import AuthoringError

MAX_COLLECTION_BYTES = 512 * 1024 * 1024
_COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
_REEXPORT = "export it again from Anki: File > Export..., format Anki Deck Package (.apkg)"


@dataclass(frozen=True)
class NoteType:
    id: int
    name: str
    cloze: bool
    fields: list[str]


@dataclass(frozen=True)
class Note:
    id: int
    guid: str
    type_id: int
    fields: list[str]  # HTML, in the note type's field order
    tags: list[str]


@dataclass(frozen=True)
class Review:
    time_ms: int  # when (the revlog row id is the epoch time in ms)
    card_id: int
    rating: int  # 1 again .. 4 easy; 0 for a manual reschedule
    duration_ms: int
    kind: int  # 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled


@dataclass
class Collection:
    note_types: dict[int, NoteType] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    cards: dict[int, tuple[int, int, int]] = field(default_factory=dict)  # id: note, ord, deck
    decks: dict[int, str] = field(default_factory=dict)
    reviews: list[Review] = field(default_factory=list)


def read_package(path: Path) -> Collection:
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            name = next((n for n in _COLLECTIONS if n in names), None)
            if name is None:
                raise AuthoringError(path, "holds no Anki collection", _REEXPORT)
            data = _read_member(archive, name, path)
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
    return _read_collection(data, path, name)


def _read_member(archive: zipfile.ZipFile, name: str, path: Path) -> bytes:
    info = archive.getinfo(name)
    if name.endswith("b"):
        with archive.open(info) as raw:
            reader = zstandard.ZstdDecompressor().stream_reader(raw)
            try:
                data = reader.read(MAX_COLLECTION_BYTES + 1)
            except zstandard.ZstdError:
                raise AuthoringError(
                    path, f"{name} is damaged (not zstd-compressed data)", _REEXPORT
                ) from None
    else:
        if info.file_size > MAX_COLLECTION_BYTES:
            data = b"x" * (MAX_COLLECTION_BYTES + 1)
        else:
            data = archive.read(info)
    if len(data) > MAX_COLLECTION_BYTES:
        raise AuthoringError(path, "its collection is larger than 512 MB", "export fewer decks")
    return data


def _read_collection(data: bytes, path: Path, name: str) -> Collection:
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(_without_wal(data))
        tables = {row[0] for row in db.execute("select name from sqlite_master")}
        collection = Collection()
        if "notetypes" in tables:
            collection.note_types = _modern_note_types(db)
            collection.decks = {i: n for i, n in db.execute("select id, name from decks")}
        else:
            models, decks = db.execute("select models, decks from col").fetchone()
            collection.note_types = _legacy_note_types(json.loads(models))
            collection.decks = {int(i): d["name"] for i, d in json.loads(decks).items()}
        for nid, guid, mid, tags, flds in db.execute(
            "select id, guid, mid, tags, flds from notes order by id"
        ):
            collection.notes.append(Note(nid, guid, mid, flds.split("\x1f"), tags.split()))
        for cid, nid, ordinal, did in db.execute("select id, nid, ord, did from cards"):
            collection.cards[cid] = (nid, ordinal, did)
        if "revlog" in tables:
            for rid, cid, ease, taken, kind in db.execute(
                "select id, cid, ease, time, type from revlog order by id"
            ):
                collection.reviews.append(Review(rid, cid, ease, taken, kind))
    except (sqlite3.DatabaseError, json.JSONDecodeError, TypeError, KeyError, ValueError):
        raise AuthoringError(
            path, f"{name} inside it is not a readable Anki collection", _REEXPORT
        ) from None
    finally:
        db.close()
    if name == "collection.anki2" and _is_placeholder(collection):
        raise AuthoringError(
            path, "holds only the placeholder a newer Anki leaves for old versions", _REEXPORT
        )
    return collection


def _without_wal(data: bytes) -> bytes:
    """Anki saves in WAL mode, which an in-memory copy cannot open: mark it rollback."""
    if len(data) > 20 and data[:16] == b"SQLite format 3\x00" and data[18:20] == b"\x02\x02":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


def _is_placeholder(collection: Collection) -> bool:
    return len(collection.notes) == 1 and collection.notes[0].fields[0].startswith(
        "Please update to the latest Anki version"
    )


def _modern_note_types(db: sqlite3.Connection) -> dict[int, NoteType]:
    fields: dict[int, list[tuple[int, str]]] = {}
    for ntid, ordinal, name in db.execute("select ntid, ord, name from fields"):
        fields.setdefault(ntid, []).append((ordinal, name))
    types = {}
    for ntid, name, config in db.execute("select id, name, config from notetypes"):
        names = [n for _, n in sorted(fields.get(ntid, []))]
        types[ntid] = NoteType(ntid, name, _protobuf_kind(config) == 1, names)
    return types


def _legacy_note_types(models: dict) -> dict[int, NoteType]:
    types = {}
    for key, model in models.items():
        names = [f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])]
        types[int(key)] = NoteType(int(key), model["name"], model.get("type") == 1, names)
    return types


def _protobuf_kind(blob: bytes) -> int:
    """Field 1 (`kind`: 0 normal, 1 cloze) of Anki's NotetypeConfig message."""
    i = 0
    while i < len(blob):
        key, i = _varint(blob, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(blob, i)
            if number == 1:
                return value
        elif wire == 2:
            length, i = _varint(blob, i)
            i += length
        elif wire == 5:
            i += 4
        elif wire == 1:
            i += 8
        else:
            break
    return 0  # proto3 leaves a zero (normal) kind out


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
