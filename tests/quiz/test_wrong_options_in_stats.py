"""`quizapp stats` shows which wrong options learners pick in exams (deck authors' view)."""

import json
import subprocess
import sys


def quizapp(*args, stdin=None):
    run = subprocess.run(
        [sys.executable, "-m", "quizapp", *args], input=stdin, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_wrong_picks_of_a_submitted_exam_are_listed(tmp_path):
    db = str(tmp_path / "progress.sqlite3")
    paper = json.loads(quizapp("exam", "--json", "--count", "8", "--seed", "3", "--db", db))
    result = json.loads(
        quizapp(
            "exam",
            "--json",
            "--submit",
            str(paper["exam"]),
            "--answers",
            "-",
            "--db",
            db,
            stdin=json.dumps(["a"] * len(paper["questions"])),
        )
    )
    assert result["wrong"] > 0
    report = json.loads(quizapp("stats", "--json", "--db", db))
    listed = report["wrong_options"]
    assert sum(card["wrong"] for card in listed) == result["wrong"]
    for card in listed:
        (option, times), *_ = card["picks"]
        assert times >= 1 and option
    text = quizapp("stats", "--db", db)
    assert f"Wrong options picked in quizzes and exams: {len(listed)} card(s)" in text
