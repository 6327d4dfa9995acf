"""Each deck's card prompts, kept so that the first card shows before the decks load.

Loading decks takes the deck models (pydantic) and the YAML parser; showing the
question of the first card due takes neither. After every full load the app
saves each deck file's prompts here, keyed by the hash of the file's bytes (the
same hash the deck cache uses). At the next start, when every deck file still
has the hash it had, the prompts come from here without reading YAML. Anything
missing, changed or unreadable is just a miss: the card then shows once the
decks have loaded, as it always does in the end.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizapp.deck.paths import cache_dir, deck_files

VERSION = 1


def _folder() -> Path:
    return cache_dir() / f"prompts-v{VERSION}"


def file_hash(raw: bytes) -> str:
    """The deck cache's key for a file's bytes."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_prompts(decks: Iterable[Any]) -> None:
    """Record each loaded deck's prompts (a `LoadedDeck`: .deck, .path, .content_hash).

    Only decks whose file changed since the last save are written again.
    """
    folder = _folder()
    index: dict[str, dict[str, str]] = {}
    try:
        old = json.loads((folder / "index.json").read_bytes())
    except (OSError, ValueError):
        old = {}
    for loaded in decks:
        entry = {
            "hash": loaded.content_hash,
            "deck": loaded.deck.id,
            "title": loaded.deck.title,
            "file": f"{loaded.content_hash}.json",
        }
        index[str(Path(loaded.path).resolve())] = entry
        target = folder / entry["file"]
        if not target.is_file():
            cards = {card.id: [card.kind, card.prompt] for card in loaded.deck.cards}
            _write_json(target, cards)
    if index != old:
        _write_json(folder / "index.json", index)
        # Prompts of files no longer listed are no use to anyone.
        wanted = {e["file"] for e in index.values()} | {"index.json"}
        for stale in folder.glob("*.json"):
            if stale.name not in wanted:
                stale.unlink(missing_ok=True)


@dataclass(frozen=True)
class CardPrompt:
    deck_id: str
    deck_title: str
    kind: str
    prompt: str


class PromptSnapshot:
    """The saved prompts of the decks at `paths`, if none of their files has changed."""

    def __init__(self, entries: dict[str, dict[str, str]]) -> None:
        self._decks = {e["deck"]: e for e in entries.values()}
        self._cards: dict[str, dict[str, list[str]]] = {}

    @property
    def deck_ids(self) -> list[str]:
        return list(self._decks)

    @classmethod
    def read(cls, paths: Iterable[Path]) -> PromptSnapshot | None:
        try:
            index = json.loads((_folder() / "index.json").read_bytes())
            entries = {}
            for path in deck_files(paths):
                key = str(path.resolve())
                entry = index.get(key)
                if entry is None or entry["hash"] != file_hash(path.read_bytes()):
                    return None
                entries[key] = entry
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return cls(entries) if entries else None

    def prompt(self, deck_id: str, card_id: str) -> CardPrompt | None:
        entry = self._decks.get(deck_id)
        if entry is None:
            return None
        try:
            if deck_id not in self._cards:
                self._cards[deck_id] = json.loads((_folder() / entry["file"]).read_bytes())
            kind, prompt = self._cards[deck_id][card_id]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return CardPrompt(deck_id, entry["title"], kind, prompt)
