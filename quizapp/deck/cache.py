"""Parsed decks cached by content hash, so an unchanged deck is not parsed again.

An entry is keyed by the hash of the deck file's bytes and the format version,
and records the hash of every document whose quotes were checked: a changed
document invalidates the entry. A broken or unreadable entry is just a miss.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from pydantic import ValidationError

from quizapp.deck.model import Deck
from quizapp.deck.paths import cache_dir
from quizapp.deck.problems import Problem

FORMAT_VERSION = 1


def _entry(key: str) -> Path:
    return cache_dir() / "decks" / f"v{FORMAT_VERSION}-{key}.json"


def get(key: str) -> tuple[Deck, dict[str, int], list[dict], dict[str, str]] | None:
    try:
        raw = json.loads(_entry(key).read_bytes())
        deck = Deck.model_validate(raw["deck"])
        return deck, raw["lines"], raw["warnings"], raw["documents"]
    except (OSError, ValueError, KeyError, TypeError, ValidationError):
        return None


def put(
    key: str,
    deck: Deck,
    lines: dict[str, int],
    warnings: list[Problem],
    documents: dict[str, str],
) -> None:
    entry = {
        "deck": deck.model_dump(mode="json", by_alias=True, exclude_defaults=True),
        "lines": lines,
        "warnings": [{**asdict(w), "path": None} for w in warnings],
        "documents": documents,
    }
    path = _entry(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(entry, out, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written only costs speed
