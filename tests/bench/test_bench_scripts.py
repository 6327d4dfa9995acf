"""The benchmarks measure what they say: generated decks like the bundled ones, a learner's
database, the real review screen's hint, and each script given only its own options."""

import collections
import json
import sqlite3
import subprocess
import sys

from quizapp.core.collection import Collection
from quizapp.deck.loader import load_decks
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from make_decks import bundled_count, give_history, iter_cards, write_decks  # noqa: E402


def bench(script: str, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *options],
        capture_output=True,
        text=True,
    )


def kinds(result) -> collections.Counter:
    return collections.Counter(c.kind for d in result.decks for c in d.deck.cards)


def test_generated_decks_load_as_bundled_ones_do(tmp_path):
    bundled = bundled_count()
    paths = write_decks(tmp_path / "a", bundled)
    result = load_decks([tmp_path / "a"], use_cache=False)
    assert result.problems == []  # every quote found in its generated document
    assert len(paths) == 10 and sum(len(d.deck.cards) for d in result.decks) == bundled
    assert kinds(result) == kinds(load_decks([ROOT / "decks"], use_cache=False))
    for loaded in result.decks:
        assert all(d.path.parent == tmp_path / "a" / "sources" for d in loaded.documents.values())
    listed = [(c.deck_id, c.card_id, c.kind) for c in iter_cards(bundled)]
    assert listed == [(d.deck.id, c.id, c.kind) for d in result.decks for c in d.deck.cards]

    write_decks(tmp_path / "b", bundled)
    for path in paths:  # seeded: the same bytes every time
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()
    sizes = sorted(p.stat().st_size for p in (ROOT / "decks").glob("*.yaml"))
    per_card = sum(p.stat().st_size for p in paths) / bundled
    assert 0.8 < per_card / (sum(sizes) / bundled) < 1.25  # cards the size of bundled ones


def test_give_history_makes_a_third_of_the_cards_due(tmp_path):
    write_decks(tmp_path / "decks", 300)
    db = tmp_path / "progress.sqlite3"
    Collection.open([tmp_path / "decks"], db).close()
    made_due = give_history(db)
    assert made_due == 100
    collection = Collection.open([tmp_path / "decks"], db)
    counts = collection.store.counts(collection.deck_ids)
    collection.close()
    assert sum(c.due for c in counts.values()) == 100  # due today, as the deck list says
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM card WHERE state = 2").fetchone()[0] == 100
    assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 300
    conn.close()


def test_bench_store_answers_past_the_end_of_a_day(tmp_path):
    # 300 cards run out long before 900 answers: the clock moves on instead of answering None.
    run = bench("bench_store.py", "--cards", "300", "--answers", "900", "--json")
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout)
    for shape in ("all new", "a third due"):
        row = figures["shapes"][shape]
        assert row["answers"] == 900 and row["study_days"] > 1
        assert {"answer", "next card", "remaining", "counts", "per card"} <= set(row["calls_ms"])
    assert (
        figures["shapes"]["a third due"]["first_queue_len"]
        > (figures["shapes"]["all new"]["first_queue_len"])
    )


def test_run_all_gives_each_script_only_its_own_options():
    run = bench("run_all.py", "--only", "bench_load,eval_drafter", "--cards", "300", "--json")
    assert run.returncode == 0
    assert "unrecognized arguments" not in run.stderr
    assert "== bench_load.py --cards 300 --json" in run.stdout
    assert "== eval_drafter.py --json\n" in run.stdout  # it takes no --cards
    figures = [json.loads(part[part.index("{") :]) for part in run.stdout.split("==")[1:]]
    assert len(figures) == 2


def test_bench_answer_reads_the_review_screen():
    # In a real terminal: the hint, the grade bar and the next card are recognised.
    run = bench("bench_answer.py", "--sizes", "bundled", "--answers", "12", "--json")
    assert run.returncode == 0, run.stderr
    row = json.loads(run.stdout)["bundled"]
    assert row["grade"]["n"] == 12 and row["reveal"]["n"] == 12
    assert row["grade"]["max_ms"] >= row["grade"]["median_ms"] > 0


def test_bench_startup_waits_for_a_card_that_can_be_answered():
    run = bench(
        "bench_startup.py", "--runs", "1", "--sizes", "bundled", "--cold-runs", "0", "--json"
    )
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout)
    warm = figures["warm bundled"]
    # The early card (keys kept and applied) comes first; the review screen with the whole
    # card no sooner. Answerable is the first of them showing a hint to press something.
    assert warm["review_s"] >= warm["answerable_s"] >= warm["placeholder_s"] > 0
    assert warm["peak_rss_mb"] > 10 and "deck list" in figures


def test_bench_draft_times_notes_and_one_long_line():
    run = bench("bench_draft.py", "--runs", "1", "--words", "3000", "--json")
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout)
    assert set(figures) == {"notes", "one line of 3000 words"}
    for row in figures.values():
        assert set(row) == {"this"}
        assert row["this"]["wall_s"] > 0 and row["this"]["peak_mib"] > 0
