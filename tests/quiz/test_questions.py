"""Every card becomes a fair multiple-choice question: one right option, plausible wrong ones."""

from __future__ import annotations

import datetime as dt
import re
from random import Random

import pytest

from quizapp.deck.loader import LoadedDeck
from quizapp.deck.model import AnswerType, Status
from quizapp.quiz.distractors import (
    YEAR_WINDOW,
    AnswerPool,
    PoolEntry,
    choose_distractors,
    normalise,
)
from quizapp.quiz.questions import NotQuizzable, build_question, statement_option
from quizapp.quiz.reserve import RESERVE, canonical

SEEDS = range(12)
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %Y", "%Y-%m")


def _items(prompt: str, pattern: str) -> dict[str, str]:
    return dict(re.findall(pattern, prompt, re.M))


def right_options(card, question) -> list[int]:
    """Indexes of the options that are right, judged from the card, not from the question."""
    options = question.options
    if card.kind in ("basic", "mcq", "year", "cloze"):
        answer = card.deletions[0][0] if card.kind == "cloze" else str(card.answer)
        accepted = {normalise(answer)} | {normalise(a) for a in getattr(card, "accept", [])}
        return [i for i, o in enumerate(options) if normalise(o) in accepted]
    if card.kind == "true_false":
        return [i for i, o in enumerate(options) if o == ("True" if card.answer else "False")]
    if card.kind == "statements":
        claimed = [
            set() if o.startswith(("None", "Neither")) else set(map(int, re.findall(r"\d", o)))
            for o in options
        ]
        return [i for i, c in enumerate(claimed) if c == set(card.correct_numbers)]
    if card.kind == "ordering":
        events = _items(question.prompt, r"^([A-H])\. (.+)$")
        date_of = {e.event: e.date for e in card.events}
        right = []
        for i, code in enumerate(options):
            letters = code.split("-")
            dates = [date_of[events[letter]] for letter in letters]
            if sorted(letters) == sorted(events) and dates == sorted(dates):
                right.append(i)
        return right
    if card.kind == "match":
        lefts = _items(question.prompt, r"^([A-H])\. (.+)$")
        rights = _items(question.prompt, r"^(\d)\. (.+)$")
        pairs = {(p.left, p.right) for p in card.pairs}
        right = []
        for i, code in enumerate(options):
            claimed = {(lefts[a], rights[b]) for a, b in re.findall(r"([A-H])-(\d)", code)}
            if claimed == pairs:
                right.append(i)
        return right
    raise AssertionError(card.kind)


def _unit(text: str) -> tuple[str, str]:
    match = re.search(r"-?\d[\d,]*(?:\.\d+)?", text)
    assert match, text
    return text[: match.start()], text[match.end() :]


def _date_format(text: str) -> str | None:
    for form in DATE_FORMATS:
        try:
            dt.datetime.strptime(text, form)
            return form
        except ValueError:
            continue
    return None


def assert_same_type(card, question, pool: AnswerPool) -> None:
    """Each wrong option is of the answer's kind: authored, from the pool, or a near value."""
    wrong = [o for i, o in enumerate(question.options) if i != question.correct]
    if card.kind == "true_false":
        assert sorted(question.options) == ["False", "True"]
        return
    if card.kind == "statements":
        assert all(
            re.fullmatch(
                r"(\d( only)?|[\d, ]+ and \d( only)?|Both 1 and 2|Neither 1 nor 2|"
                r"None of them)",
                o,
            )
            for o in question.options
        ), question.options
        return
    if card.kind in ("ordering", "match"):
        form = r"[A-H](-[A-H])+" if card.kind == "ordering" else r"[A-H]-\d(, [A-H]-\d)+"
        assert all(re.fullmatch(form, o) for o in question.options), question.options
        return
    authored = {normalise(d) for d in getattr(card, "distractors", [])}
    answer = question.correct_option
    kind = AnswerType(question.answer_type)
    same_type = pool.texts(kind)
    for option in wrong:
        if normalise(option) in authored:
            continue
        if kind is AnswerType.year:
            assert re.fullmatch(r"-?\d{1,4}", option), option
            assert 0 < abs(int(option) - int(answer)) <= YEAR_WINDOW, (answer, option)
        elif kind is AnswerType.article:
            assert re.fullmatch(r"Article \d+", option), option
        elif kind is AnswerType.number:
            assert _unit(option) == _unit(answer) or normalise(option) in same_type, (
                answer,
                option,
            )
        elif kind is AnswerType.date:
            assert normalise(option) in same_type or _date_format(option) == _date_format(answer)
        else:
            spare = RESERVE.get(kind, ())
            assert normalise(option) in same_type or option in spare, (card.id, kind, option)


