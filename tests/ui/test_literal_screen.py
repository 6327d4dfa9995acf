"""Deck text reaches the screen as written: markup and escape sequences are not obeyed."""

import textwrap

from tests.ui.conftest import make_app, screen_text, wait_loaded


async def test_markup_and_escapes_are_painted_as_written(db, tmp_path):
    deck = tmp_path / "odd.yaml"
    deck.write_text(
        textwrap.dedent(
            """\
            id: odd
            title: "[bold]Odd[/bold] deck"
            cards:
              - id: markup
                kind: mcq
                question: "Is [bold]x[/bold] bold? \\x1b[31mred"
                answer: "[i]no[/i]"
                distractors: ["[b]yes[/b]"]
                explanation: "Shown as typed: [link=http://x.test]here[/link] \\x07"
            """
        )
    )
    app = make_app(db, decks=[deck])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        assert "[bold]Odd[/bold] deck" in screen_text(app)  # the deck list
        await pilot.press("enter")
        shown = screen_text(app)
        assert "Is [bold]x[/bold] bold? \\x1b[31mred" in shown
        assert ") [i]no[/i]" in shown and ") [b]yes[/b]" in shown  # the options
        label = app.screen.question.correct_label
        await pilot.press(label)
        await pilot.pause()
        shown = screen_text(app)
        assert "Shown as typed: [link=http://x.test]here[/link] \\x07" in shown
        assert "\x1b" not in shown and "\x07" not in shown
