"""Deck loading speed on a generated deck of bundled-size cards.

Prints, for a 10,000-card deck (one file from bench/make_decks.py): bytes, and median seconds of PyYAML's C loader
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
sys.path.insert(0, str(ROOT / "bench"))

from make_decks import write_decks  # noqa: E402


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

        (path,) = write_decks(Path(tmp) / "decks", args.cards, decks=1)
        text = path.read_text(encoding="utf-8")

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