NUMERIC = (AnswerType.year, AnswerType.article, AnswerType.number, AnswerType.date)


def _mentioned(option: str, prompt: str) -> bool:
    return f" {normalise(option)} " in f" {normalise(prompt)} "


def expected_options(card, question, pool: AnswerPool) -> int:
    """Four, unless the card kind or the decks offer fewer distinct wrong options."""
    if card.kind == "true_false":
        return 2
    items = getattr(card, "events", None) or getattr(card, "pairs", None)
    if items is not None:
        return 2 if len(items) == 2 else 4
    if card.kind == "statements" or AnswerType(card.answer_type) in (*NUMERIC, *RESERVE):
        return 4  # combinations, nearby values and the reserve never run out
    answer = card.deletions[0][0] if card.kind == "cloze" else card.answer
    authored = {normalise(a) for a in getattr(card, "distractors", [])}
    drawn = {t for t in pool.texts(card.answer_type) if not _mentioned(t, question.prompt)}
    same = {canonical(t) for t in authored | drawn}
    same -= {canonical(normalise(a)) for a in [answer, *getattr(card, "accept", [])]}
    return min(4, 1 + len(same))


def check_every_card(decks: list[LoadedDeck]) -> int:
    pool = AnswerPool.from_decks(d.deck for d in decks)
    drafts = {
        normalise(c.answer)
        for d in decks
        for c in d.deck.cards
        if c.status is Status.draft and hasattr(c, "answer")
    }
    asked = 0
    for seed in SEEDS:
        rng = Random(seed)
        for loaded in decks:
            for card in loaded.studyable_cards:
                question = build_question(loaded, card, pool, rng)
                options = question.options
                where = f"{loaded.deck.id}/{card.id} seed {seed}: {options}"
                assert len({canonical(normalise(o)) for o in options}) == len(options), where
                assert right_options(card, question) == [question.correct], where
                assert len(options) == expected_options(card, question, pool), where
                assert not drafts & {normalise(o) for o in options}, where
                assert_same_type(card, question, pool)
                asked += 1
    return asked


def test_every_hand_made_card_makes_a_fair_question(sample):
    kinds = {c.kind for c in sample[0].studyable_cards}
    assert kinds == {
        "basic",
        "mcq",
        "year",
        "cloze",
        "true_false",
        "statements",
        "ordering",
        "match",
    }
    assert check_every_card(sample) == len(SEEDS) * len(sample[0].studyable_cards)


def _question(decks, card_id, seed=0):
    pool = AnswerPool.from_decks(d.deck for d in decks)
    loaded = decks[0]
    return build_question(loaded, loaded.card(card_id), pool, Random(seed))


def test_authored_distractors_come_first(sample):
    # The mcq has four authored distractors: three of them are used, none from the pool.
    authored = {
        "the Bretton Woods system",
        "the Warsaw Pact",
        "the Non-Aligned Movement",
        "the Concert of Europe",
    }
    seen = set()
    for seed in SEEDS:
        question = _question(sample, "old-order", seed)
        wrong = set(question.options) - {"the Western liberal order"}
        assert len(wrong) == 3 and wrong <= authored
        seen |= wrong
    assert seen == authored  # which three is drawn, not fixed
    # One authored distractor, then the pool fills the rest.
    question = _question(sample, "ukraine")
    assert "the Crimean annexation" in question.options
    # The year card's two authored years are always there.
    for seed in SEEDS:
        assert {"1959", "1965"} <= set(_question(sample, "treaty-year", seed).options)


def test_year_distractors_near_the_year_and_never_the_year():
    pool = AnswerPool([])
    for seed in range(50):
        wrong = choose_distractors("1948", AnswerType.year, pool, Random(seed))
        assert len(wrong) == 3 and len(set(wrong)) == 3
        assert all(1938 <= int(y) <= 1958 and y != "1948" for y in wrong), wrong


