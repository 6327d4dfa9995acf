"""The `?` screen: every key, and how an answer becomes a grade."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = """\
Home
  ↑ ↓ Enter    choose a deck (or All decks) and study what is due
  p            practise ahead: answers leave the schedule alone
  t  s         filter by tag (dates, articles…) / by source document
  r  S         reload the decks after editing them / statistics
  x  z  e      timed exam (UPSC marking) / quiz / past exams;  q quits
  b  ,         browse every card (search, suspend, flag, reset) / settings
Review
  Space Enter  show the answer (basic and cloze cards)
  a b c d      choose an option (multiple choice, statements, match)
  t  f         true or false
  digits Enter type a year, or an order such as 3142
  1 2 3 4      grade Again, Hard, Good, Easy (each shows its interval)
  u  e         undo the last answer / edit this card in $EDITOR
  -  @         bury until tomorrow / suspend (unsuspend in the browser)
  *  !         flag the card (a colour) / report a problem to its author
  B            browse every card (b chooses option b here)
  Esc          back to the decks (progress is kept)
Anywhere: ? this list, Ctrl+P every action by name

Grading: a wrong answer to a card you answer by choosing or typing
(choice, true/false, year, order, statements, match) is graded Again.
A right one is Good on Enter, or Hard (2) or Easy (4) if you say so.
Basic and cloze cards: see the answer, then grade yourself 1-4.
"""


class HelpScreen(ModalScreen):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="help-close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "Esc closes"
            yield Static(KEYS.rstrip("\n"), markup=False)
