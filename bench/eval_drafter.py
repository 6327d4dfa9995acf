"""How well `quizapp draft` finds what an examiner would ask, on documents it was not tuned on.

Two measures, printed side by side:

1. **Evaluation documents** (bench/drafting/): notes-style documents written for the test,
   each with facts chosen by hand before the drafter was changed. Per document:

   - *facts asked*: a fact counts when some draft card's answer equals the fact's answer
     after folding (quotes, dashes, spacing, case) and the card's quote contains the
     fact's sentence;
   - *cards per 100 words*;
   - *unusable*: a card `quizapp check` warns about beyond "is a draft", a blank on the day
     of a date or a fragment of a name, a heading, a quote opening with a pronoun, or a
     second card with the same answer and quote;
   - *ranking*: the share of cards matching a chosen fact in the top third of the file
     against the share overall;
   - *kept by hand*: the share of 30 cards drawn at random (seeded) that were judged by hand
     worth keeping (bench/drafting/judged.yaml).

   The documents in bench/drafting/held-out*/ are reported apart, each set on its own:
   they are never tuned on (see bench/drafting/README.md). A set once scored is seen, and
   moves into the tuning set (the third and fourth sets did in the fourth round, the fifth
   in the fifth, the sixth in the sixth, the seventh in the seventh, the eighth in the
   eighth, the ninth in the ninth, the tenth in the tenth).

2. **Bundled documents** (seeds/): the drafter's candidates against the quotes of the
   bundled hand-reviewed cards. A bundled quote counts as *proposed* when some candidate's
   quote overlaps it by half the shorter span; *strict* when one contains the other after
   folding. Cards per 100 words, unusable share and ranking are printed for them too, a
   card *matching* when its quote overlaps a bundled quote.

    .venv/bin/python bench/eval_drafter.py [--decks DIR_OR_FILE ...] [--json]
    .venv/bin/python bench/eval_drafter.py --sample DOC   # the 30 cards to judge by hand
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml_rs  # noqa: E402

from quizapp.authoring.draft import draft_deck  # noqa: E402
from quizapp.authoring.drafter import MIN_WORDS, draft_cards  # noqa: E402
from quizapp.authoring.sentences import split_sentences  # noqa: E402
from quizapp.deck.check import check  # noqa: E402
from quizapp.deck.loader import bundled_library, load_decks  # noqa: E402
from quizapp.deck.model import Status  # noqa: E402
from quizapp.deck.paths import bundled_decks_dir  # noqa: E402
from quizapp.deck.sources import SourceText, fold  # noqa: E402

DRAFTING = ROOT / "bench" / "drafting"
JUDGED = DRAFTING / "judged.yaml"
SAMPLE = 30
SEED = 19
TODAY = dt.date(2026, 12, 1)  # fixed, so no card turns stale between runs
PRONOUNS = {"he", "she", "it", "they", "his", "her", "its", "their", "them", "this", "that",
            "these", "those", "such"}  # fmt: skip
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY = re.compile(rf"\{{\{{\d{{1,2}}\}}\}}\s*(?:[-\u2013]\s*\d{{1,2}}\s*)?(?:{MONTHS})")
_DAY_AFTER_MONTH = re.compile(rf"(?:{MONTHS})\s+\{{\{{\d{{1,2}}\}}\}}")
_TERMINAL = re.compile(r"[.!?][\"')\]]*$")

Span = tuple[int, int]


# --- the evaluation documents ------------------------------------------------------------


def answers(card) -> list[str]:
    """What a card asks for, as text (a cloze may have several blanks)."""
    if card.kind == "cloze":
        return [answer for answer, _ in card.deletions]
    if card.kind in ("year", "basic", "mcq"):
        return [str(card.answer)]
    return []


def folded(text: str) -> str:
    return fold(text).casefold()


def matches(card, fact: dict) -> bool:
    quote = folded(card.source.quote)
    return folded(fact["sentence"]) in quote and any(
        folded(a) == folded(fact["answer"]) for a in answers(card)
    )


# "It was in Sri Lanka that the canon was written down": an "it" that stands for what follows
# (a cleft sentence), with nothing before it to look back for.
_CLEFT = re.compile(
    r"It\s(?:is|was)\s(?:also\s|only\s)?(?:(?:in|at|on|under|during|from|through|with|after|"
    r"before|by)\s)?(?:the\s)?[A-Z0-9][^,;]{0,60}?\s(?:that|who)\s"
)


def unusable_reasons(card, warnings: list[str], document: str, seen: set) -> list[str]:
    """Why an examiner would throw this card away unread (empty when usable)."""
    reasons = [f"check: {w}" for w in warnings]
    text = getattr(card, "text", "")
    if card.kind == "cloze":
        if _DAY.search(text) or _DAY_AFTER_MONTH.search(text):
            reasons.append("day-of-month blank")
        if any("fragment" in w for w in warnings):
            reasons.append("name-fragment blank")
    quote = card.source.quote
    lines = {" ".join(line.split()) for line in document.splitlines()}
    if not _TERMINAL.search(fold(quote)) or (quote in lines and not _TERMINAL.search(quote)):
        reasons.append("heading")
    first = re.match(r"[\"'\u201c\u2018(]*([^\W\d_]+)", quote)
    # "Those who opened an account ...": the clause that follows says who
    defined = re.match(r"Those\s(?:who|whom|whose)\b", quote)
    # "IT hardware such as laptops ...": a word in capitals is an abbreviation, not "it"
    pronoun = first is not None and first.group(1).casefold() in PRONOUNS
    if pronoun and not first.group(1).isupper() and not (_CLEFT.match(quote) or defined):
        reasons.append("pronoun-led sentence")
    key = (tuple(folded(a) for a in answers(card)), folded(quote))
    if answers(card) and key in seen:
        reasons.append("duplicate answer and quote")
    seen.add(key)
    return reasons


def draft_with_warnings(document: Path) -> tuple[list, dict[str, list[str]]]:
    """The drafted deck's cards (file order) and, per card, check's warnings beyond 'draft'."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / document.name
        copy.write_text(document.read_text(encoding="utf-8"), encoding="utf-8")
        result = draft_deck(copy, Path(tmp) / "draft.yaml", today=TODAY)
        report = check([result.path], TODAY)
        if report.errors:
            raise SystemExit(f"{document}: the draft does not load: {report.errors[0]}")
        cards = report.result.decks[0].deck.cards
    warnings: dict[str, list[str]] = {}
    for problem in report.warnings:
        if "is a draft, never studied" in problem.message:
            continue
        warnings.setdefault(problem.card_id, []).append(problem.message)
    return cards, warnings


