"""Fit the drafter's examiner (quizapp/authoring/examiner.py) on the tuning documents' facts.

Every term the drafter weighs in a tuning document (bench/drafting/*.txt) is an example: a
fact when its answer and quote match one of the document's chosen facts, as
bench/eval_drafter.py counts them. A logistic regression with an L2 penalty, written here
with the standard library (Newton's method on sparse rows), says how each general feature
moves the odds of a fact. Divided by the weight of the rules' own score, those weights are
the correction the drafter adds to a term's score.

Printed side by side: the facts asked with the rules alone, with the weights fitted on all
tuning documents (in-sample), and leaving each document out in turn (fitted on the others,
drafted and scored on it: the figure that predicts a document never seen).

    .venv/bin/python bench/fit_examiner.py            # figures only
    .venv/bin/python bench/fit_examiner.py --write    # also write quizapp/authoring/examiner.json
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
PENALTY = 3.0  # L2 on every weight but the intercept: a few thousand examples, ~60 features
BAND = [0.0, 99.0]  # which terms to fit on, by their rank under the rules, in budgets
SCALE = 1.0
# The pair that joined the tuning set this round: the rules were never tuned on it.
NEWEST = (
    "anti-defection-law",
    "ramsar-wetlands-india",
)  # how much of the fitted correction the drafter takes
BASE = ["rules"]  # the score the correction is added to, and the unit it is given in


class Document:
    def __init__(self, facts_file: Path) -> None:
        spec = yaml_rs.loads(facts_file.read_text(encoding="utf-8"))
        self.name = facts_file.stem.split(".")[0]
        self.text = (facts_file.parent / spec["document"]).read_text(encoding="utf-8")
        self.facts = spec["facts"]
        self.rows: list[tuple[dict[str, float], int]] = []
        for quote, place in considered(self.text):
            quoted = ev.folded(quote)
            answer = ev.folded(place.term.answer)
            fact = any(
                ev.folded(f["sentence"]) in quoted and ev.folded(f["answer"]) == answer
                for f in self.facts
            )
            self.rows.append((features(place), int(fact)))
        # Where the rules are unsure: the terms ranked around the document's budget line.
        budget = round(len(self.text.split()) * 4.95 / 100)
        order = sorted(range(len(self.rows)), key=lambda i: -self.rows[i][0]["rules"])
        low, high = int(BAND[0] * budget), int(BAND[1] * budget)
        self.band = [self.rows[i] for i in order[low:high]]


def fit(
    rows: list[tuple[dict[str, float], int]], penalty: float = PENALTY, scale: float = SCALE
) -> Examiner:
    names = sorted({k for x, _ in rows for k in x if BASE[0] == "rules" or k != "rules"})
    index = {k: i + 1 for i, k in enumerate(names)}  # 0 is the intercept
    size = len(names) + 1
    sparse = [
        ([(0, 1.0)] + [(index[k], v) for k, v in x.items() if v and k in index], y) for x, y in rows
    ]
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
    base = weights.pop(BASE[0])
    if BASE[0] != "rules":
        weights.pop("rules", None)
    if base <= 0:
        raise SystemExit("the rules' score does not raise the odds of a fact: nothing to correct")
    means = {k: sum(x.get(k, 0.0) for x, _ in rows) / len(rows) for k in weights}
    return Examiner(
        {k: round(scale * w / base, 4) for k, w in weights.items()},
        {k: round(m, 4) for k, m in means.items()},
        BASE[0],
    )


def fit_ranking(
    documents: list[list[tuple[dict[str, float], int]]],
    penalty: float = PENALTY,
    scale: float = SCALE,
    steps: int = 400,
) -> Examiner:
    """Weights that rank each document's facts above its other terms: a softmax over the
    terms of one document (the drafter picks the best of each document, not of all), fitted
    by gradient ascent on standardised features."""
    rows = [row for document in documents for row in document]
    names = sorted({k for x, _ in rows for k in x if BASE[0] == "rules" or k != "rules"})
    means = {k: sum(x.get(k, 0.0) for x, _ in rows) / len(rows) for k in names}
    spread = {
        k: math.sqrt(sum((x.get(k, 0.0) - means[k]) ** 2 for x, _ in rows) / len(rows)) or 1.0
        for k in names
    }
    standard = [
        [([(x.get(k, 0.0) - means[k]) / spread[k] for k in names], y) for x, y in document]
        for document in documents
        if any(y for _, y in document)
    ]
    beta = [0.0] * len(names)
    beta[names.index(BASE[0])] = 1.0
    facts = sum(y for document in standard for _, y in document)
    rate = 0.5
    for _ in range(steps):
        gradient = [-penalty * b / facts for b in beta]
        for document in standard:
            scores = [sum(b * v for b, v in zip(beta, x, strict=True)) for x, _ in document]
            top = max(scores)
            weights = [math.exp(z - top) for z in scores]
            total = sum(weights)
            expected = [
                sum(w * x[j] for w, (x, _) in zip(weights, document, strict=True)) / total
                for j in range(len(names))
            ]
            positives = [x for x, y in document if y]
            for x in positives:
                for j in range(len(names)):
                    gradient[j] += (x[j] - expected[j]) / facts
        beta = [b + rate * g for b, g in zip(beta, gradient, strict=True)]
    raw = {k: b / spread[k] for k, b in zip(names, beta, strict=True)}
    base = raw.pop(BASE[0])
    if base <= 0:
        raise SystemExit("the base score does not rank facts first: nothing to correct")
    return Examiner(
        {k: round(scale * w / base, 4) for k, w in raw.items()},
        {k: round(means[k], 4) for k in raw},
        BASE[0],
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
    cards = [c.card for c in draft_cards(document.text, document.name, examiner)]
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
    parser.add_argument("--scale", type=float, default=SCALE, help="share of the correction")
    parser.add_argument("--per-document", action="store_true", help="print each document's figures")
    parser.add_argument("--band", type=float, nargs=2, default=BAND, help="ranks fitted on")
    parser.add_argument("--objective", choices=("logistic", "document"), default="logistic")
    parser.add_argument("--base", choices=("rules", "worth"), default=BASE[0])
    args = parser.parse_args()
    BAND[:] = args.band
    BASE[:] = [args.base]
    documents = [Document(f) for f in ev.facts_files(ev.DRAFTING, held_out=False)]
    rows = [row for d in documents for row in d.band]
    print(
        f"{len(documents)} tuning documents, {len(rows)} terms weighed, "
        f"{sum(y for _, y in rows)} of them chosen facts"
    )
    if args.objective == "document":

        def fitter(docs):
            return fit_ranking([d.band for d in docs], args.penalty, args.scale)
    else:

        def fitter(docs):
            return fit([row for d in docs for row in d.band], args.penalty, args.scale)

    everything = fitter(documents)
    rules = [score(d, NO_EXAMINER) for d in documents]
    inside = [score(d, everything) for d in documents]
    left_out = []
    for document in documents:
        others = [d for d in documents if d is not document]
        left_out.append(score(document, fitter(others)))
    print(_line("rules alone", rules))
    print(_line("fitted on all (in-sample)", inside))
    print(_line("leave one document out", left_out))
    # Documents the rules were never tuned on: the seen held-out pair, drafted with the
    # weights fitted on every tuning document, and the pairs that joined the tuning set last,
    # left out.
    untuned = [i for i, d in enumerate(documents) if d.name in NEWEST]
    seen = [Document(f) for f in sorted((ev.DRAFTING / "held-out").glob("*.facts.yaml"))]
    if untuned and seen:
        print("  never tuned on by the rules (held-out/ pair, and the ninth pair left out):")
        print(
            _line(
                "rules alone", [rules[i] for i in untuned] + [score(d, NO_EXAMINER) for d in seen]
            )
        )
        print(
            _line("fitted", [left_out[i] for i in untuned] + [score(d, everything) for d in seen])
        )
    if args.per_document:
        for d, a, b, c in zip(documents, rules, inside, left_out, strict=True):
            print(f"    {d.name:32} {a['asked']:>2} {b['asked']:>2} {c['asked']:>2} /{a['facts']}")
    if args.write:
        WEIGHTS.write_text(everything.to_json(), encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(ev.ROOT)}")
    strongest = sorted(everything.weights.items(), key=lambda kv: -abs(kv[1]))[:12]
    print("  strongest corrections:", ", ".join(f"{k} {w:+.2f}" for k, w in strongest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
