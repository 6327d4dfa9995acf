import textwrap
from pathlib import Path

import pytest


@pytest.fixture
def write_deck(tmp_path):
    """Write a deck file from an indented YAML string and return its path."""

    def write(text: str, name: str = "deck.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


GOOD = """
id: test-deck
title: Test deck
sources: [hindu-explained]
cards:
  - id: recognised
    kind: year
    question: In which year did the Soviet Union recognise North Korea?
    answer: 1948
    tags: [dates, history]
    source:
      document: hindu-explained
      quote: "when it came into existence in 1948 under Kim Jong-un's grandfather, Kim Il-sung"
  - id: article-51
    kind: mcq
    question: Which article of the UN Charter does the pact invoke?
    answer: Article 51
    answer_type: article
    distractors: [Article 2, Article 5, Article 42]
    tags: [articles]
    source:
      document: hindu-explained
      quote: "in alignment with Article 51 of the U.N. charter (dealing with self-defence.)"
"""
