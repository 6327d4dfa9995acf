"""A card's pictures drawn in review and in the browser's preview; named where they cannot
be drawn (no colour, a missing or unreadable file, a path leading out of the deck's folder);
sounds named. Pictures come from a deck in tmp_path, made with Pillow here, and from a
package written by the real Anki."""

from pathlib import Path

import pytest
from textual.widgets import Static

from quizapp.ui.screens.review import ReviewScreen
from quizapp.ui.widgets.card_media import CardMedia, picture_protocol, picture_widget
from tests.ui.conftest import make_app, until, wait_for_screen, wait_loaded

MAP_CARD = """\
id: maps
title: Maps
cards:
  - id: identify-map
    kind: basic
    question: Identify this map
    answer: India
    media:
      - file: maps.media/map.png
      - file: maps.media/namaste.mp3
      - file: maps.media/answer.png
        side: answer
"""


def make_picture(path: Path, colour: str = "red") -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 20), colour).save(path)


@pytest.fixture
def decks(tmp_path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "maps.yaml").write_text(MAP_CARD)
    make_picture(folder / "maps.media" / "map.png")
    make_picture(folder / "maps.media" / "answer.png", "blue")
    (folder / "maps.media" / "namaste.mp3").write_bytes(b"ID3 namaste")
    return folder


def pictures(widget) -> list:
    """The picture widgets drawn inside `widget` (textual-image's, whatever the terminal)."""
    from textual_image.widget._base import Image

    return [w for w in widget.query("*").results() if isinstance(w, Image)]


def media_text(media: CardMedia) -> str:
    return "\n".join(str(w.render()) for w in media.query(Static).results())


async def review(pilot) -> ReviewScreen:
    return await wait_for_screen(pilot, ReviewScreen)


def reviewing(db: Path, decks: Path):
    app = make_app(db, decks=[decks])
    app.start_review = True
    return app


async def test_review_draws_the_picture_and_names_the_sound(db, decks):
    async with reviewing(db, decks).run_test(size=(80, 30)) as pilot:
        screen = await review(pilot)
        question = screen.query_one("#question-media", CardMedia)
        await until(pilot, lambda: pictures(question), "the picture")
        assert question.display
        (picture,) = pictures(question)
        assert picture.region.height > 0 and picture.region.width > 0
        assert "[sound: maps.media/namaste.mp3]" in media_text(question)
        answer = screen.query_one("#answer-media", CardMedia)
        assert not answer.display  # the answer's picture waits for the answer
        await pilot.press("space")
        await until(pilot, lambda: pictures(answer), "the answer's picture")
        assert answer.display


@pytest.mark.parametrize(
    ("environ", "protocol"),
    [
        ({"TERM": "xterm-kitty"}, "kitty"),
        ({"TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"}, "kitty"),
        ({"TERM": "foot"}, "sixel"),
        ({"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"}, "sixel"),
        ({"TERM": "xterm-256color", "WT_SESSION": "x"}, "sixel"),
        ({"TERM": "xterm-256color", "KONSOLE_VERSION": "240202"}, "sixel"),
        ({"TERM": "xterm-256color"}, "halfblocks"),
        ({"TERM": "foot", "TMUX": "/tmp/tmux-0/default,1,0"}, "halfblocks"),
        ({"TERM": "xterm-256color", "QUIZAPP_PICTURES": "Sixel"}, "sixel"),
        ({"TERM": "xterm-kitty", "QUIZAPP_PICTURES": "halfblocks"}, "halfblocks"),
        ({"TERM": "xterm-kitty", "QUIZAPP_PICTURES": "bogus"}, "kitty"),
    ],
)
def test_the_picture_protocol_is_the_one_the_terminal_draws(environ, protocol):
    assert picture_protocol(environ) == protocol


async def test_a_sixel_terminal_gets_the_picture_in_sixel(db, decks, monkeypatch):
    from textual_image.widget import SixelImage

    monkeypatch.setenv("QUIZAPP_PICTURES", "sixel")
    picture_widget.cache_clear()
    try:
        async with reviewing(db, decks).run_test(size=(80, 30)) as pilot:
            screen = await review(pilot)
            question = screen.query_one("#question-media", CardMedia)
            await until(pilot, lambda: pictures(question), "the picture")
            (picture,) = pictures(question)
            assert isinstance(picture, SixelImage)
            assert picture.region.height > 0 and picture.region.width > 0
    finally:
        picture_widget.cache_clear()  # the next test's terminal guesses afresh


