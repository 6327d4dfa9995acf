"""Fit the drafter's examiner (quizapp/authoring/examiner.py) on the tuning documents' facts.

Every term the drafter weighs in a tuning document (bench/drafting/*.txt) is an example: a
fact when its answer and quote match one of the document's chosen facts, as
bench/eval_drafter.py counts them. A logistic regression with an L2 penalty, written here
with the standard library (Newton's method on sparse rows), says how each general feature
moves the odds of a fact. Divided by the weight of the rules' own score, those weights are
the correction the drafter adds to a term's score (at most half a point either way) to order
its drafts and to judge a sentence's second card.

Printed side by side: the figures with the rules alone, with the weights fitted on every
tuning document (in-sample), and leaving each document out in turn (fitted on the other
24, drafted and scored on the one left out), then the seen held-out pair (never tuned on)
with the rules alone and with the weights fitted on every tuning document. Leaving a
document out varies only the fitted weights: the rules were written looking at all the
tuning documents, so no figure here is a first sight of a new document.

    .venv/bin/python bench/fit_examiner.py                  # figures only
    .venv/bin/python bench/fit_examiner.py --per-document   # and each document's facts asked
    .venv/bin/python bench/fit_examiner.py --write          # also write the shipped weights
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_drafter as ev  # noqa: E402
import yaml_rs  # noqa: E402

from quizapp.authoring.drafter import considered, draft_cards  # noqa: E402
from quizapp.authoring.examiner import NO_EXAMINER, Examiner, features  # noqa: E402

WEIGHTS = ev.ROOT / "quizapp" / "authoring" / "examiner.json"
PENALTY = 3.0  # L2 on every weight but the intercept: ~2,300 terms, ~60 features
BASE = "rules"  # the score the correction is added to, and the unit it is given in
SEEN = ev.DRAFTING / "held-out"  # the first held-out pair: scored often, never tuned on


Rows = list[tuple[dict[str, float], int]]


class Document:
    """A document, its chosen facts, and every term the drafter weighs in it, labelled."""

    def __init__(self, facts_file: Path) -> None:
        spec = yaml_rs.loads(facts_file.read_text(encoding="utf-8"))
        self.name = facts_file.stem.split(".")[0]
        self.text = (facts_file.parent / spec["document"]).read_text(encoding="utf-8")
        self.facts = spec["facts"]
        self.rows: Rows = []
        for quote, place in considered(self.text, ev.TODAY):
            quoted = ev.folded(quote)
            answer = ev.folded(place.term.answer)
            fact = any(
                ev.folded(f["sentence"]) in quoted and ev.folded(f["answer"]) == answer
                for f in self.facts
            )
            self.rows.append((features(place), int(fact)))


def fit(rows: Rows, penalty: float = PENALTY) -> Examiner:
    """The examiner whose correction, in the rules' units, follows the fitted log-odds."""
    names = sorted({k for x, _ in rows for k in x})
    index = {k: i + 1 for i, k in enumerate(names)}  # 0 is the intercept
    size = len(names) + 1
    sparse = [([(0, 1.0)] + [(index[k], v) for k, v in x.items() if v], y) for x, y in rows]
    beta = [0.0] * size
    for _ in range(25):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for row, y in sparse:
            z = sum(beta[i] * v for i, v in row)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            w = p * (1 - p)
            for i, v in row:
                gradient[i] += (y - p) * v
                line = hessian[i]
                for j, u in row:
                    line[j] += w * v * u
        for i in range(1, size):
            gradient[i] -= penalty * beta[i]
            hessian[i][i] += penalty
        step = _solve(hessian, gradient)
        beta = [b + s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    weights = dict(zip(names, beta[1:], strict=True))
    base = weights.pop(BASE)
    if base <= 0:
        raise SystemExit("the rules' score does not raise the odds of a fact: nothing to correct")
    means = {k: sum(x.get(k, 0.0) for x, _ in rows) / len(rows) for k in weights}
    return Examiner(
        {k: round(w / base, 4) for k, w in weights.items()},
        {k: round(m, 4) for k, m in means.items()},
        BASE,
    )


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the matrix is small and positive definite)."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            if factor:
                for c in range(col, n + 1):
                    a[r][c] -= factor * a[col][c]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        out[r] = (a[r][n] - sum(a[r][c] * out[c] for c in range(r + 1, n))) / a[r][r]
    return out