def evaluate_document(facts_file: Path, judged: dict) -> dict:
    spec = yaml_rs.loads(facts_file.read_text(encoding="utf-8"))
    document = facts_file.parent / spec["document"]
    text = document.read_text(encoding="utf-8")
    cards, warnings = draft_with_warnings(document)
    facts = spec["facts"]
    asked = [f for f in facts if any(matches(c, f) for c in cards)]
    seen: set = set()
    unusable: dict[str, list[str]] = {}
    for card in cards:
        reasons = unusable_reasons(card, warnings.get(card.id, []), text, seen)
        if reasons:
            unusable[card.id] = reasons
    matching = [any(matches(c, f) for f in facts) for c in cards]
    third = matching[: max(1, len(cards) // 3)]
    words = len(text.split())
    row = {
        "kind": spec.get("kind", ""),
        "held_out": bool(spec.get("held_out")),
        "words": words,
        "cards": len(cards),
        "cards_per_100_words": round(100 * len(cards) / words, 2),
        "facts": len(facts),
        "asked": len(asked),
        "asked_share": _share(len(asked), len(facts)),
        "missed": [f"{f['answer']} | {f['sentence']}" for f in facts if f not in asked],
        "unusable": len(unusable),
        "unusable_share": _share(len(unusable), len(cards)),
        "unusable_cards": unusable,
        "matching": sum(matching),
        "top_third": len(third),
        "top_third_matching": sum(third),
        "match_share": _share(sum(matching), len(cards)),
        "top_third_match_share": _share(sum(third), len(third)),
    }
    verdicts = judged.get(document.stem, {})
    if verdicts:
        ids = {c.id for c in cards}
        current = {k: v for k, v in verdicts.items() if k in ids}
        row["judged"] = len(current)
        row["judged_keep"] = sum(1 for v in current.values() if v["keep"])
        row["judged_keep_share"] = _share(row["judged_keep"], row["judged"])
        row["judged_no_longer_drafted"] = len(verdicts) - len(current)
    return row


def evaluate_documents(folder: Path = DRAFTING, held_out: bool = True) -> dict:
    judged_file = folder / JUDGED.name
    judged = yaml_rs.loads(judged_file.read_text(encoding="utf-8")) if judged_file.exists() else {}
    judged = judged or {}
    out: dict = {group: {} for group in GROUPS}
    for facts_file in facts_files(folder, held_out):
        group = _group_of(facts_file, folder)
        row = evaluate_document(facts_file, judged)
        out[group][facts_file.stem.split(".")[0]] = row
    for group in GROUPS:
        out[f"{group}_total"] = _totals(out[group])
    return out


def facts_files(folder: Path = DRAFTING, held_out: bool = True) -> list[Path]:
    """The documents' facts files, the tuning ones first; a held-out folder is not even
    listed unless asked for."""
    files = sorted(folder.glob("*.facts.yaml"))
    if held_out:
        for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
            files += sorted(sub.rglob("*.facts.yaml"))
    return files


# Each set of documents, by the folder it is in, and how it has been used.
GROUPS = {
    "tuning": "evaluation documents (tuning)",
    "held_out": "held out (seen, scored once before)",
    "held_out_11": "held out (eleventh set, seen, never tuned on)",
    "held_out_12": "held out (twelfth set, seen, never tuned on)",
    "held_out_13": "held out (thirteenth set, seen, never tuned on)",
    "held_out_14": "held out (fourteenth set, seen, never tuned on)",
    "held_out_15": "held out (fifteenth set, seen, never tuned on)",
    "held_out_16": "held out (sixteenth set, scored once; its topics and two facts known before)",
    "held_out_17": "held out (seventeenth set, scored once, seen)",
    "held_out_18": "held out (eighteenth set, scored once, seen)",
    "held_out_19": "held out (nineteenth set, scored once, seen)",
    "held_out_20": "held out (twentieth set, scored once, seen)",
    "held_out_21": "held out (twenty-first set, scored once, seen)",
    "held_out_22": "held out (twenty-second set, scored once, seen)",
    "held_out_23": "held out (twenty-third set, scored once, seen)",
    "held_out_24": "held out (twenty-fourth set, scored once, seen)",
    "held_out_25": "held out (twenty-fifth set, scored once, seen)",
    "held_out_26": "held out (twenty-sixth set, scored once, seen)",
    "held_out_27": "held out (twenty-seventh set, scored once, seen)",
    "held_out_28": "held out (twenty-eighth set, scored once, seen)",
    "held_out_29": "held out (twenty-ninth set, scored once, seen)",
    "held_out_30": "held out (thirtieth set, scored once, seen)",
    "held_out_31": "held out (thirty-first set, scored once, seen)",
    "held_out_32": "held out (thirty-second set, scored once, seen)",
    "held_out_33": "held out (thirty-third set, scored once, seen)",
    "held_out_34": "held out (thirty-fourth set, scored once; four of its facts glimpsed before)",
    "held_out_35": "held out (thirty-fifth set, scored once, seen)",
    "held_out_36": "held out (thirty-sixth set, scored once, seen)",
    "held_out_37": "held out (thirty-seventh set, scored once, seen)",
    "held_out_38": "held out (thirty-eighth set, scored once, seen)",
    "held_out_39": "held out (thirty-ninth set, scored once, seen)",
    "held_out_40": "held out (fortieth set, scored once, seen)",
    "held_out_41": "held out (forty-first set, scored once, seen)",
    "held_out_42": "held out (forty-second set, scored once, seen)",
    "held_out_43": "held out (forty-third set, scored once, seen)",
    "held_out_44": "held out (forty-fourth set, scored once, seen)",
    "held_out_45": "held out (forty-fifth set, scored once, seen)",
    "held_out_46": "held out (forty-sixth set, scored once, seen)",
    "held_out_47": "held out (forty-seventh set, scored once, seen)",
    "held_out_48": "held out (forty-eighth set, scored once, seen)",
    "held_out_49": "held out (forty-ninth set, scored once, seen)",
    "held_out_50": "held out (fiftieth set, scored once, seen)",
    "held_out_51": "held out (fifty-first set, scored once, seen)",
    "held_out_52": "held out (fifty-second set, scored once, seen)",
    "held_out_53": "held out (fifty-third set, scored once, seen)",
    "held_out_54": "held out (fifty-fourth set, scored once, seen)",
    "held_out_55": "held out (fifty-fifth set, scored once, seen)",
    "held_out_56": "held out (fifty-sixth set, scored once, seen)",
    "held_out_57": "held out (fifty-seventh set, scored once, seen)",
    "held_out_58": "held out (fifty-eighth set, scored once, seen)",
    "held_out_59": "held out (fifty-ninth set, scored once, seen)",
    "held_out_60": "held out (sixtieth set, scored once, seen)",
    "held_out_61": "held out (sixty-first set, scored once, seen)",
    "held_out_62": "held out (sixty-second set, scored once, seen)",
    "held_out_63": "held out (sixty-third set, scored once, seen)",
    "held_out_64": "held out (sixty-fourth set, scored once, seen)",
    "held_out_65": "held out (sixty-fifth set, scored once, seen)",
    "held_out_66": "held out (sixty-sixth set, scored once, seen)",
    "held_out_67": "held out (sixty-seventh set, scored once, seen)",
    "held_out_68": "held out (sixty-eighth set, scored once, seen)",
    "held_out_69": "held out (sixty-ninth set, scored once, seen)",
    "held_out_70": "held out (seventieth set, scored once, seen)",
    "held_out_71": "held out (seventy-first set, scored once, seen)",
    "held_out_72": "held out (seventy-second set, scored once, seen)",
    "held_out_73": "held out (seventy-third set, scored once, seen)",
    "held_out_74": "held out (seventy-fourth set, scored once, seen)",
    "held_out_75": "held out (seventy-fifth set, scored once, seen)",
    "held_out_76": "held out (seventy-sixth set, scored once, seen)",
    "held_out_77": "held out (seventy-seventh set, scored once, seen)",
    "held_out_78": "held out (seventy-eighth set, scored once, seen)",
    "held_out_79": "held out (seventy-ninth set, scored once, seen)",
    "held_out_80": "held out (eightieth set, scored once, seen)",
    "held_out_81": "held out (eighty-first set, scored once, seen)",
    "held_out_82": "held out (eighty-second set, scored once, seen)",
    "held_out_83": "held out (eighty-third set, scored once, seen)",
    "held_out_84": "held out (eighty-fourth set, scored once, seen)",
    "held_out_85": "held out (eighty-fifth set, scored once, seen)",
    "held_out_86": "held out (eighty-sixth set, scored once, seen)",
    "held_out_87": "held out (eighty-seventh set, scored once, seen)",
    "held_out_88": "held out (eighty-eighth set, scored once, seen)",
    "held_out_89": "held out (eighty-ninth set, scored once, seen)",
    "held_out_90": "held out (ninetieth set, scored once, seen)",
    "held_out_91": "held out (ninety-first set, scored once, seen)",
    "held_out_92": "held out (ninety-second set, scored once, seen)",
    "held_out_93": "held out (ninety-third set, scored once, seen)",
    "held_out_94": "held out (ninety-fourth set, scored once, seen)",
    "held_out_95": "held out (ninety-fifth set, scored once, seen)",
    "held_out_96": "held out (ninety-sixth set, scored once, seen)",
    "held_out_97": "held out (ninety-seventh set, scored once, seen)",
    "held_out_98": "held out (ninety-eighth set, scored once, seen)",
    "held_out_99": "held out (ninety-ninth set, scored once, seen)",
    "held_out_100": "held out (hundredth set, scored once, seen)",
    "held_out_101": "held out (hundred-and-first set, scored once, seen)",
    "held_out_102": "held out (hundred-and-second set, scored once, seen)",
    "held_out_103": "held out (hundred-and-third set, scored once, seen)",
    "held_out_104": "held out (hundred-and-fourth set, scored once, seen)",
    "held_out_105": "held out (hundred-and-fifth set, scored once, seen)",
    "held_out_106": "held out (hundred-and-sixth set, scored once, seen)",
    "held_out_107": "held out (hundred-and-seventh set, scored once, seen)",
    "held_out_108": "held out (hundred-and-eighth set, scored once, seen)",
    "held_out_109": "held out (hundred-and-ninth set, scored once, seen)",
    "held_out_110": "held out (hundred-and-tenth set, scored once, seen)",
    "held_out_111": "held out (hundred-and-eleventh set, scored once, seen)",
    "held_out_112": "held out (hundred-and-twelfth set, scored once, seen)",
    "held_out_113": "held out (hundred-and-thirteenth set, scored once, seen)",
    "held_out_114": "held out (hundred-and-fourteenth set, scored once, seen)",
    "held_out_115": "held out (hundred-and-fifteenth set, scored once, seen)",
    "held_out_116": "held out (hundred-and-sixteenth set, scored once, seen)",
    "held_out_117": "held out (hundred-and-seventeenth set, scored once, seen)",
    "held_out_118": "held out (hundred-and-eighteenth set, scored once, seen)",
    "held_out_119": "held out (hundred-and-nineteenth set, scored once, seen)",
    "held_out_120": "held out (hundred-and-twentieth set, scored once, seen)",
    "held_out_121": "held out (hundred-and-twenty-first set, scored once, seen)",
    "held_out_122": "held out (hundred-and-twenty-second set, scored once, seen)",
    "held_out_123": "held out (hundred-and-twenty-third set, scored once, seen)",
    "held_out_124": "held out (hundred-and-twenty-fourth set, scored once, seen)",
    "held_out_125": "held out (hundred-and-twenty-fifth set, scored once, seen)",
    "held_out_126": "held out (hundred-and-twenty-sixth set, scored once, seen)",
    "held_out_127": "held out (hundred-and-twenty-seventh set, scored once, seen)",
    "held_out_128": "held out (hundred-and-twenty-eighth set, scored once, seen)",
    "held_out_129": "held out (hundred-and-twenty-ninth set, scored once, seen)",
    "held_out_130": "held out (hundred-and-thirtieth set, scored once, seen)",
    "held_out_131": "held out (hundred-and-thirty-first set, scored once, seen)",
    "held_out_132": "held out (hundred-and-thirty-second set, scored once, seen)",
    "held_out_133": "held out (hundred-and-thirty-third set, scored once, seen)",
    "held_out_134": "held out (hundred-and-thirty-fourth set, scored once, seen)",
    "held_out_135": "held out (hundred-and-thirty-fifth set, scored once, seen)",
    "held_out_136": "held out (hundred-and-thirty-sixth set, scored once, seen)",
    "held_out_137": "held out (hundred-and-thirty-seventh set, scored once, seen)",
    "held_out_138": "held out (hundred-and-thirty-eighth set, scored once, seen)",
    "held_out_139": "held out (hundred-and-thirty-ninth set, scored once, seen)",
    "held_out_140": "held out (hundred-and-fortieth set, scored once, seen)",
    "held_out_141": "held out (hundred-and-forty-first set, scored once, seen)",
    "held_out_142": "held out (hundred-and-forty-second set, scored once, seen)",
    "held_out_143": "held out (hundred-and-forty-third set, scored once, seen)",
    "held_out_144": "held out (hundred-and-forty-fourth set, scored once, seen)",
    "held_out_145": "held out (hundred-and-forty-fifth set, scored once, seen)",
    "held_out_146": "held out (hundred-and-forty-sixth set, scored once, seen)",
    "held_out_147": "held out (hundred-and-forty-seventh set, scored once, seen)",
    "held_out_148": "held out (hundred-and-forty-eighth set, scored once, seen)",
    "held_out_149": "held out (hundred-and-forty-ninth set, scored once, seen)",
    "held_out_150": "held out (hundred-and-fiftieth set, scored once, seen)",
    "held_out_151": "held out (hundred-and-fifty-first set, scored once, seen)",
    "held_out_152": "held out (hundred-and-fifty-second set, scored once, seen)",
    "held_out_153": "held out (hundred-and-fifty-third set, scored once, seen)",
    "held_out_154": "held out (hundred-and-fifty-fourth set, scored once, seen)",
    "held_out_155": "held out (hundred-and-fifty-fifth set, scored once, seen)",
    "held_out_156": "held out (hundred-and-fifty-sixth set, scored once, seen)",
    "held_out_157": "held out (hundred-and-fifty-seventh set, scored once, seen)",
    "held_out_158": "held out (hundred-and-fifty-eighth set, scored once, seen)",
    "held_out_159": "held out (hundred-and-fifty-ninth set, scored once, seen)",
    "held_out_160": "held out (hundred-and-sixtieth set, scored once, seen)",
    "held_out_161": "held out (hundred-and-sixty-first set, scored once, seen)",
    "held_out_162": "held out (hundred-and-sixty-second set, scored once, seen)",
    "held_out_163": "held out (hundred-and-sixty-third set, scored once, seen)",
    "held_out_164": "held out (hundred-and-sixty-fourth set, scored once, seen)",
    "held_out_165": "held out (hundred-and-sixty-fifth set, scored once, seen)",
    "held_out_166": "held out (hundred-and-sixty-sixth set, scored once, seen)",
    "held_out_167": "held out (hundred-and-sixty-seventh set, scored once, seen)",
    "held_out_new": "held out (new)",
}


def _group_of(facts_file: Path, folder: Path) -> str:
    parts = facts_file.relative_to(folder).parts
    if len(parts) == 1:
        return "tuning"
    # "held-out-31" is reported as "held_out_31"; a folder GROUPS does not name is never
    # tuned on, and its documents are reported apart.
    group = parts[0].replace("-", "_")
    return group if group in GROUPS else "held_out_new"


def _totals(rows: dict) -> dict:
    if not rows:
        return {}
    total = {
        key: sum(r[key] for r in rows.values())
        for key in (
            "words", "cards", "facts", "asked", "unusable", "matching", "top_third",
            "top_third_matching",
        )
    }  # fmt: skip
    total["match_share"] = _share(total["matching"], total["cards"])
    total["top_third_match_share"] = _share(total["top_third_matching"], total["top_third"])
    total["asked_share"] = _share(total["asked"], total["facts"])
    total["cards_per_100_words"] = round(100 * total["cards"] / total["words"], 2)
    total["unusable_share"] = _share(total["unusable"], total["cards"])
    judged = [r for r in rows.values() if r.get("judged")]
    if judged:
        total["judged"] = sum(r["judged"] for r in judged)
        total["judged_keep"] = sum(r["judged_keep"] for r in judged)
        total["judged_keep_share"] = _share(total["judged_keep"], total["judged"])
    return total


def sample(document_stem: str, folder: Path = DRAFTING) -> list:
    """The cards to judge by hand: SAMPLE drawn with a fixed seed from the document's drafts."""
    (facts_file,) = folder.rglob(f"{document_stem}.facts.yaml")
    spec = yaml_rs.loads(facts_file.read_text(encoding="utf-8"))
    cards, _ = draft_with_warnings(facts_file.parent / spec["document"])
    picked = random.Random(f"{SEED}-{document_stem}").sample(cards, min(SAMPLE, len(cards)))
    return sorted(picked, key=cards.index)


# --- why facts are missed ------------------------------------------------------------------

MISS_KINDS = {
    "unseen": "(a) never a candidate: no term of the sentence is the answer",
    "sentence": "(a) never a candidate: the sentence is not asked at all (heading, too long, "
    "a pronoun without its antecedent)",
    "cap": "(b) a candidate, lost to another card of its sentence (two per sentence)",
    "budget": "(c) a candidate, lost to the document's budget (5 cards per 100 words)",
    "weak": "(d) a candidate, dropped as worth less than a card needs",
    "cue": "(d) a candidate, dropped as a blank the rest of its prompt gives away "
    "(quizapp check rejects the card)",
    "unfair": "(d) a candidate, dropped by the drafter's own rules of a fair blank (a place "
    "inside a place, a name with nothing to recall it by), not by quizapp check",
    "other": "(d) a candidate, dropped as a repeat, one of a list or of a run of years",
}


def _relaxed(**limits):
    """The drafter with some of its limits lifted, for asking why a fact was missed."""
    from contextlib import contextmanager

    import quizapp.authoring.drafter as drafter

    @contextmanager
    def context():
        saved = {name: getattr(drafter, name) for name in limits}
        for name, value in limits.items():
            setattr(drafter, name, value)
        try:
            yield
        finally:
            for name, value in saved.items():
                setattr(drafter, name, value)

    return context()


def _candidates(text: str, fact: dict) -> tuple[bool, list[str]]:
    """Whether some sentence quoting the fact is asked at all, and the answers the drafter
    considers in those sentences."""
    import quizapp.authoring.drafter as drafter

    sentences = split_sentences(text)
    vocabulary = drafter.document_vocabulary(sentences)
    present = drafter._news(drafter._present(text), TODAY)
    wanted = folded(fact["sentence"])
    asked_at_all = False
    seen: list[str] = []
    for passage in drafter._passages(sentences):
        if wanted not in folded(passage.quote(text)):
            continue
        asked_at_all = True
        for term in drafter.sentence_terms(passage.focus.text, vocabulary):
            seen.append(drafter._whole_date(passage.focus.text, term, present).answer)
    return asked_at_all, seen


def miss_reason(text: str, fact: dict) -> str:
    """Why the drafter does not ask a fact: the first of its limits that, lifted, asks it."""
    asked_at_all, seen = _candidates(text, fact)
    if not asked_at_all:
        return "sentence"
    if folded(fact["answer"]) not in {folded(a) for a in seen}:
        return "unseen"

    def asked() -> bool:
        return any(matches(c.card, fact) for c in draft_cards(text, "doc", today=TODAY))

    unlimited = {"CARDS_PER_100_WORDS": 10_000, "MIN_CARDS": 10_000}
    with _relaxed(**unlimited):
        if asked():
            return "budget"
    unlimited |= {"PER_SENTENCE": 99, "SECOND_CARD": -99.0}
    with _relaxed(**unlimited):
        if asked():
            return "cap"
    unlimited["WEAKEST"] = -99.0
    with _relaxed(**unlimited):
        if asked():
            return "weak"
    with _relaxed(**unlimited, _fair=lambda *args, **kwargs: True):
        cards = [c.card for c in draft_cards(text, "doc", today=TODAY) if matches(c.card, fact)]
    if cards:
        return "cue" if _card_warnings(cards[0]) else "unfair"
    return "other"


def misses(folder: Path = DRAFTING) -> dict:
    """Every missed fact of the tuning documents, by why it is missed."""
    out: dict = {kind: [] for kind in MISS_KINDS}
    for facts_file in facts_files(folder, held_out=False):
        spec = yaml_rs.loads(facts_file.read_text(encoding="utf-8"))
        text = (facts_file.parent / spec["document"]).read_text(encoding="utf-8")
        cards = [c.card for c in draft_cards(text, "doc", today=TODAY)]
        for fact in spec["facts"]:
            if not any(matches(c, fact) for c in cards):
                name = facts_file.stem.split(".")[0]
                out[miss_reason(text, fact)].append(f"{name}: {fact['answer']}")
    return out


def print_misses(found: dict) -> None:
    total = sum(len(v) for v in found.values())
    print(f"missed facts of the tuning documents: {total}")
    for kind, title in MISS_KINDS.items():
        print(f"  {len(found[kind]):>3}  {title}")
    for kind in MISS_KINDS:
        for missed in found[kind]:
            print(f"    {kind}: {missed}")


# --- the bundled documents ----------------------------------------------------------------


def overlaps(a: Span, b: Span) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def contains(a: str, b: str) -> bool:
    fa, fb = fold(a).casefold(), fold(b).casefold()
    return fa in fb or fb in fa


def bundled_quotes(paths: list[Path], library: dict[str, SourceText]) -> dict[str, dict]:
    """Per document: distinct quote spans of reviewed bundled cards, with their text."""
    result = load_decks(paths, use_cache=False)
    quotes: dict[str, dict[Span, str]] = {doc: {} for doc in library}
    cards = 0
    for loaded in result.decks:
        for card in loaded.deck.cards:
            if card.status is not Status.reviewed or card.source is None:
                continue
            document = library.get(card.source.document)
            span = document.find(card.source.quote) if document else None
            if span is None:
                continue
            quotes[card.source.document][span] = card.source.quote
            cards += 1
    return {"quotes": quotes, "cards": cards, "decks": len(result.decks)}


def evaluate(paths: list[Path]) -> dict:
    library = bundled_library()
    bundled = bundled_quotes(paths, library)
    figures: dict = {"decks": bundled["decks"], "bundled_cards": bundled["cards"], "documents": {}}
    totals = dict.fromkeys(
        (
            "quotes", "proposed", "proposed_strict", "candidates", "noise", "words",
            "unusable", "every_sentence", "every_sentence_proposed", "every_sentence_noise",
        ),
        0,
    )  # fmt: skip
    for doc_id, document in sorted(library.items()):
        quotes = bundled["quotes"][doc_id]
        drafted = draft_cards(document.text, doc_id, today=TODAY)
        candidates = []
        seen: set = set()
        unusable = 0
        for candidate in drafted:
            quote = candidate.card.source.quote
            candidates.append((document.find(quote), quote))
            flaws = unusable_reasons(
                candidate.card, _card_warnings(candidate.card), document.text, seen
            )
            unusable += bool(flaws)
        # Reference: a "drafter" that proposes every sentence of MIN_WORDS words or more.
        sentences = [(s.start, s.end) for s in split_sentences(document.text)]
        every = [s for s in sentences if len(document.text[s[0] : s[1]].split()) >= MIN_WORDS]
        matching = [any(overlaps(c, s) for s in quotes) for c, _ in candidates]
        third = matching[: max(1, len(matching) // 3)]
        words = len(document.text.split())
        row = {
            "quotes": len(quotes),
            "proposed": sum(1 for s in quotes if any(overlaps(s, c) for c, _ in candidates)),
            "proposed_strict": sum(
                1 for q in quotes.values() if any(contains(q, c) for _, c in candidates)
            ),
            "candidates": len(candidates),
            "noise": sum(1 for m in matching if not m),
            "words": words,
            "cards_per_100_words": round(100 * len(candidates) / words, 2),
            "unusable": unusable,
            "unusable_share": _share(unusable, len(candidates)),
            "match_share": _share(sum(matching), len(matching)),
            "top_third_match_share": _share(sum(third), len(third)),
            "every_sentence": len(every),
            "every_sentence_proposed": sum(1 for s in quotes if any(overlaps(s, c) for c in every)),
            "every_sentence_noise": sum(
                1 for c in every if not any(overlaps(c, s) for s in quotes)
            ),
        }
        figures["documents"][doc_id] = row
        for key in totals:
            totals[key] += row[key]
    figures.update(totals)
    figures["proposed_share"] = _share(totals["proposed"], totals["quotes"])
    figures["proposed_strict_share"] = _share(totals["proposed_strict"], totals["quotes"])
    figures["noise_share"] = _share(totals["noise"], totals["candidates"])
    figures["cards_per_100_words"] = round(100 * totals["candidates"] / max(1, totals["words"]), 2)
    figures["unusable_share"] = _share(totals["unusable"], totals["candidates"])
    figures["every_sentence_proposed_share"] = _share(
        totals["every_sentence_proposed"], totals["quotes"]
    )
    figures["every_sentence_noise_share"] = _share(
        totals["every_sentence_noise"], totals["every_sentence"]
    )
    return figures


def _card_warnings(card) -> list[str]:
    """The draft rules' warnings for one card, without writing a deck."""
    from quizapp.deck.rules import CardContext, check_card

    class _Deck:  # just what the rules read of a loaded deck: the card stands alone
        path = Path("draft.yaml")
        card_lines: dict = {}
        deck = SimpleNamespace(cards=[card])

    context = CardContext(_Deck(), card, TODAY)  # type: ignore[arg-type]
    return [p.message for p in check_card(context) if "is a draft, never studied" not in p.message]


# --- printing ------------------------------------------------------------------------------


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _percent(share: float | None) -> str:
    return "n/a" if share is None else f"{share:.0%}"


def _document_line(name: str, row: dict) -> str:
    judged = (
        f"{row['judged_keep']}/{row['judged']} ({_percent(row['judged_keep_share'])})"
        if row.get("judged")
        else "not judged"
    )
    return (
        f"  {name:34} {row['asked']:>2}/{row['facts']:<2} {_percent(row['asked_share']):>5}"
        f"  {row['cards']:>3} {row['cards_per_100_words']:>5.1f}"
        f"  {row['unusable']:>2} {_percent(row['unusable_share']):>4}"
        f"  {_percent(row['top_third_match_share']):>4} vs {_percent(row['match_share']):>4}"
        f"  {judged}"
    )


def print_documents(figures: dict) -> None:
    header = f"  {'document':34} facts asked  cards /100w  unusable  top third vs all  kept by hand"
    for group, title in GROUPS.items():
        if not figures[group]:
            continue
        print(f"{title}:")
        print(header)
        for name, row in figures[group].items():
            print(_document_line(name, row))
        total = figures[f"{group}_total"]
        judged = (
            f"{total['judged_keep']}/{total['judged']} ({_percent(total['judged_keep_share'])})"
            if total.get("judged")
            else "not judged"
        )
        print(
            f"  {'all':34} {total['asked']:>2}/{total['facts']:<2}"
            f" {_percent(total['asked_share']):>5}  {total['cards']:>3}"
            f" {total['cards_per_100_words']:>5.1f}  {total['unusable']:>2}"
            f" {_percent(total['unusable_share']):>4}"
            f"  {_percent(total['top_third_match_share']):>4}"
            f" vs {_percent(total['match_share']):>4}"
            f"  {judged}"
        )
        for name, row in figures[group].items():
            for missed in row["missed"]:
                print(f"    missed in {name}: {missed}")


def print_bundled(figures: dict) -> None:
    print(
        f"bundled documents (seeds/): {figures['bundled_cards']} reviewed cards in "
        f"{figures['decks']} deck(s), {figures['quotes']} distinct quotes"
    )
    print(
        f"  proposed: {figures['proposed']}/{figures['quotes']} bundled quotes "
        f"({_percent(figures['proposed_share'])}) overlap a candidate's quote by half or more; "
        f"{figures['proposed_strict']} ({_percent(figures['proposed_strict_share'])}) "
        "are contained in one or contain one"
    )
    print(
        f"  cards: {figures['candidates']} ({figures['cards_per_100_words']:.1f} per 100 words),"
        f" {figures['noise']} ({_percent(figures['noise_share'])}) overlap no bundled quote, "
        f"{figures['unusable']} ({_percent(figures['unusable_share'])}) unusable"
    )
    print(
        f"  reference, every sentence of {MIN_WORDS}+ words as a candidate: "
        f"{figures['every_sentence_proposed']}/{figures['quotes']} proposed "
        f"({_percent(figures['every_sentence_proposed_share'])}), "
        f"{figures['every_sentence_noise']}/{figures['every_sentence']} noise "
        f"({_percent(figures['every_sentence_noise_share'])})"
    )
    for doc_id, row in figures["documents"].items():
        print(
            f"  {doc_id}: {row['proposed']}/{row['quotes']} proposed "
            f"({row['proposed_strict']} strict), {row['candidates']} cards "
            f"({row['cards_per_100_words']:.1f}/100w), {row['unusable']} unusable, "
            f"top third {_percent(row['top_third_match_share'])} vs all "
            f"{_percent(row['match_share'])} matching a bundled quote"
        )


def _prompt(card) -> str:
    if card.kind == "ordering":
        return " / ".join(f"{e.date}: {e.event}" for e in card.events)
    return card.text if card.kind == "cloze" else card.question


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decks", nargs="*", help="deck files or folders (default: bundled)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--sample", metavar="DOC", help="print the cards to judge by hand")
    parser.add_argument(
        "--documents", type=Path, default=DRAFTING, help="folder of documents and their facts"
    )
    parser.add_argument(
        "--tuning-only", action="store_true", help="leave the held-out documents unscored"
    )
    parser.add_argument(
        "--misses", action="store_true", help="why each missed fact of the tuning set is missed"
    )
    args = parser.parse_args()
    if args.misses:
        found = misses(args.documents)
        print(json.dumps(found, indent=2, ensure_ascii=False) if args.json else "", end="")
        if not args.json:
            print_misses(found)
        return 0
    if args.sample:
        for card in sample(args.sample, args.documents):
            options = getattr(card, "distractors", [])
            answer = ", ".join(answers(card)) or "(order)"
            print(f"{card.id}\n  {_prompt(card)}\n  -> {answer} {options or ''}\n")
        return 0
    paths = [Path(p) for p in args.decks] if args.decks else [bundled_decks_dir()]
    figures = {
        "documents": evaluate_documents(args.documents, held_out=not args.tuning_only),
        "bundled": evaluate(paths),
    }
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0
    print_documents(figures["documents"])
    print()
    print_bundled(figures["bundled"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
