"""Question/answer tables as cards: CSV as Excel writes it, Quizlet's and Anki's text exports.

The separator is taken from `--separator`, else Anki's `#separator:` header,
else sniffed from the first rows: tab, semicolon (Excel in many locales),
comma, Quizlet's custom ` - ` or `|`. Comma and semicolon files are read as
CSV (quoted fields may hold separators and line breaks). Tab and custom
separated files are read as Quizlet writes them: nothing is quoted, so a
term may start with a quote, and a line without the separator continues the
definition above it; rows may also be separated by `;` (Quizlet's other
option). Files Anki writes ("Notes in Plain Text") keep their quoting.

Anki's file headers are read: `#separator:`, `#html:`, `#columns:`, `#tags:`,
`#deck:`, `#notetype:`, and `#tags column:`, `#deck column:`, `#notetype
column:`, `#guid column:`. A header row of known column names (Front,Back,Deck;
Question,Answer,Tags; Term,Definition; quizapp's own id,question,answer,tags,guid)
names the columns and is not a card. Text with `{{c1::...}}` deletions is
read as cloze. Every bad row is listed, not only the first.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from quizapp.authoring.anki_import import ImportedDeck, cloze_cards, is_anki_cloze
from quizapp.authoring.cells import CSV_COLUMNS, unescape_formula, without_controls
from quizapp.authoring.errors import AuthoringError
from quizapp.authoring.htmltext import html_to_text
from quizapp.authoring.ids import short_hash, slugify, tag_id
from quizapp.deck.model import ID_PATTERN, BasicCard

MAX_TABLE_BYTES = 32 * 1024 * 1024
_TAG_SPLIT = re.compile(r"[\s,;]+")
_ANKI_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
# Anki's names for separators in `#separator:`, and what `--separator` accepts by name.
SEPARATOR_NAMES = {
    "comma": ",",
    "semicolon": ";",
    "tab": "\t",
    "space": " ",
    "pipe": "|",
    "colon": ":",
    "dash": " - ",
}
_SNIFFED = ("\t", ";", ",", " - ", "|")
_CSV_SEPARATORS = (",", ";")
# Column names a header row may use, by the role each plays.
_ROLES = {
    "question": "question",
    "front": "question",
    "term": "question",
    "text": "question",
    "prompt": "question",
    "answer": "answer",
    "back": "answer",
    "definition": "answer",
    "explanation": "explanation",
    "extra": "explanation",
    "back extra": "explanation",
    "tags": "tags",
    "tag": "tags",
    "deck": "deck",
    "id": "id",
    "guid": "guid",
    "notetype": "notetype",
    "note type": "notetype",
    "source": "source",
}
_ID = re.compile(ID_PATTERN)


@dataclass
class _Layout:
    """What the file's headers say about its columns."""

    separator: str | None = None
    html: bool = False
    names: list[str] | None = None  # column names, from #columns: or a header row
    roles: dict[str, int] = field(default_factory=dict)  # role -> 0-based column, when named
    fixed: dict[str, int] = field(default_factory=dict)  # from `#tags column:` and the like
    tags: list[str] = field(default_factory=list)  # #tags: added to every card
    deck: str | None = None
    notetype: str | None = None
    anki: bool = False  # written by Anki (or by quizapp for Anki): fields may be quoted


def import_table(path: Path, *, separator: str | None = None) -> list[ImportedDeck]:
    """The cards of a table, one deck per deck named in it (one deck if none is)."""
    path = Path(path)
    text = _read_text(path)
    layout, body, first_line = _headers(text, path)
    chosen = _separator_option(separator, path) or layout.separator
    delimiter = chosen or _sniff(path, body)
    rows = _rows(body, delimiter, layout.anki, path, first_line)
    if layout.names == list(CSV_COLUMNS):  # written by `quizapp export`: formulas escaped
        rows = [(line, [unescape_formula(cell) for cell in row]) for line, row in rows]
    decks: dict[str, ImportedDeck] = {}
    problems: list[AuthoringError] = []
    seen: dict[str, int] = {}
    header_done = bool(layout.names)
    if layout.names:
        layout.roles = _roles(layout.names, fixed=layout.fixed)
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if not header_done:
            header_done = True
            roles = _header_row(row)
            if roles is not None:
                layout.roles, layout.names = roles, [cell.strip() for cell in row]
                continue
        try:
            deck, cards = _cards(row, layout, delimiter, path, line)
        except AuthoringError as problem:
            problems.append(problem)
            continue
        for card in cards:
            seen[card.id] = seen.get(card.id, 0) + 1
            if seen[card.id] > 1:  # the same card twice: keep both, ids apart
                card = card.model_copy(update={"id": f"{card.id}-{seen[card.id]}"})
            decks.setdefault(deck, ImportedDeck(deck)).cards.append(card)
    if problems:
        raise AuthoringError.of_all(
            path, problems, "rows cannot be imported", "fix them and import again"
        )
    if not decks:
        raise AuthoringError(path, "holds no cards", "give one question and answer per row")
    return list(decks.values())


