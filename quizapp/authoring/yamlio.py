"""Write decks as readable block-style YAML, atomically, never over an existing file.

The usual values are written as text directly (quizapp.authoring.yamltext), in the styles
libyaml's emitter would choose; anything else is written by PyYAML with libyaml's emitter.
The loader reads back with yaml-rs (YAML 1.2). Strings that a YAML 1.2 reader
could take for a number, a boolean or null are always quoted, so a written deck loads back
to exactly the same cards. List items are indented under their key, as people write YAML
by hand.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from pathlib import Path
from typing import IO, Any

import yaml

from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.yamltext import Flow as _Flow
from quizapp.authoring.yamltext import item_texts, yaml_text
from quizapp.deck.model import AnkiNote, AnkiNoteType, CardBase, Deck
from quizapp.deck.schema import SCHEMA_PATH

# Plain scalars that YAML 1.1 or 1.2 may read as something other than a string.
_AMBIGUOUS = re.compile(
    # yaml-rs also reads digits behind underscores as a number: `_0`, `-_1`, `._1`.
    r"^(?:[-+._]*\d.*|[-+]?\.(?:inf|nan)|~|null|true|false|yes|no|on|off|y|n|=|<<)$",
    re.IGNORECASE,
)


class _PythonDumper(yaml.SafeDumper):
    """PyYAML's own emitter, where libyaml is missing: it indents list items itself."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_FAST = getattr(yaml, "CSafeDumper", None)
_Dumper: type = type("_Dumper", (_FAST,), {}) if _FAST is not None else _PythonDumper


# Line and paragraph separators: line breaks to libyaml (YAML 1.1) but text to a YAML 1.2
# reader, which would read them back changed from any style but double quotes (escaped).
_SEPARATORS = re.compile("[\u2028\u2029]")


def _style(value: str) -> str | None:
    """The style a string is written in: `|` for several lines, double quotes for what a
    reader could take for something else, else libyaml's choice (None)."""
    if _SEPARATORS.search(value):
        return '"'
    if "\n" in value:
        return "|"
    return '"' if _AMBIGUOUS.match(value) else None


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=_style(value))


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


for _dumper in {_Dumper, _PythonDumper}:
    _dumper.add_representer(str, _represent_str)
    _dumper.add_representer(_Flow, _represent_flow)

_BASE_FIELDS = list(CardBase.model_fields)


def card_data(card: Any) -> dict[str, Any]:
    """A card as YAML-ready data: id and kind first, then what is asked, then the rest."""
    data = card.model_dump(mode="json", exclude_defaults=True, by_alias=True, exclude=_ANKI)
    data["kind"] = card.kind
    if card.anki is not None:
        data["anki"] = _anki_data(card.anki)
    out = {key: data[key] for key in _order(type(card)) if key in data}
    for key, value in out.items():
        short = type(value) is list and value and sum(len(str(v)) for v in value) <= 60
        if short and all(isinstance(v, str | int) for v in value):
            out[key] = _Flow(value)
    return out


_ANKI = {"anki"}
# AnkiNote's fields in order, with the default each leaves out.
_ANKI_DEFAULTS = [
    (name, field.get_default(call_default_factory=True))
    for name, field in AnkiNote.model_fields.items()
]


def _anki_data(kept: AnkiNote) -> dict[str, Any]:
    """A card's Anki note as its `model_dump(exclude_defaults=True)` gives it (made here:
    one such per imported card), the note's fields and tags each on one line."""
    data: dict[str, Any] = {}
    for name, default in _ANKI_DEFAULTS:
        value = getattr(kept, name)
        if value != default:
            data[name] = _Flow(value) if type(value) is list else value
    return data


@functools.cache
def _order(kind: type) -> list[str]:
    own = [f for f in kind.model_fields if f not in _BASE_FIELDS and f != "kind"]
    return ["id", "kind", *own, *[f for f in _BASE_FIELDS if f != "id"]]


def _note_type_data(note_type: AnkiNoteType) -> dict[str, Any]:
    return note_type.model_dump(mode="json", exclude_defaults=True)


