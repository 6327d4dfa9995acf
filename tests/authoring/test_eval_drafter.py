"""bench/eval_drafter.py counts what a reviewer chose that the drafter also proposed."""

import json
import subprocess
import sys

from quizapp.authoring.drafter import draft_cards
from quizapp.deck.loader import bundled_library
from quizapp.deck.sources import fold
from tests.conftest import ROOT

DECK = """\
id: chosen
title: Chosen
sources: [hindu-explained]
cards:
  - id: debt
    kind: basic
    question: How much of North Korea's debt did Russia write off in 2012?
    answer: 90%
    source:
      document: hindu-explained
      quote: "write off 90% of North Korea's estimated $11 billion debt"
  - id: debt-amount
    kind: basic
    question: How large was the debt?
    answer: $11 billion
    source:
      document: hindu-explained
      quote: "write off 90% of North Korea's estimated $11 billion debt"
  - id: border
    kind: true_false
    statement: Russia and North Korea share a land border.
    answer: true
    source:
      document: hindu-explained
      quote: The two countries also share a land border.
"""


def test_figures_on_a_small_deck(tmp_path):
    deck = tmp_path / "chosen.yaml"
    deck.write_text(DECK, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_drafter.py"), "--decks", str(deck), "--json"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout)
    hindu = figures["documents"]["hindu-explained"]
    assert (hindu["quotes"], hindu["proposed"], hindu["proposed_strict"]) == (2, 1, 1)
    assert figures["bundled_cards"] == 3 and figures["proposed_share"] == 0.5

    text = bundled_library()["hindu-explained"].text
    quotes = [fold(c.card.source.quote) for c in draft_cards(text, "hindu-explained")]
    near = sum(1 for q in quotes if "write off 90%" in q)
    assert near >= 6
    assert hindu["candidates"] == len(quotes)
    assert hindu["noise"] == len(quotes) - near
    notes = figures["documents"]["study-notes"]
    assert (notes["quotes"], notes["noise"]) == (0, notes["candidates"])