def _separator_option(value: str | None, path: Path) -> str | None:
    if value is None:
        return None
    named = SEPARATOR_NAMES.get(value.strip().lower())
    if named:
        return named
    if value in ("\\t", "TAB"):
        return "\t"
    if not value or value in ('"', "\n", "\r"):
        raise AuthoringError(
            path,
            f"{value!r} cannot separate columns",
            "give --separator tab, comma, semicolon, pipe, dash (' - ') or a character",
            content=False,
        )
    return value


def _headers(text: str, path: Path) -> tuple[_Layout, str, int]:
    """Anki's `#key:value` lines at the top, and the text after them with its first line."""
    layout = _Layout()
    lines = text.splitlines(keepends=True)
    taken = 0
    pending: dict[str, str] = {}
    for line in lines:
        match = _ANKI_HEADER.match(line.rstrip("\r\n"))
        if not match or match.group(1).strip() not in _KNOWN_HEADERS:
            break
        pending[match.group(1).strip()] = match.group(2)
        taken += 1
    if pending:
        layout.anki = True
    value = pending.get("separator")
    if value is not None:
        layout.separator = SEPARATOR_NAMES.get(value.strip().lower(), value[:1] or None)
    layout.html = pending.get("html", "").strip().lower() == "true"
    layout.tags = [t for t in map(tag_id, pending.get("tags", "").split()) if t]
    layout.deck = pending.get("deck", "").strip() or None
    layout.notetype = pending.get("notetype", "").strip() or None
    if "columns" in pending:
        sep = layout.separator or "\t"
        layout.names = [n.strip() for n in pending["columns"].split(sep)]
    # Anki's "Notes in Plain Text" export names no columns: its first two are the fields.
    fixed: dict[str, int] = {}
    for key, role in (
        ("tags column", "tags"),
        ("deck column", "deck"),
        ("notetype column", "notetype"),
        ("guid column", "guid"),
    ):
        if key in pending:
            try:
                fixed[role] = int(pending[key]) - 1
            except ValueError:
                raise AuthoringError(
                    path, f"#{key}: {pending[key]!r} is not a column number", line=taken
                ) from None
    layout.fixed = fixed
    return layout, "".join(lines[taken:]), taken + 1


_KNOWN_HEADERS = {
    "separator",
    "html",
    "columns",
    "tags",
    "deck",
    "notetype",
    "tags column",
    "deck column",
    "notetype column",
    "guid column",
    "if matches",
}


def _roles(names: list[str], fixed: dict[str, int] | None = None) -> dict[str, int]:
    """Column roles from column names; unnamed columns take question, answer in order."""
    roles = dict(fixed or {})
    for index, name in enumerate(names):
        role = _ROLES.get(name.strip().lower())
        if role and role not in roles and index not in roles.values():
            roles[role] = index
    free = [i for i in range(len(names)) if i not in roles.values()]
    for role in ("question", "answer"):
        if role not in roles and free:
            roles[role] = free.pop(0)
    return roles


def _header_row(row: list[str]) -> dict[str, int] | None:
    """Column roles if the row is a header of known names (Front,Back,Deck ...), else None."""
    names = [cell.strip().lower() for cell in row]
    if not all(name in _ROLES for name in names if name):
        return None
    roles = [_ROLES[n] for n in names if n]
    if "question" not in roles or len(set(roles)) != len(roles):
        return None
    return _roles([cell.strip() for cell in row])


