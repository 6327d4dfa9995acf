"""`quizapp check`: lint decks the way a deck author's CI would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quizapp.deck.loader import LoadResult, load_decks
from quizapp.deck.model import Status
from quizapp.deck.problems import Problem
from quizapp.deck.rules import CardContext, check_card


@dataclass
class CheckReport:
    result: LoadResult
    problems: list[Problem]
    files: int

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def exit_code(self, strict: bool = False) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0

    def summary(self) -> str:
        cards = sum(len(d.deck.cards) for d in self.result.decks)
        drafts = sum(1 for d in self.result.decks for c in d.deck.cards if c.status is Status.draft)
        return (
            f"{len(self.result.decks)} of {self.files} deck file(s) loaded, {cards} cards"
            f" ({drafts} draft): {len(self.errors)} error(s), {len(self.warnings)} warning(s)"
        )


def check(paths: Iterable[Path], today: dt.date) -> CheckReport:
    from quizapp.deck.paths import deck_files

    paths = list(paths)
    result = load_decks(paths, use_cache=False)
    problems = list(result.problems)
    for loaded in result.decks:
        for card in loaded.deck.cards:
            problems += check_card(CardContext(loaded, card, today))
    problems.sort(key=lambda p: (str(p.path), p.line, p.column))
    return CheckReport(result, problems, len(deck_files(paths)))