def deck_data(deck: Deck) -> dict[str, Any]:
    data: dict[str, Any] = {"id": deck.id, "title": deck.title}
    if deck.description:
        data["description"] = deck.description
    data["sources"] = [
        s if isinstance(s, str) else s.model_dump(mode="json", exclude_none=True)
        for s in deck.sources
    ]
    data["cards"] = [card_data(card) for card in deck.cards]
    if deck.anki_note_types:
        data["anki_note_types"] = [_note_type_data(t) for t in deck.anki_note_types]
    return data


def schema_comment() -> str:
    """The line that lets YAML-aware editors validate and complete the deck."""
    return f"# yaml-language-server: $schema={SCHEMA_PATH.resolve().as_uri()}\n"


_STYLE = {"allow_unicode": True, "width": 1 << 30, "indent": 2}  # never folded: one line stays one


def dump(data: Any, dumper: type = _Dumper) -> str:
    """``data`` as block-style YAML, list items indented under their key."""
    if dumper is _PythonDumper:
        return yaml.dump(data, Dumper=dumper, sort_keys=False, default_flow_style=False, **_STYLE)
    text = yaml_text(data, _AMBIGUOUS.match)  # the usual values, written straight away
    return text if text is not None else _emitted(data, dumper)


def _emitted(data: Any, dumper: type = _Dumper) -> str:
    """``data`` written by libyaml, its lists indented after it."""
    events: list[yaml.Event] = [yaml.StreamStartEvent(), yaml.DocumentStartEvent()]
    try:
        _events(data, events)
    except TypeError:  # a value the events below do not make: the representer's way
        text = yaml.dump(data, Dumper=dumper, sort_keys=False, default_flow_style=False, **_STYLE)
    else:
        events += [yaml.DocumentEndEvent(), yaml.StreamEndEvent()]
        text = yaml.emit(events, Dumper=dumper, **_STYLE)
    return _indent_lists(text)


_TAG = "tag:yaml.org,2002:"
_RESOLVER = yaml.resolver.Resolver()
# A card's keys are plain words: their events are made once (the emitter only reads them).
_KEYS = {
    key: yaml.ScalarEvent(None, _TAG + "str", (True, True), key)
    for key in {
        *_BASE_FIELDS,
        *("kind", "question", "answer", "text", "explanation", "tags"),
        *("note_type", "card", "fields", "modified"),
    }
    if re.fullmatch(r"[a-z_]+", key)
}


def _events(value: Any, out: list) -> None:
    """The YAML events PyYAML's representer and serializer would make of ``value`` (strings,
    whole numbers, booleans, None, dicts and lists), made directly: five times faster."""
    if isinstance(value, str):
        style = _style(value)
        # Only a string whose first character starts a number, boolean or null needs asking.
        plain = (value[:1] not in _RESOLVER.yaml_implicit_resolvers) or (
            _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _TAG + "str"
        )
        out.append(yaml.ScalarEvent(None, _TAG + "str", (plain, True), value, style=style))
    elif isinstance(value, bool):
        out.append(yaml.ScalarEvent(None, _TAG + "bool", (True, False), str(value).lower()))
    elif isinstance(value, int):
        out.append(yaml.ScalarEvent(None, _TAG + "int", (True, False), str(value)))
    elif value is None:
        out.append(yaml.ScalarEvent(None, _TAG + "null", (True, False), "null"))
    elif isinstance(value, dict):
        out.append(yaml.MappingStartEvent(None, _TAG + "map", True, flow_style=False))
        for key, item in value.items():
            event = _KEYS.get(key)
            if event is None:
                _events(key, out)
            else:
                out.append(event)
            _events(item, out)
        out.append(yaml.MappingEndEvent())
    elif isinstance(value, list):
        flow = isinstance(value, _Flow)
        out.append(yaml.SequenceStartEvent(None, _TAG + "seq", True, flow_style=flow))
        for item in value:
            _events(item, out)
        out.append(yaml.SequenceEndEvent())
    else:
        raise TypeError(type(value).__name__)


def deck_yaml(deck: Deck, header: str = "") -> str:
    return header + dump(deck_data(deck))


def deck_head_yaml(deck: Deck, header: str = "") -> str:
    """The deck without its cards, ending in ``cards:``: its cards follow as `cards_yaml`."""
    data = deck_data(deck.model_copy(update={"cards": [], "anki_note_types": []}))
    data["cards"] = None
    return header + dump(data).removesuffix("null\n").rstrip(" ") + "\n"


