"""A card or question being asked, as review, quiz and exam show it.

Top to bottom: the prompt and its pictures and sounds, how it is answered
(options a-d or events to put in order, or a box to type in), what stands on it
(an exam's answer so far), then once answered the verdict, the answer with the
pictures and sounds of its side, the explanation and the source passage. Each
part is hidden while it has nothing to say, so a screen uses only the parts it
needs. Deck text is shown as written, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizapp.ui.text import literal
from quizapp.ui.widgets.card_media import CardMedia, MediaFile
from quizapp.ui.widgets.choices import Choices
from quizapp.ui.widgets.passage import SourcePassage
from quizapp.ui.widgets.typed_answer import TypedAnswer

# The parts shown once the card is answered, in the order they come.
ANSWER_PARTS = "#verdict, #answer, #answer-media, #explanation, #passage"


class CardView(VerticalScroll):
    # The card's answer-side media, shown with its answer; its deck's folder.
    _answer_media: Sequence[MediaFile] = ()
    _folder: Path | None = None

    DEFAULT_CSS = """
    CardView #prompt, CardView #standing, CardView #verdict, CardView #answer,
    CardView #explanation {
        height: auto;
    }
    CardView #standing, CardView #verdict, CardView #answer {
        margin-top: 1;
    }
    /* Right under the verdict: an answered multiple-choice card keeps its question
       on an 80x24 screen. */
    CardView #answer.-judged {
        margin-top: 0;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="prompt")
        # Every other part hidden until a screen fills it.
        parts = [
            CardMedia(id="question-media"),
            Choices(id="options"),
            TypedAnswer(id="typed"),
            Static("", id="standing", classes="muted"),
            Static("", id="verdict"),
            Static("", id="answer"),
            CardMedia(id="answer-media"),
            Static("", id="explanation"),
            SourcePassage(id="passage"),
        ]
        for part in parts:
            part.display = False
            yield part

    @property
    def choices(self) -> Choices:
        return self.query_one("#options", Choices)

    @property
    def typed(self) -> TypedAnswer:
        return self.query_one("#typed", TypedAnswer)

    def ask(
        self,
        prompt: str,
        *,
        from_top: bool = True,
        media: Sequence[MediaFile] = (),
        folder: Path | None = None,
    ) -> None:
        """A card: its prompt with the pictures and sounds of its question side, and nothing
        of the last card's answer; scrolled to the top unless ``from_top`` is False (the same
        question drawn again). ``folder`` is the deck's, where its media files are."""
        self.query_one("#prompt", Static).update(literal(prompt, "bold"))
        self._answer_media = [m for m in media if m.side == "answer"]
        self._folder = folder
        self._show_media("#question-media", [m for m in media if m.side != "answer"])
        self._show_media("#answer-media", [])
        for part in ("#standing", "#verdict", "#answer", "#explanation"):
            self._set(part, "")
        self.query_one(SourcePassage).clear()
        if from_top:
            self.scroll_home(animate=False)

    def show_standing(self, text: Text | str) -> None:
        """What stands on the question now, under its options (an exam's answer so far)."""
        self._set("#standing", text)

    def show_problem(self, problem: str) -> None:
        """A typed answer that cannot be read (e.g. not a year), where the verdict goes."""
        self._set("#verdict", literal(problem, "yellow"))

    def show_verdict(self, correct: bool, given: str | None = None, label: str = "") -> None:
        """Right or wrong; when wrong, what was answered (after its option label, if any)."""
        verdict = Text(
            "✓ Right" if correct else "✗ Wrong", style="bold green" if correct else "bold red"
        )
        if given is not None and not correct:
            if label:
                verdict.append("  you answered ", style="dim")
                verdict.append(f"{label}) ", style="bold")
            else:
                verdict.append("  you answered: ", style="dim")
            verdict.append_text(literal(given))
        self._set("#verdict", verdict)

    def show_answer(self, answer: Text, *, judged: bool) -> None:
        """The answer: right under a verdict when the answer was judged."""
        self._set("#answer", answer)
        self.query_one("#answer").set_class(judged, "-judged")
        self._show_media("#answer-media", self._answer_media)

    def show_explanation(self, explanation: str) -> None:
        self._set("#explanation", literal(explanation))

    def show_passage(
        self,
        passage: str | None,
        citation: str | None,
        items: Sequence[tuple[str, str]] = (),
    ) -> None:
        """The card's passage, each item's own passage after its label, and the citation."""
        self.query_one(SourcePassage).show_passage(passage, citation, items)

    def bring_answer_into_view(self) -> None:
        """On a card taller than the screen, scroll to the answer and its passage,
        keeping the verdict in sight (the question stays a few keys away)."""
        shown = [w for w in self.query(ANSWER_PARTS).results() if w.display]
        if shown:
            self.scroll_to_widget(shown[-1], animate=False)
            self.scroll_to_widget(shown[0], animate=False)

    def _show_media(self, selector: str, media: Sequence[MediaFile]) -> None:
        self.query_one(selector, CardMedia).show(media, self._folder)

    def _set(self, selector: str, content: Text | str) -> None:
        """Fill a part of the card, hiding it while it has nothing to say."""
        widget = self.query_one(selector, Static)
        widget.update(content)
        widget.display = bool(str(content))
