"""How often a second examiner, given the same notes and the same number of cards, asks the
facts the first one chose: the ceiling the drafter's "facts asked" figure is read against.

A second examiner, who saw only the notes (never the facts files, never the drafter), wrote
as many cards as the drafter may (5 per 100 words, at most two per sentence), each a sentence
and the answer a cloze would blank, best first: bench/drafting/second-examiner/NAME.cards.yaml.
Those cards are scored exactly as the drafter's are (bench/eval_drafter.py): a chosen fact is
asked when a card's answer equals the fact's answer after folding and the card's sentence
contains the fact's sentence. Printed beside them, per document, the drafter's figure on the
same document, and both again with the answer's form forgiven (one answer inside the other:
"17 January 2026" for "2026", "B. S. Chauhan" for "Justice B. S. Chauhan"), since two
examiners disagree on form as well as on fact.

    .venv/bin/python bench/examiner_agreement.py [--documents FOLDER]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_drafter as ev  # noqa: E402
import yaml_rs  # noqa: E402

from quizapp.authoring.drafter import draft_cards  # noqa: E402

SECOND = ev.DRAFTING / "second-examiner"

Pair = tuple[str, str]  # (sentence, answer)


def _asked(fact: dict, cards: list[Pair], forgiving: bool) -> bool:
    sentence, answer = ev.folded(fact["sentence"]), ev.folded(fact["answer"])
    for quote, given in cards:
        if sentence not in ev.folded(quote):
            continue
        given = ev.folded(given)
        if given == answer or (forgiving and (given in answer or answer in given)):
            return True
    return False


def _drafted(text: str) -> tuple[list[Pair], int]:
    """What the drafter's cards ask, as (quote, answer), and how many cards it drafts."""
    cards = [c.card for c in draft_cards(text, "doc", today=ev.TODAY)]
    asked = [(card.source.quote, answer) for card in cards for answer in ev.answers(card)]
    return asked, len(cards)


def agreement(folder: Path = ev.DRAFTING) -> dict[str, dict[str, int]]:
    """Per document with a second examiner's cards, and over all: the chosen facts, and how
    many each of the two asks, strictly and with the form forgiven (keys ending "~")."""
    facts_files = {p.name.split(".")[0]: p for p in folder.rglob("*.facts.yaml")}
    out: dict[str, dict[str, int]] = {}
    for path in sorted((folder / SECOND.name).glob("*.cards.yaml")):
        name = path.name.split(".")[0]
        spec = yaml_rs.loads(facts_files[name].read_text(encoding="utf-8"))
        text = (facts_files[name].parent / spec["document"]).read_text(encoding="utf-8")
        second = yaml_rs.loads(path.read_text(encoding="utf-8"))["cards"]
        theirs = [(c["sentence"], c["answer"]) for c in second]
        ours, drafted = _drafted(text)
        facts = spec["facts"]
        out[name] = {
            "facts": len(facts),
            "second_cards": len(theirs),
            "drafter_cards": drafted,
            "second": sum(_asked(f, theirs, False) for f in facts),
            "drafter": sum(_asked(f, ours, False) for f in facts),
            "second~": sum(_asked(f, theirs, True) for f in facts),
            "drafter~": sum(_asked(f, ours, True) for f in facts),
        }
    if out:
        out["all"] = {
            key: sum(row[key] for row in out.values()) for key in next(iter(out.values()))
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=Path, default=ev.DRAFTING)
    rows = agreement(parser.parse_args().documents)
    if not rows:
        print("no second examiner's cards (second-examiner/NAME.cards.yaml)")
        return 2
    print("facts asked: the second examiner vs the drafter, each with its cards; ~ forgives form")
    for name, row in rows.items():
        n = row["facts"]
        print(
            f"  {name:36} second {row['second']:>3}/{n} ({_percent(row['second'], n)})"
            f"  drafter {row['drafter']:>3}/{n} ({_percent(row['drafter'], n)})"
            f"  ~ second {_percent(row['second~'], n)}  drafter {_percent(row['drafter~'], n)}"
            f"  cards {row['second_cards']} vs {row['drafter_cards']}"
        )
    return 0


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


if __name__ == "__main__":
    raise SystemExit(main())
