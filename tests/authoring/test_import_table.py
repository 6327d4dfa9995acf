"""`quizapp import` of CSV and tab-separated tables (Quizlet's export among them)."""

import pytest

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
        ["articles", "un::charter"],
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
    # A line without a tab continues the definition above it (Quizlet's multi-line
    # definitions), so only a first line without one is a row without a definition.
    table = tmp_path / "quizlet.txt"
    table.write_text("\nSeoul\nPyongyang\tCapital\n", encoding="utf-8")
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


def imported(quizapp, tmp_path, name: str, text: str, *options: str):
    table = tmp_path / name
    table.write_text(text, encoding="utf-8")
    out = tmp_path / (table.stem + ".yaml")
    code, stdout, err = quizapp("import", table, "--out", out, *options)
    assert (code, err) == (0, ""), err
    return [(c.question, c.answer) for c in cards_of(out)]


def test_excel_semicolon_csv_with_a_header(quizapp, tmp_path):
    # Excel in many locales: semicolons between fields, commas inside them, quoted line breaks.
    text = (
        "Question;Answer;Tags\r\n"
        "Which article, of the UN Charter?;Article 51;un\r\n"
        '"Two\r\nlines";"Yes; both";\r\n'
    )
    assert imported(quizapp, tmp_path, "excel.csv", text) == [
        ("Which article, of the UN Charter?", "Article 51"),
        ("Two\nlines", "Yes; both"),
    ]


def test_quizlet_custom_dash_separator(quizapp, tmp_path):
    text = "Pyongyang - Capital of North Korea\nKim Il-sung - Founder - of the DPRK\n"
    assert imported(quizapp, tmp_path, "quizlet.txt", text) == [
        ("Pyongyang", "Capital of North Korea"),
        ("Kim Il-sung", "Founder - of the DPRK"),
    ]


def test_quizlet_rows_separated_by_semicolons(quizapp, tmp_path):
    text = "Pyongyang\tCapital of the North;Seoul\tCapital of the South;"
    assert imported(quizapp, tmp_path, "quizlet.txt", text) == [
        ("Pyongyang", "Capital of the North"),
        ("Seoul", "Capital of the South"),
    ]


def test_quizlet_term_starting_with_a_quote_and_multiline_definitions(quizapp, tmp_path):
    text = (
        '"Quit India" movement\t1942\n'
        "Dandi March\tSalt satyagraha\nled by Gandhi\n12 March 1930\n"
        'Simon Commission\t1928 "go back"\n'
    )
    assert imported(quizapp, tmp_path, "quizlet.txt", text) == [
        ('"Quit India" movement', "1942"),
        ("Dandi March", "Salt satyagraha\nled by Gandhi\n12 March 1930"),
        ("Simon Commission", '1928 "go back"'),
    ]


def test_comma_separated_txt(quizapp, tmp_path):
    text = "Pyongyang,Capital of North Korea\nSeoul,Capital of South Korea\n"
    assert imported(quizapp, tmp_path, "cities.txt", text) == [
        ("Pyongyang", "Capital of North Korea"),
        ("Seoul", "Capital of South Korea"),
    ]


def test_separator_option(quizapp, tmp_path):
    text = "a, b|c; d\ne|f\n"
    assert imported(quizapp, tmp_path, "pipes.txt", text, "--separator", "pipe") == [
        ("a, b", "c; d"),
        ("e", "f"),
    ]
    table = tmp_path / "bad.txt"
    table.write_text("a\tb\n", encoding="utf-8")
    code, _, err = quizapp("import", table, "--out", tmp_path / "bad.yaml", "--separator", '"')
    assert code == 2 and "cannot separate columns" in err  # a usage error


