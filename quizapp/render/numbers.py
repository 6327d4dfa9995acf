"""Numbers and deck text as a learner reads them in a line of plain text."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str, width: int | None = None) -> str:
    """Deck text for the terminal: control characters escaped, cut to ``width`` with '…'."""
    shown = _CONTROL.sub(lambda m: repr(m.group(0))[1:-1], " ".join(text.split()))
    if width is not None and len(shown) > width:
        shown = shown[: max(0, width - 1)] + "…"
    return shown


def percent(rate: float | None) -> str:
    return "-" if rate is None else f"{100 * rate:.0f}%"


def duration(seconds: float) -> str:
    """4m 05s, 2h 03m."""
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h {minutes:02d}m" if hours else f"{minutes}m {secs:02d}s"


def plural(n: int, word: str) -> str:
    """1 day, 2 days."""
    return f"{n} {word}" + ("" if n == 1 else "s")
