"""Deck YAML written as text directly, in exactly the styles libyaml's emitter chooses.

An import of 200,000 notes spends most of its time turning cards into YAML events and
having libyaml write them; the usual values of a card (one line of text, a few lines of
text, a tag list, a GUID, an Anki note's fields and tags in flow lists, whatever they
hold) are written here straight away instead. Anything else out of the ordinary (outside a
flow list: characters beyond the Basic Multilingual Plane, controls, tabs, empty strings,
lines with edge spaces; nested lists) is left to libyaml: `yaml_text` returns None and the
caller emits the whole value the usual way. Tests hold the two to the same text.

The rules follow libyaml's `yaml_emitter_analyze_scalar` and `select_scalar_style`:
a string is written plain if no indicator or edge space forbids it and a YAML reader would
read it back as a string, else in single quotes; `|-` for several lines; double quotes where
the caller asks (strings a YAML 1.2 reader could take for a number, boolean or null).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

# One line of characters libyaml writes as they are (its IS_PRINTABLE, no line break, no
# byte order mark, nothing beyond U+FFFF).
_SAFE_LINE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]+")
_KEY = re.compile(r"[a-z_$][a-z0-9_]*")
_FIRST_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
_FLOW_INDICATORS = re.compile(r"[,?\[\]{}:]")
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_RESOLVED_FIRST = _RESOLVER.yaml_implicit_resolvers


# Keys found to be plain words (a deck has a few dozen): checked once each.
_PLAIN_KEYS: set[str] = set()
# Flow lists as written: tag lists, the same few on many cards, and an Anki note's fields,
# the same on each of its cards.
_FLOW_LISTS: dict[tuple, str] = {}
# The start of most text: a letter or bracket, then neither `:` nor `#` (which may make an
# indicator) nor an edge space; plain unless the caller quotes it (`yes`, `null`, ...), which
# also covers every such string a YAML reader takes for a boolean or null.
_COMMON = re.compile(
    "[A-Za-z(\u00a1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]"
    "(?:[\x20-\x22\x24-\x39\x3b-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*"
    "[\x21\x22\x24-\x39\x3b-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd])?"
)

_COMMON_MATCH = _COMMON.fullmatch


class _Unwritten(Exception):
    """A value this writer leaves to libyaml."""


class Flow(list):
    """A short list of scalars, written on one line: `tags: [dates, history]`."""


def yaml_text(data: Any, double_quoted: Callable[[str], object]) -> str | None:
    """``data`` (a mapping, or a list written indented under a ``cards:`` key) as block-style
    YAML with list items indented under their key; None where libyaml must write it.
    ``double_quoted`` says (truthy) which one-line strings are always written in double
    quotes."""
    out: list[str] = []
    try:
        if isinstance(data, dict):
            _mapping(data, 0, "", out, double_quoted)
        elif isinstance(data, list) and data and not isinstance(data, Flow):
            _sequence(data, 2, out, double_quoted)
        else:
            return None
    except _Unwritten:
        return None
    return "".join(out)


def item_texts(items: list, double_quoted: Callable[[str], object]) -> list[str | None]:
    """Each mapping of ``items`` as `yaml_text` writes it as an item of a list under a key
    (`  - key: ...`); None for each that libyaml must write."""
    texts: list[str | None] = []
    for item in items:
        out: list[str] = []
        try:
            if not isinstance(item, dict):
                raise _Unwritten
            _mapping(item, 4, "  - ", out, double_quoted)
        except _Unwritten:
            texts.append(None)
        else:
            texts.append("".join(out))
    return texts


def _mapping(
    data: dict, indent: int, lead: str, out: list[str], quoted: Callable[[str], object]
) -> None:
    """Each key at ``indent``; ``lead`` goes before the first (a list item's `- `)."""
    if not data:
        raise _Unwritten
    inner = " " * indent
    append = out.append
    for key, value in data.items():
        if key not in _PLAIN_KEYS:
            if not (isinstance(key, str) and _KEY.fullmatch(key) and _reads_as_str(key)):
                raise _Unwritten
            if quoted(key):
                raise _Unwritten
            _PLAIN_KEYS.add(key)
        kind = type(value)
        if kind not in _KINDS:  # a subclass, a boolean, or a value for `_other`
            kind = _kind(value)
        if kind is str:
            if "\n" in value:
                append(f"{lead}{key}: |-\n{_literal(value, indent + 2)}")
            elif _COMMON_MATCH(value) and not quoted(value):  # most text: `_scalar`, sooner
                append(f"{lead}{key}: {value}\n")
            else:
                append(f"{lead}{key}: {_scalar(value, False, quoted)}\n")
        elif kind is Flow:
            try:
                found = _FLOW_LISTS.get((quoted, *value))
            except TypeError:  # an item that is no string or number
                raise _Unwritten from None
            if found is None:
                if not value:
                    raise _Unwritten
                if len(_FLOW_LISTS) > 10_000:
                    _FLOW_LISTS.clear()
                found = ", ".join([_flow_item(v, quoted) for v in value])
                _FLOW_LISTS[quoted, *value] = found
            append(f"{lead}{key}: [{found}]\n")
        elif kind is int:  # a number of an Anki note (not a bool)
            append(f"{lead}{key}: {value}\n")
        elif kind is dict:
            append(f"{lead}{key}:\n")
            _mapping(value, indent + 2, " " * (indent + 2), out, quoted)
        elif kind is list:
            if not value:
                append(f"{lead}{key}: []\n")
            else:
                append(f"{lead}{key}:\n")
                _sequence(value, indent + 2, out, quoted)
        else:
            append(f"{lead}{key}: {_other(value)}\n")
        lead = inner


# The types `_mapping` writes, told apart by `type()` (quicker than `isinstance` in turn).
_KINDS = frozenset({str, Flow, int, dict, list})


def _kind(value: Any) -> type | None:
    """The type of ``_KINDS`` whose way ``value`` is written (a subclass's base); None for a
    boolean and anything else, which `_other` writes or refuses."""
    if isinstance(value, str):
        return str
    if isinstance(value, Flow):
        return Flow
    if isinstance(value, list):
        return list
    if isinstance(value, dict):
        return dict
    return None


def _sequence(items: list, indent: int, out: list[str], quoted: Callable[[str], object]) -> None:
    """Each item at ``indent`` behind `- `."""
    lead = " " * indent + "- "
    for item in items:
        if isinstance(item, dict):
            _mapping(item, indent + 2, lead, out, quoted)
        elif isinstance(item, str):
            if "\n" in item:
                raise _Unwritten
            out.append(f"{lead}{_scalar(item, False, quoted)}\n")
        elif isinstance(item, list):
            raise _Unwritten
        else:
            out.append(f"{lead}{_other(item)}\n")


def _flow_item(value: Any, quoted: Callable[[str], object]) -> str:
    if isinstance(value, str):
        return _flow_scalar(value, quoted)
    if isinstance(value, dict | list):
        raise _Unwritten
    return _other(value)


def _flow_scalar(value: str, quoted: Callable[[str], object]) -> str:
    """A string inside a flow list (an Anki note's fields and tags: HTML, any text).

    libyaml writes an empty string as ``''``, and one with a line break or a character it
    will not write as it is (tab, control, byte order mark, beyond U+FFFF, U+2028) only in
    double quotes, escaped as `_double_escaped` does.
    """
    if not value:
        return "''"
    if "\n" in value or not _SAFE_LINE.fullmatch(value):  # (no block style in a flow list)
        if _SURROGATE.search(value):
            raise _Unwritten  # no UTF-8 for it: libyaml's to refuse
        return _double_escaped(value)
    if _FLOW_INDICATORS.search(value) and not quoted(value):  # most HTML: never plain
        return "'" + value.replace("'", "''") + "'"
    return _scalar(value, True, quoted)


# libyaml's escapes in double quotes (yaml_emitter_write_double_quoted): its short forms,
# else \x, \u or \U with two, four or eight upper-case hex digits for what it does not count
# printable.
_SHORT_ESCAPES = {
    "\0": "0", "\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f",
    "\r": "r", "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\u2028": "L",
    "\u2029": "P",
}  # fmt: skip
_DOUBLE_ESCAPES = {
    code: "\\" + _SHORT_ESCAPES.get(chr(code), f"x{code:02X}" if code <= 0xFF else f"u{code:04X}")
    for code in [*range(0x20), 0x22, 0x5C, *range(0x7F, 0xA0), 0x2028, 0x2029, 0xFEFF]
    + [0xFFFE, 0xFFFF]
}
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _double_escaped(value: str) -> str:
    text = value.translate(_DOUBLE_ESCAPES)
    if not text.isascii() and _ASTRAL.search(text):
        text = _ASTRAL.sub(lambda m: f"\\U{ord(m.group()):08X}", text)
    return f'"{text}"'


def _other(value: Any) -> str:
    """Whole numbers, booleans and null as libyaml writes them; anything else is its work."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    raise _Unwritten


def _scalar(value: str, flow: bool, quoted: Callable[[str], object]) -> str:
    """One line of text: double-quoted when asked, plain when allowed, else single-quoted."""
    if not flow and _COMMON.fullmatch(value):
        return _double(value) if quoted(value) else value
    if not _SAFE_LINE.fullmatch(value):
        raise _Unwritten  # empty, or a character libyaml escapes or checks further
    if quoted(value):
        return _double(value)
    if _plain_allowed(value, flow) and _reads_as_str(value):
        return value
    return "'" + value.replace("'", "''") + "'"


def _double(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _plain_allowed(value: str, flow: bool) -> bool:
    """libyaml's flow_plain_allowed / block_plain_allowed for one line of safe characters."""
    if value[0] == " " or value[-1] == " " or value.startswith(("---", "...")):
        return False
    first = value[0]
    if first in _FIRST_INDICATORS:
        return False
    if first in "?:-":
        if flow and first != "-":
            return False
        if len(value) == 1 or value[1] == " ":  # followed by whitespace (or the end)
            return False
    if " #" in value:
        return False
    rest = value[1:]
    if flow:
        return _FLOW_INDICATORS.search(rest) is None
    return ": " not in rest and not rest.endswith(":")


def _reads_as_str(value: str) -> bool:
    """A plain scalar a YAML 1.1 reader takes for a string (not a number, boolean, null)."""
    return value[:1] not in _RESOLVED_FIRST or (
        _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG
    )


def _literal(value: str, indent: int) -> str:
    """The lines of a `|-` block scalar (text without a final line break), at ``indent``."""
    lines = value.split("\n")
    if not lines[0] or not lines[-1]:
        raise _Unwritten  # a leading or trailing line break: libyaml adds hints
    pad = " " * indent
    out = []
    for line in lines:
        if not line:
            out.append("\n")
        elif line[0] == " " or line[-1] == " " or not _SAFE_LINE.fullmatch(line):
            raise _Unwritten
        else:
            out.append(f"{pad}{line}\n")
    return "".join(out)