@pytest.mark.parametrize(
    "header", ["Front,Back,Deck", "Question,Answer,Tags", "Term,Definition", "front,back"]
)
def test_common_headers_name_columns_and_are_not_cards(quizapp, tmp_path, header):
    values = {"Deck": "UPSC::Polity", "Tags": "upsc::polity"}
    extra = [values[name] for name in header.split(",")[2:]]
    text = header + "\n" + ",".join(["Article 17", "Untouchability", *extra]) + "\n"
    table = tmp_path / "cards.csv"
    table.write_text(text, encoding="utf-8")
    out = tmp_path / "cards.yaml"
    assert quizapp("import", table, "--out", out)[0] == 0
    deck = load_deck(out, use_cache=False)[0].deck
    ((question, answer, tags),) = [(c.question, c.answer, c.tags) for c in deck.cards]
    assert (question, answer) == ("Article 17", "Untouchability")
    assert deck.title == ("UPSC::Polity" if "Deck" in header else "cards")
    assert tags == (["upsc::polity"] if "Tags" in header else [])


def test_every_bad_row_is_listed(quizapp, tmp_path):
    table = tmp_path / "bad.csv"
    table.write_text("q1,a1\nq2,\nq3,a3\n,a4\n", encoding="utf-8")
    code, stdout, err = quizapp("import", table, "--out", tmp_path / "bad.yaml")
    assert (code, stdout) == (1, "")
    assert err.splitlines() == [
        f"quizapp import: {table}: error: 2 rows cannot be imported; nothing was written "
        "(fix them and import again)",
        f"quizapp import: {table}:2: error: the answer is empty (fill it in or delete the row)",
        f"quizapp import: {table}:4: error: the question is empty (fill it in or delete the row)",
    ]
    assert files_in(tmp_path) == ["bad.csv"]


def test_anki_notes_in_plain_text_with_every_column(quizapp, tmp_path):
    """Anki's own export, with HTML, tags, deck, note type and GUID columns."""
    from anki.collection import DeckIdLimit

    from tests.authoring.conftest import add_note, anki_collection

    col = anki_collection(tmp_path / "col")
    polity = col.decks.id("UPSC::Polity")
    add_note(col, "Basic", {"Front": "What is <b>2+2</b>?", "Back": "4"}, ["upsc::maths"], polity)
    add_note(
        col,
        "Cloze",
        {"Text": "The {{c1::Preamble}} was amended in {{c2::1976::year}}", "Back Extra": "42nd"},
        ["upsc::polity"],
        polity,
    )
    add_note(
        col,
        "Basic (and reversed card)",
        {"Front": "नमस्ते", "Back": "Hello\twith a tab"},
        [],
        polity,
    )
    guids = {col.get_note(n).fields[0]: col.get_note(n).guid for n in col.find_notes("")}
    table = tmp_path / "notes.txt"
    col.export_note_csv(
        out_path=str(table),
        limit=DeckIdLimit(polity),
        with_html=True,
        with_tags=True,
        with_deck=True,
        with_notetype=True,
        with_guid=True,
    )
    col.close()
    assert table.read_text().startswith("#separator:tab\n#html:true\n")
    out = tmp_path / "notes.yaml"
    code, stdout, err = quizapp("import", table, "--out", out)
    assert (code, err) == (0, "")
    deck = load_deck(out, use_cache=False)[0].deck
    assert deck.title == "UPSC::Polity"
    basic, deletion1, deletion2, forward, backward = deck.cards
    assert (basic.question, basic.answer, basic.tags) == ("What is 2+2?", "4", ["upsc::maths"])
    assert basic.guid == guids["What is <b>2+2</b>?"]
    assert (deletion1.kind, deletion1.text) == ("cloze", "The {{Preamble}} was amended in 1976")
    assert deletion2.text == "The Preamble was amended in {{1976::year}}"
    assert deletion1.explanation == "42nd" and deletion1.siblings == deletion2.siblings
    # The tab made Anki quote the field; as HTML it is a space.
    assert (forward.question, forward.answer) == ("नमस्ते", "Hello with a tab")
    assert (backward.question, backward.answer) == ("Hello with a tab", "नमस्ते")
    assert backward.id == forward.id + "-rev" and forward.guid == guids["नमस्ते"]


