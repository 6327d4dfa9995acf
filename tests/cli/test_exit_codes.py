"""Every command exits 1 when the content it checked or read has errors, and 2 for a wrong
option or a file or database that cannot be used: one line on stderr, never a traceback."""

import textwrap
import zipfile

import pytest

from quizapp.cli import main
from tests.deck.conftest import GOOD

CONTENT, USAGE = 1, 2


def run(capsys, *argv):
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exit_:  # argparse on a wrong option
        code = exit_.code
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"not a database, just notes\n" * 200)
    return path


@pytest.fixture
def bad_deck(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(textwrap.dedent(GOOD).lstrip("\n").replace("answer: 1948", "answer: [1948"))
    return path


# -- the deck files: check ---------------------------------------------------------------------


def test_check_a_deck_with_errors_is_content(capsys, bad_deck):
    code, out, _ = run(capsys, "check", bad_deck)
    assert code == CONTENT and "error: invalid YAML" in out


def test_check_a_missing_path_or_a_wrong_option_is_usage(capsys, tmp_path):
    code, _, err = run(capsys, "check", tmp_path / "nope.yaml")
    assert (code, err) == (
        USAGE,
        f"quizapp check: {tmp_path / 'nope.yaml'}: no such file or folder\n",
    )
    assert run(capsys, "check", "--today", "yesterday")[0] == USAGE


# -- authoring: new, draft, import, export -----------------------------------------------------


def test_import_of_a_table_with_a_bad_row_is_content(capsys, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("q1,a1\nq2,\n", encoding="utf-8")
    code, _, err = run(capsys, "import", table, "--out", tmp_path / "out.yaml")
    assert code == CONTENT
    assert err.startswith(f"quizapp import: {table}:2: error: the answer is empty")
    assert not (tmp_path / "out.yaml").exists()


def test_draft_from_a_binary_file_is_content(capsys, tmp_path):
    document = tmp_path / "doc.txt"
    document.write_bytes(b"\x00\x01binary")
    assert run(capsys, "draft", document)[0] == CONTENT


def test_draft_without_the_grammar_model_is_usage_and_writes_nothing(capsys, tmp_path, monkeypatch):
    from quizapp.authoring import parse
    from tests.authoring.test_draft_grammar import KINGS

    monkeypatch.setattr(parse, "MODEL", "no_such_grammar_model")
    parse._pipeline.cache_clear()
    parse._parsed.cache_clear()
    document = tmp_path / "kings.txt"
    document.write_text(KINGS, encoding="utf-8")
    code, _, err = run(capsys, "draft", document, "--out", tmp_path / "kings.yaml")
    assert code == USAGE
    assert "the English grammar model quizapp draft reads sentences with is not installed" in err
    assert not (tmp_path / "kings.yaml").exists()


def test_authoring_files_that_cannot_be_used_and_wrong_options_are_usage(
    capsys, tmp_path, bad_deck
):
    missing = tmp_path / "missing.csv"
    code, _, err = run(capsys, "import", missing, "--out", tmp_path / "out.yaml")
    assert (code, err) == (
        USAGE,
        f"quizapp import: {missing}: error: no such file (check the path)\n",
    )
    document = tmp_path / "doc.txt"
    document.write_text("The treaty was signed in 1948.\n", encoding="utf-8")
    code, _, err = run(capsys, "draft", document, "--out", tmp_path / "deck.txt")
    assert code == USAGE and "a deck file must end in .yaml" in err
    code, _, err = run(capsys, "export", bad_deck, "--to", tmp_path / "deck.docx")
    assert code == USAGE and "unknown export format" in err
    code, _, err = run(capsys, "export", tmp_path / "none.yaml", "--to", tmp_path / "x.csv")
    assert code == USAGE and "no such deck file" in err
    assert run(capsys, "new", tmp_path, "--id", "Not An Id")[0] == USAGE


def test_export_of_a_deck_with_errors_is_content(capsys, tmp_path, bad_deck):
    code, _, err = run(capsys, "export", bad_deck, "--to", tmp_path / "deck.csv")
    assert code == CONTENT and "the deck has errors, nothing was exported" in err


# -- progress: backup, restore, export-progress, import-progress --------------------------------


def test_import_progress_of_a_file_with_bad_content_is_content(capsys, tmp_path):
    export = tmp_path / "progress.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("README.txt", "something else\n")
    code, _, err = run(capsys, "import-progress", export, "--db", tmp_path / "p.sqlite3")
    assert code == CONTENT and err.startswith(f"quizapp import-progress: {export}")
    not_a_zip = tmp_path / "notes.zip"
    not_a_zip.write_text("card_id,review_rating\n")
    assert run(capsys, "import-progress", not_a_zip, "--db", tmp_path / "p.sqlite3")[0] == CONTENT
    assert not (tmp_path / "p.sqlite3").exists()


def test_progress_files_that_cannot_be_used_are_usage(capsys, tmp_path, not_a_database):
    missing = tmp_path / "missing.zip"
    code, _, err = run(capsys, "import-progress", missing, "--db", tmp_path / "p.sqlite3")
    assert (code, err) == (USAGE, f"quizapp import-progress: {missing}: no such file\n")
    code, _, err = run(capsys, "export-progress", tmp_path / "x.zip", "--db", not_a_database)
    assert code == USAGE and err.startswith(f"quizapp export-progress: {not_a_database}: ")
    code, _, err = run(capsys, "restore", "no-such-backup", "--db", tmp_path / "p.sqlite3")
    assert code == USAGE and err.startswith("quizapp restore: ")
    assert run(capsys, "backup", "--db", tmp_path / "p.sqlite3", "--bogus")[0] == USAGE


# -- reset -------------------------------------------------------------------------------------


def test_reset_wrong_options_and_unusable_databases_are_usage(capsys, tmp_path, not_a_database):
    assert run(capsys, "reset", "--db", not_a_database)[0] == USAGE  # says what to reset
    assert run(capsys, "reset", "--card", "nope", "--db", not_a_database)[0] == USAGE
    code, _, err = run(capsys, "reset", "--deck", "d", "--yes", "--db", not_a_database)
    assert code == USAGE and err.startswith(f"quizapp reset: {not_a_database}: ")
    code, _, err = run(capsys, "reset", "--deck", "d", "--db", tmp_path / "none.sqlite3")
    assert code == USAGE and "no progress database" in err


# -- exam and quiz -----------------------------------------------------------------------------


def test_exam_and_quiz_wrong_options_are_usage(capsys, tmp_path):
    db = tmp_path / "p.sqlite3"
    code, _, err = run(capsys, "exam", "--json", "--minutes", "-1", "--db", db)
    assert code == USAGE and err.startswith("quizapp exam: --minutes must be positive")
    code, _, err = run(capsys, "exam", "--submit", "1", "--db", db)
    assert code == USAGE and "--submit works with --json" in err
    code, _, err = run(capsys, "quiz", "--json", "--deck", "no-such-deck", "--db", db)
    assert code == USAGE and err.startswith("quizapp quiz: no studyable card matches")
    assert err.count("\n") == 1
    code, _, err = run(capsys, "exam", "--list", "--db", tmp_path / "none.sqlite3")
    assert code == USAGE and "no progress database here" in err
    assert run(capsys, "exam", "--marking", "a,b,c", "--json", "--db", db)[0] == USAGE


def test_exam_on_a_file_that_is_not_a_database_is_usage(capsys, not_a_database):
    code, _, err = run(capsys, "exam", "--json", "--db", not_a_database)
    assert code == USAGE and err.startswith(f"quizapp exam: {not_a_database}: ")
    assert not_a_database.read_bytes() == b"not a database, just notes\n" * 200


# -- stats and optimize ------------------------------------------------------------------------


def test_stats_and_optimize_on_unusable_input_are_usage(capsys, not_a_database):
    code, _, err = run(capsys, "stats", "--db", not_a_database)
    assert code == USAGE and err.startswith(f"quizapp stats: {not_a_database}: ")
    code, _, err = run(capsys, "optimize", "--db", not_a_database)
    assert code == USAGE and err.startswith(f"quizapp optimize: {not_a_database}: ")
    code, _, err = run(
        capsys, "stats", "--now", "2026-11-25T10:00+00:00", "--exam-date", "2026-01-01"
    )
    assert code == USAGE and "is not after today" in err
    assert run(capsys, "stats", "--exam-date", "next May")[0] == USAGE
    assert not_a_database.read_bytes() == b"not a database, just notes\n" * 200


# -- the app -----------------------------------------------------------------------------------


def test_the_app_on_a_missing_deck_is_usage(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path / "missing.yaml")
    assert (code, err) == (USAGE, f"quizapp: {tmp_path / 'missing.yaml'}: no such file or folder\n")


# -- a mistyped command --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "suggested"), [(["stat"], "quizapp stats"), (["exma", "--json"], "quizapp exam")]
)
def test_a_mistyped_command_names_the_closest_one(capsys, argv, suggested):
    code, out, err = run(capsys, *argv)
    assert code == USAGE
    assert f"did you mean `{suggested}`?" in err
    assert "unrecognized arguments" not in err and out == ""


def test_schema_help_says_what_the_schema_is_for(capsys):
    code, out, _ = run(capsys, "schema", "--help")
    assert code == 0
    assert "JSON Schema of the deck format" in out
