"""Start-up as a learner feels it: launch to a card that can be answered, beside a bare app.

Each run starts a process in its own pseudo-terminal (80x24) and times, from
the moment it is spawned, when given text is first drawn:

* bare: a Textual app that shows one line (the floor any Textual app pays);
* `quizapp --review`, warm, at each size: until a hint to press something
  ("Press Space or Enter to show the answer.", "Press a-d to answer.", ...)
  is drawn, when the card can be answered: on the early card (its question
  from the deck cache; it says what to press only for a card answerable from
  its question, and keeps the keys for the review screen to apply) or on the
  review screen. When the review screen shows the whole card is noted too.
  Warm: the deck cache and the database are filled by an
  uncounted launch; then a third of the cards are made due (make_decks.
  give_history), as in a learner's collection;
* cold, at the largest size: the same, with the deck cache and the database
  removed before each run (the first launch on new decks);
* the peak memory (VmHWM) of the app process once the review screen is up;
* plain `quizapp` at bundled size: until the deck list is drawn.

Sizes: `bundled` is the bundled decks (all their cards, in 4 files), as a plain
`quizapp` opens them; a number is that many cards in 10 generated deck files
(bench/make_decks.py), opened with `--only`. Runs alternate bare / quizapp so
both see the same machine load; medians are printed, with the ratio to bare.

    .venv/bin/python bench/bench_startup.py [--runs 5] [--sizes bundled,10000,100000]
        [--cold-runs 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_decks import bundled_count, give_history, write_decks  # noqa: E402
from ptyrun import BARE_APP, HINT, Terminal, bench_env  # noqa: E402

PYTHON = sys.executable
PLACEHOLDER = r"loading the card"  # the early question's footer (quizapp/ui/widgets/first_card.py)
REVIEW_UP = r"e Edit card"  # the review screen's footer: the whole card is on screen
DECK_LIST = r"\d+ deck\(s\), \d+ cards"  # the home screen's line over the loaded decks


class Size:
    """One collection: its decks, database and caches, and how `quizapp` is launched on it."""

    def __init__(self, name: str, folder: Path) -> None:
        self.name = name
        self.folder = folder
        folder.mkdir(parents=True)
        self.db = folder / "progress.sqlite3"
        self.env = bench_env(folder)
        if name == "bundled":
            self.cards = bundled_count()
            self.decks: list[str] = []  # a plain launch: the bundled decks
        else:
            self.cards = int(name)
            write_decks(folder / "decks", self.cards)
            self.decks = ["--only", str(folder / "decks")]

    def argv(self, *options: str) -> list[str]:
        return [PYTHON, "-m", "quizapp", *options, "--db", str(self.db), *self.decks]

    def forget(self) -> None:
        """Remove the deck cache and the database (with its backups): a first launch."""
        shutil.rmtree(self.folder / "cache", ignore_errors=True)
        for path in self.folder.glob("progress.sqlite3*"):
            path.unlink()
        shutil.rmtree(self.folder / "backups", ignore_errors=True)
        for path in self.folder.iterdir():
            if path.is_dir() and path.name.startswith("progress"):
                shutil.rmtree(path)


def review_run(size: Size) -> dict[str, float]:
    """`quizapp --review` until its first card can be answered (a hint to press something is
    drawn: on the early card, whose keys are kept, or on the review screen), then until the
    review screen shows the whole card."""
    with Terminal(size.argv("--review"), size.env, timeout=300) as term:
        term.watch("placeholder", PLACEHOLDER)
        seconds, _ = term.wait(HINT)
        figures = {"answerable_s": seconds}
        figures["review_s"], _ = term.wait(REVIEW_UP)
        figures["peak_rss_mb"] = term.peak_rss_mb()
        if "placeholder" in term.first_seen:
            figures["placeholder_s"] = term.first_seen["placeholder"]
        return figures


def deck_list_run(size: Size) -> float:
    with Terminal(size.argv(), size.env, timeout=300) as term:
        return term.wait(DECK_LIST)[0]


def bare_run(bare: Path, env: dict[str, str]) -> float:
    with Terminal([PYTHON, str(bare)], env) as term:
        return term.wait("Bare-one-line")[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="counted warm runs of each (5)")
    parser.add_argument(
        "--sizes", default="bundled,10000,100000", help="bundled and/or card counts, by commas"
    )
    parser.add_argument(
        "--cold-runs", type=int, default=3, help="cold runs at the largest size (3; 0: none)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    names = [s.strip() for s in args.sizes.split(",") if s.strip()]

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        tmp_path = Path(tmp)
        bare = tmp_path / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        sizes = [Size(name, tmp_path / f"size-{name}") for name in names]
        env = sizes[0].env
        for size in sizes:  # warm: cache, prompts and database filled, then a third due
            review_run(size)
            give_history(size.db)
            review_run(size)

        pairs: dict[str, tuple[list[float], list]] = {}

        def pair(name: str) -> tuple[list[float], list]:
            return pairs.setdefault(name, ([], []))

        bundled = next((s for s in sizes if s.name == "bundled"), None)
        for _ in range(args.runs):
            for size in sizes:
                pair(f"warm {size.name}")[0].append(bare_run(bare, env))
                pair(f"warm {size.name}")[1].append(review_run(size))
            if bundled is not None:
                pair("deck list")[0].append(bare_run(bare, env))
                pair("deck list")[1].append(deck_list_run(bundled))
        largest = max(sizes, key=lambda s: s.cards)
        for _ in range(args.cold_runs):
            largest.forget()
            pair(f"cold {largest.name}")[0].append(bare_run(bare, env))
            pair(f"cold {largest.name}")[1].append(review_run(largest))

    figures: dict[str, dict] = {}
    for name, (bare_times, runs) in pairs.items():
        bare_s = statistics.median(bare_times)
        if runs and isinstance(runs[0], dict):
            row = {
                key: statistics.median(r[key] for r in runs)
                for key in runs[0]
                if all(key in r for r in runs)
            }
        else:
            row = {"answerable_s": statistics.median(runs)}
        row["bare_s"] = bare_s
        row["vs_bare"] = row["answerable_s"] / bare_s
        row["runs"] = len(runs)
        figures[name] = row
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print("medians of alternating runs (bare Textual app / quizapp), 80x24 pty")
    print(
        f"  {'':<24}{'bare':>8}{'quizapp':>10}{'ratio':>8}{'early q.':>10}{'review':>10}"
        f"{'peak RSS':>10}"
    )
    for name, row in figures.items():
        label = {"deck list": "quizapp: deck list"}.get(name, f"--review, {name}")
        early = f"{row['placeholder_s'] * 1000:8.0f}ms" if "placeholder_s" in row else " " * 10
        early += f"{row['review_s'] * 1000:8.0f}ms" if "review_s" in row else " " * 10
        rss = f"{row['peak_rss_mb']:7.0f} MB" if "peak_rss_mb" in row else ""
        print(
            f"  {label:<24}{row['bare_s'] * 1000:6.0f}ms{row['answerable_s'] * 1000:8.0f}ms"
            f"{row['vs_bare']:7.2f}x{early}{rss}   ({row['runs']} runs)"
        )
    print("  quizapp: until the card can be answered (a hint to press something is drawn:")
    print("  on the early card, whose keys are kept and applied, or on the review screen);")
    print("  early q.: the early card (question from the deck cache); review: the review")
    print("  screen with the whole card; cold: deck cache and database removed before each")
    print("  run; peak RSS: VmHWM when the review screen is up")
    return 0


if __name__ == "__main__":
    sys.exit(main())
