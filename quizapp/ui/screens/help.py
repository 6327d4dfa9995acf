"""The `?` screen: every key, and how an answer becomes a grade."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

# Each line: the keys ({binding-id:key} stands for that binding's key, as the learner's keymap
# sets it; the binding's own key otherwise) and what they do.
KEYS: list[tuple[str, str] | str] = [
    "Home",
    ("↑ ↓ Enter", "choose a deck (or All decks) and study what is due"),
    ("{practise:p}", "practise ahead: answers leave the schedule alone"),
    ("{tag-filter:t}  {source-filter:s}", "filter by tag (dates, articles…) / by source document"),
    ("{reload:r}  {stats:S}", "reload the decks after editing them / statistics"),
    ("{exam:x}  {quiz:z}  {past-exams:e}", "timed exam (UPSC marking) / quiz / past exams"),
    ("{browse:b}  {settings:comma}", "browse every card (search, suspend, flag, reset) / settings"),
    "Review",
    ("Space Enter", "show the answer (basic and cloze cards)"),
    ("a b c d", "choose an option (multiple choice, statements, match)"),
    ("t  f", "true or false (in quizzes and exams too)"),
    ("digits Enter", "type a year, or an order such as 3142"),
    ("1 2 3 4", "grade Again, Hard, Good, Easy (each shows its interval)"),
    ("{undo:u}  {edit-card:e}", "undo the last answer, bury or suspension / edit in $EDITOR"),
    ("{bury:minus}  {suspend:at}", "bury until tomorrow / suspend (unsuspend in the browser)"),
    (
        "{flag:asterisk}  {report:exclamation_mark}",
        "flag the card (a colour) / report a problem to its author",
    ),
    ("{browse:B}", "browse every card (b chooses option b here)"),
    ("{decks:escape}", "back to the decks (progress is kept)"),
    "Exam",
    ("a-d  t f", "answer;  x clear,  m mark for review"),
    ("n p  ← →", "next / previous question;  type a number to go to it"),
    ("Ctrl+S", "submit (asks first);  Esc leaves, the clock keeps running"),
    "Anywhere",
    ("?  Ctrl+P", "this list / every action by name"),
    ("q  Ctrl+C", "quit (as Ctrl+Q; q not while typing); asks first during an exam"),
]

GRADING = """
Grading: a wrong answer to a card you answer by choosing or typing
(choice, true/false, year, order, statements, match) is graded Again.
A right one is Good on Enter, or Again (1), Hard (2) or Easy (4) if
you say so. Leaving after the verdict keeps it: Again or Good.
Basic and cloze cards: see the answer, then grade yourself 1-4.
A card missed in a quiz or an exam is due for review now."""


def keys_text(keymap: dict[str, str]) -> str:
    """The list, each {binding-id:key} shown as the learner's keymap sets it, else its key."""
    import re

    def shown(match: re.Match) -> str:
        keys = keymap.get(match.group(1)) or match.group(2)
        return " ".join(_DISPLAY.get(k, k) for k in keys.split(","))

    lines = []
    for line in KEYS:
        if isinstance(line, str):
            lines.append(line)
            continue
        keys, what = line
        lines.append(f"  {re.sub(r'{([a-z-]+):([^}]+)}', shown, keys):<12} {what}")
    return "\n".join(lines) + "\n" + GRADING


_DISPLAY = {
    "space": "Space",
    "enter": "Enter",
    "escape": "Esc",
    "minus": "-",
    "at": "@",
    "asterisk": "*",
    "exclamation_mark": "!",
    "comma": ",",
    "question_mark": "?",
}


class HelpScreen(ModalScreen):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,question_mark", "dismiss", "Close", id="help-close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "Esc closes"
            settings = getattr(self.app, "settings", None)
            keymap = dict(getattr(settings, "keymap", None) or {})
            yield Static(keys_text(keymap), markup=False)
