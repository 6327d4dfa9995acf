"""bench/eval_drafter.py counts what a reviewer chose that the drafter also proposed."""

import importlib.util
import json
import subprocess
import sys

import pytest

from quizapp.authoring.drafter import draft_cards
from quizapp.deck.loader import bundled_library
from quizapp.deck.model import ClozeCard, SourceRef, Status, YearCard
from quizapp.deck.sources import fold
from tests.authoring.test_draft import NOTES
from tests.conftest import ROOT

SCRIPT = ROOT / "bench" / "eval_drafter.py"

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


FACTS = """\
document: notes.txt
kind: treaty
facts:
  - sentence: "The treaty lapsed in 1991 after the dissolution of the USSR."
    answer: "1991"
  - sentence: "President Vladimir Putin visited Pyongyang in June 2024 to sign the pact."
    answer: "Vladimir Putin"
  - sentence: "In 2012, Russia agreed to write off 90% of North Korea\u2019s $11 billion debt."
    answer: "$11 billion"
"""
HELD_OUT = "Talks began in 2008.\nJustice Bela M. Trivedi dissented.\n"
HELD_OUT_FACTS = """\
document: later.txt
held_out: true
facts:
  - sentence: "Justice Bela M. Trivedi dissented."
    answer: "Bela M. Trivedi"
"""


def run_eval(*args) -> dict:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args), "--json"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.fixture
def documents(tmp_path):
    folder = tmp_path / "drafting"
    (folder / "held-out").mkdir(parents=True)
    (folder / "notes.txt").write_text(NOTES, encoding="utf-8")
    (folder / "notes.facts.yaml").write_text(FACTS, encoding="utf-8")
    (folder / "held-out" / "later.txt").write_text(HELD_OUT, encoding="utf-8")
    (folder / "held-out" / "later.facts.yaml").write_text(HELD_OUT_FACTS, encoding="utf-8")
    return folder


