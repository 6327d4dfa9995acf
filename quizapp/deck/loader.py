"""Read deck files: fast, safe, and with located, readable errors.

YAML is parsed by yaml-rs (YAML 1.2, so ``no`` stays a string; duplicate keys
rejected; alias expansion bounded) and validated by the pydantic models. Only
when something is wrong is the file composed again with PyYAML to point at
the line and column. One bad deck never keeps the others from loading, and
a parsed deck is cached by the hash of its bytes and of the documents it cites.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

import yaml_rs
from pydantic import ValidationError

from quizapp.deck import cache, locate
from quizapp.deck.model import CARD_KINDS, Deck, SourceDocument, Status, card_items
from quizapp.deck.paths import bundled_seeds_dir, deck_files
from quizapp.deck.problems import DeckFileError, Problem
from quizapp.deck.sources import SourceText

MAX_DECK_BYTES = 32 * 1024 * 1024  # ~60,000 cards of the bundled size
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
# Alias expansion is bounded so a YAML alias bomb is refused at once.
ALIAS_LIMITS = {
    "max_total_replayed_events": 200_000,
    "max_replay_stack_depth": 32,
    "max_alias_expansions_per_anchor": 200,
}
_YAML_POSITION = re.compile(r"line (\d+), column (\d+)")


class LoadedDeck:
    """A checked deck and its documents. A deck from the cache (``compiled``) reads a card's
    body when the card is asked for, and all of them only when ``deck`` is."""

    def __init__(
        self,
        deck: Deck | None,
        path: Path,
        documents: dict[str, SourceText],
        card_lines: dict[str, int] | None = None,
        content_hash: str = "",
        compiled: cache.Compiled | None = None,
    ) -> None:
        if deck is None and compiled is None:
            raise ValueError("a loaded deck needs its deck or its compiled form")
        self._deck = deck
        self.path = path
        self.documents = documents
        self._lines = card_lines
        self.content_hash = content_hash
        self.compiled = compiled
        self._cards: dict[str, Any] = {}

    @property
    def id(self) -> str:
        return self._deck.id if self._deck is not None else self.compiled.deck_id

    @property
    def title(self) -> str:
        return self._deck.title if self._deck is not None else self.compiled.title

    @property
    def deck(self) -> Deck:
        """The whole deck (every card's body read and validated on first use when compiled)."""
        if self._deck is None:
            self._deck = Deck.model_validate(
                {**self.compiled.header, "cards": self.compiled.bodies()}
            )
        return self._deck

    @property
    def card_lines(self) -> dict[str, int]:
        if self._lines is None:
            self._lines = self.compiled.lines()
        return self._lines

    @property
    def studyable_cards(self) -> list:
        return [c for c in self.deck.cards if c.status is Status.reviewed]

    @property
    def studyable_count(self) -> int:
        if self._deck is None:
            return self.compiled.studyable_count
        return sum(1 for c in self._deck.cards if c.status is Status.reviewed)

    @property
    def tags(self) -> list[str]:
        if self._deck is None:
            return self.compiled.tags
        return sorted({t for c in self._deck.cards for t in c.tags})

    def card(self, card_id: str):
        if self._deck is not None:
            if not self._cards:
                self._cards = {c.id: c for c in self._deck.cards}
            return self._cards.get(card_id)
        found = self._cards.get(card_id)
        if found is None:
            body = self.compiled.body(card_id)
            if body is None:
                return None
            found = self._cards[card_id] = _card_adapter().validate_python(body)
        return found

    def browse_rows(self) -> list[BrowseCard]:
        """Each card as the card browser lists it, in file order: from the cache without
        reading a card's body when compiled (``words`` then empty: the cache searches them)."""
        if self.compiled is not None:
            with suppress(LookupError, sqlite3.Error):
                return [
                    BrowseCard(
                        card_id,
                        kind,
                        Status.reviewed if studyable else Status.draft,
                        tuple(tags.split()),
                        document or "",
                        prompt,
                        answer,
                        dt.date.fromisoformat(until) if until else None,
                        "",
                        words_id,
                    )
                    for (
                        card_id,
                        kind,
                        studyable,
                        tags,
                        document,
                        prompt,
                        answer,
                        until,
                        words_id,
                    ) in cache.browse_rows(self.compiled.key)
                ]
        from quizapp.deck.card_text import answer_text, search_text

        found = []
        for card in self.deck.cards:
            answer = answer_text(card)
            found.append(
                BrowseCard(
                    card.id,
                    card.kind,
                    card.status,
                    tuple(card.tags),
                    card.source.document if card.source is not None else "",
                    card.prompt,
                    answer,
                    card.valid_until,
                    search_text(card, answer),
                    None,
                )
            )
        return found

    def source_of(self, card) -> SourceText | None:
        return None if card.source is None else self.documents.get(card.source.document)


class BrowseCard(NamedTuple):
    """A card as the card browser lists it, without its body."""

    card_id: str
    kind: str
    status: Status
    tags: tuple[str, ...]
    document: str  # the document its quote is from; "" when it cites none
    prompt: str
    answer: str  # quizapp.deck.card_text.answer_text
    valid_until: dt.date | None
    words: str  # quizapp.deck.card_text.search_text; "" when the deck cache searches them
    words_id: int | None  # its words in the deck cache (quizapp.deck.cache.find_words)


_adapter = None


def _card_adapter():
    global _adapter
    if _adapter is None:
        from pydantic import TypeAdapter

        from quizapp.deck.model import Card

        _adapter = TypeAdapter(Card)
    return _adapter


@dataclass
class LoadResult:
    decks: list[LoadedDeck] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def load_decks(paths: Iterable[Path], *, use_cache: bool = True) -> LoadResult:
    result = LoadResult()
    seen: dict[str, Path] = {}
    library = bundled_library(result.problems)
    for path in deck_files(paths):
        loaded, problems = load_deck(path, library=library, use_cache=use_cache)
        result.problems += problems
        if loaded is None:
            continue
        first = seen.get(loaded.id)
        if first is not None:
            result.problems.append(
                Problem(
                    path,
                    1,
                    1,
                    f"deck id {loaded.id!r} is already used by {first}",
                    "give each deck its own id; progress is keyed by it",
                )
            )
            continue
        seen[loaded.id] = path
        result.decks.append(loaded)
    return result


_library_cache: dict[Path, dict[str, SourceText]] = {}


def bundled_library(problems: list[Problem] | None = None) -> dict[str, SourceText]:
    """The bundled source documents, by id (read once per process)."""
    seeds = bundled_seeds_dir()
    if seeds not in _library_cache:
        found: list[Problem] = []
        _library_cache[seeds] = read_library(seeds / "sources.yaml", found)
        if problems is not None:
            problems += found
    return _library_cache[seeds]


def read_library(index: Path, problems: list[Problem]) -> dict[str, SourceText]:
    """Documents described in a sources.yaml index, each text beside it."""
    try:
        raw = yaml_rs.loads(index.read_text(encoding="utf-8"), parse_datetime=False)
    except (OSError, UnicodeDecodeError, yaml_rs.YAMLDecodeError) as exc:
        problems.append(Problem(index, 0, 0, f"cannot read the source index: {exc}"))
        return {}
    library: dict[str, SourceText] = {}
    for item in (raw or {}).get("documents", []):
        try:
            meta = SourceDocument.model_validate(item)
        except ValidationError as exc:
            problems.append(Problem(index, 0, 0, f"bad document entry: {exc.errors()[0]['msg']}"))
            continue
        text = _read_document(index.parent, meta, index, problems)
        if text is not None:
            library[meta.id] = text
    return library


def _read_document(
    base: Path, meta: SourceDocument, declared_in: Path, problems: list[Problem], line: int = 0
) -> SourceText | None:
    if meta.file is None:
        return SourceText(meta=meta, text="")
    path = (base / meta.file).resolve()
    # A shared deck must not make the app show (or export) text from anywhere else.
    if not any(path.is_relative_to(d) for d in (base.resolve(), bundled_seeds_dir().resolve())):
        problems.append(
            Problem(
                declared_in,
                line,
                0,
                f"sources: file {meta.file!r} of {meta.id!r} is outside the deck's folder",
                "put the document in the deck file's folder (or a folder inside it) and give "
                "its path relative to the deck file",
            )
        )
        return None
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise DeckFileError(f"document {meta.file} is larger than 16 MB")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, DeckFileError) as exc:
        problems.append(
            Problem(
                declared_in,
                line,
                0,
                f"cannot read source document {meta.file!r} for {meta.id!r}: {_reason(exc)}",
                "check the `file` path; it is relative to the deck file",
            )
        )
        return None
    return SourceText(meta=meta, text=text, path=path)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc)


