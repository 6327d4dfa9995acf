"""`quizapp draft` as a whole process: wall time and peak memory, what a user waits for.

Two documents: notes of about 900 words whose sentences need their grammar read (the Chola
notes of bench/drafting/held-out-14/), and one line of --words words with no line break
(text copied out of a PDF comes like that), seeded. Each run drafts into a fresh folder in a
process of its own; the median wall time and the median peak RSS of --runs runs are printed.
With --vs DIR, the same runs with the quizapp of another checkout, alternated with this
one's, so the two are compared on one machine in one sitting.

    .venv/bin/python bench/bench_draft.py [--runs 5] [--words 200000] [--vs DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "bench" / "drafting" / "held-out-14" / "chola-empire-navy.txt"
SEED = 19
WORDS = ["the", "river", "he", "crossed", "valley", "in", "1920", "Kolvar", "and", "it"]

# The draft, then the process's own peak RSS (KiB) on the last line of stderr.
_DRAFT = (
    "import resource, sys; sys.path.insert(0, sys.argv[1]); from quizapp.cli import main; "
    "code = main(['draft', sys.argv[2], '--out', sys.argv[3]]); "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); "
    "raise SystemExit(code)"
)


def one_line(words: int) -> str:
    pick = random.Random(SEED).choice
    return "Notes\n\nIn 1999 he won. " + " ".join(pick(WORDS) for _ in range(words)) + ".\n"


def run_once(root: Path, document: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `quizapp draft` of the document."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / document.name
        copy.write_bytes(document.read_bytes())
        out = Path(folder) / "draft.yaml"
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _DRAFT, str(root), str(copy), str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"quizapp draft failed ({root}): {done.stderr.strip()[-400:]}")
    return wall, int(done.stderr.split()[-1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--vs", type=Path, help="another checkout to time beside this one")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    roots = {"this": ROOT} | ({"vs": args.vs.resolve()} if args.vs else {})
    with tempfile.TemporaryDirectory() as folder:
        line = Path(folder) / "one-line.txt"
        line.write_text(one_line(args.words), encoding="utf-8")
        documents = {"notes": NOTES, f"one line of {args.words} words": line}
        figures: dict = {}
        for name, document in documents.items():
            runs: dict[str, list[tuple[float, float]]] = {key: [] for key in roots}
            for _ in range(args.runs):
                for key, root in roots.items():  # alternated, so drift hits both alike
                    runs[key].append(run_once(root, document))
            figures[name] = {
                key: {
                    "wall_s": round(statistics.median(w for w, _ in done), 3),
                    "peak_mib": round(statistics.median(p for _, p in done)),
                }
                for key, done in runs.items()
            }
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    print(f"quizapp draft, medians of {args.runs} runs, each a whole process")
    for name, row in figures.items():
        cells = "   ".join(
            f"{key} {cell['wall_s']:.2f} s, {cell['peak_mib']} MiB" for key, cell in row.items()
        )
        print(f"  {name:32} {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