def test_article_distractors_are_other_articles(sample):
    question = _question(sample, "article-51")
    assert question.correct_option == "Article 51"
    assert all(re.fullmatch(r"Article \d+", o) for o in question.options)
    # The other article answered in the decks is the likeliest confusion.
    assert any("Article 4" in _question(sample, "article-51", s).options for s in SEEDS)
    alone = choose_distractors("Article 51", AnswerType.article, AnswerPool([]), Random(1))
    assert len(alone) == 3 and "Article 51" not in alone
    assert {"Article 5", "Article 1", "Article 15"} & set(
        o
        for s in SEEDS
        for o in choose_distractors("Article 51", "article", AnswerPool([]), Random(s))
    )


def test_country_distractors_are_other_countries_not_spellings_of_the_answer(sample):
    countries = {"Soviet Union", "United States", "Iran", "China"}
    for seed in SEEDS:
        question = _question(sample, "first-to-recognise", seed)
        assert set(question.options) == countries  # never the accepted "USSR", never a draft
    assert "USSR" not in choose_distractors(
        "Soviet Union",
        "country",
        AnswerPool([]),
        Random(0),
        authored=["USSR", "U.S.S.R", "Iran"],
        exclude=["USSR"],
    )


def test_thin_kinds_are_filled_from_the_reserve_never_with_another_name_of_the_answer():
    empty = AnswerPool([])
    for seed in range(40):
        rng = Random(seed)
        places = choose_distractors("Pyongyang", "place", empty, rng)
        assert len(places) == 3 and set(places) <= set(RESERVE[AnswerType.place])
        assert "Pyongyang" not in places
        soviet = choose_distractors("Soviet Union", "country", empty, rng)
        assert len(soviet) == 3 and not {"Russia", "USSR"} & set(soviet)
        council = choose_distractors("Security Council", "organisation", empty, rng)
        assert "UN Security Council" not in council and len(council) == 3
        us = choose_distractors("U.S.", "country", empty, rng)
        assert "United States" not in us
    assert choose_distractors("Fillipov", "text", empty, Random(0)) == []  # no reserve for text


def test_never_equal_to_the_answer_once_case_and_typography_are_folded():
    wrong = choose_distractors(
        "Kim Jong-un",
        "person",
        AnswerPool([]),
        Random(0),
        authored=[
            "kim jong\u2011un",
            "KIM JONG-UN",
            "Kim Jong-il",
            "Kim Jong-il.",
            "the Kim Jong-un",
        ],
    )
    assert len(wrong) == 1 and wrong[0] in ("Kim Jong-il", "Kim Jong-il.")
    assert (
        choose_distractors(
            "1,000 troops", "number", AnswerPool([]), Random(3), authored=["1000 troops"]
        )
        != []
    )
    assert "1000 troops" not in choose_distractors(
        "1,000 troops", "number", AnswerPool([]), Random(3), authored=["1000 troops"]
    )


def test_numbers_near_the_number_keep_their_unit():
    wrong = choose_distractors("90%", "number", AnswerPool([]), Random(2))
    assert len(wrong) == 3
    assert all(o.endswith("%") and 50 <= int(o[:-1]) <= 130 and o != "90%" for o in wrong)


def test_dates_near_the_date_in_the_same_style():
    wrong = choose_distractors("9 June 2024", "date", AnswerPool([]), Random(0))
    assert len(wrong) == 3
    for option in wrong:
        day = dt.datetime.strptime(option, "%d %B %Y").date()
        assert 1 <= abs((day - dt.date(2024, 6, 9)).days) <= 6
        assert not option.startswith("0")


def test_statement_options_in_upsc_wording(sample):
    assert [statement_option(s, 2) for s in ((1,), (2,), (1, 2), ())] == [
        "1 only",
        "2 only",
        "Both 1 and 2",
        "Neither 1 nor 2",
    ]
    assert statement_option((1, 3), 3) == "1 and 3 only"
    assert statement_option((1, 2, 3), 3) == "1, 2 and 3"
    assert statement_option((1, 2, 4), 4) == "1, 2 and 4 only"
    two = _question(sample, "two-statements")
    assert two.options == ("1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2")
    assert two.correct_option == "1 only"
    assert "1. The Soviet Union was the first nation" in two.prompt
    three = [_question(sample, "three-statements", s) for s in SEEDS]
    assert all(q.correct_option == "1 and 2 only" for q in three)
    assert len({q.options for q in three}) > 1  # the wrong combinations vary
    none = _question(sample, "none-correct")
    assert none.correct_option == "None of them" and none.options[-1] == "None of them"


