"""Text as the screens show it: deck text literally (never markup, never terminal control
sequences), intervals as Anki writes them, clipped lines, flags in their colours."""

from __future__ import annotations

import re
from datetime import timedelta

from rich.text import Text

from quizapp.core.storage.records import FLAGS

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


def clip(text: str, width: int) -> str:
    """On one line, cut to `width` with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "\u2026"


FLAG_COLOURS = FLAGS  # the store's names: Anki's seven colours
FLAG_STYLES = {
    1: "bold red",
    2: "bold dark_orange",
    3: "bold green",
    4: "bold blue",
    5: "bold hot_pink",
    6: "bold dark_turquoise",
    7: "bold purple",
}


def flag_text(flag: int) -> Text:
    """'⚑ red' in its colour (and its name, for terminals without colour)."""
    if flag not in FLAG_COLOURS:
        return Text("")
    return Text(f"⚑ {FLAG_COLOURS[flag]}", style=FLAG_STYLES[flag])
