"""Nothing is lost: killed mid-answer, or two windows answering at once."""

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

WORKER = Path(__file__).with_name("answer_worker.py")
ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def start(db, name, count, *extra):
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(db), name, str(count), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def read_until(proc, lines_wanted, timeout=20.0):
    """Read reported answers until `lines_wanted` are seen (or the process ends)."""
    seen = []
    deadline = time.monotonic() + timeout
    while len(seen) < lines_wanted and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            line = proc.stdout.readline()
            if not line:
                break
            seen.append(line.split()[1])
    return seen


def answers_in(db):
    conn = sqlite3.connect(db)
    try:
        return {row[0] for row in conn.execute("SELECT answer FROM review_log")}
    finally:
        conn.close()


def test_answers_reported_as_recorded_survive_sigkill(tmp_path):
    db = tmp_path / "progress.sqlite3"
    rng = random.Random(20261125)
    reported = set()
    for kill in range(30):
        proc = start(db, f"k{kill}", 10_000)
        reported |= set(read_until(proc, rng.randint(1, 40)))
        proc.send_signal(signal.SIGKILL)
        # Whatever it printed before dying was recorded too.
        rest, _ = proc.communicate(timeout=20)
        reported |= {line.split()[1] for line in rest.splitlines() if line.startswith("recorded")}
    assert len(reported) >= 30
    assert reported <= answers_in(db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_two_processes_answering_at_once_lose_nothing(tmp_path):
    db = tmp_path / "progress.sqlite3"
    procs = [start(db, name, 300, "gate") for name in ("left", "right")]
    # Both open and waiting, then both let go at once: each one's writes wait on the other's.
    for proc in procs:
        assert proc.stdout.readline() == "ready\n", proc.stderr.read()
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert err == ""
    reported = {line.split()[1] for out, _ in outputs for line in out.splitlines()}
    assert len(reported) == 600
    assert answers_in(db) == reported