def _sniff(path: Path, body: str) -> str:
    """The separator used most consistently over the first rows (tab wins ties)."""
    if path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    sample = [line for line in body.splitlines() if line.strip()][:50]
    if not sample:
        return ","
    best, best_score = ",", (0.0, 0.0)
    for candidate in _SNIFFED:
        counts = [_count(line, candidate) for line in sample]
        having = [c for c in counts if c]
        if not having:
            continue
        # Found on most lines first; then the same number of times on most.
        common = max(sorted(set(having)), key=having.count)
        score = (len(having) / len(sample), having.count(common) / len(sample))
        if score > best_score:
            best, best_score = candidate, score
    return best


def _count(line: str, separator: str) -> int:
    if separator in _CSV_SEPARATORS:
        try:
            return len(next(csv.reader([line], delimiter=separator))) - 1
        except (csv.Error, StopIteration):
            return line.count(separator)
    return line.count(separator)


def _rows(
    body: str, delimiter: str, anki: bool, path: Path, first_line: int
) -> list[tuple[int, list[str]]]:
    """(line number, fields) of each row."""
    quoted = delimiter in _CSV_SEPARATORS or (anki and len(delimiter) == 1)
    if quoted:
        reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, strict=True)
        rows = []
        try:
            start = first_line
            for row in reader:
                rows.append((start, row))
                start = first_line + reader.line_num
        except csv.Error as exc:
            if delimiter not in _CSV_SEPARATORS:  # written by hand after all: not quoted
                return _unquoted_rows(body, delimiter, first_line)
            raise AuthoringError(
                path,
                f"cannot read it as {_what(delimiter)} values: {exc}",
                _ragged_hint(delimiter),
                line=first_line + reader.line_num - 1,
            ) from None
        return rows
    return _unquoted_rows(body, delimiter, first_line)


def _unquoted_rows(body: str, delimiter: str, first_line: int) -> list[tuple[int, list[str]]]:
    """Rows as Quizlet writes them: no quoting; a line without the separator continues."""
    lines = body.splitlines()
    pieces = body.split(";")
    if (
        delimiter != ";"
        and len([p for p in pieces if p.strip()]) > len([ln for ln in lines if ln.strip()])
        and all(p.count(delimiter) == 1 for p in pieces if p.strip())
    ):
        # Quizlet's "between rows: semicolon": several rows on a line.
        lines, continued = [p.strip("\r\n") for p in pieces], True
    else:
        continued = False
    split_all = len(delimiter) == 1
    rows: list[tuple[int, list[str]]] = []
    line_no = first_line
    for line in lines:
        number = line_no
        line_no += 1 if not continued else line.count("\n")
        if delimiter in line:
            cells = line.split(delimiter) if split_all else line.split(delimiter, 1)
            rows.append((number, cells))
        elif rows and len(rows[-1][1]) > 1:  # the definition above goes on
            rows[-1][1][-1] += "\n" + line
        elif line.strip():
            rows.append((number, [line]))
    return rows


