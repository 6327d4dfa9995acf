"""The pictures and sounds of one side of a card.

A picture is drawn where the terminal can (textual-image: Kitty graphics, Sixel or
half-blocks),
and named where it cannot ("[picture: polity.media/map.png]"): no colour (NO_COLOR), a
dumb terminal, a file that is missing, unreadable or outside the deck's folder. Sounds are
named, never played. The image library and Pillow load here, the first time a card with a
picture is shown, so they never slow the first paint.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from quizapp.ui.text import literal

if TYPE_CHECKING:
    from PIL.Image import Image as PictureData

    from quizapp.core.collection import Collection

# A picture larger than this is scaled down before it is drawn: a terminal shows a few
# hundred pixels at most, and a smaller image is quicker to draw on every repaint.
LARGEST_SIDE = 800


class MediaFile(Protocol):
    """One of a card's `media` (quizapp.deck.model.Media)."""

    file: str
    side: str

    @property
    def is_picture(self) -> bool: ...


class CardMedia(Vertical):
    DEFAULT_CSS = """
    CardMedia {
        display: none;
        height: auto;
        margin-top: 1;
    }
    CardMedia > .media-name {
        height: auto;
        color: $text-muted;
    }
    /* Leaves a multiple-choice card's four options in sight on an 80x24 screen. */
    CardMedia > .picture {
        width: auto;
        height: 10;
    }
    """

    _shown: tuple[tuple[str, ...], Path | None] = ((), None)

    def show(self, media: Sequence[MediaFile], folder: Path | None) -> None:
        """Show these files of a deck kept in `folder`; hidden when there are none."""
        shown = (tuple(m.file for m in media), folder)
        if shown == self._shown:  # the same card painted again: no redrawing its pictures
            return
        self._shown = shown
        self.remove_children()
        self.display = bool(media)
        if media:
            self.mount_all([self._part(item, folder) for item in media])

    def _part(self, item: MediaFile, folder: Path | None) -> Widget:
        kind = "picture" if item.is_picture else "sound"
        if not item.is_picture:
            return _name(kind, item.file)
        if folder is None:
            return _name(kind, item.file, "missing")
        # Checked again on the way in: the deck may have changed since it was loaded, and
        # a link inside the folder may lead out of it.
        root = folder.resolve()
        path = (root / item.file).resolve()
        if not path.is_relative_to(root):
            return _name(kind, item.file, "outside the deck's folder")
        if not path.is_file():
            return _name(kind, item.file, "missing")
        if not can_draw_pictures(self.app.no_color):
            return _name(kind, item.file)
        picture = _read_picture(path)
        if picture is None:
            return _name(kind, item.file, "cannot be read")
        return picture_widget()(picture, classes="picture")


def media_of(
    collection: Collection | None, deck_id: str, card_id: str
) -> tuple[Sequence[MediaFile], Path | None]:
    """A card's media and its deck's folder, for a screen that holds only the card's ids (a
    question of a quiz or an exam); none when the deck is gone."""
    if collection is None:
        return (), None
    try:
        loaded = collection.deck(deck_id)
    except KeyError:
        return (), None
    card = loaded.card(card_id)
    return (card.media if card is not None else ()), loaded.path.parent


def _name(kind: str, file: str, problem: str = "") -> Static:
    shown = literal(f"[{kind}: {file}]")
    if problem:
        shown.append(f" ({problem})", style="yellow")
    return Static(shown, classes="media-name")


def can_draw_pictures(no_color: bool) -> bool:
    """Whether this terminal can be given a picture at all: colours, and not a dumb one."""
    return not no_color and os.environ.get("TERM", "") != "dumb"


def _read_picture(path: Path) -> PictureData | None:
    """The picture's pixels, scaled to what a terminal can show; None when unreadable."""
    from PIL import Image

    try:
        with Image.open(path) as opened:
            opened.thumbnail((LARGEST_SIDE, LARGEST_SIDE))
            picture = opened.copy()
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    return picture


# Terminals that draw Sixel pictures, as they say so in the environment (TERM, or the
# variable each sets for its own sessions); asking the terminal would race Textual for input.
SIXEL_TERMS = {"foot", "foot-extra", "mlterm", "yaft-256color", "contour"}
SIXEL_PROGRAMS = {"WezTerm", "iTerm.app", "mintty"}
SIXEL_VARIABLES = ("WT_SESSION", "KONSOLE_VERSION")  # Windows Terminal, Konsole
# QUIZAPP_PICTURES overrides the guess: kitty, sixel or halfblocks.
PROTOCOLS = ("kitty", "sixel", "halfblocks")


@cache
def picture_widget() -> type[Widget]:
    """textual-image's picture widget for this terminal: Kitty's graphics protocol where the
    terminal says it is Kitty, Sixel where it is one known to draw Sixel, coloured half-blocks
    everywhere else (or as QUIZAPP_PICTURES says).

    textual-image asks the terminal what it supports when it is imported, and reads the
    answer from standard input. Once the app runs, Textual reads standard input, so the answer
    would arrive as key presses (a "4" grading the card). It is imported with standard output
    looking like no terminal, which keeps it from asking.
    """
    real = sys.__stdout__
    sys.__stdout__ = _NotATerminal()
    try:
        from textual_image.widget import HalfcellImage, SixelImage, TGPImage
    finally:
        sys.__stdout__ = real
    return {"kitty": TGPImage, "sixel": SixelImage, "halfblocks": HalfcellImage}[
        picture_protocol(os.environ)
    ]


def picture_protocol(environ: Mapping[str, str]) -> str:
    """kitty, sixel or halfblocks: how this terminal is sent a picture."""
    chosen = environ.get("QUIZAPP_PICTURES", "").strip().lower()
    if chosen in PROTOCOLS:
        return chosen
    # tmux passes no graphics through unless told to, and keeps TERM of its own.
    if environ.get("TMUX"):
        return "halfblocks"
    term = environ.get("TERM", "")
    if term == "xterm-kitty" or "KITTY_WINDOW_ID" in environ:
        return "kitty"
    if (
        term in SIXEL_TERMS
        or "sixel" in term
        or environ.get("TERM_PROGRAM") in SIXEL_PROGRAMS
        or any(name in environ for name in SIXEL_VARIABLES)
    ):
        return "sixel"
    return "halfblocks"


class _NotATerminal:
    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass
