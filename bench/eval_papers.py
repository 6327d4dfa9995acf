"""Papers as a test-wise student sees them: every bundled card dealt as exams under several seeds.

Each seed deals one exam of every studyable card (as `quizapp exam --count 200 --seed N`
does, without a progress database) and the figures of issue 14 are printed over all of
them together:

- coded questions (match, ordering, statements) answerable from one fact: some single
  pair, "X before Y" or statement truth leaves only the right code (checked exhaustively);
- choice questions (basic, mcq, cloze, year) whose right option is uniquely the longest,
  or uniquely the shortest, in characters;
- options that are a whole-word part of another option of the same question (options in
  words; codes such as "2 only" / "1 and 2 only" are numbers);
- true/false items in exams (two-option questions), true/false cards asked inside
  statement sets and those left out for want of a partner;
- the spread of statement-set keys, and keys not following from the authored truths;
- cards per fact (a fact: a `siblings` group or a distinct quote), and two cards of one
  fact dealt in one paper;
- cloze blanks asked at least once over the seeds.

    .venv/bin/python bench/eval_papers.py [--decks DIR_OR_FILE ...] [--seeds 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.deck.loader import load_decks  # noqa: E402
from quizapp.deck.paths import bundled_decks_dir  # noqa: E402
from quizapp.quiz.audit import PaperFigures, cloze_blanks, facts_of_cards  # noqa: E402
from quizapp.quiz.selection import Selection, deal  # noqa: E402

COUNT = 200  # more than the bundled decks hold: every card is dealt


def evaluate(paths: list[Path], seeds: int) -> dict:
    result = load_decks(paths, use_cache=False)
    decks = result.decks
    figures = PaperFigures()
    for seed in range(seeds):
        dealt = deal(decks, Selection(), COUNT, Random(seed), exam=True)
        figures.add_paper(dealt.questions, left_out=len(dealt.true_false_left_out), decks=decks)
    cards, facts = facts_of_cards(decks)
    blanks = cloze_blanks(decks)
    return {
        "seeds": seeds,
        "papers": figures.papers,
        "questions": figures.questions,
        "coded_questions": dict(figures.coded),
        "coded_answerable_from_one_fact": dict(figures.coded_one_fact),
        "one_fact_share": round(figures.one_fact_share, 3),
        "one_fact_cards": dict(figures.one_fact_cards.most_common()),
        "assertion_reason": figures.assertion_reason,
        "assertion_reason_one_fact": figures.assertion_reason_one_fact,
        "choice_questions": figures.choice,
        "right_uniquely_longest": figures.longest,
        "right_uniquely_longest_share": round(figures.longest_share, 3),
        "right_uniquely_shortest": figures.shortest,
        "right_uniquely_shortest_share": round(figures.shortest_share, 3),
        "options_containing_another": len(figures.nested),
        "nested_examples": [list(x) for x in figures.nested[:20]],
        "duplicate_options": figures.duplicate_options,
        "true_false_exam_items": figures.true_false_items,
        "true_false_cards_in_statement_sets": figures.true_false_in_sets,
        "true_false_cards_left_out": figures.true_false_left_out,
        "statement_sets": figures.statement_sets,
        "statement_keys": dict(figures.statement_keys.most_common()),
        "statement_forms": dict(figures.statement_forms),
        "statement_truth_patterns": dict(figures.statement_patterns.most_common()),
        "distinct_statement_keys": len(figures.statement_keys),
        "top_statement_key_share": round(figures.top_key_share, 3),
        "keys_not_from_authored_truths": figures.keys_not_from_truths,
        "cards": cards,
        "facts": facts,
        "cards_per_fact": round(cards / facts, 3) if facts else 0.0,
        "same_fact_twice_in_a_paper": figures.same_fact_in_one_paper,
        "cloze_blanks": len(blanks),
        "cloze_blanks_asked": len(figures.cloze_blanks_asked & blanks),
        "load_problems": [str(p) for p in result.errors],
    }


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def report(data: dict) -> str:
    coded = sum(data["coded_questions"].values())
    one_fact = sum(data["coded_answerable_from_one_fact"].values())
    per_kind = ", ".join(
        f"{kind} {data['coded_answerable_from_one_fact'].get(kind, 0)}/{n}"
        for kind, n in sorted(data["coded_questions"].items())
    )
    keys = ", ".join(f"{k!r} {n}" for k, n in data["statement_keys"].items())
    lines = [
        f"{data['papers']} exam papers (seeds 0-{data['seeds'] - 1}), "
        f"{data['questions']} questions",
        f"coded questions answerable from one fact: {one_fact}/{coded} = "
        f"{_pct(data['one_fact_share'])} ({per_kind})",
    ]
    if data["one_fact_cards"]:
        lines.append(
            "  given away: "
            + ", ".join(f"{card} x{n}" for card, n in data["one_fact_cards"].items())
        )
    lines += [
        f"assertion/reason questions: {data['assertion_reason']} "
        f"(keyed (c) or (d), so one statement's truth decides: "
        f"{data['assertion_reason_one_fact']})",
        f"choice questions: {data['choice_questions']}; right option uniquely longest "
        f"{data['right_uniquely_longest']} = {_pct(data['right_uniquely_longest_share'])}, "
        f"uniquely shortest {data['right_uniquely_shortest']} = "
        f"{_pct(data['right_uniquely_shortest_share'])}",
        f"options that are a whole-word part of another: {data['options_containing_another']}"
        f"; duplicate options: {data['duplicate_options']}",
    ]
    lines += [f"  {card}: {a!r} / {b!r}" for card, a, b in data["nested_examples"]]
    lines += [
        f"true/false items in exams: {data['true_false_exam_items']}; true/false cards asked "
        f"in statement sets: {data['true_false_cards_in_statement_sets']}; left out: "
        f"{data['true_false_cards_left_out']}",
        f"statement sets: {data['statement_sets']} ({data['statement_forms']}); "
        f"{data['distinct_statement_keys']} different keys, the commonest "
        f"{_pct(data['top_statement_key_share'])}; keys not from authored truths: "
        f"{data['keys_not_from_authored_truths']}",
        f"  keys: {keys}",
        "  statements true: "
        + ", ".join(f"{k} {n}" for k, n in data["statement_truth_patterns"].items()),
        f"cards per fact: {data['cards']} cards / {data['facts']} facts = "
        f"{data['cards_per_fact']}; one fact twice in a paper: "
        f"{data['same_fact_twice_in_a_paper']}",
        f"cloze blanks asked at least once: {data['cloze_blanks_asked']}/{data['cloze_blanks']}",
    ]
    if data["load_problems"]:
        lines.append("deck errors: " + "; ".join(data["load_problems"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decks", nargs="+", type=Path, default=[bundled_decks_dir()])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data = evaluate(args.decks, args.seeds)
    print(json.dumps(data, indent=2, ensure_ascii=False) if args.json else report(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
