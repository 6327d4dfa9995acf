"""The `?` screen: every key, and how an answer becomes a grade."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = """\
Home
  ↑ ↓ Enter   choose a deck (or All decks) and study what is due
  p           practise ahead (cram): answers do not change the schedule
  t / s       filter by tag (dates, articles, implications…) / by source document
  r           reload decks after editing them
  Ctrl+P      command palette: every action by name
  q           quit (every answer is already saved)

Review
  Space Enter show the answer (basic and cloze cards)
  a b c d     choose an option (multiple choice, statements, match)
  t f         true or false
  digits      type a year, or an order such as 3142, then Enter
  1 2 3 4     grade: Again, Hard, Good, Easy (the interval each gives is shown)
  u           undo the last answer
  Esc         back to the decks (progress is kept)

Grading: a wrong objective answer is graded Again. A right one is graded
Good on Enter, or Hard (2) or Easy (4) if you say so. Basic and cloze cards
you grade yourself after seeing the answer.
"""


class HelpScreen(ModalScreen):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(KEYS, markup=False)
