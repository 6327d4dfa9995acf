"""Answering as a learner feels it: key pressed to screen drawn, in a real terminal.

`quizapp --review` runs in its own pseudo-terminal (80x24) on a collection of
each size, a third of its cards due (bench/make_decks.py), and the benchmark
answers card after card as a learner would:

* reveal: the key that shows the answer (Space on a basic or cloze card, a on
  a multiple-choice one, t on true/false, Enter after a typed year or order)
  until the grade bar is drawn, "(Enter: Good)";
* grade: the grade key the bar suggests (1-4) until the next card can be
  answered (its hint is drawn), the answer being committed in between.

Each key is pressed once the screen has settled (nothing drawn for 0.15 s), as a
learner presses it: what the last key left for later frames (a long answer
scrolled into view) is not charged to the next one.

When a session runs out of cards the app starts again on a fresh copy of the
database. Median, p90, p99 and max over the answers of each size are printed.

    .venv/bin/python bench/bench_answer.py [--answers 300] [--sizes bundled,10000,100000] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import Size  # noqa: E402
from make_decks import give_history  # noqa: E402
from ptyrun import GRADES, HINT, Terminal, percentile  # noqa: E402

GRADE_KEYS = {"Again": "1", "Hard": "2", "Good": "3", "Easy": "4"}
# The line above the card (review screen): session · kind · state.
WHERE = re.compile(r"All decks · ([a-z/]+) · (?:new|learning|review|relearning)")
FINISHED = re.compile(r"Session finished")
REVIEW_UP = re.compile(r"e Edit card")  # the review screen's footer
ORDER_COUNT = re.compile(r"type each number 1-(\d) once")  # the app's reply to a bad order


def kind_shown(term: Terminal, hint: re.Match[str], before: str | None = None) -> str:
    """The kind of the card whose hint was just drawn (from the line above it); ``before``,
    the last card's, when that line was not drawn again (the terminal redraws only what
    changed, and two cards in a row may have the same kind and state)."""
    found = [m.group(1) for m in WHERE.finditer(term.text, 0, hint.start())]
    if not found and before is None:
        raise RuntimeError(f"no kind on screen before the hint:\n{term.text[-2000:]}")
    return found[-1] if found else before


def reveal(term: Terminal, kind: str) -> tuple[float, str]:
    """Answer the card shown; seconds until the grade bar is drawn, and the grade it suggests."""
    if kind in {"basic", "cloze"}:
        term.send(" ")
    elif kind in {"mcq", "statements", "match", "assertion/reason"}:
        term.send("a")
    elif kind == "true/false":
        term.send("t")
    else:  # typed: a year, or an order (the app says how many numbers it wants)
        if kind == "ordering":
            term.send("1\r")
            _, count = term.wait(ORDER_COUNT)
            order = "".join(str(n) for n in range(1, int(count.group(1)) + 1))
            term.send(order[1:])  # after the 1 still in the box
            term.wait(order)
        else:
            term.send("2000")
            term.wait("2000")
        term.send("\r")
    seconds, bar = term.wait(GRADES)
    return seconds, bar.group(1)


def session(size: Size, pristine: Path, wanted: int, figures: dict[str, list[float]]) -> None:
    """One launch on a fresh copy of the database: answer until `wanted` answers or no cards."""
    for path in size.folder.glob("progress.sqlite3*"):
        path.unlink()
    shutil.copy(pristine, size.db)
    with Terminal(size.argv("--review"), size.env, timeout=300) as term:
        # Answers are timed on the review screen: the early first card is left alone.
        term.wait(REVIEW_UP)
        _, hint = term.wait(HINT)
        term.timeout = 60
        kind = None
        while len(figures["grade"]) < wanted:
            kind = kind_shown(term, hint, kind)
            term.settle()
            seconds, grade = reveal(term, kind)
            figures["reveal"].append(seconds)
            figures[f"reveal {kind}"] = [*figures.get(f"reveal {kind}", []), seconds]
            term.settle()
            term.send(GRADE_KEYS[grade])
            seconds, hint = term.wait(HINT, FINISHED)
            if FINISHED.search(hint.group(0)):
                return
            figures["grade"].append(seconds)


def measure(size: Size, answers: int) -> dict[str, list[float]]:
    with Terminal(size.argv("--review"), size.env, timeout=300) as term:
        term.wait(REVIEW_UP)  # warm: deck cache and database filled (not the early card)
    give_history(size.db)
    pristine = size.folder / "pristine.sqlite3"
    shutil.copy(size.db, pristine)
    figures: dict[str, list[float]] = {"grade": [], "reveal": []}
    sessions = 0
    while len(figures["grade"]) < answers:
        before = len(figures["grade"])
        session(size, pristine, answers, figures)
        sessions += 1
        if len(figures["grade"]) == before:
            raise RuntimeError("a session ended without an answer")
    figures["sessions"] = [sessions]
    return figures


def summary(times: list[float]) -> dict[str, float]:
    return {
        "n": len(times),
        "median_ms": statistics.median(times) * 1000,
        "p90_ms": percentile(times, 0.9) * 1000,
        "p99_ms": percentile(times, 0.99) * 1000,
        "max_ms": max(times) * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, default=300, help="answers at each size (300)")
    parser.add_argument(
        "--sizes", default="bundled,10000,100000", help="bundled and/or card counts, by commas"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    names = [s.strip() for s in args.sizes.split(",") if s.strip()]

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-answer-") as tmp:
        for name in names:
            size = Size(name, Path(tmp) / f"size-{name}")
            raw = measure(size, args.answers)
            row = {key: summary(times) for key, times in raw.items() if key != "sessions"}
            row["cards"] = size.cards
            row["sessions"] = raw["sessions"][0]
            row["grade_vs_reveal"] = row["grade"]["median_ms"] / row["reveal"]["median_ms"]
            results[name] = row
            shutil.rmtree(size.folder)

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print("key pressed until drawn, 80x24 pty, a third of the cards due; ms")
    print(f"  {'':<34}{'n':>5}{'median':>8}{'p90':>8}{'p99':>8}{'max':>8}")
    for name, row in results.items():
        print(f"{name} ({row['cards']:,} cards, {row['sessions']} session(s))")
        keys = ["grade", "reveal"] + sorted(k for k in row if k.startswith("reveal "))
        for key in keys:
            s = row[key]
            label = {
                "grade": "grade key -> next card answerable",
                "reveal": "reveal key -> answer drawn (all)",
            }.get(key, f"  {key.removeprefix('reveal ')}")
            print(
                f"  {label:<34}{s['n']:>5}{s['median_ms']:8.1f}{s['p90_ms']:8.1f}"
                f"{s['p99_ms']:8.1f}{s['max_ms']:8.1f}"
            )
        print(f"  grade / reveal, medians{row['grade_vs_reveal']:>16.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
