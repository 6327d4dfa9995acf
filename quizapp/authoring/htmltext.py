"""Anki fields are HTML: turn them into the plain text a deck holds, and back."""

from __future__ import annotations

import html
import re

from quizapp.authoring.cells import without_controls

# A <br> or the end of a block: a line break.
_BREAK = re.compile(r"<\s*(?:br\s*/?|/\s*(?:div|p|li|tr|h[1-6]))\s*>", re.IGNORECASE)
_DROPPED = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_SOUND = re.compile(r"\[sound:([^\]]*)\]")
_IMAGE = re.compile(r"""<\s*img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SPACES = re.compile(r"[ \t\u00a0]+")
_LINE_BREAK = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def html_to_text(field: str) -> str:
    """Tags stripped, entities unescaped, <br> and block ends as newlines, spaces tidied,
    control characters (NUL, escape sequences) dropped."""
    text = without_controls(field)
    if "<" in text:
        text = _DROPPED.sub("", text)
        text = _BREAK.sub("\n", text)
        text = _TAG.sub("", text)
    if "[sound:" in text:
        text = _SOUND.sub("", text)
    if "&" in text:
        text = without_controls(html.unescape(text))  # an entity such as &#27; too
    if not _LINE_BREAK.search(text):  # one line (str.splitlines breaks at these)
        return _tidy(text)
    lines = [_tidy(line) for line in text.splitlines()]
    # Keep single blank lines between paragraphs, not runs of them.
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _tidy(line: str) -> str:
    """Runs of spaces, tabs and no-break spaces as one space, none at either end."""
    if "  " in line or "\t" in line or "\u00a0" in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


def media_names(field: str) -> list[str]:
    """Files a field shows (`<img src>`) or plays (`[sound:...]`), in order, once each.

    Links to the web and inline data are not files of the package and are left out.
    """
    found = []
    if "<" in field:
        found += [next(g for g in m.groups() if g is not None) for m in _IMAGE.finditer(field)]
    if "[sound:" in field:
        found += [m.group(1) for m in _SOUND.finditer(field)]
    if not found:
        return []
    names = (html.unescape(n).strip() for n in found)
    return list(dict.fromkeys(n for n in names if n and "://" not in n and ":" not in n[:6]))


def text_to_html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")