def cards_yaml(cards: list[Any]) -> str:
    """Cards as the items of a deck's ``cards:`` list."""
    data = [card_data(card) for card in cards]
    # A card libyaml must write leaves the others to the fast way.
    texts = item_texts(data, _AMBIGUOUS.match)
    return "".join(
        text if text is not None else _emitted([item])
        for text, item in zip(texts, data, strict=True)
    )


def note_types_yaml(note_types: list[AnkiNoteType]) -> str:
    """The deck's ``anki_note_types:``, written after its cards."""
    return dump({"anki_note_types": [_note_type_data(t) for t in note_types]})


_BLOCK_START = re.compile(r"(?:^|: |- )[|>][0-9+-]*$")
_NESTED_ITEM = re.compile(r"^ +-(?: |$)", re.MULTILINE)
_LINE = re.compile(r"^(?=.)", re.MULTILINE)


def _indent_lists(text: str) -> str:
    """libyaml writes a list under a key at the key's indentation (`key:` then `- item`):
    indent it two more, with everything inside it, as the hand-written decks have it."""
    if text.startswith("- ") and not _NESTED_ITEM.search(text):
        return _LINE.sub("  ", text)  # one list at the top, none inside it: all move by two
    out: list[str] = []
    lists: list[int] = []  # the indentation of each list open around the line
    block = -1  # the indentation of the line a block scalar (|) hangs from, or -1
    for line in text.splitlines(True):
        bare = line.lstrip(" ")
        indent = len(line) - len(bare)
        if block >= 0 and (indent > block or not bare.strip()):
            out.append(" " * 2 * len(lists) + line if bare.strip() else line)
            continue
        block = -1
        item = bare.startswith("- ") or bare.rstrip("\n") == "-"
        while lists and (indent < lists[-1] or (indent == lists[-1] and not item)):
            lists.pop()
        if item and (not lists or lists[-1] != indent):
            lists.append(indent)
        # Each list open around a line moves it right by two (a top-level list's too).
        out.append(" " * (indent + 2 * len(lists)) + bare)
        if _BLOCK_START.search(bare.rstrip("\n")):
            block = indent
    return "".join(out)


def write_files(files: dict[Path, str | bytes], *, overwrite: bool = False) -> None:
    """Write several files, all or none: every temp file is made before any is moved."""
    with Staging(overwrite=overwrite) as staging:
        for path, content in files.items():
            staging.write(Path(path), content)
        staging.commit()


class Staging:
    """Files written under temporary names beside their places, then all moved into place at
    once (`commit`); leaving the ``with`` block without committing removes them all, so no
    half-written file is left and nothing that was there is changed."""

    def __init__(self, *, overwrite: bool = False) -> None:
        self._overwrite = overwrite
        self._staged: dict[Path, tuple[str, IO]] = {}  # place: (temp name, open file)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        for path in list(self._staged):
            self.discard(path)

    def open(self, path: Path, *, binary: bool = False) -> IO:
        """A file to write that will be moved to ``path``; AuthoringError if ``path`` exists."""
        path = Path(path)
        if path in self._staged:
            return self._staged[path][1]
        if path.exists() and not self._overwrite:
            raise AuthoringError(
                path,
                "already exists; nothing was written",
                "choose another file name or remove it",
                content=False,
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            handle = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8")
        except OSError as exc:
            raise self._cannot(path, exc) from None
        self._staged[path] = (tmp, handle)
        return handle

    def write(self, path: Path, content: str | bytes) -> None:
        handle = self.open(path, binary=isinstance(content, bytes))
        try:
            handle.write(content)
        except OSError as exc:
            raise self._cannot(path, exc) from None

    def discard(self, path: Path) -> None:
        tmp, handle = self._staged.pop(Path(path))
        handle.close()
        Path(tmp).unlink(missing_ok=True)

    def commit(self) -> None:
        try:
            for path, (_, handle) in self._staged.items():
                try:
                    handle.close()
                except OSError as exc:
                    raise self._cannot(path, exc) from None
            for path, (tmp, _) in list(self._staged.items()):
                os.replace(tmp, path)
                del self._staged[path]
        except OSError as exc:
            raise self._cannot(next(iter(self._staged), Path(".")), exc) from None

    @staticmethod
    def _cannot(path: Path, exc: OSError) -> AuthoringError:
        return AuthoringError(path, f"cannot write it: {exc.strerror}", content=False)
