"""`quizapp stats` and `quizapp optimize`.

The figures are built in the lower layers (quizapp.quiz.report, quizapp.core.fitting) and
written out by quizapp.render, which the stats screen uses too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence

from quizapp.cli.registry import (
    CommandError,
    command,
    db_path,
    default_deck_paths,
    learner_settings,
    open_collection,
    open_store,
)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from None


def _moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.utcoffset() is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time with a zone; use e.g. 2026-11-25T10:00+00:00"
        )
    return moment.astimezone(dt.UTC)


def _json_default(value: object) -> object:
    raise TypeError(f"not JSON: {value!r}")


def _dump(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=_json_default)


# --- quizapp stats --------------------------------------------------------------------------------


@command("stats", "where you stand: cards, reviews, retention, forecast, streak")
def stats_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp stats",
        description="Cards by state, reviews per day, the 30-day due forecast, true retention "
        "(per deck, tag and source), time spent, streak, stale cards; with --exam-date, "
        "predicted recall on the exam day.",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object instead of text")
    parser.add_argument("--db", help="progress database (default: $QUIZAPP_DB or the data dir)")
    parser.add_argument(
        "--exam-date", type=_iso_date, metavar="YYYY-MM-DD", help="predict recall on this day"
    )
    parser.add_argument(
        "--now",
        type=_moment,
        metavar="DATETIME",
        help="work the figures out as at this moment (ISO, with zone; default: now)",
    )
    args = parser.parse_args(argv)

    from quizapp.core.clock import FixedClock, SystemClock
    from quizapp.core.parameters import with_saved_parameters
    from quizapp.core.stats import StudyDays
    from quizapp.quiz.report import full_report
    from quizapp.render.numbers import plural
    from quizapp.render.stats import render_text

    clock = FixedClock(args.now) if args.now else SystemClock()
    now = clock.now()
    settings = learner_settings(exam_date=None)  # the exam date is --exam-date's here
    today = StudyDays.from_settings(settings).day_of(now)
    if args.exam_date is not None and args.exam_date <= today:
        raise CommandError(
            f"--exam-date {args.exam_date} is not after today ({today}); give the exam's date"
        )
    db = db_path(args.db)
    if not db.exists():
        # Nothing studied yet: every card is new. Say so rather than create the file.
        print(
            f"quizapp stats: no progress database at {db} yet: every card is new", file=sys.stderr
        )
    with open_collection(
        default_deck_paths(), db if db.exists() else None, clock=clock, settings=settings
    ) as collection:
        errors = [p for p in collection.problems if p.severity == "error"]
        if errors:
            print(
                f"quizapp stats: {plural(len(errors), 'problem')} kept some decks from loading; "
                "run `quizapp check`",
                file=sys.stderr,
            )
        parameters = with_saved_parameters(settings, collection.store).parameters
        report = full_report(collection, now, exam_day=args.exam_date, parameters=parameters)
    print(_dump(report) if args.json else render_text(report))
    return 0


# --- quizapp optimize ----------------------------------------------------------------------------


@command("optimize", "fit FSRS to your own reviews; adopt only if it predicts better")
def optimize_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quizapp optimize",
        description="Fit FSRS parameters to your review log (earliest 80% of reviews after a "
        "gap of a day), compare log loss and RMSE(bins) on the latest 20% with the current "
        "parameters, and keep the fitted ones only if both are lower.",
    )
    parser.add_argument("--db", help="progress database (default: $QUIZAPP_DB or the data dir)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of text")
    parser.add_argument(
        "--reset", action="store_true", help="forget fitted parameters: back to FSRS's defaults"
    )
    args = parser.parse_args(argv)

    db = db_path(args.db)
    if not db.exists():
        message = f"no progress database at {db} yet: review some cards first; nothing changed"
        print(
            _dump({"adopted": False, "saved": False, "reason": message}) if args.json else message
        )
        return 0

    from quizapp.core.fitting import fit_learner
    from quizapp.core.optimize import OptimizeError
    from quizapp.core.parameters import clear_parameters
    from quizapp.render.optimize import optimize_json, optimize_text

    with open_store(db, settings=learner_settings(exam_date=None)) as store:
        if args.reset:
            cleared = clear_parameters(store)
            print(
                "Fitted parameters forgotten: FSRS's defaults apply from the next start."
                if cleared
                else "No fitted parameters were saved: FSRS's defaults apply already."
            )
            return 0
        try:
            fit = fit_learner(store)
        except OptimizeError as error:
            raise CommandError(f"{db}: {error}") from None
    print(_dump(optimize_json(fit)) if args.json else optimize_text(fit))
    return 0
