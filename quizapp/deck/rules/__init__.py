"""The one registry of the rules `quizapp check` applies to each card of a loaded deck.

A rule is a function ``(CardContext) -> Iterable[Problem]`` registered with ``@rule``; each
module in this package holds the rules of one concern and is imported by ``all_rules``.
"""

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


def all_rules() -> list[Rule]:
    # Importing a module registers its rules.
    from quizapp.deck.rules import media, status  # noqa: F401

    return RULES


def check_card(context: CardContext) -> list[Problem]:
    return [problem for each in all_rules() for problem in each(context)]
