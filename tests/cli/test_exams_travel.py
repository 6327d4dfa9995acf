"""Exams taken on one machine are listed, with their marks and wrong options, on another."""

import json
import sqlite3

from quizapp.cli import main
from quizapp.core.store import Store
from quizapp.quiz.stats import distractor_stats


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_an_exam_travels_with_export_and_import_progress(capsys, tmp_path):
    laptop, desktop = tmp_path / "laptop.sqlite3", tmp_path / "desktop.sqlite3"
    paper = json.loads(run(capsys, "exam", "--json", "--db", laptop, "--count", "3", "--seed", "3"))
    with sqlite3.connect(laptop) as conn:
        questions = [
            json.loads(q)
            for (q,) in conn.execute(
                "SELECT question FROM exam_question WHERE exam_id = ? ORDER BY position",
                (paper["exam"],),
            )
        ]
    wrong = "abcd"[(questions[1]["correct"] + 1) % len(questions[1]["options"])]
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"1": "abcd"[questions[0]["correct"]], "2": wrong, "3": None}))
    run(capsys, "exam", "--json", "--db", laptop, "--submit", paper["exam"], "--answers", answers)
    listed = run(capsys, "exam", "--list", "--db", laptop)

    moved = tmp_path / "progress.zip"
    run(capsys, "export-progress", moved, "--db", laptop)
    out = run(capsys, "import-progress", moved, "--db", desktop)
    assert "1 exams and quizzes" in out
    assert run(capsys, "exam", "--list", "--db", desktop) == listed
    with Store.open(laptop) as there, Store.open(desktop) as here:
        assert distractor_stats(here) == distractor_stats(there) != []
    with sqlite3.connect(laptop) as there, sqlite3.connect(desktop) as here:
        # Each answered question still points at its answer in the review log.
        linked = (
            "SELECT q.position, r.card_id, r.rating, r.reviewed_at FROM exam_question q "
            "JOIN review_log r ON r.id = q.review_id ORDER BY q.position"
        )
        assert here.execute(linked).fetchall() == there.execute(linked).fetchall()
        assert len(here.execute(linked).fetchall()) == 2

    again = run(capsys, "import-progress", moved, "--db", desktop)
    assert "0 exams and quizzes" in again
    assert run(capsys, "exam", "--list", "--db", desktop) == listed


def test_a_bad_exam_row_changes_nothing(capsys, tmp_path):
    import zipfile

    laptop, desktop = tmp_path / "laptop.sqlite3", tmp_path / "desktop.sqlite3"
    run(capsys, "exam", "--json", "--db", laptop, "--count", "2", "--seed", "1")
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    run(capsys, "export-progress", good, "--db", laptop)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for name in source.namelist():
            text = source.read(name).decode()
            if name == "exams.csv":
                text = text.replace(",exam,", ",cram,", 1)
            target.writestr(name, text)
    code = main(["import-progress", str(bad), "--db", str(desktop)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == (
        f"quizapp import-progress: {bad}: exams.csv:2: mode should be exam or quiz, not 'cram'\n"
    )
    assert not desktop.exists()  # the file is refused before a database is made


def test_rows_that_do_not_fit_together_change_nothing(capsys, tmp_path):
    import zipfile

    laptop, desktop = tmp_path / "laptop.sqlite3", tmp_path / "desktop.sqlite3"
    paper = json.loads(run(capsys, "exam", "--json", "--db", laptop, "--count", "2", "--seed", "1"))
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"1": "a"}))
    run(capsys, "exam", "--json", "--db", laptop, "--submit", paper["exam"], "--answers", answers)
    run(capsys, "exam", "--json", "--db", desktop, "--count", "1", "--seed", "2")
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    run(capsys, "export-progress", good, "--db", laptop)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for name in source.namelist():
            text = source.read(name).decode()
            if name == "exam_answers.csv":  # an answer to a question the paper does not have
                text += f"{paper['exam']},99,1,answer,0\n"
            target.writestr(name, text)
    with sqlite3.connect(desktop) as conn:
        before = [conn.execute(f"SELECT * FROM {t}").fetchall() for t in ("exam", "review_log")]
    code = main(["import-progress", str(bad), "--db", str(desktop)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"quizapp import-progress: {bad}: its rows do not fit together (")
    with sqlite3.connect(desktop) as conn:
        after = [conn.execute(f"SELECT * FROM {t}").fetchall() for t in ("exam", "review_log")]
    assert after == before