def score(document: Document, examiner: Examiner) -> dict:
    """The document drafted with this examiner: facts asked, cards, ranking, unusable."""
    cards = [c.card for c in draft_cards(document.text, document.name, examiner, ev.TODAY)]
    asked = sum(1 for f in document.facts if any(ev.matches(c, f) for c in cards))
    matching = [any(ev.matches(c, f) for f in document.facts) for c in cards]
    third = matching[: max(1, len(cards) // 3)]
    seen: set = set()
    unusable = sum(
        1 for c in cards if ev.unusable_reasons(c, ev._card_warnings(c), document.text, seen)
    )
    return {
        "facts": len(document.facts),
        "asked": asked,
        "cards": len(cards),
        "words": len(document.text.split()),
        "matching": sum(matching),
        "top_third": len(third),
        "top_third_matching": sum(third),
        "unusable": unusable,
    }


def _line(title: str, rows: list[dict]) -> str:
    total = {k: sum(r[k] for r in rows) for k in rows[0]}
    densest = max(100 * r["cards"] / r["words"] for r in rows)
    return (
        f"  {title:28} {total['asked']}/{total['facts']} ({total['asked'] / total['facts']:.1%})"
        f"  {100 * total['cards'] / total['words']:.2f} cards/100w (densest {densest:.2f})"
        f"  {total['unusable']} unusable"
        f"  top third {total['top_third_matching'] / total['top_third']:.0%}"
        f" vs all {total['matching'] / total['cards']:.0%}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the fitted weights")
    parser.add_argument("--penalty", type=float, default=PENALTY, help="the L2 penalty")
    parser.add_argument(
        "--per-document", action="store_true", help="print each document's facts asked"
    )
    args = parser.parse_args()
    documents = [Document(f) for f in ev.facts_files(ev.DRAFTING, held_out=False)]
    rows = [row for d in documents for row in d.rows]
    print(
        f"{len(documents)} tuning documents, {len(rows)} terms weighed, "
        f"{sum(y for _, y in rows)} of them chosen facts"
    )
    everything = fit(rows, args.penalty)
    rules = [score(d, NO_EXAMINER) for d in documents]
    inside = [score(d, everything) for d in documents]
    left_out = []
    for document in documents:
        others = [row for d in documents if d is not document for row in d.rows]
        left_out.append(score(document, fit(others, args.penalty)))
    print(_line("rules alone", rules))
    print(_line("fitted on all (in-sample)", inside))
    print(_line("leave one document out", left_out))
    seen = [Document(f) for f in sorted(SEEN.glob("*.facts.yaml"))]
    if seen:
        print(f"  {SEEN.name}/ (seen, never tuned on), with the weights fitted on all:")
        print(_line("rules alone", [score(d, NO_EXAMINER) for d in seen]))
        print(_line("fitted", [score(d, everything) for d in seen]))
    if args.per_document:
        print("  facts asked: rules alone, in-sample, left out")
        for d, a, b, c in zip(documents, rules, inside, left_out, strict=True):
            print(f"    {d.name:32} {a['asked']:>2} {b['asked']:>2} {c['asked']:>2} /{a['facts']}")
    strongest = sorted(everything.weights.items(), key=lambda kv: -abs(kv[1]))[:12]
    print("  strongest corrections:", ", ".join(f"{k} {w:+.2f}" for k, w in strongest))
    if args.write:
        WEIGHTS.write_text(everything.to_json(), encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(ev.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
