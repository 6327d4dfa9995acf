"""Fixtures for the quiz and exam tests: a hand-made deck of every kind, and the bundled decks."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.deck.loader import LoadedDeck, load_decks

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def load(paths: list[Path]) -> list[LoadedDeck]:
    result = load_decks(paths, use_cache=False)
    assert [str(p) for p in result.errors] == []
    return result.decks


@pytest.fixture(scope="session")
def sample() -> list[LoadedDeck]:
    return load([HERE / "sample_deck.yaml"])


@pytest.fixture(scope="session")
def bundled() -> list[LoadedDeck]:
    decks = load(sorted((ROOT / "decks").glob("*.yaml")))
    assert decks, "the bundled decks are missing from decks/"
    return decks