async def test_without_colour_the_picture_is_named(db, decks, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    async with reviewing(db, decks).run_test(size=(80, 30)) as pilot:
        screen = await review(pilot)
        question = screen.query_one("#question-media", CardMedia)
        await until(pilot, lambda: "[picture:" in media_text(question), "the picture's name")
        assert "[picture: maps.media/map.png]" in media_text(question)
        assert "(missing)" not in media_text(question)
        assert not pictures(question)


async def test_a_missing_or_unreadable_picture_is_named_not_a_traceback(db, decks):
    (decks / "maps.media" / "map.png").unlink()
    (decks / "maps.media" / "answer.png").write_bytes(b"not a picture")
    async with reviewing(db, decks).run_test(size=(80, 30)) as pilot:
        screen = await review(pilot)
        question = screen.query_one("#question-media", CardMedia)
        await until(pilot, lambda: "[picture:" in media_text(question), "the picture's name")
        assert "[picture: maps.media/map.png] (missing)" in media_text(question)
        await pilot.press("space")
        answer = screen.query_one("#answer-media", CardMedia)
        await until(pilot, lambda: "[picture:" in media_text(answer), "the answer's name")
        assert "[picture: maps.media/answer.png] (cannot be read)" in media_text(answer)
        assert not pictures(screen)


async def test_a_link_leading_out_of_the_deck_folder_is_not_opened(db, decks, tmp_path):
    outside = tmp_path / "outside.png"
    make_picture(outside)
    (decks / "maps.media" / "map.png").unlink()
    (decks / "maps.media" / "map.png").symlink_to(outside)
    async with reviewing(db, decks).run_test(size=(80, 30)) as pilot:
        screen = await review(pilot)
        question = screen.query_one("#question-media", CardMedia)
        await until(pilot, lambda: "[picture:" in media_text(question), "the picture's name")
        assert "maps.media/map.png] (outside the deck's folder)" in media_text(question)
        assert not pictures(question)


async def test_the_browser_preview_draws_the_card_pictures(db, decks):
    from quizapp.ui.screens.browser import BrowserScreen

    async with make_app(db, decks=[decks]).run_test(size=(80, 40)) as pilot:
        await wait_loaded(pilot)
        screen = BrowserScreen(pilot.app.collection)
        pilot.app.push_screen(screen)
        await until(pilot, lambda: screen.results_for == "")
        await pilot.press("p")
        preview = screen.query_one("#preview")
        await until(pilot, lambda: len(pictures(preview)) == 2, "both pictures")
        assert "[sound: maps.media/namaste.mp3]" in preview.text()
        assert "Answer: India" in preview.text()


async def test_a_card_without_media_shows_no_media_part(db):
    app = make_app(db)
    app.start_review = True
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await review(pilot)
        assert not screen.query_one("#question-media", CardMedia).display
        assert not pictures(screen)


async def test_an_anki_package_with_a_picture_is_imported_then_drawn_in_review(db, tmp_path):
    from anki.collection import DeckIdLimit, ExportAnkiPackageOptions

    from quizapp.cli import main
    from tests.authoring.conftest import add_note, anki_collection

    col = anki_collection(tmp_path / "anki")
    deck_id = col.decks.id("Geography")
    picture = tmp_path / "india.png"
    make_picture(picture, "green")
    col.media.write_data("india.png", picture.read_bytes())
    add_note(
        col,
        "Basic",
        {"Front": 'Identify this map<br><img src="india.png">', "Back": "India"},
        [],
        deck_id,
    )
    package = tmp_path / "geography.apkg"
    options = ExportAnkiPackageOptions(with_scheduling=False, with_media=True)
    col.export_anki_package(out_path=str(package), options=options, limit=DeckIdLimit(deck_id))
    col.close()
    decks = tmp_path / "decks"
    assert main(["import", str(package), "--out", str(decks / "geography.yaml")]) == 0

    async with reviewing(db, decks).run_test(size=(80, 30)) as pilot:
        screen = await review(pilot)
        assert "Identify this map" in str(screen.query_one("#prompt", Static).render())
        question = screen.query_one("#question-media", CardMedia)
        await until(pilot, lambda: pictures(question), "the imported picture")


async def test_quiz_and_exam_find_a_question_media_by_its_card(db, decks):
    from quizapp.ui.widgets.card_media import media_of

    async with make_app(db, decks=[decks]).run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        media, folder = media_of(pilot.app.collection, "maps", "identify-map")
        assert [m.file for m in media][0] == "maps.media/map.png"
        assert folder == decks
        assert media_of(pilot.app.collection, "gone", "identify-map") == ((), None)
        assert media_of(None, "maps", "identify-map") == ((), None)
