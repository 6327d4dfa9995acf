"""On a card taller than an 80x24 screen, answering brings the verdict and the passage into view."""

import textwrap

from tests.ui.conftest import make_app, screen_text, wait_loaded


async def test_tall_match_card_scrolls_to_the_answer(db, tmp_path):
    deck = tmp_path / "match.yaml"
    deck.write_text(
        textwrap.dedent(
            """\
            id: match-only
            title: Match only
            sources: [hindu-explained]
            cards:
              - id: visits
                kind: match
                pairs:
                  - {left: Kim Jong-un, right: "2019"}
                  - {left: Putin, right: "2000"}
                  - {left: Kim Jong-il, right: "2001"}
                  - {left: Kim Il-sung, right: "1948"}
                explanation: Visits and founding, one per leader.
                source:
                  document: hindu-explained
                  quote: Kim Jong-iI visited Russia in 2001, 2002, and in 2010
            """
        )
    )
    app = make_app(db, decks=[deck])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        assert "Match each item with its counterpart." in screen_text(app)
        await pilot.press(app.screen.question.correct_label)
        await pilot.pause()
        shown = screen_text(app)
        assert "✓ Right" in shown
        assert "Visits and founding, one per leader." in shown
        assert "Hindu, 21 June 2024" in shown  # the passage's citation, at the bottom
        assert "Match each item with its counterpart." not in shown  # scrolled past
