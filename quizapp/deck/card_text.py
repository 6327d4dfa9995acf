"""A card as plain text: its answer in one line, and what a search of the cards reads.

Kept with the deck so the deck cache can store both per card when it compiles a deck: the card
browser then lists and searches cards without reading their bodies.
"""

from __future__ import annotations


def answer_text(card) -> str:
    """A card's answer as one plain string, whatever its kind."""
    kind = card.kind
    if kind == "cloze":
        return card.answer
    if kind == "true_false":
        return "True" if card.answer else "False"
    if kind == "ordering":
        return "; ".join(f"{e.date} {e.event}" for e in card.events)
    if kind == "statements":
        numbers = card.correct_numbers
        return "Correct: " + (", ".join(map(str, numbers)) if numbers else "none")
    if kind == "match":
        return "; ".join(f"{p.left} \u2014 {p.right}" for p in card.pairs)
    if kind == "assertion_reason":
        return card.answer_text
    return str(card.answer)


def search_text(card, answer: str) -> str:
    """What a search's words are found in: the card's id, its question as shown once answered
    (a cloze card's blanks filled), its ``answer`` (answer_text) and its explanation; lower
    case, one part a line."""
    shown = card.revealed if card.kind == "cloze" else card.prompt
    return f"{card.id}\n{shown}\n{answer}\n{card.explanation}".lower()
