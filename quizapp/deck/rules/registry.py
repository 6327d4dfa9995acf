"""The registry itself: what a rule sees (``CardContext``) and ``@rule`` to add one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from quizapp.deck.loader import LoadedDeck
from quizapp.deck.problems import Problem, Severity


@dataclass(frozen=True)
class CardContext:
    """One card as a rule sees it: its deck, where it stands in the file, and today."""

    loaded: LoadedDeck
    card: Any
    today: dt.date

    @property
    def line(self) -> int:
        return self.loaded.card_lines.get(self.card.id, 0)

    def problem(self, message: str, hint: str = "", severity: Severity = "warning") -> Problem:
        """A problem located at this card's line."""
        return Problem(
            self.loaded.path, self.line, 0, message, hint, severity=severity, card_id=self.card.id
        )


Rule = Callable[[CardContext], Iterable[Problem]]
RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    """Register a card rule; `quizapp check` runs every registered rule on every card."""
    RULES.append(func)
    return func
