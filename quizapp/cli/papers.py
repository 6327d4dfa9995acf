"""`quizapp exam` and `quizapp quiz`: take one in the app, or as JSON from a script.

Interactive, the paper is drawn and saved here (so a selection that matches
nothing is an error on stderr before any screen opens), then the app starts
on it. With ``--json`` the paper is printed instead; ``--submit ID --answers
FILE`` hands the answers in and prints the marked result.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quizapp.cli.registry import (
    CommandError,
    command,
    db_path,
    default_deck_paths,
    learner_settings,
    open_collection,
    open_store,
)
from quizapp.quiz.defaults import DEFAULT_COUNT, MINUTES_PER_QUESTION


def _parser(name: str, description: str, *, exam: bool) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"quizapp {name}", description=description)
    parser.add_argument("paths", nargs="*", help="extra deck files or folders")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="questions (default 10)")
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        help="only cards with this tag or a tag under it (upsc takes upsc::polity)",
    )
    parser.add_argument(
        "--source", action="append", default=[], help="only cards quoting this source document id"
    )
    parser.add_argument("--deck", action="append", default=[], help="only this deck id")
    parser.add_argument(
        "--most-missed", action="store_true", help="the cards you have got wrong most"
    )
    parser.add_argument("--seed", type=int, help="draw the same paper again with the same seed")
    parser.add_argument("--db", help="progress database (default: $QUIZAPP_DB or the data dir)")
    parser.add_argument("--json", action="store_true", help="print the paper as JSON; no screen")
    parser.add_argument(
        "--submit", type=int, metavar="ID", help="with --json: hand in the answers of number ID"
    )
    parser.add_argument(
        "--answers", metavar="FILE", help='with --submit: JSON answers {"1": "b"}, or - for stdin'
    )
    if exam:
        parser.add_argument(
            "--minutes",
            type=float,
            help="time limit (default 1.2 per question, as in UPSC Prelims; 0: untimed)",
        )
        parser.add_argument(
            "--marking",
            help="marks for RIGHT,WRONG,SKIPPED (default: the settings file's exam marks, "
            "else 2,-2/3,0)",
        )
        parser.add_argument("--list", action="store_true", help="past exams with their marks")
    return parser


@command("exam", "a timed paper with negative marking, kept with its result")
def exam_command(argv: Sequence[str]) -> int:
    parser = _parser("exam", "Take a timed exam, UPSC Prelims style.", exam=True)
    return _exam(parser.parse_args(argv))


@command("quiz", "questions one at a time, each answer judged at once")
def quiz_command(argv: Sequence[str]) -> int:
    parser = _parser("quiz", "Take a quiz: feedback after every answer.", exam=False)
    return _quiz(parser.parse_args(argv))


# --- exam ---------------------------------------------------------------------------------


def _marking_from_settings():
    """The exam marks of the settings file (exam_right, exam_wrong, exam_skipped)."""
    from quizapp.config import default_config_path
    from quizapp.quiz.marking import Marking

    try:
        return Marking.from_numbers(*learner_settings().exam_marks)
    except ValueError as problem:
        raise ValueError(f"{default_config_path()}: exam marks: {problem}") from None


def _exam(args: argparse.Namespace) -> int:
    from quizapp.quiz.marking import Marking

    db = db_path(args.db)
    if args.list:
        return _list_exams(db, as_json=args.json)
    if args.submit is not None:
        return _submit(db, args, kind="exam")
    _check_answers_flag(args)
    try:
        marking = Marking.parse(args.marking) if args.marking else _marking_from_settings()
    except ValueError as problem:
        raise CommandError(str(problem)) from None
    minutes = args.count * MINUTES_PER_QUESTION if args.minutes is None else args.minutes
    if minutes < 0:
        raise CommandError(f"--minutes must be positive, or 0 for no time limit (got {minutes:g})")
    time_limit = dt.timedelta(minutes=minutes) if minutes else None

    from quizapp.quiz.exam import new_exam

    paths, seed = _deck_paths(args), _seed(args)
    with open_collection(paths, db) as collection:
        session, warnings = _drawn(
            lambda: new_exam(
                collection.store,
                collection.decks,
                count=args.count,
                seed=seed,
                time_limit=time_limit,
                selection=_selection(args),
                marking=marking,
            )
        )
        _warn("exam", warnings)
        if args.json:
            from quizapp.quiz.scripted import paper_json

            _print_json(paper_json(session))
            return 0
        exam_id = session.id
    return _run_app(paths, db, "exam", exam_id)


def _list_exams(db: Path, *, as_json: bool) -> int:
    from quizapp.quiz.exam import exam_summary, list_exams
    from quizapp.quiz.marking import format_marks

    with _existing_store(db) as store:
        papers = list_exams(store)
    if as_json:
        _print_json([exam_summary(p) for p in papers])
        return 0
    if not papers:
        print("No exams yet: take one with `quizapp exam`.")
        return 0
    print(f"{'Exam':>4}  {'Date (UTC)':<16}  {'Marks':>13}  {'Accuracy':>8}  Questions")
    for p in papers:
        when = p.started_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
        if p.marks is None:
            marks, accuracy = "in progress", ""
        else:
            marks = f"{format_marks(p.marks)} / {format_marks(p.max_marks)}"
            attempted = (p.right or 0) + (p.wrong or 0)
            accuracy = f"{100 * (p.right or 0) / attempted:.0f}%" if attempted else "-"
        print(f"{p.id:>4}  {when:<16}  {marks:>13}  {accuracy:>8}  {p.questions}")
    return 0


# --- quiz ---------------------------------------------------------------------------------


def _quiz(args: argparse.Namespace) -> int:
    if args.submit is not None:
        return _submit(db_path(args.db), args, kind="quiz")
    _check_answers_flag(args)
    from quizapp.quiz.quiz import new_quiz

    db = db_path(args.db)
    paths, seed = _deck_paths(args), _seed(args)
    with open_collection(paths, db) as collection:
        session, warnings = _drawn(
            lambda: new_quiz(
                collection.store,
                collection.decks,
                count=args.count,
                seed=seed,
                selection=_selection(args),
            )
        )
        _warn("quiz", warnings)
        if args.json:
            from quizapp.quiz.scripted import paper_json

            _print_json(paper_json(session))
            return 0
        quiz_id = session.id
    return _run_app(paths, db, "quiz", quiz_id)


# --- handing answers in ---------------------------------------------------------------------


def _submit(db: Path, args: argparse.Namespace, *, kind: str) -> int:
    from quizapp.quiz.exam import ExamClosed, ExamSession
    from quizapp.quiz.quiz import QuizOver, QuizSession
    from quizapp.quiz.scripted import (
        AnswersError,
        feedback_json,
        parse_answers,
        result_json,
        take_exam,
        take_quiz,
    )

    if not args.json:
        raise CommandError("--submit works with --json (the app takes answers by keys)")
    if not args.answers:
        raise CommandError('--submit needs --answers FILE (or - for stdin), e.g. {"1": "b"}')
    text, source = _read_answers(args.answers)
    with _existing_store(db) as store:
        try:
            if kind == "exam":
                session = ExamSession.resume(store, args.submit)
            else:
                session = QuizSession.resume(store, args.submit)
        except LookupError as problem:
            raise CommandError(f"{db}: {problem}") from None
        try:
            answers = parse_answers(text, session.questions, source=source)
        except AnswersError as problem:
            raise CommandError(str(problem)) from None
        try:
            if isinstance(session, ExamSession):
                if session.is_submitted:
                    raise ExamClosed(_already_closed(session))
                result = take_exam(session, answers)
                _print_json(result_json(session.id, result))
            else:
                feedback = take_quiz(session, answers)
                data = result_json(session.id, session.result(), kind="quiz")
                data["feedback"] = [feedback_json(f) for f in feedback]
                _print_json(data)
        except (ExamClosed, QuizOver) as problem:
            raise CommandError(str(problem)) from None
    return 0


def _already_closed(session) -> str:
    if session.submitted_by is not None and session.submitted_by.value == "time_out":
        return (
            f"exam {session.id}: time ran out before the answers came in; it was submitted "
            "with the answers given by then (see quizapp exam --list)"
        )
    return f"exam {session.id} was already submitted: answers are final"


def _read_answers(name: str) -> tuple[str, str]:
    if name == "-":
        return sys.stdin.read(), "stdin"
    path = Path(name).expanduser()
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except FileNotFoundError:
        raise CommandError(f"{path}: no such answers file") from None
    except (OSError, UnicodeDecodeError) as problem:
        raise CommandError(f"{path}: cannot read the answers ({problem})") from None


def _check_answers_flag(args: argparse.Namespace) -> None:
    if args.answers:
        raise CommandError("--answers goes with --json --submit ID")


# --- shared -----------------------------------------------------------------------------------


def _deck_paths(args: argparse.Namespace) -> list[Path]:
    for given in args.paths:
        if not Path(given).expanduser().exists():
            raise CommandError(f"{given}: no such file or folder")
    return default_deck_paths(args.paths)


def _seed(args: argparse.Namespace) -> int:
    # A fresh paper each time unless asked; the seed is saved with it, so it can be drawn again.
    return args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)


def _selection(args: argparse.Namespace):
    from quizapp.quiz.selection import Selection

    return Selection(
        decks=tuple(args.deck),
        tags=tuple(args.tag),
        sources=tuple(args.source),
        most_missed=args.most_missed,
    )


def _drawn(draw):
    """The session and warnings, or the reason nothing could be drawn as one line."""
    from quizapp.quiz.selection import EmptySelection

    try:
        return draw()
    except EmptySelection as problem:
        raise CommandError(str(problem).replace("\n", "; ")) from None
    except ValueError as problem:
        raise CommandError(str(problem)) from None


def _existing_store(db: Path):
    if not db.exists():
        raise CommandError(f"{db}: no progress database here (take an exam first, or give --db)")
    return open_store(db)


def _warn(kind: str, warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"quizapp {kind}: warning: {warning}", file=sys.stderr)


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _run_app(paths: list[Path], db: Path, kind: str, paper_id: int) -> int:
    from quizapp.ui.app import app_with_settings

    # The home screen opens this paper as soon as the decks are loaded.
    app = app_with_settings(paths, db, open_paper=(kind, paper_id))
    app.run()
    return app.return_code or 0
