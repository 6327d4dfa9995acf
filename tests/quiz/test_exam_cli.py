"""`quizapp exam --json` as a script uses it: take the paper, hand in answers, read the marks."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from tests.quiz.conftest import ROOT


@pytest.fixture
def run(tmp_path):
    def quizapp(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        env = {
            **os.environ,  # as the test left it (e.g. its settings file)
            "QUIZAPP_DECKS": str(tmp_path / "no-user-decks"),  # the bundled decks only
            "QUIZAPP_CACHE": str(tmp_path / "cache"),
        }
        return subprocess.run(
            [sys.executable, "-m", "quizapp", *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            check=False,
        )

    return quizapp


def test_a_scripted_exam_is_marked_with_negative_marking(run, tmp_path):
    db = str(tmp_path / "progress.sqlite3")
    taken = run("exam", "--json", "--db", db, "--count", "4", "--seed", "3")
    assert taken.returncode == 0, taken.stderr
    paper = json.loads(taken.stdout)
    exam_id = paper["exam"]
    assert paper["marking"] == "2,-2/3,0"
    assert [q["number"] for q in paper["questions"]] == [1, 2, 3, 4]
    # 1.2 minutes a question by default: 4 questions, 4 minutes 48 seconds.
    from datetime import datetime

    limit = datetime.fromisoformat(paper["deadline"]) - datetime.fromisoformat(paper["started_at"])
    assert limit.total_seconds() == 288
    # The paper hides the answers; the right ones are read from the database for the test.
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT question FROM exam_question WHERE exam_id = ? ORDER BY position", (exam_id,)
        ).fetchall()
    questions = [json.loads(q) for (q,) in rows]
    labels = "abcd"
    right = [labels[q["correct"]] for q in questions]
    wrong = labels[(questions[1]["correct"] + 1) % len(questions[1]["options"])]
    for q in paper["questions"]:
        assert "card" not in q and "correct" not in q

    answers = json.dumps({"1": right[0], "2": wrong, "3": None, "4": right[3]})
    marked = run(
        "exam", "--json", "--db", db, "--submit", str(exam_id), "--answers", "-", stdin=answers
    )
    assert marked.returncode == 0, marked.stderr
    result = json.loads(marked.stdout)
    # Two right (+2 each), one wrong (-2/3), one skipped (0): 10/3 of 8.
    assert result["exam"] == exam_id
    assert (result["marks"], result["max_marks"], result["marks_value"]) == ("10/3", "8", 3.3333)
    assert (result["right"], result["wrong"], result["skipped"]) == (2, 1, 1)
    assert result["accuracy"] == 0.6667
    assert [a["outcome"] for a in result["answers"]] == ["right", "wrong", "skipped", "right"]
    assert [a["marks"] for a in result["answers"]] == ["2", "-2/3", "0", "2"]

    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT submitted_by, marks FROM exam").fetchall() == [
            ("learner", "10/3")
        ]
        ratings = conn.execute(
            "SELECT rating FROM review_log WHERE mode = 'exam' ORDER BY id"
        ).fetchall()
        assert sorted(r for (r,) in ratings) == [1, 3, 3]  # the wrong one as again

    # Answers are final: handing them in again is refused, and nothing changes.
    again = run(
        "exam", "--json", "--db", db, "--submit", str(exam_id), "--answers", "-", stdin=answers
    )
    assert again.returncode == 2
    assert (
        again.stderr == f"quizapp exam: exam {exam_id} was already submitted: answers are final\n"
    )

    listed = run("exam", "--list", "--db", db)
    assert listed.returncode == 0
    line = listed.stdout.splitlines()[1]
    assert line.split()[0] == str(exam_id) and "3.33 / 8" in line and "67%" in line


def test_custom_marking_and_untimed(run, tmp_path):
    db = str(tmp_path / "progress.sqlite3")
    taken = run("exam", "--json", "--db", db, "--count", "2", "--seed", "1", "--marking", "3,-1,0")
    taken_untimed = run("exam", "--json", "--db", db, "--count", "2", "--minutes", "0")
    assert taken.returncode == 0 and taken_untimed.returncode == 0
    assert json.loads(taken.stdout)["marking"] == "3,-1,0"
    assert json.loads(taken_untimed.stdout)["deadline"] is None


def test_bad_input_is_one_line_and_exit_2(run, tmp_path):
    db = str(tmp_path / "progress.sqlite3")
    cases = [
        (
            ("exam", "--json", "--db", db, "--marking", "2,x"),
            "quizapp exam: marking '2,x': write three numbers RIGHT,WRONG,SKIPPED, e.g. 2,-2/3,0\n",
        ),
        (
            ("exam", "--json", "--db", db, "--tag", "no-such-tag"),
            "quizapp exam: no studyable card matches tags: no-such-tag. Decks: ",
        ),
    ]
    for args, expected in cases:
        done = run(*args)
        assert done.returncode == 2, done.stdout
        assert done.stderr.startswith(expected)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr

    exam_id = json.loads(run("exam", "--json", "--db", db, "--count", "2").stdout)["exam"]
    missing = tmp_path / "answers.json"
    done = run("exam", "--json", "--db", db, "--submit", str(exam_id), "--answers", str(missing))
    assert (done.returncode, done.stderr) == (2, f"quizapp exam: {missing}: no such answers file\n")
    done = run(
        "exam", "--json", "--db", db, "--submit", str(exam_id), "--answers", "-", stdin='{"3": "a"}'
    )
    assert (done.returncode, done.stderr) == (
        2,
        "quizapp exam: stdin: there is no question 3: the paper has 2 (numbered from 1)\n",
    )
    done = run("exam", "--json", "--db", db, "--submit", "99", "--answers", "-", stdin="{}")
    assert (done.returncode, done.stderr) == (
        2,
        f"quizapp exam: {db}: there is no exam or quiz number 99\n",
    )
    # The bad answers changed nothing: the exam is still open.
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "SELECT submitted_at FROM exam WHERE id = ?", (exam_id,)
        ).fetchone() == (None,)


def test_a_scripted_quiz_gives_feedback_per_answer(run, tmp_path):
    db = str(tmp_path / "progress.sqlite3")
    paper = json.loads(run("quiz", "--json", "--db", db, "--count", "3", "--seed", "5").stdout)
    quiz_id = paper["quiz"]
    answers = json.dumps(["a", None, "b"])
    done = run(
        "quiz", "--json", "--db", db, "--submit", str(quiz_id), "--answers", "-", stdin=answers
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["quiz"] == quiz_id and result["skipped"] == 1
    assert [f["chosen"] for f in result["feedback"]] == ["a", "b"]
    assert result["right"] == sum(f["correct"] for f in result["feedback"])


def test_the_settings_files_exam_marks_are_the_default(run, tmp_path, monkeypatch):
    db = str(tmp_path / "progress.sqlite3")
    config = tmp_path / "config.toml"
    config.write_text("exam_right = 1\nexam_wrong = -0.3333\n", encoding="utf-8")
    monkeypatch.setenv("QUIZAPP_CONFIG", str(config))
    paper = json.loads(run("exam", "--json", "--db", db, "--count", "2", "--seed", "3").stdout)
    assert paper["marking"] == "1,-1/3,0"
    given = run("exam", "--json", "--db", db, "--count", "2", "--marking", "4,-1,0")
    assert json.loads(given.stdout)["marking"] == "4,-1,0"  # the command line still wins

    config.write_text("exam_right = 0\n", encoding="utf-8")
    refused = run("exam", "--json", "--db", db, "--count", "2")
    assert refused.returncode != 0
    assert f"{config}: exam marks: a right answer must earn marks (got 0)" in refused.stderr
