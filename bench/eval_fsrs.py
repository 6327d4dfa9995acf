"""How well FSRS predicts recall on a real learner's reviews, with default and fitted parameters.

Data: bench/data/fsrs-review-logs-josh.csv, 12,580 reviews of 1,205 cards (March-October 2024,
MIT licence, see the .LICENSE file beside it).

Method (quizapp.core.optimize, the code `quizapp optimize` runs):
- Learner days start at 10:00 UTC: the log has no review between 06:00 and 14:59 UTC, so any
  boundary in those hours gives the same day counts.
- Scored reviews are those after a gap of at least one day; training items are Anki's (one per
  scored review, the card's whole history before it, same-day reviews included), fitted with
  the options Anki gives fsrs-rs (card of each item, one relearning step).
- Split: srs-benchmark's (scikit-learn TimeSeriesSplit, 5 splits over the scored reviews: each
  of the 5 latest sixths predicted by parameters fitted on every review before it; figures over
  all test folds together), as `quizapp optimize` judges a fit.
- Both parameter sets are scored with the same FSRS-6 model: log loss and RMSE(bins) as
  srs-benchmark defines them.
- Fit time: median wall time of `--repeat` fits on every scored review.
- Also shown, for comparison with earlier figures: one time-ordered 80/20 split (fit on the
  earliest 80%, scored on the latest 20%).

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


def split_80_20(scored: list) -> dict:
    """One time-ordered split: fit on the earliest 80%, score on the latest 20%."""
    cut = int(len(scored) * 0.8)
    train, held_out = scored[:cut], scored[cut:]
    fitted = optimize.fit_parameters_to_scored(train)
    return {
        name: {"log_loss": m.log_loss, "rmse_bins": m.rmse_bins}
        for name, m in (
            ("default", optimize.metrics_for(optimize.DEFAULT_PARAMETERS, held_out)),
            ("fitted", optimize.metrics_for(fitted, held_out)),
        )
    } | {"test_reviews": len(held_out)}


def run(csv_path: Path, rollover_hour: int, repeat: int) -> dict:
    reviews = optimize.load_review_csv(csv_path)
    scored = optimize.scored_reviews(reviews, timezone=UTC, rollover_hour=rollover_hour)

    fit_seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        optimize.fit_parameters_to_scored(scored)
        fit_seconds.append(time.perf_counter() - started)

    started = time.perf_counter()
    report = optimize.optimize(reviews, None, timezone=UTC, rollover_hour=rollover_hour)
    optimize_seconds = time.perf_counter() - started
    return {
        "file": str(csv_path.relative_to(ROOT) if csv_path.is_relative_to(ROOT) else csv_path),
        "reviews": len(reviews),
        "cards": len({r.card_key for r in reviews}),
        "scored_reviews": len(scored),
        "split": "srs-benchmark: 5 time-series test folds, each fitted on everything before it",
        "day_starts_utc_hour": rollover_hour,
        "test_reviews": report.before.n,
        "test_from": report.held_out_since.isoformat() if report.held_out_since else None,
        "default": {"log_loss": report.before.log_loss, "rmse_bins": report.before.rmse_bins},
        "fitted": {"log_loss": report.after.log_loss, "rmse_bins": report.after.rmse_bins},
        "adopted": report.adopted,
        "fit_seconds_median": statistics.median(fit_seconds),
        "fit_runs": repeat,
        "optimize_seconds": optimize_seconds,
        "fitted_parameters": [round(w, 4) for w in report.candidate or ()],
        "split_80_20": split_80_20(scored),
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
    print(f"       {result['test_reviews']} test reviews (from {result['test_from']})")
    print(f"{'parameters':<12}{'log loss':>10}{'RMSE(bins)':>12}")
    for name in ("default", "fitted"):
        figures = result[name]
        print(f"{name:<12}{figures['log_loss']:>10.4f}{figures['rmse_bins']:>12.4f}")
    print(f"adopted by the rule (both better): {'yes' if result['adopted'] else 'no'}")
    print(
        f"fit time: {result['fit_seconds_median'] * 1000:.0f} ms "
        f"(median of {result['fit_runs']}, {result['scored_reviews']} reviews)"
    )
    print(
        f"whole optimize (5 fold fits, the final fit, evaluations): "
        f"{result['optimize_seconds'] * 1000:.0f} ms"
    )
    single = result["split_80_20"]
    print(f"for comparison, one 80/20 time split ({single['test_reviews']} test reviews):")
    for name in ("default", "fitted"):
        figures = single[name]
        print(f"{name:<12}{figures['log_loss']:>10.4f}{figures['rmse_bins']:>12.4f}")
    print("reference (srs-benchmark, FSRS-6, ~10k collections): log loss 0.346, RMSE(bins) 0.065")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
