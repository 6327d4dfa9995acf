"""How well FSRS predicts recall on a real learner's reviews, with default and fitted parameters.

Data: bench/data/fsrs-review-logs-josh.csv, 12,580 reviews of 1,205 cards (March-October 2024,
MIT licence, see the .LICENSE file beside it).

Method (quizapp.core.optimize, the code `quizapp optimize` runs):
- Learner days start at 10:00 UTC: the log has no review between 06:00 and 14:59 UTC, so any
  boundary in those hours gives the same day counts.
- Scored reviews are those after a gap of at least one day; the time-ordered split trains on
  the earliest 80% of them and holds out the latest 20%.
- Both parameter sets are scored on the held-out reviews with the same FSRS-6 model: log loss
  and RMSE(bins) as srs-benchmark defines them.
- Fit time: median wall time of `--repeat` fits on the training reviews.
- Also shown: srs-benchmark's own split (5-fold scikit-learn TimeSeriesSplit over the scored
  reviews, refitting before each fold, metrics over all test folds together), for comparison
  with its published figures.

For reference, srs-benchmark reports log loss 0.346 and RMSE(bins) 0.065 for FSRS-6 averaged
over ~10,000 Anki collections (its own 5-fold time-series split).

    .venv/bin/python bench/eval_fsrs.py [--csv FILE] [--rollover-hour H] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import UTC
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.core import optimize  # noqa: E402

DATA = ROOT / "bench" / "data" / "fsrs-review-logs-josh.csv"


def time_series_folds(scored: list, n_splits: int = 5):
    """srs-benchmark's split (scikit-learn TimeSeriesSplit): n_splits test folds of equal size
    at the end, each predicted by parameters fitted on everything before it."""
    size = len(scored) // (n_splits + 1)
    for start in range(len(scored) - n_splits * size, len(scored), size):
        yield scored[:start], scored[start : start + size]


def five_fold(scored: list) -> dict:
    outcomes, bins, default_p, fitted_p = [], [], [], []
    for train, test in time_series_folds(scored):
        fitted = optimize.fit_parameters_to_scored(train)
        outcomes += [s.recalled for s in test]
        bins += [optimize.rmse_bin(s.elapsed_days, s.review_number, s.lapses) for s in test]
        default_p += optimize.predict(optimize.DEFAULT_PARAMETERS, test)
        fitted_p += optimize.predict(fitted, test)
    return {
        name: {
            "log_loss": optimize.log_loss(outcomes, p),
            "rmse_bins": optimize.rmse_bins(outcomes, p, bins),
        }
        for name, p in (("default", default_p), ("fitted", fitted_p))
    } | {"test_reviews": len(outcomes)}


def run(csv_path: Path, rollover_hour: int, repeat: int) -> dict:
    reviews = optimize.load_review_csv(csv_path)
    scored = optimize.scored_reviews(reviews, timezone=UTC, rollover_hour=rollover_hour)
    train, held_out = optimize.split_by_time(scored)

    fit_seconds = []
    fitted: optimize.Parameters = ()
    for _ in range(repeat):
        started = time.perf_counter()
        fitted = optimize.fit_parameters_to_scored(train)
        fit_seconds.append(time.perf_counter() - started)

    started = time.perf_counter()
    optimize.optimize(reviews, None, timezone=UTC, rollover_hour=rollover_hour)
    optimize_seconds = time.perf_counter() - started

    default = optimize.metrics_for(optimize.DEFAULT_PARAMETERS, held_out)
    after = optimize.metrics_for(fitted, held_out)
    return {
        "file": str(csv_path.relative_to(ROOT) if csv_path.is_relative_to(ROOT) else csv_path),
        "reviews": len(reviews),
        "cards": len({r.card_key for r in reviews}),
        "scored_reviews": len(scored),
        "split": "time-ordered: earliest 80% of scored reviews train, latest 20% held out",
        "day_starts_utc_hour": rollover_hour,
        "train_reviews": len(train),
        "held_out_reviews": len(held_out),
        "held_out_from": held_out[0].reviewed_at.isoformat() if held_out else None,
        "default": {"log_loss": default.log_loss, "rmse_bins": default.rmse_bins},
        "fitted": {"log_loss": after.log_loss, "rmse_bins": after.rmse_bins},
        "adopted": optimize.should_adopt(default, after),
        "fit_seconds_median": statistics.median(fit_seconds),
        "fit_runs": repeat,
        "optimize_seconds": optimize_seconds,
        "fitted_parameters": [round(w, 4) for w in fitted],
        "srs_benchmark_5_split": five_fold(scored),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--csv", type=Path, default=DATA, help="review log CSV")
    parser.add_argument("--rollover-hour", type=int, default=10, help="UTC hour a day starts")
    parser.add_argument("--repeat", type=int, default=5, help="fits to time (median)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    try:
        result = run(args.csv, args.rollover_hour, max(1, args.repeat))
    except optimize.OptimizeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{result['file']}: {result['reviews']} reviews of {result['cards']} cards")
    print(
        f"scored (gap of a day or more): {result['scored_reviews']}; "
        f"days start {result['day_starts_utc_hour']:02d}:00 UTC"
    )
    print(f"split: {result['split']}")
    print(
        f"       train {result['train_reviews']}, held out {result['held_out_reviews']} "
        f"(from {result['held_out_from']})"
    )
    print(f"{'parameters':<12}{'log loss':>10}{'RMSE(bins)':>12}")
    for name in ("default", "fitted"):
        figures = result[name]
        print(f"{name:<12}{figures['log_loss']:>10.4f}{figures['rmse_bins']:>12.4f}")
    print(f"adopted by the rule (both better): {'yes' if result['adopted'] else 'no'}")
    print(
        f"fit time: {result['fit_seconds_median'] * 1000:.0f} ms "
        f"(median of {result['fit_runs']}, {result['train_reviews']} reviews)"
    )
    print(
        f"whole optimize (split, fit, both evaluations): {result['optimize_seconds'] * 1000:.0f} ms"
    )
    folds = result["srs_benchmark_5_split"]
    print(
        f"srs-benchmark's 5-split time series (fit on all before each fold, "
        f"{folds['test_reviews']} test reviews):"
    )
    for name in ("default", "fitted"):
        figures = folds[name]
        print(f"{name:<12}{figures['log_loss']:>10.4f}{figures['rmse_bins']:>12.4f}")
    print("reference (srs-benchmark, FSRS-6, ~10k collections): log loss 0.346, RMSE(bins) 0.065")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