def load_deck(
    path: Path,
    *,
    library: dict[str, SourceText] | None = None,
    use_cache: bool = True,
    on_checked: Callable[[Deck], None] | None = None,
) -> tuple[LoadedDeck | None, list[Problem]]:
    """One deck and every problem found in it; the deck is None if it has errors.

    ``on_checked`` is given a deck read from its file once it is found free of errors, before
    it is compiled into the cache."""
    path = Path(path)
    library = bundled_library() if library is None else library
    if use_cache:
        key = cache.known_key(path)  # unchanged since its key was recorded: not even read
        if key is not None:
            hit = _from_cache(path, key, library)
            if hit is not None:
                return hit
    stat = None
    if use_cache:
        # Before reading: a change made while it is read then shows as a changed file later.
        with suppress(OSError):
            stat = path.stat()
    try:
        raw = _read_bytes(path)
        text = _decode(raw)
    except DeckFileError as exc:
        return None, [Problem(path, exc.line, exc.column, exc.message, exc.hint)]

    key = cache.file_hash(raw)
    if stat is not None:
        cache.remember_key(path, key, stat)
        hit = _from_cache(path, key, library)
        if hit is not None:
            return hit

    try:
        data = _parse(text)
    except DeckFileError as exc:
        return None, [Problem(path, exc.line, exc.column, exc.message, exc.hint)]

    try:
        deck = Deck.model_validate(data)
    except ValidationError as exc:
        return None, _validation_problems(path, text, data, exc)

    # The cards' lines are found when a problem needs one, or for the cache after the check:
    # a first launch shows the first card before.
    card_lines = functools.cache(lambda: locate.card_lines(text))
    problems: list[Problem] = []
    documents = _documents(path, deck.sources, library, text, problems)
    problems += _check_cards(path, deck, documents, card_lines)
    if any(p.severity == "error" for p in problems):
        return None, problems
    if on_checked is not None:
        on_checked(deck)
    lines = card_lines()
    warnings = problems
    compiled = None
    if use_cache:
        compiled = _compile(key, deck, lines, warnings, documents)
    loaded = LoadedDeck(deck, path, documents, lines, key, compiled)
    return loaded, warnings