def test_ordering_and_match_codes(sample):
    question = _question(sample, "timeline", 5)
    letters = dict(re.findall(r"^([A-E])\. (.+)$", question.prompt, re.M))
    by_event = {v: k for k, v in letters.items()}
    expected = "-".join(by_event[e.event] for e in sample[0].card("timeline").events)
    assert question.correct_option == expected
    assert "(1948)" in question.reveal
    pair = _question(sample, "two-events")
    assert len(pair.options) == 2 and set(pair.options) == {"A-B", "B-A"}
    match = _question(sample, "article-match", 3)
    assert len(match.options) == 4
    assert re.fullmatch(r"A-\d, B-\d, C-\d, D-\d", match.correct_option)


def test_cloze_blanks_the_first_deletion(sample):
    question = _question(sample, "dissolved")
    assert question.prompt == (
        "Relations deteriorated after the dissolution of the USSR in _____, voiding the treaty."
    )
    assert question.correct_option == "1991"
    assert question.passage and "dissolution of the USSR in 1991" in question.passage


def test_passage_is_the_documents_own_wording(sample):
    question = _question(sample, "signed-by")
    assert question.passage and "\u201ccomprehensive strategic\u201d" in question.passage
    assert question.source_document == "hindu-explained"


def test_same_seed_same_questions_other_seed_other_options(sample):
    pool = AnswerPool.from_decks(d.deck for d in sample)

    def paper(seed):
        rng = Random(seed)
        return [build_question(sample[0], c, pool, rng) for c in sample[0].studyable_cards]

    assert paper(7) == paper(7)
    assert [q.options for q in paper(7)] != [q.options for q in paper(8)]


def test_a_card_without_any_possible_distractor_is_reported(sample, tmp_path):
    from quizapp.deck.loader import load_decks

    path = tmp_path / "lonely.yaml"
    path.write_text(
        "id: lonely\ntitle: Lonely\ncards:\n  - id: who\n    kind: basic\n"
        "    question: Who?\n    answer: Nobody Else\n    answer_type: person\n"
    )
    loaded = load_decks([path], use_cache=False).decks
    with pytest.raises(
        NotQuizzable,
        match=r"lonely.yaml: card 'who': no wrong option for "
        r"'Nobody Else': add `distractors`",
    ):
        _question(loaded, "who")


def test_drawn_options_are_never_named_in_the_question_nor_the_answer_reworded():
    def entry(text):
        return PoolEntry(text, AnswerType.text, "d", text[:3].lower(), frozenset(), True)

    pool = AnswerPool(
        entry(t)
        for t in (
            'A "comprehensive strategic" partnership',
            "Kim Il-sung",
            "Treaty of Friendship",
            "Mutual Assistance",
            "A mutual defence commitment",
        )
    )
    for seed in SEEDS:
        wrong = choose_distractors(
            "Comprehensive Strategic Partnership",
            "text",
            pool,
            Random(seed),
            context="Kim Il-sung signed the _____ after the Treaty of Friendship.",
        )
        assert sorted(wrong) == ["A mutual defence commitment", "Mutual Assistance"]
    # What the author wrote is kept even when the question names it: a deliberate trap.
    trap = choose_distractors(
        "Article 51",
        "article",
        AnswerPool([]),
        Random(0),
        authored=["Article 4"],
        context="Article 4 of the pact invokes which article of the UN Charter?",
    )
    assert trap[0] == "Article 4" and "Article 4" not in trap[1:]


def test_order_and_match_options_are_close_but_do_not_point_at_the_answer(sample):
    from collections import Counter

    for card_id in ("timeline", "article-match"):
        for seed in range(30):
            question = _question(sample, card_id, seed)
            codes = [re.findall(r"[A-H]-?\d?", o) for o in question.options]
            right = codes[question.correct]
            # Knowing one item does not rule out every wrong option: they differ in few places.
            for code in codes:
                assert sum(a != b for a, b in zip(code, right, strict=True)) <= 4, codes
            # A per-place majority vote over the options never yields the answer.
            vote = [Counter(c[i] for c in codes).most_common()[0] for i in range(len(right))]
            assert not all(
                item == right[i] and count > 2 for i, (item, count) in enumerate(vote)
            ), codes
