"""The one registry of the rules `quizapp check` applies to each card of a loaded deck.

A rule is a function ``(CardContext) -> Iterable[Problem]`` registered with ``@rule`` (in
``registry``); each module in this package holds the rules of one concern and is imported by
``all_rules``.
"""

from __future__ import annotations

from quizapp.deck.problems import Problem
from quizapp.deck.rules.registry import RULES, CardContext, Rule


def all_rules() -> list[Rule]:
    # Importing a module registers its rules.
    from quizapp.deck.rules import anki, drafts, exam_setter, media, status  # noqa: F401

    return RULES


def check_card(context: CardContext) -> list[Problem]:
    return [problem for each in all_rules() for problem in each(context)]


__all__ = ["CardContext", "all_rules", "check_card"]
