"""How well `quizapp draft` finds what a person chose to ask, on the bundled documents.

Runs the drafter on each bundled source document and compares its candidates
with the quotes of the bundled hand-reviewed cards that cite that document.

- A bundled quote counts as *proposed* when some candidate's quote overlaps it
  substantially: their spans in the document intersect over at least half of
  the shorter one (so sharing the sentence a short quote sits in counts). The
  stricter figure counts only quotes that one contains the other after folding
  quotes, dashes, spacing and case.
- A candidate is *noise* when its quote overlaps no bundled quote by that rule.

Distinct quotes are counted (several cards may cite one passage).

    .venv/bin/python bench/eval_drafter.py [--decks DIR_OR_FILE ...] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.authoring.drafter import MIN_WORDS, draft_cards  # noqa: E402
from quizapp.authoring.sentences import split_sentences  # noqa: E402
from quizapp.deck.loader import bundled_library, load_decks  # noqa: E402
from quizapp.deck.model import Status  # noqa: E402
from quizapp.deck.paths import bundled_decks_dir  # noqa: E402
from quizapp.deck.sources import SourceText, fold  # noqa: E402

Span = tuple[int, int]


def overlaps(a: Span, b: Span) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def contains(a: str, b: str) -> bool:
    fa, fb = fold(a).casefold(), fold(b).casefold()
    return fa in fb or fb in fa


def bundled_quotes(paths: list[Path], library: dict[str, SourceText]) -> dict[str, dict]:
    """Per document: distinct quote spans of reviewed bundled cards, with their text."""
    result = load_decks(paths, use_cache=False)
    quotes: dict[str, dict[Span, str]] = {doc: {} for doc in library}
    cards = 0
    for loaded in result.decks:
        for card in loaded.deck.cards:
            if card.status is not Status.reviewed or card.source is None:
                continue
            document = library.get(card.source.document)
            span = document.find(card.source.quote) if document else None
            if span is None:
                continue
            quotes[card.source.document][span] = card.source.quote
            cards += 1
    return {"quotes": quotes, "cards": cards, "decks": len(result.decks)}


def evaluate(paths: list[Path]) -> dict:
    library = bundled_library()
    bundled = bundled_quotes(paths, library)
    figures: dict = {"decks": bundled["decks"], "bundled_cards": bundled["cards"], "documents": {}}
    totals = dict.fromkeys(
        (
            "quotes", "proposed", "proposed_strict", "candidates", "noise",
            "every_sentence", "every_sentence_proposed", "every_sentence_noise",
        ),
        0,
    )  # fmt: skip
    for doc_id, document in sorted(library.items()):
        quotes = bundled["quotes"][doc_id]
        candidates = []
        for candidate in draft_cards(document.text, doc_id):
            quote = candidate.card.source.quote
            candidates.append((document.find(quote), quote))
        # Reference: a "drafter" that proposes every sentence of MIN_WORDS words or more.
        sentences = [(s.start, s.end) for s in split_sentences(document.text)]
        every = [s for s in sentences if len(document.text[s[0] : s[1]].split()) >= MIN_WORDS]
        row_every = {
            "every_sentence": len(every),
            "every_sentence_proposed": sum(1 for s in quotes if any(overlaps(s, c) for c in every)),
            "every_sentence_noise": sum(
                1 for c in every if not any(overlaps(c, s) for s in quotes)
            ),
        }
        proposed = sum(1 for s in quotes if any(overlaps(s, c) for c, _ in candidates))
        strict = sum(1 for q in quotes.values() if any(contains(q, c) for _, c in candidates))
        noise = sum(1 for c, _ in candidates if not any(overlaps(c, s) for s in quotes))
        row = {
            "quotes": len(quotes),
            "proposed": proposed,
            "proposed_strict": strict,
            "candidates": len(candidates),
            "noise": noise,
            **row_every,
        }
        figures["documents"][doc_id] = row
        for key in totals:
            totals[key] += row[key]
    figures.update(totals)
    figures["proposed_share"] = _share(totals["proposed"], totals["quotes"])
    figures["proposed_strict_share"] = _share(totals["proposed_strict"], totals["quotes"])
    figures["noise_share"] = _share(totals["noise"], totals["candidates"])
    figures["every_sentence_proposed_share"] = _share(
        totals["every_sentence_proposed"], totals["quotes"]
    )
    figures["every_sentence_noise_share"] = _share(
        totals["every_sentence_noise"], totals["every_sentence"]
    )
    return figures


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _percent(share: float | None) -> str:
    return "n/a" if share is None else f"{share:.1%}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decks", nargs="*", help="deck files or folders (default: bundled)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    paths = [Path(p) for p in args.decks] if args.decks else [bundled_decks_dir()]
    figures = evaluate(paths)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"bundled: {figures['bundled_cards']} reviewed cards in {figures['decks']} deck(s), "
        f"{figures['quotes']} distinct quotes"
    )
    print(
        f"proposed: {figures['proposed']}/{figures['quotes']} bundled quotes "
        f"({_percent(figures['proposed_share'])}) overlap a candidate's quote by half or more; "
        f"{figures['proposed_strict']} ({_percent(figures['proposed_strict_share'])}) "
        "are contained in one or contain one"
    )
    print(
        f"noise: {figures['noise']}/{figures['candidates']} candidates "
        f"({_percent(figures['noise_share'])}) overlap no bundled quote"
    )
    print(
        f"reference, every sentence of {MIN_WORDS}+ words as a candidate: "
        f"{figures['every_sentence_proposed']}/{figures['quotes']} proposed "
        f"({_percent(figures['every_sentence_proposed_share'])}), "
        f"{figures['every_sentence_noise']}/{figures['every_sentence']} noise "
        f"({_percent(figures['every_sentence_noise_share'])})"
    )
    for doc_id, row in figures["documents"].items():
        print(
            f"  {doc_id}: {row['proposed']}/{row['quotes']} proposed "
            f"({row['proposed_strict']} strict), {row['noise']}/{row['candidates']} noise"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
