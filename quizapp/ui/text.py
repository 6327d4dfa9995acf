"""Deck text shown literally: never markup, never terminal control sequences."""

from __future__ import annotations

import re
from datetime import timedelta

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def literal(text: str, style: str = "") -> Text:
    """A Rich Text of `text` exactly as written; control characters shown as escapes."""
    shown = _CONTROL.sub(lambda m: repr(m.group(0))[1:-1], text)
    return Text(shown, style=style)


def interval(delta: timedelta | None) -> str:
    """Anki-style: 45s, 10m, 3h, 2d, 4mo, 1.5y."""
    if delta is None:
        return "-"
    seconds = max(0, delta.total_seconds())
    if seconds < 60:
        return f"{seconds:.0f}s"
    if seconds < 3600:
        return f"{seconds / 60:.0f}m"
    if seconds < 86400:
        return f"{seconds / 3600:.0f}h"
    days = seconds / 86400
    if days < 30:
        return f"{days:.0f}d"
    if days < 365:
        return f"{days / 30:.0f}mo"
    return f"{days / 365:.1f}y"
