"""Starting a quiz or an exam on a large collection: from "start a paper" to its first question.

The decks and database are opened warm (deck cache filled) in a fresh process, then the time
from drawing a 10-question quiz or exam to its first question built is taken, as the deck
list's `z`/exam key and `quizapp quiz`/`exam` do. Given several source trees (e.g. the code
before a change, from `git archive HEAD | tar -x -C /tmp/before`), the trees' runs alternate
in one run and the medians are printed side by side.

    .venv/bin/python bench/bench_paper.py [--cards 100000] [--runs 5] [--tree /tmp/before --tree .]
    .venv/bin/python bench/bench_paper.py --decks /tmp/q100k   # decks made by make_decks.py
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def worker(decks: Path, db: Path, kind: str, count: int, seed: int) -> dict[str, float]:
    """Run in the tree under test: open warm, then time one paper to its first question."""
    from quizapp.core.collection import Collection
    from quizapp.deck.paths import deck_files

    opened = time.perf_counter()
    collection = Collection.open(list(deck_files([decks])), db)
    opened = time.perf_counter() - opened
    start = time.perf_counter()
    if kind == "exam":
        from quizapp.quiz.exam import new_exam

        session, _ = new_exam(
            collection.store, collection.decks, count=count, seed=seed, time_limit=None
        )
    else:
        from quizapp.quiz.quiz import new_quiz

        session, _ = new_quiz(collection.store, collection.decks, count=count, seed=seed)
    first = session.current
    assert first is not None
    return {"open_s": opened, "paper_s": time.perf_counter() - start}


def run_once(tree: Path, decks: Path, state: Path, kind: str, count: int, seed: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree), "QUIZAPP_CACHE": str(state / "cache")}
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); "
        "from bench_paper import worker; from pathlib import Path; "
        "print(json.dumps(worker(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4], "
        "int(sys.argv[5]), int(sys.argv[6]))))"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            str(ROOT / "bench"),
            str(decks),
            str(state / "progress.db"),
            kind,
            str(count),
            str(seed),
        ],
        env=env,
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{tree}: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decks", type=Path, help="a folder of deck files (else generated)")
    parser.add_argument("--cards", type=int, default=100_000, help="cards generated (10 files)")
    parser.add_argument("--tree", type=Path, action="append", help="source tree (repeatable)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    trees = [t.resolve() for t in (args.tree or [ROOT])]

    with tempfile.TemporaryDirectory() as tmp:
        decks = args.decks
        if decks is None:
            sys.path.insert(0, str(ROOT / "bench"))
            from make_decks import write_decks

            decks = Path(tmp) / "decks"
            write_decks(decks, args.cards)
        states = {tree: Path(tmp) / str(i) for i, tree in enumerate(trees)}
        for state in states.values():
            state.mkdir()
        for tree in trees:  # warm: compile the decks and sync the database once per tree
            run_once(tree, decks, states[tree], "quiz", args.count, 0)
        times: dict[tuple[Path, str], list[float]] = {}
        for run in range(args.runs):
            for kind in ("quiz", "exam"):
                for tree in trees:  # alternate, so load on the machine falls on both
                    figures = run_once(tree, decks, states[tree], kind, args.count, run + 1)
                    times.setdefault((tree, kind), []).append(figures["paper_s"])

    result = {
        str(tree): {
            kind: round(statistics.median(times[tree, kind]), 3) for kind in ("quiz", "exam")
        }
        for tree in trees
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"start a {args.count}-question paper -> first question built, median of {args.runs} (s)")
    print(f"{'tree':40} {'quiz':>8} {'exam':>8}")
    for tree, row in result.items():
        print(f"{tree:40} {row['quiz']:8.3f} {row['exam']:8.3f}")


if __name__ == "__main__":
    main()
