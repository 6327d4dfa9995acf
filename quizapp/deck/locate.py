"""Line and column of a value in a YAML file, for error messages.

The fast parser gives plain data without positions, so on the (rare) error
path the text is composed again with PyYAML, whose nodes carry their marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import yaml

try:  # the C composer where libyaml is present
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_CARD_ID_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?id:[ \t]*[\"']?([A-Za-z0-9._-]+)", re.MULTILINE)


def compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None


def locate(root: yaml.Node | None, loc: Sequence[str | int]) -> tuple[int, int]:
    """1-based (line, column) of the deepest node along ``loc`` that exists."""
    if root is None:
        return 0, 0
    node = root
    for part in loc:
        child = _child(node, part)
        if child is None:
            # A pydantic union tag ('mcq') or a key that is missing: stay put.
            continue
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1


def locate_key(root: yaml.Node | None, loc: Sequence[str | int]) -> tuple[int, int]:
    """Position of the key itself (for an unknown field) rather than its value."""
    if root is None or not loc:
        return locate(root, loc)
    parent = root
    for part in loc[:-1]:
        child = _child(parent, part)
        if child is not None:
            parent = child
    if isinstance(parent, yaml.MappingNode):
        for key, _ in parent.value:
            if key.value == loc[-1]:
                return key.start_mark.line + 1, key.start_mark.column + 1
    return parent.start_mark.line + 1, parent.start_mark.column + 1


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if key.value == part:
                return value
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        return node.value[part]
    return None


def _mappings(root: yaml.Node | None) -> Iterator[yaml.MappingNode]:
    """Every mapping of the composed file, the root first, then depth first."""
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            yield node
            stack.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def complex_key(root: yaml.Node | None) -> tuple[int, int] | None:
    """Position of the first mapping key that is a list or a mapping ("? [a, b]"), which no
    deck field can be."""
    for mapping in _mappings(root):
        for key, _ in mapping.value:
            if not isinstance(key, yaml.ScalarNode):
                return key.start_mark.line + 1, key.start_mark.column + 1
    return None


def duplicate_key(root: yaml.Node | None) -> tuple[str, int, int] | None:
    """The first key repeated within one mapping, with the repeat's position."""
    for mapping in _mappings(root):
        seen: set[str] = set()
        for key, _ in mapping.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    return key.value, key.start_mark.line + 1, key.start_mark.column + 1
                seen.add(key.value)
    return None


def card_lines(text: str) -> dict[str, int]:
    """Card id -> line of its ``id:`` key, found by a cheap scan of the text.

    Scanning avoids composing the whole file on the fast path. The deck's
    own ``id`` sits at column 0 and is skipped; cards are indented list items.
    """
    lines: dict[str, int] = {}
    line_no = 1
    last = 0
    for match in _CARD_ID_LINE.finditer(text):
        line_no += text.count("\n", last, match.start())
        last = match.start()
        if not match.group(0).startswith("id:"):
            lines.setdefault(match.group(1), line_no)
    return lines