def _from_cache(
    path: Path, key: str, library: dict[str, SourceText]
) -> tuple[LoadedDeck, list[Problem]] | None:
    """The compiled deck, if its documents are still those its quotes were checked against."""
    compiled = cache.get(key)
    if compiled is None:
        return None
    found: list[Problem] = []
    header = Deck.model_validate(compiled.header)  # id, title and sources: no cards
    documents = _documents(path, header.sources, library, "", found)
    if found or {k: d.digest for k, d in documents.items()} != compiled.documents:
        return None
    restored = [Problem(**{**w, "path": path}) for w in compiled.warnings]
    return LoadedDeck(None, path, documents, None, key, compiled), restored


def _compile(
    key: str,
    deck: Deck,
    lines: dict[str, int],
    warnings: list[Problem],
    documents: dict[str, SourceText],
) -> cache.Compiled | None:
    """The checked deck into the cache: per card, what start-up, queues and pools read."""
    from dataclasses import asdict

    from quizapp.deck.card_text import answer_text, search_text
    from quizapp.deck.model import offered_answers
    from quizapp.deck.new_order import deck_ranks

    header = deck.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude={"cards"})
    rows, pool = [], []
    # The order the deck introduces its new cards in, worked out once here (compiling big
    # decks runs in parallel) rather than by the store at each first sync.
    ranks = deck_ranks(deck.cards)
    for position, card in enumerate(deck.cards):
        studyable = card.status is Status.reviewed
        tags = " ".join(card.tags)
        answer = answer_text(card)
        rows.append(
            {
                "card_id": card.id,
                "position": position,
                "line": lines.get(card.id, 0),
                "kind": card.kind,
                "studyable": int(studyable),
                "content_hash": card.content_hash(),
                "previous_ids": " ".join(card.previous_ids),
                "tags": tags,
                "siblings": card.siblings,
                "quote": card.source.quote if card.source else None,
                "document": card.source.document if card.source else None,
                "prompt": card.prompt,
                "answer": answer,
                "valid_until": card.valid_until.isoformat() if card.valid_until else None,
                "words": search_text(card, answer),
                "body": card.model_dump_json(by_alias=True, exclude_defaults=True),
                "rank": ranks[position],
            }
        )
        if studyable:  # drafts are unchecked: they never lend their answers
            pool += [
                (str(kind), text, card.id, tags, int(is_answer))
                for text, kind, is_answer in offered_answers(card)
            ]
    return cache.put(
        key,
        header,
        rows,
        pool,
        [{**asdict(w), "path": None} for w in warnings],
        {k: d.digest for k, d in documents.items()},
    )


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DECK_BYTES:
            raise DeckFileError(
                f"file is {size / 1e6:.0f} MB; decks over {MAX_DECK_BYTES // 2**20} MB are refused",
                "split it into several decks",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise DeckFileError("no such file", "check the path") from None
    except IsADirectoryError:
        raise DeckFileError("is a folder, not a deck file") from None
    except OSError as exc:
        raise DeckFileError(f"cannot read it: {exc.strerror}") from None


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DeckFileError(
            "the file is not UTF-8 text", "save it as UTF-8", line=line, column=column
        ) from None


def _parse(text: str) -> Any:
    try:
        data = yaml_rs.loads(
            text,
            parse_datetime=False,
            # A fresh limits object per call: the parser keeps no state between decks.
            alias_limits=yaml_rs.AliasLimits(**ALIAS_LIMITS),
            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
        )
    except yaml_rs.YAMLDecodeError as exc:
        raise _yaml_error(text, str(exc)) from None
    except TypeError:
        # "? [a, b]: c": a key that is a list or a mapping, which the parser cannot hash
        line, column = locate.complex_key(locate.compose(text)) or (0, 0)
        raise DeckFileError(
            "a list or a mapping is used here as a key (after a `?`), not a field name",
            "remove the `?`, or quote it if it belongs to the text above",
            line=line,
            column=column,
        ) from None
    except RecursionError:
        raise DeckFileError("the YAML is nested too deeply", "flatten the structure") from None
    if not isinstance(data, dict):
        raise DeckFileError(
            "a deck file must be a mapping with `id`, `title` and `cards`",
            "start the file with `id: my-deck`",
            line=1,
            column=1,
        )
    return data


def _yaml_error(text: str, message: str) -> DeckFileError:
    if message.startswith("duplicate mapping key"):
        found = locate.duplicate_key(locate.compose(text))
        key = found[0] if found else message.split(":", 1)[-1].strip().strip("'")
        line, column = (found[1], found[2]) if found else (0, 0)
        return DeckFileError(
            f"the key {key!r} appears twice in the same mapping",
            "remove one of them",
            line=line,
            column=column,
        )
    if "alias" in message.lower() or "replay" in message.lower():
        return DeckFileError(
            "too many YAML alias expansions (the file expands to far more than it holds)",
            "write the values out instead of using anchors and aliases",
            line=1,
            column=1,
        )
    position = _YAML_POSITION.search(message)
    line, column = (int(position.group(1)), int(position.group(2))) if position else (0, 0)
    reason = message.strip().splitlines()[-1].strip() if message.strip() else "invalid YAML"
    return DeckFileError(
        f"invalid YAML: {reason}",
        "check the indentation and quoting on this line and the one above",
        line=line,
        column=column,
    )


def _validation_problems(path: Path, text: str, data: Any, exc: ValidationError) -> list[Problem]:
    root = locate.compose(text)
    problems = []
    for error in exc.errors():
        loc = error["loc"]
        card_id = _card_id_at(data, loc)
        message, hint = _explain(error)
        if error["type"] == "extra_forbidden":
            line, column = locate.locate_key(root, loc)
        else:
            line, column = locate.locate(root, loc)
        where = _describe_loc(loc, card_id)
        problems.append(
            Problem(
                path,
                line,
                column,
                f"{where}: {message}" if where else message,
                hint,
                card_id=card_id,
            )
        )
    return problems


def _card_id_at(data: Any, loc: tuple) -> str | None:
    if len(loc) >= 2 and loc[0] == "cards" and isinstance(loc[1], int):
        cards = data.get("cards") if isinstance(data, dict) else None
        if isinstance(cards, list) and loc[1] < len(cards) and isinstance(cards[loc[1]], dict):
            card_id = cards[loc[1]].get("id")
            return str(card_id) if card_id is not None else None
    return None


def _describe_loc(loc: tuple, card_id: str | None) -> str:
    parts = [p for p in loc if not (isinstance(p, str) and p in CARD_KINDS)]
    if parts[:1] == ["cards"] and len(parts) >= 2:
        label = f"card {card_id!r}" if card_id else f"card #{parts[1] + 1}"
        rest = ".".join(str(p) for p in parts[2:])
        return f"{label}, `{rest}`" if rest else label
    return f"`{'.'.join(str(p) for p in parts)}`" if parts else ""


def _explain(error: dict) -> tuple[str, str]:
    kind = error["type"]
    loc = error["loc"]
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        return "unknown field", f"remove `{name}` or check its spelling"
    if kind == "missing":
        return "required field is missing", f"add `{name}`"
    if kind == "union_tag_invalid":
        got = error.get("ctx", {}).get("tag")
        return f"unknown card kind {got!r}", "use one of: " + ", ".join(CARD_KINDS)
    if kind == "union_tag_not_found":
        return "the card has no `kind`", "add `kind:` with one of: " + ", ".join(CARD_KINDS)
    if kind == "string_pattern_mismatch":
        return (
            f"{error['input']!r} is not a valid id",
            "use lowercase letters, digits, '.', '_' and '-'",
        )
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, "), ""
    if kind in {"too_short", "too_long"}:
        return error["msg"].lower(), ""
    got = type(error.get("input")).__name__
    return f"{error['msg'].lower()} (got {got})", ""


def _documents(
    path: Path, sources: list, library: dict[str, SourceText], text: str, problems: list[Problem]
) -> dict[str, SourceText]:
    documents: dict[str, SourceText] = {}
    for i, source in enumerate(sources):
        if isinstance(source, str):
            found = library.get(source)
            if found is None:
                line, column = locate.locate(locate.compose(text), ("sources", i))
                problems.append(
                    Problem(
                        path,
                        line,
                        column,
                        f"unknown source document {source!r}",
                        "use a bundled document id ("
                        + ", ".join(sorted(library))
                        + ") or describe the document inline with `id`, `title` and `file`",
                    )
                )
                continue
            documents[source] = found
        else:
            before = len(problems)
            found = _read_document(path.parent, source, path, problems)
            if len(problems) > before:  # located only now: composing the YAML is slow
                line, column = locate.locate(locate.compose(text), ("sources", i, "file"))
                problems[before:] = [
                    replace(p, line=line, column=column) for p in problems[before:]
                ]
            if found is not None:
                documents[source.id] = found
    return documents


def _check_cards(
    path: Path,
    deck: Deck,
    documents: dict[str, SourceText],
    card_lines: Callable[[], dict[str, int]],
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    root = None  # composed lazily: only when an error needs a position

    def at(index: int, card_id: str, *loc: str | int) -> tuple[int, int]:
        nonlocal root
        lines = card_lines()
        if not loc and card_id in lines:
            return lines[card_id], 0
        if root is None:
            root = locate.compose(path.read_text(encoding="utf-8-sig"))
        return locate.locate(root, ("cards", index, *loc))

    previous: dict[str, str] = {}
    listed = {source if isinstance(source, str) else source.id for source in deck.sources}
    for i, card in enumerate(deck.cards):
        if card.id in seen:
            line, column = at(i, card.id, "id")
            problems.append(
                Problem(
                    path,
                    line,
                    column,
                    f"duplicate card id {card.id!r}",
                    "give each card its own id; progress is keyed by it",
                    card_id=card.id,
                )
            )
        seen.add(card.id)
        for old in card.previous_ids:
            if old in previous and previous[old] != card.id:
                line, column = at(i, card.id, "previous_ids")
                problems.append(
                    Problem(
                        path,
                        line,
                        column,
                        f"previous id {old!r} is also claimed by card {previous[old]!r}",
                        "an old id can carry its history to one card only",
                        card_id=card.id,
                    )
                )
            previous[old] = card.id
        problems += _check_source(path, card, i, documents, listed, at)
    for old, new in previous.items():
        if old in seen:
            problems.append(
                Problem(
                    path,
                    card_lines().get(new, 0),
                    0,
                    f"card {new!r} lists {old!r} in previous_ids, but a card still has that id",
                    "remove it from previous_ids, or rename the other card",
                    card_id=new,
                )
            )
    return problems


def _check_source(path, card, index, documents, listed, at) -> list[Problem]:
    return _check_card_quote(path, card, index, documents, listed, at) + _check_item_quotes(
        path, card, index, documents, at
    )


def _check_item_quotes(path, card, index, documents, at) -> list[Problem]:
    """Each statement, pair or event that quotes a passage: found in the card's document."""
    problems: list[Problem] = []
    field = {"statements": "statements", "match": "pairs", "ordering": "events"}.get(card.kind)
    for number, item in enumerate(card_items(card)):
        if item.quote is None:
            continue
        if card.source is None:
            # Located only when there is a problem: finding a position composes the file.
            line, column = at(index, card.id, field, number, "quote")
            problems.append(
                Problem(
                    path,
                    line,
                    column,
                    f"card {card.id!r}: item {number + 1} quotes a passage but the card cites "
                    "no document",
                    "add `source:` with the `document` the item quotes from",
                    card_id=card.id,
                )
            )
            continue
        document = documents.get(card.source.document)
        if document is not None and not document.contains(item.quote):
            line, column = at(index, card.id, field, number, "quote")
            problems.append(
                Problem(
                    path,
                    line,
                    column,
                    f"card {card.id!r}: the quote of item {number + 1} is not found in "
                    f"{document.meta.title!r}",
                    "copy the passage exactly from the card's source document (quotes, dashes "
                    "and spacing may differ; words may not)",
                    card_id=card.id,
                )
            )
    return problems


def _check_card_quote(path, card, index, documents, listed, at) -> list[Problem]:
    if card.source is None:
        line, _ = at(index, card.id)
        return [
            Problem(
                path,
                line,
                0,
                f"card {card.id!r} cites no source",
                "add `source:` with `document` and a verbatim `quote`",
                severity="warning",
                card_id=card.id,
            )
        ]
    document = documents.get(card.source.document)
    if document is None and card.source.document in listed:
        return []  # the document itself could not be read: one error, given for the deck
    if document is None:
        line, column = at(index, card.id, "source", "document")
        return [
            Problem(
                path,
                line,
                column,
                f"card {card.id!r} cites document {card.source.document!r}, "
                "which the deck does not list in `sources`",
                "add it to the deck's `sources`, or fix the id",
                card_id=card.id,
            )
        ]
    if not document.contains(card.source.quote):
        line, column = at(index, card.id, "source", "quote")
        return [
            Problem(
                path,
                line,
                column,
                f"card {card.id!r}: quote not found in {document.meta.title!r}",
                "copy the passage exactly from the document (quotes, dashes and spacing "
                "may differ; words may not)",
                card_id=card.id,
            )
        ]
    return []