def test_facts_asked_density_ranking_and_hand_judgments(documents, tmp_path):
    cards = [c.card for c in draft_cards(NOTES, "notes")]
    putin = next(c for c in cards if c.kind == "cloze" and c.answer == "Vladimir Putin")
    (documents / "judged.yaml").write_text(
        f"notes:\n  {putin.id}: {{keep: true}}\n  year-1848-gone: {{keep: false}}\n",
        encoding="utf-8",
    )
    deck = tmp_path / "chosen.yaml"
    deck.write_text(DECK, encoding="utf-8")
    figures = run_eval("--documents", documents, "--decks", deck)["documents"]
    notes = figures["tuning"]["notes"]
    assert (notes["facts"], notes["asked"], notes["asked_share"]) == (3, 2, 0.667)
    (missed,) = notes["missed"]
    assert missed == f"$11 billion | {FACTS.splitlines()[-2].split(': ', 1)[1].strip(chr(34))}"
    words = len(NOTES.split())
    assert (notes["words"], notes["cards"]) == (words, len(cards))
    assert notes["cards_per_100_words"] == round(100 * len(cards) / words, 2)
    assert (notes["unusable"], notes["unusable_cards"]) == (0, {})
    # Ranking: the share of cards asking a chosen fact, in the file's top third and overall.
    asking = [str(getattr(c, "answer", "")) in ("1991", "Vladimir Putin") for c in cards]
    third = asking[: len(cards) // 3]
    assert asking.count(True) == 2 and asking[0]
    assert notes["top_third_match_share"] == round(sum(third) / len(third), 3)
    assert notes["match_share"] == round(2 / len(cards), 3)
    assert (notes["judged"], notes["judged_keep"], notes["judged_no_longer_drafted"]) == (1, 1, 1)
    later = figures["held_out"]["later"]
    assert (later["facts"], later["asked"], later["held_out"]) == (1, 1, True)
    assert figures["held_out_total"]["asked_share"] == 1.0

    tuning_only = run_eval("--documents", documents, "--decks", deck, "--tuning-only")
    assert tuning_only["documents"]["held_out"] == {}


def test_misses_say_why_a_fact_is_missed(documents):
    # "$11 billion" shares its sentence with 2012 and 90%: lifting the two-per-sentence cap
    # asks it, so it is a fact the ranking lost, not one the drafter never saw.
    (documents / "notes.facts.yaml").write_text(
        FACTS + '  - sentence: "The talks went nowhere."\n    answer: "nowhere"\n',
        encoding="utf-8",
    )
    (documents / "notes.txt").write_text(NOTES + "\nThe talks went nowhere.\n", encoding="utf-8")
    found = run_eval("--documents", documents, "--misses")
    assert found["cap"] == ["notes: $11 billion"]
    assert found["unseen"] == ["notes: nowhere"]
    # Held-out documents are never looked into.
    assert not any("later" in missed for kind in found.values() for missed in kind)


def test_what_counts_as_unusable():
    spec = importlib.util.spec_from_file_location("eval_drafter", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    document = "Key dates\nThe summit met on 27 February 2025. It ended a day later.\n"

    def cloze(text: str, quote: str) -> ClozeCard:
        source = SourceRef(document="d", quote=quote)
        return ClozeCard(id="c", kind="cloze", text=text, source=source, status=Status.draft)

    seen: set = set()
    first = "The summit met on 27 February 2025."
    assert module.unusable_reasons(cloze("The {{summit}} met.", first), [], document, seen) == []
    again = module.unusable_reasons(cloze("The {{summit}} met.", first), [], document, seen)
    assert again == ["duplicate answer and quote"]
    day = module.unusable_reasons(
        cloze("The summit met on {{27}} February 2025.", first), [], document, set()
    )
    assert day == ["day-of-month blank"]
    heading = YearCard(
        id="y", kind="year", question="Which year? Key ____", answer=2025,
        source=SourceRef(document="d", quote="Key dates"), status=Status.draft,
    )  # fmt: skip
    assert module.unusable_reasons(heading, [], document, set()) == ["heading"]
    pronoun = cloze("It ended a {{day}} later.", "It ended a day later.")
    assert module.unusable_reasons(pronoun, [], document, set()) == ["pronoun-led sentence"]
    # "It was ... that": the "It" stands for what follows, nothing before
    cleft = "It was also in Velmora that the canon was written down."
    assert (
        module.unusable_reasons(
            cloze(cleft.replace("Velmora", "{{Velmora}}"), cleft), [], document, set()
        )
        == []
    )
    relative = "It is the only agency that acts."
    assert module.unusable_reasons(
        cloze("It is the only {{agency}} that acts.", relative), [], document, set()
    ) == ["pronoun-led sentence"]
    acronym = "IT hardware such as servers received {{Rs 900 crore}}."
    assert (
        module.unusable_reasons(
            cloze(acronym, acronym.replace("{{", "").replace("}}", "")), [], document, set()
        )
        == []
    )
    warned = module.unusable_reasons(
        pronoun, ["draft card 'c': the blank is a stop word"], "", set()
    )
    assert warned[0] == "check: draft card 'c': the blank is a stop word"


def test_figures_on_a_small_deck(tmp_path, documents):
    deck = tmp_path / "chosen.yaml"
    deck.write_text(DECK, encoding="utf-8")
    figures = run_eval("--decks", deck, "--documents", documents)["bundled"]
    hindu = figures["documents"]["hindu-explained"]
    assert (hindu["quotes"], hindu["proposed"], hindu["proposed_strict"]) == (2, 1, 1)
    assert figures["bundled_cards"] == 3 and figures["proposed_share"] == 0.5

    text = bundled_library()["hindu-explained"].text
    quotes = [fold(c.card.source.quote) for c in draft_cards(text, "hindu-explained")]
    near = sum(1 for q in quotes if "write off 90%" in q)
    assert near >= 1
    assert hindu["candidates"] == len(quotes)
    assert hindu["noise"] == len(quotes) - near
    notes = figures["documents"]["study-notes"]
    assert (notes["quotes"], notes["noise"]) == (0, notes["candidates"])


def test_the_examiner_is_fitted_to_what_raises_the_odds_of_a_fact():
    spec = importlib.util.spec_from_file_location(
        "fit_examiner", ROOT / "bench" / "fit_examiner.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # Facts are where the rules score high and the sentence sets a record; "year" says nothing.
    rows = [
        ({"rules": rules, "sentence_record": record, "kind=year": year}, fact)
        for rules, record, year, fact in [
            (4.5, 1.0, 0.0, 1), (4.5, 1.0, 1.0, 1), (4.5, 0.0, 0.0, 0), (4.5, 0.0, 1.0, 0),
            (3.0, 1.0, 0.0, 1), (3.0, 0.0, 1.0, 0), (4.8, 0.0, 0.0, 1), (3.0, 1.0, 1.0, 0),
            (2.0, 0.0, 0.0, 0), (5.0, 1.0, 0.0, 1), (2.5, 1.0, 1.0, 0), (4.9, 0.0, 1.0, 1),
        ] * 3
    ]  # fmt: skip
    examiner = module.fit(rows, penalty=1.0)
    assert examiner.base == "rules" and "rules" not in examiner.weights
    assert examiner.weights["sentence_record"] > 0.3
    assert abs(examiner.weights["kind=year"]) < examiner.weights["sentence_record"]
    assert examiner.means["sentence_record"] == 0.5


AGREEMENT = ROOT / "bench" / "examiner_agreement.py"
SECOND_CARDS = """\
document: notes.txt
cards:
  - sentence: "The treaty lapsed in 1991 after the dissolution of the USSR."
    answer: "1991"
  - sentence: "President Vladimir Putin visited Pyongyang in June 2024 to sign the pact."
    answer: "Putin"
  - sentence: "The treaty lapsed in 1991 after the dissolution of the USSR."
    answer: "USSR"
"""


def test_a_second_examiner_is_scored_as_the_drafter_is(documents):
    """A second examiner's card asks a fact by the drafter's own rule; 'Putin' for 'Vladimir
    Putin' counts only where the form is forgiven."""
    (documents / "second-examiner").mkdir()
    (documents / "second-examiner" / "notes.cards.yaml").write_text(SECOND_CARDS, "utf-8")
    spec = importlib.util.spec_from_file_location("examiner_agreement", AGREEMENT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.agreement(documents)
    notes = rows["notes"]
    assert (notes["facts"], notes["second_cards"]) == (3, 3)
    assert (notes["second"], notes["second~"]) == (1, 2)
    # the drafter asks 1991 and Vladimir Putin (see the test above), strictly
    assert notes["drafter"] == notes["drafter~"] == 2
    assert notes["drafter_cards"] == len(draft_cards(NOTES, "doc"))
    assert rows["all"]["facts"] == 3
