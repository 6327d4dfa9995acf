"""`quizapp draft`: a draft deck from a plain-text document, registered as its source."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from quizapp.authoring.drafter import draft_cards
from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.ids import check_deck_id, slugify
from quizapp.authoring.yamlio import deck_yaml, schema_comment, write_files
from quizapp.deck.loader import MAX_DOCUMENT_BYTES
from quizapp.deck.model import Deck, SourceDocument

_TEXT_HINT = "save it as UTF-8 plain text (.txt); export a PDF or Word file to text first"


@dataclass(frozen=True)
class DraftResult:
    path: Path
    cards: int
    copied: Path | None = None  # the document, copied into the deck's folder


def read_document(path: Path) -> str:
    """The document's text, or an AuthoringError saying why it cannot be drafted from."""
    try:
        if path.is_dir():
            raise AuthoringError(
                path, "is a folder, not a document", "name a .txt file", content=False
            )
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise AuthoringError(path, "is larger than 16 MB", "split it into several documents")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AuthoringError(path, "no such file", "check the path", content=False) from None
    except OSError as exc:
        raise AuthoringError(path, f"cannot read it: {exc.strerror}", content=False) from None
    if b"\x00" in raw:
        raise AuthoringError(path, "is a binary file, not text", _TEXT_HINT)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise AuthoringError(path, "is not UTF-8 text", _TEXT_HINT, line=line) from None
    if not any(ch.isalpha() for ch in text):
        raise AuthoringError(
            path, "has no text to draft cards from", "give a document with sentences in it"
        )
    return text


def document_title(text: str, path: Path) -> str:
    """The first line when it reads like a title, else the file name."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= 120 else path.stem
    return path.stem


def draft_deck(
    document: Path,
    out: Path | None = None,
    deck_id: str | None = None,
    title: str | None = None,
    today: dt.date | None = None,
) -> DraftResult:
    """Write a draft deck for a document; nothing is written if anything is wrong. `today`
    dates the drafting: notes on events long before it are read as history."""
    document = Path(document)
    check_deck_id(deck_id, document)
    title = title.strip() if title else None
    text = read_document(document)
    out = Path(out) if out is not None else document.with_suffix(".yaml")
    if out.suffix not in (".yaml", ".yml"):
        raise AuthoringError(
            out, "a deck file must end in .yaml", "give --out NAME.yaml", content=False
        )
    if out.resolve() == document.resolve():
        raise AuthoringError(out, "is the document itself", "give --out NAME.yaml", content=False)
    source_id = slugify(document.stem, 60) or "document"
    deck_id = deck_id or slugify(out.stem, 60) or "draft"
    doc_title = document_title(text, document)
    files: dict[Path, str | bytes] = {}
    # A deck's sources stay inside its folder: a document elsewhere is copied beside the deck.
    folder = out.resolve().parent
    copied = None
    if not document.resolve().is_relative_to(folder):
        copied = out.parent / document.name
        if copied.exists() and copied.read_bytes() != document.read_bytes():
            raise AuthoringError(
                copied,
                "a different file of that name is already beside the deck",
                "move the document into the deck's folder, or give another --out",
                content=False,
            )
        if not copied.exists():
            files[copied] = document.read_bytes()
        relative = document.name
    else:
        relative = os.path.relpath(document.resolve(), folder)
    source = SourceDocument(id=source_id, title=doc_title, file=Path(relative).as_posix())
    candidates = draft_cards(text, source_id, today=today)
    deck = Deck(
        id=deck_id,
        title=title or f"Draft: {doc_title}",
        description=f"Candidate cards drafted from {document.name}; review each one.",
        sources=[source],
        cards=[c.card for c in candidates],
    )
    header = (
        schema_comment()
        + f"# Drafted from {document.name}. Check each card against its quote, edit it,\n"
        + "# then set `status: reviewed` (drafts are never studied); delete the rest.\n"
        + "# `quizapp check` lists what is left to review.\n"
    )
    files[out] = deck_yaml(deck, header)
    write_files(files)
    return DraftResult(out, len(deck.cards), copied)
