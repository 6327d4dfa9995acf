"""What `quizapp optimize` (and the stats screen's `o`) came to, as text or JSON."""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING, Any

from quizapp.render.stats import WIDTH

if TYPE_CHECKING:
    from quizapp.core.fitting import Fit
    from quizapp.core.optimize import Metrics, OptimizeReport


def _metrics_json(metrics: Metrics) -> dict[str, float | int | None]:
    def number(x: float) -> float | None:
        return None if math.isnan(x) else x

    return {
        "log_loss": number(metrics.log_loss),
        "rmse_bins": number(metrics.rmse_bins),
        "n": metrics.n,
    }


def optimize_json(fit: Fit) -> dict[str, Any]:
    report = fit.report
    if report is None:
        return {"adopted": False, "saved": False, "reason": fit.too_few}
    return {
        "adopted": report.adopted,
        "saved": fit.saved,
        "reason": report.reason,
        "train_reviews": report.train_reviews,
        "held_out_since": report.held_out_since.isoformat() if report.held_out_since else None,
        "before": _metrics_json(report.before),
        "after": _metrics_json(report.after),
        "parameters": list(report.parameters),
        "candidate": None if report.candidate is None else list(report.candidate),
    }


def _comparison(report: OptimizeReport, saved: bool, personal_before: bool) -> str:
    def figure(x: float) -> str:
        return "     -" if math.isnan(x) else f"{x:6.4f}"

    since = report.held_out_since
    lines = [
        "Current parameters: "
        + ("your own, from an earlier fit" if personal_before else "FSRS's defaults"),
        f"Fitted on {report.train_reviews} reviews after a gap; judged on the "
        f"{report.before.n} latest" + (f" (since {since.date()})" if since else ""),
        "each predicted by parameters fitted on the reviews before it (srs-benchmark's split)",
        "",
        "parameters  log loss  RMSE(bins)",
        f"current       {figure(report.before.log_loss)}      {figure(report.before.rmse_bins)}",
        f"fitted        {figure(report.after.log_loss)}      {figure(report.after.rmse_bins)}",
        "",
        *textwrap.wrap(
            "Lower is better. Adopted: " + ("yes, " if report.adopted else "no, ") + report.reason,
            WIDTH,
        ),
    ]
    if saved:
        lines.append("Saved in the progress database: the scheduler uses them from the next start.")
    else:
        lines.append("Nothing changed: the scheduler keeps the current parameters.")
    return "\n".join(lines)


def optimize_text(fit: Fit) -> str:
    """The comparison of current and fitted parameters, or why nothing was fitted."""
    report = fit.report
    if report is None or report.candidate is None:
        reason = fit.too_few or (report.reason if report else "")
        return textwrap.fill(f"Nothing changed: {reason}.", WIDTH)
    return _comparison(report, fit.saved, fit.personal_before)