def _cards(
    row: list[str], layout: _Layout, delimiter: str, path: Path, line: int
) -> tuple[str, list]:
    roles = layout.roles or _default_roles(row, layout)
    data_columns = len(row) - len([i for i in layout.fixed.values() if i < len(row)])
    if layout.names and any(cell.strip() for cell in row[len(layout.names) :]):
        raise AuthoringError(
            path,
            f"row has {len(row)} {_what(delimiter)} field(s), more than the "
            f"{len(layout.names)} columns named ({', '.join(layout.names)})",
            _ragged_hint(delimiter),
            line=line,
        )
    if len(row) < 2 or (not layout.roles and data_columns > 3):
        raise AuthoringError(
            path,
            f"row has {len(row)} {_what(delimiter)} field(s); expected question, answer "
            "and optionally tags",
            _ragged_hint(delimiter),
            line=line,
        )

    def cell(role: str) -> str:
        index = roles.get(role)
        value = row[index] if index is not None and index < len(row) else ""
        return value.strip()

    def text(role: str) -> str:
        value = cell(role)
        return html_to_text(value) if layout.html else value

    question, answer = text("question"), text("answer")
    explanation = text("explanation")
    tags = list(
        dict.fromkeys(
            [*layout.tags, *(t for t in map(tag_id, _TAG_SPLIT.split(cell("tags"))) if t)]
        )
    )
    deck = cell("deck") or layout.deck or path.stem
    notetype = (cell("notetype") or layout.notetype or "").lower()
    guid = cell("guid") or None
    own_id = cell("id")
    if own_id and not _ID.match(own_id):
        raise AuthoringError(
            path,
            f"card id {own_id!r} is not a valid id",
            "use lowercase letters, digits, '.', '_' and '-', or leave the id empty",
            line=line,
        )
    try:
        # The note type, where the file names one, says; else deletions make a cloze.
        if "cloze" in notetype or (not notetype and is_anki_cloze(question)):
            if not is_anki_cloze(question):
                raise AuthoringError(
                    path,
                    "a cloze row without deletions ({{c1::...}})",
                    "add a deletion, or import it as a basic card",
                    line=line,
                )
            notes = "\n".join(x for x in (answer, explanation) if x)
            made = cloze_cards(
                question,
                guid or short_hash(question),
                tags=tags,
                explanation=notes,
                keep_guid=guid is not None,
            )
            cards = [c for _, c in made]
            if own_id and len(made) == 1:
                cards = [cards[0].model_copy(update={"id": own_id, "siblings": None})]
            elif own_id:  # a note's cards: its id with -c1, -c2, ...
                cards = [
                    c.model_copy(update={"id": f"{own_id}-c{o + 1}", "siblings": own_id})
                    for o, c in made
                ]
            return deck, cards
        if not question or not answer:
            empty = "question" if not question else "answer"
            raise AuthoringError(
                path, f"the {empty} is empty", "fill it in or delete the row", line=line
            )
        card_id = own_id or f"{slugify(question) or 'card'}-{short_hash(question, answer)}"
        reversed_too = "reverse" in notetype
        card = BasicCard(
            id=card_id,
            kind="basic",
            question=question,
            answer=answer,
            tags=tags,
            explanation=explanation,
            guid=guid,
            siblings=card_id if reversed_too else None,
        )
        if not reversed_too:
            return deck, [card]
        back = card.model_copy(
            update={"id": f"{card_id}-rev", "question": answer, "answer": question}
        )
        return deck, [card, back]
    except ValidationError as exc:
        error = exc.errors()[0]
        reason = str(error["msg"]).removeprefix("Value error, ")
        raise AuthoringError(path, f"cannot make a card of this row: {reason}", line=line) from None


def _default_roles(row: list[str], layout: _Layout) -> dict[str, int]:
    """Unnamed columns: question, answer, and a third as tags."""
    names = [""] * max(len(row), 2)
    roles = _roles(names, fixed=layout.fixed)
    free = [i for i in range(len(names)) if i not in roles.values()]
    if "tags" not in roles and len(row) == 3 and free:
        roles["tags"] = free[0]
    return roles


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_TABLE_BYTES:
            raise AuthoringError(path, "is larger than 32 MB", "split it into several files")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AuthoringError(path, "no such file", "check the path", content=False) from None
    except IsADirectoryError:
        raise AuthoringError(path, "is a folder, not a table", content=False) from None
    except OSError as exc:
        raise AuthoringError(path, f"cannot read it: {exc.strerror}", content=False) from None
    try:
        # Excel writes CRLF, inside quoted fields too: a line break is "\n" in a deck.
        # Control characters (NUL, escape sequences) are dropped, as from Anki's fields.
        return without_controls(raw.decode("utf-8-sig").replace("\r\n", "\n"))
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise AuthoringError(
            path, "is not UTF-8 text", "save or export it as UTF-8", line=line
        ) from None


def _what(delimiter: str) -> str:
    return {
        "\t": "tab-separated",
        ",": "comma-separated",
        ";": "semicolon-separated",
    }.get(delimiter, f"{delimiter.strip() or repr(delimiter)}-separated")


def _ragged_hint(delimiter: str) -> str:
    if delimiter in _CSV_SEPARATORS:
        return f'put "double quotes" around fields that contain {_what(delimiter)[:-10]}s'
    if delimiter == "\t":
        return "put one tab between the term and its definition, and no tab inside either"
    return f"put {delimiter!r} between the term and its definition, or give --separator"
