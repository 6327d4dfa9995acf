"""`quizapp import` of a large Anki collection: wall time and peak memory.

Builds, with the real `anki` library and a fixed seed, a package of 200,000 notes in six
nested decks: Basic, Basic (and reversed card), and Cloze notes of one to three deletions,
with hierarchical tags, HTML, Devanagari, and a review history (a fifth of the notes
reviewed, some cards suspended, buried or flagged). The package is kept in the temp folder
between runs (its name carries the seed and size). Each run imports it into a fresh folder
in a process of its own; the median wall time, the median CPU time (what the import needs,
however busy the machine) and the median and largest peak RSS of the runs are printed.
`--json` prints them as one JSON object.

    .venv/bin/python bench/bench_anki_import.py [--notes 200000] [--runs 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 18
DECKS = [
    "UPSC::Polity::Articles",
    "UPSC::Polity::Amendments",
    "UPSC::Geography::Rivers",
    "UPSC::Geography::Maps",
    "UPSC::History",
    "Hindi",
]
WORDS = [
    "article",
    "constitution",
    "parliament",
    "river",
    "monsoon",
    "plateau",
    "treaty",
    "emperor",
    "dynasty",
    "census",
    "amendment",
    "schedule",
    "directive",
    "federal",
    "basin",
    "delta",
    "tributary",
    "रूपया",
    "नदी",
    "संविधान",
]


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def build_package(notes: int, out: Path) -> None:
    """The package, written by Anki itself (its collection in a scratch folder)."""
    from anki.collection import AddNoteRequest, Collection, DeckIdLimit, ExportAnkiPackageOptions

    rng = random.Random(SEED)
    scratch = Path(tempfile.mkdtemp(prefix="quizapp-bench-anki-"))
    col = Collection(str(scratch / "collection.anki2"))
    try:
        top = col.decks.id("UPSC")
        deck_ids = [col.decks.id(name) for name in DECKS]
        basic = col.models.by_name("Basic")
        reversed_ = col.models.by_name("Basic (and reversed card)")
        cloze = col.models.by_name("Cloze")
        requests = []
        for i in range(notes):
            kind = rng.random()
            if kind < 0.5:
                note = col.new_note(basic)
                note["Front"] = f"<b>{_sentence(rng, 8)}</b> ({i})?"
                note["Back"] = f"{_sentence(rng, 5)}<br>{_sentence(rng, 4)}"
            elif kind < 0.7:
                note = col.new_note(reversed_)
                note["Front"] = f"{_sentence(rng, 3)} {i}"
                note["Back"] = _sentence(rng, 3)
            else:
                note = col.new_note(cloze)
                deletions = " ".join(
                    f"{{{{c{n}::{rng.choice(WORDS)}}}}} {_sentence(rng, 4)}"
                    for n in range(1, rng.randint(1, 3) + 1)
                )
                note["Text"] = f"{_sentence(rng, 5)} {deletions} ({i})"
                note["Back Extra"] = _sentence(rng, 6)
            note.tags = [f"upsc::{rng.choice(WORDS[:10])}::{rng.choice(WORDS[10:17])}"]
            requests.append(AddNoteRequest(note=note, deck_id=rng.choice(deck_ids)))
            if len(requests) == 10_000:
                col.add_notes(requests)
                requests = []
        if requests:
            col.add_notes(requests)
        _add_history(col, rng)
        options = ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=False, with_media=False, legacy=False
        )
        col.export_anki_package(out_path=str(out), options=options, limit=DeckIdLimit(top))
    finally:
        col.close()
        shutil.rmtree(scratch, ignore_errors=True)


def _add_history(col, rng: random.Random) -> None:
    """A fifth of the cards reviewed one to four times over a year, as review cards now;
    some suspended, buried or flagged. Written straight into Anki's tables (its scheduler
    would take hours for this many)."""
    day = 86_400_000
    start = 1_730_000_000_000  # late 2024
    card_ids = [cid for (cid,) in col.db.execute("select id from cards order by id")]
    reviewed = rng.sample(card_ids, len(card_ids) // 5)
    revlog = []
    for cid in reviewed:
        at = start + rng.randrange(300) * day
        for _ in range(rng.randint(1, 4)):
            at += rng.randrange(1, 20) * day + rng.randrange(day)
            revlog.append(
                (at + len(revlog), cid, rng.choice((1, 3, 3, 3, 4)), rng.randrange(1, 30))
            )
    col.db.executemany(
        "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
        "values (?, ?, -1, ?, ?, 0, 2500, 8000, 1)",
        revlog,
    )
    for cid in reviewed:
        queue = rng.choice((2, 2, 2, 2, 2, 2, -1, -3))
        col.db.execute(
            "update cards set type = 2, queue = ?, due = ?, ivl = 10, flags = ? where id = ?",
            queue,
            rng.randrange(400, 700),
            rng.choice((0, 0, 0, 1, 3)),
            cid,
        )


def package_for(notes: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"quizapp-bench-anki-seed{SEED}-{notes}.apkg"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial.apkg")
        build_package(notes, partial)
        partial.replace(path)
        print(f"built {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def run_import(package: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one `quizapp import` in a process of
    its own. CPU time is what the import needs, whatever else runs on the machine."""
    out = Path(tempfile.mkdtemp(prefix="quizapp-bench-import-"))
    try:
        env = {**os.environ, "QUIZAPP_DECKS": str(out / "decks")}
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "quizapp", "import", str(package), "--out", str(out)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        stderr = process.stderr.read().decode() if process.stderr else ""
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"quizapp import failed ({process.returncode}):\n{stderr}")
        cpu = usage.ru_utime + usage.ru_stime
        return seconds, cpu, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    package = package_for(args.notes)
    runs = [run_import(package) for _ in range(args.runs)]
    seconds = [s for s, _, _ in runs]
    cpu = [c for _, c, _ in runs]
    peaks = [m for _, _, m in runs]
    figures = {
        "notes": args.notes,
        "package_mb": round(package.stat().st_size / 1024 / 1024, 1),
        "runs": args.runs,
        "median_s": round(statistics.median(seconds), 2),
        "runs_s": [round(s, 2) for s in seconds],
        "median_cpu_s": round(statistics.median(cpu), 2),
        "runs_cpu_s": [round(c, 2) for c in cpu],
        "median_peak_rss_mb": round(statistics.median(peaks), 1),
        "max_peak_rss_mb": round(max(peaks), 1),
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(
        f"Anki import, {args.notes:,} notes ({figures['package_mb']} MB package), {args.runs} runs"
    )
    print(f"  wall time   median {figures['median_s']} s   runs {figures['runs_s']}")
    print(f"  CPU time    median {figures['median_cpu_s']} s   runs {figures['runs_cpu_s']}")
    print(
        f"  peak RSS    median {figures['median_peak_rss_mb']} MB   "
        f"largest {figures['max_peak_rss_mb']} MB"
    )
    print("  target      <= 30 s and <= 300 MB")


if __name__ == "__main__":
    main()
