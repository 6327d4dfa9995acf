"""Helpers for the authoring tests: the CLI in-process, and real Anki collections."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.cli import main


@pytest.fixture
def quizapp(capsys):
    """Run `quizapp ARGS...` and return (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def files_in(folder: Path) -> list[str]:
    """Every file, temp files included, so a half-written one would show."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def anki_collection(folder: Path):
    from anki.collection import Collection

    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def add_note(col, note_type: str, fields: dict[str, str], tags: list[str], deck_id: int):
    note = col.new_note(col.models.by_name(note_type))
    for name, value in fields.items():
        note[name] = value
    note.tags = tags
    col.add_note(note, deck_id)
    return note


def review(col, card, rating_name: str = "GOOD") -> None:
    from anki.scheduler.v3 import CardAnswer

    card.start_timer()
    states = col._backend.get_scheduling_states(card.id)
    rating = getattr(CardAnswer, rating_name)
    col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=rating))


def export_package(col, deck_id: int, out: Path, *, legacy: bool = False) -> Path:
    from anki.collection import DeckIdLimit, ExportAnkiPackageOptions

    options = ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=False, with_media=False, legacy=legacy
    )
    col.export_anki_package(out_path=str(out), options=options, limit=DeckIdLimit(deck_id))
    return out


def import_into_fresh_anki(package: Path, folder: Path):
    """Import a package into a new Anki collection, as a learner's Anki would."""
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col = anki_collection(folder)
    col.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=str(package),
            options=ImportAnkiPackageOptions(with_scheduling=False, update_notes=0),
        )
    )
    return col


def note_rows(col) -> list[dict]:
    """Each note as {type, fields by name, tags}, sorted by its first field."""
    rows = []
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        rows.append(
            {
                "type": note.note_type()["name"],
                "fields": dict(note.items()),
                "tags": sorted(note.tags),
                "guid": note.guid,
            }
        )
    return sorted(rows, key=lambda r: next(iter(r["fields"].values())))
