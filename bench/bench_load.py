"""Deck loading speed on a generated deck of bundled-size cards.

Prints, for a 10,000-card deck: bytes, and median seconds of PyYAML's C loader
alone, yaml-rs alone, a full uncached load (parse + validate + quote checks)
and a cached load. `--json` prints the same figures as one JSON object.

    .venv/bin/python bench/bench_load.py [--cards 10000] [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = [
    """  - id: card-{i}-year
    kind: year
    question: In which year did the Soviet Union first recognise the Democratic People's Republic of Korea as a state (card {i})?
    answer: 1948
    distractors: [1945, 1950, 1953]
    tags: [dates, history]
    explanation: >-
      The Soviet Union was the first state to recognise the DPRK, when it came into existence in 1948
      under Kim Il-sung, grandfather of Kim Jong-un. The Korean War followed in 1950-53.
    source:
      document: hindu-explained
      quote: "when it came into existence in 1948 under Kim Jong-un's grandfather, Kim Il-sung"
""",
    """  - id: card-{i}-mcq
    kind: mcq
    question: Article 4 of the 2024 pact says assistance will be given in accordance with which article of the UN Charter (card {i})?
    answer: Article 51
    answer_type: article
    distractors: [Article 2, Article 42, Article 5]
    tags: [articles, treaty]
    explanation: >-
      Article 51 of the UN Charter recognises a member state's inherent right of individual or
      collective self-defence; the pact's mutual-assistance clause claims to rest on it.
    source:
      document: study-notes
      quote: "in accordance with Article 51 of the UN Charter"
""",
    """  - id: card-{i}-tf
    kind: true_false
    statement: Russia supported UN Security Council sanctions against North Korea between 2016 and 2017 (card {i}).
    answer: true
    tags: [dates, history]
    explanation: >-
      As Kim Jong-un accelerated nuclear and missile tests, Russia backed the UN Security Council
      sanctions of 2016-17, before relations warmed again after the invasion of Ukraine.
    source:
      document: hindu-explained
      quote: "Russia supported UN Security Council sanctions against the North between 2016 and 2017"
""",
]


def generate(cards: int) -> str:
    head = (
        "id: bench-deck\ntitle: Benchmark deck\nsources: [study-notes, hindu-explained]\ncards:\n"
    )
    return head + "".join(KINDS[i % len(KINDS)].format(i=i) for i in range(cards))


def median_seconds(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QUIZAPP_CACHE"] = str(Path(tmp) / "cache")
        import yaml
        import yaml_rs

        from quizapp.deck.loader import load_deck

        path = Path(tmp) / "bench.yaml"
        text = generate(args.cards)
        path.write_text(text, encoding="utf-8")

        loaded, problems = load_deck(path, use_cache=False)
        assert loaded is not None and len(loaded.deck.cards) == args.cards, problems[:3]
        figures = {
            "cards": args.cards,
            "megabytes": round(len(text.encode()) / 1e6, 2),
            "pyyaml_c_s": median_seconds(
                lambda: yaml.load(text, Loader=yaml.CSafeLoader), args.runs
            ),
            "yaml_rs_s": median_seconds(
                lambda: yaml_rs.loads(text, parse_datetime=False), args.runs
            ),
            "load_uncached_s": median_seconds(lambda: load_deck(path, use_cache=False), args.runs),
        }
        load_deck(path)  # fill the cache
        figures["load_cached_s"] = median_seconds(lambda: load_deck(path), args.runs)

    if args.json:
        print(json.dumps(figures))
        return
    print(f"deck: {figures['cards']} cards, {figures['megabytes']} MB; median of {args.runs} runs")
    for key, label in [
        ("pyyaml_c_s", "PyYAML C loader, parse only"),
        ("yaml_rs_s", "yaml-rs, parse only"),
        ("load_uncached_s", "load_deck, uncached (parse+validate+quotes)"),
        ("load_cached_s", "load_deck, cached"),
    ]:
        print(f"  {label:<46} {figures[key]:8.3f} s")


if __name__ == "__main__":
    main()
