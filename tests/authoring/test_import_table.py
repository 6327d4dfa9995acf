"""`quizapp import` of CSV and tab-separated tables (Quizlet's export among them)."""

from quizapp.deck.loader import load_deck
from tests.authoring.conftest import files_in


def cards_of(path):
    loaded, problems = load_deck(path, use_cache=False)
    assert loaded is not None, [str(p) for p in problems]
    return loaded.deck.cards


def test_csv_with_header_quotes_and_tags(quizapp, tmp_path):
    table = tmp_path / "polity.csv"
    table.write_text(
        "question,answer,tags\n"
        '"Which article, of the UN Charter?",Article 51,articles UN::Charter\n'
        '"Multi\nline","Yes ""quoted""",\n'
        "\n"
        "Year of the DPRK?,1948\n",
        encoding="utf-8",
    )
    out = tmp_path / "polity.yaml"
    code, stdout, err = quizapp("import", table, "--out", out)
    assert (code, stdout, err) == (0, f"wrote {out}: 3 card(s)\n", "")
    first, second, third = cards_of(out)
    assert (first.question, first.answer, first.tags) == (
        "Which article, of the UN Charter?",
        "Article 51",
        ["articles", "un-charter"],
    )
    assert (second.question, second.answer, second.tags) == ("Multi\nline", 'Yes "quoted"', [])
    assert (third.question, third.answer) == ("Year of the DPRK?", "1948")
    assert first.id.startswith("which-article-of-the-un-charter-")
    assert not out.with_name("polity.history.csv").exists()


def test_quizlet_tab_separated_export(quizapp, tmp_path):
    table = tmp_path / "quizlet.txt"
    table.write_text(
        "Pyongyang\tCapital of North Korea\nKim Il-sung\tFounder of the DPRK, 1948\n",
        encoding="utf-8",
    )
    out = tmp_path / "quizlet.yaml"
    assert quizapp("import", table, "--out", out)[0] == 0
    cards = cards_of(out)
    assert [(c.question, c.answer) for c in cards] == [
        ("Pyongyang", "Capital of North Korea"),
        ("Kim Il-sung", "Founder of the DPRK, 1948"),
    ]


def test_anki_plain_text_export_with_html(quizapp, tmp_path):
    table = tmp_path / "anki.txt"
    table.write_text(
        "#separator:tab\n#html:true\n#tags column:3\n"
        "What is <b>2+2</b>?\t4 &amp; four<br>exactly\tmath\n"
        "#1 rule?\tnone\n",
        encoding="utf-8",
    )
    out = tmp_path / "anki.yaml"
    assert quizapp("import", table, "--out", out)[0] == 0
    first, second = cards_of(out)
    assert (first.question, first.answer, first.tags) == (
        "What is 2+2?",
        "4 & four\nexactly",
        ["math"],
    )
    assert (second.question, second.answer) == ("#1 rule?", "none")


def test_tsv_and_duplicate_rows_get_distinct_ids(quizapp, tmp_path):
    table = tmp_path / "dups.tsv"
    table.write_text("term\tdefinition\nA\tB\nA\tB\n", encoding="utf-8")
    out = tmp_path / "dups.yaml"
    assert quizapp("import", table, "--out", out)[0] == 0
    first, second = cards_of(out)
    assert second.id == first.id + "-2"


def test_ragged_row_is_refused_with_its_line(quizapp, tmp_path):
    table = tmp_path / "ragged.csv"
    table.write_text("q1,a1\nq2,a2,t,extra\nq3,a3\n", encoding="utf-8")
    code, stdout, err = quizapp("import", table, "--out", tmp_path / "out.yaml")
    assert (code, stdout) == (1, "")
    assert err == (
        f"quizapp import: {table}:2: error: row has 4 comma-separated field(s); expected question, "
        'answer and optionally tags (put "double quotes" around fields that contain commas)\n'
    )
    assert files_in(tmp_path) == ["ragged.csv"]


def test_tab_row_without_definition(quizapp, tmp_path):
    table = tmp_path / "quizlet.txt"
    table.write_text("Pyongyang\tCapital\nSeoul\n", encoding="utf-8")
    code, _, err = quizapp("import", table, "--out", tmp_path / "out.yaml")
    assert code == 1
    assert err == (
        f"quizapp import: {table}:2: error: row has 1 tab-separated field(s); "
        "expected question, answer and optionally tags (put one tab between the term and its "
        "definition, and no tab inside either)\n"
    )
    assert files_in(tmp_path) == ["quizlet.txt"]


def test_empty_answer_and_unclosed_quote(quizapp, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("q1,a1\nq2, \n", encoding="utf-8")
    code, _, err = quizapp("import", table, "--out", tmp_path / "out.yaml")
    assert (code, err) == (
        1,
        f"quizapp import: {table}:2: error: the answer is empty (fill it in or delete the row)\n",
    )
    table.write_text('q1,a1\n"q2,a2\n', encoding="utf-8")
    code, _, err = quizapp("import", table, "--out", tmp_path / "out.yaml")
    assert code == 1
    assert err.startswith(
        f"quizapp import: {table}:2: error: cannot read it as comma-separated values:"
    )
    assert files_in(tmp_path) == ["t.csv"]


def test_unknown_file_kind(quizapp, tmp_path):
    source = tmp_path / "deck.docx"
    source.write_bytes(b"PK")
    code, _, err = quizapp("import", source, "--out", tmp_path / "out.yaml")
    assert code == 2
    assert err == (
        f"quizapp import: {source}: error: cannot import .docx "
        "(give an Anki package (.apkg) or a table (.csv, .tsv, or Quizlet's .txt export))\n"
    )