def test_bundled_decks_keep_every_card_id_through_csv(quizapp, tmp_path):
    from quizapp.deck.paths import bundled_decks_dir

    kept = total = 0
    for deck_file in sorted(bundled_decks_dir().glob("*.yaml")):
        original = load_deck(deck_file, use_cache=False)[0].deck
        table = tmp_path / f"{deck_file.stem}.csv"
        assert quizapp("export", deck_file, "--to", table, "--drafts")[0] == 0
        out = tmp_path / f"{deck_file.stem}.yaml"
        assert quizapp("import", table, "--out", out, "--id", original.id)[0] == 0
        again = load_deck(out, use_cache=False)[0].deck
        assert again.title == original.title
        ids = [c.id for c in original.cards]
        kept += len(set(ids) & {c.id for c in again.cards})
        total += len(ids)
    assert total > 0 and kept == total  # every card of every bundled deck


def test_a_deck_column_gives_a_deck_file_per_deck(quizapp, tmp_path):
    table = tmp_path / "mixed.csv"
    table.write_text(
        "Front,Back,Deck\nArticle 17,Untouchability,UPSC::Polity\n"
        "Capital of India,New Delhi,UPSC::Geography\nArticle 21,Life,UPSC::Polity\n",
        encoding="utf-8",
    )
    code, stdout, err = quizapp("import", table, "--out", tmp_path)
    assert (code, err) == (0, "")
    polity, geography = tmp_path / "upsc-polity.yaml", tmp_path / "upsc-geography.yaml"
    assert stdout == f"wrote {polity}: 2 card(s)\nwrote {geography}: 1 card(s)\n"
    assert load_deck(polity, use_cache=False)[0].deck.title == "UPSC::Polity"
    assert [c.answer for c in cards_of(geography)] == ["New Delhi"]


def test_a_row_wider_than_its_header_is_named(quizapp, tmp_path):
    table = tmp_path / "wide.csv"
    table.write_text("Front,Back\nq1,a1\nq2,a2,forgotten\n", encoding="utf-8")
    code, _, err = quizapp("import", table, "--out", tmp_path / "wide.yaml")
    assert (code, err) == (
        1,
        f"quizapp import: {table}:3: error: row has 3 comma-separated field(s), more than the 2 "
        'columns named (Front, Back) (put "double quotes" around fields that contain commas)\n',
    )


def test_decks_whose_names_slug_alike_get_files_of_their_own(quizapp, tmp_path):
    table = tmp_path / "alike.csv"
    table.write_text("Front,Back,Deck\nq1,a1,A::B\nq2,a2,A-B\n", encoding="utf-8")
    assert quizapp("import", table, "--out", tmp_path)[0] == 0
    titles = {p.name: load_deck(p, use_cache=False)[0].deck.title for p in tmp_path.glob("*.yaml")}
    assert titles == {"a-b.yaml": "A::B", "a-b-2.yaml": "A-B"}


def test_control_characters_are_dropped_as_from_anki(quizapp, tmp_path):
    from quizapp.authoring.htmltext import html_to_text

    # NUL, a terminal escape sequence, a bell and a C1 control, in every column.
    text = "Capi\x00tal of \x1b[31mFrance\x1b[0m?,Pa\x07ris,geo\x85graphy\nq\x9b2J,a\x00\n"
    table = tmp_path / "controls.csv"
    table.write_text(text, encoding="utf-8")
    out = tmp_path / "controls.yaml"
    assert quizapp("import", table, "--out", out)[0] == 0
    cards = cards_of(out)
    assert [(c.question, c.answer, c.tags) for c in cards] == [
        ("Capital of [31mFrance[0m?", "Paris", ["geography"]),
        ("q2J", "a", []),
    ]
    assert html_to_text("Capi\x00tal of \x1b[31mFrance&#27;") == "Capital of [31mFrance"
