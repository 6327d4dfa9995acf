"""Every card becomes a fair multiple-choice question: one right option, plausible wrong ones."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from random import Random

import pytest

from quizapp.deck.loader import LoadedDeck
from quizapp.deck.model import ASSERTION_OPTIONS, CLOZE_PATTERN, AnswerType, Status
from quizapp.quiz.codes import implied_order
from quizapp.quiz.distractors import (
    YEAR_WINDOW,
    AnswerPool,
    PoolEntry,
    choose_distractors,
    contains_words,
    normalise,
)
from quizapp.quiz.questions import NotQuizzable, build_question, statement_option
from quizapp.quiz.reserve import RESERVE, canonical

SEEDS = range(12)
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %Y", "%Y-%m")


def _items(prompt: str, pattern: str) -> dict[str, str]:
    return dict(re.findall(pattern, prompt, re.M))


COUNTS = {"None": 0, "Only one": 1, "Only two": 2, "Only three": 3, "Both": 2}


def asked_blank(card, question) -> int:
    """Which blank of a cloze card the question asks, read from its prompt."""
    for number in range(len(card.deletions)):
        position = -1

        def fill(match, number=number):
            nonlocal position
            position += 1
            return "_____" if position == number else match.group(1).strip()

        if CLOZE_PATTERN.sub(fill, card.text) == question.prompt:
            return number
    raise AssertionError(f"{card.id}: prompt matches no blank: {question.prompt!r}")


def claimed_truths(option: str, size: int) -> set[frozenset[int]]:
    """The sets of true statement numbers an option of a statement set allows."""
    numbers = range(1, size + 1)
    if option.startswith(("Neither", "None of them")):
        return {frozenset()}
    if re.search(r"\d", option):
        return {frozenset(map(int, re.findall(r"\d", option)))}
    count = size if option.startswith("All") else COUNTS[option]
    return {frozenset(c) for c in itertools.combinations(numbers, count)}


def right_options(card, question) -> list[int]:
    """Indexes of the options that are right, judged from the card, not from the question."""
    options = question.options
    if card.kind in ("basic", "mcq", "year", "cloze"):
        if card.kind == "cloze":
            blank = asked_blank(card, question)
            answer, accept = card.deletions[blank][0], []
        else:
            answer, accept = str(card.answer), getattr(card, "accept", [])
        accepted = {normalise(answer)} | {normalise(a) for a in accept}
        return [i for i, o in enumerate(options) if normalise(o) in accepted]
    if card.kind == "true_false":
        return [i for i, o in enumerate(options) if o == ("True" if card.answer else "False")]
    if card.kind == "assertion_reason":
        return [i for i, o in enumerate(options) if o == card.answer_text]
    if card.kind == "statements":
        shown = dict(re.findall(r"^(\d)\. (.+)$", question.prompt, re.M))
        truth = {s.text: s.correct for s in card.statements}
        true_numbers = frozenset(int(n) for n, text in shown.items() if truth[text])
        size = len(card.statements)
        return [i for i, o in enumerate(options) if true_numbers in claimed_truths(o, size)]
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
                r"None of them|Only (one|two|three)|All (three|four)|None)",
                o,
            )
            for o in question.options
        ), question.options
        return
    if card.kind == "assertion_reason":
        assert question.options == ASSERTION_OPTIONS
        return
    if card.kind in ("ordering", "match"):
        form = r"[A-H](-[A-H])+" if card.kind == "ordering" else r"[A-H]-\d(, [A-H]-\d)+"
        assert all(re.fullmatch(form, o) for o in question.options), question.options
        return
    if card.kind == "cloze":
        authored = {normalise(d) for d in card.blank_distractors(asked_blank(card, question))}
    else:
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
    if card.kind == "ordering":
        # Wrong orders never contradict the events' own labels ("first" before "second").
        implied = implied_order([e.event for e in card.events])
        orders = [
            p
            for p in itertools.permutations(range(len(card.events)))
            if all(p.index(i) < p.index(j) for i, j in implied if i < j)
        ]
        return min(4, len(orders))
    if card.kind == "match":
        return 2 if len(card.pairs) == 2 else 4
    if card.kind in ("statements", "assertion_reason"):
        return 4  # combinations and counts never run out
    if card.kind == "cloze":
        blank = asked_blank(card, question)
        answer, answer_type = card.deletions[blank][0], card.blank_type(blank)
        authored = {normalise(a) for a in card.blank_distractors(blank)}
    else:
        answer, answer_type = card.answer, card.answer_type
        authored = {normalise(a) for a in getattr(card, "distractors", [])}
    if AnswerType(answer_type) in (*NUMERIC, *RESERVE):
        return 4  # nearby values and the reserve never run out
    drawn = {t for t in pool.texts(answer_type) if not _mentioned(t, question.prompt)}
    same = {canonical(t) for t in authored | drawn}
    answers = [answer, *getattr(card, "accept", [])]
    same -= {canonical(normalise(a)) for a in answers}
    # No option may be a whole-word part of another, nor of the answer.
    same = {
        t for t in same if not any(contains_words(t.split(), normalise(a).split()) for a in answers)
    }
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
    seen = set()
    for seed in SEEDS:
        question = _question(sample, "first-to-recognise", seed)
        options = set(question.options)
        seen |= options
        # Never the accepted "USSR" nor "Russia", never a draft's answer.
        assert not {"USSR", "Russia", "Atlantis"} & options
        assert options <= countries | set(RESERVE[AnswerType.country])
        assert len(options & countries) >= 3  # the decks' own countries come first
    assert countries <= seen
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
    keys = set()
    for seed in SEEDS:
        two = _question(sample, "two-statements", seed)
        assert two.options == ("1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2")
        assert two.prompt.endswith("Which of the statements given above is/are correct?")
        first_is_true = "1. The Soviet Union was the first nation" in two.prompt
        assert two.correct_option == ("1 only" if first_is_true else "2 only")
        keys.add(two.correct_option)
    assert keys == {"1 only", "2 only"}  # the statements are shown in a drawn order
    three = [_question(sample, "three-statements", s) for s in SEEDS]
    which = [q for q in three if q.prompt.endswith("is/are correct?")]
    how_many = [
        q for q in three if q.prompt.endswith("How many of the above statements are correct?")
    ]
    assert which and how_many and len(which) + len(how_many) == len(three)
    assert all(q.options == ("Only one", "Only two", "All three", "None") for q in how_many)
    assert all(q.correct_option == "Only two" for q in how_many)
    assert {q.correct_option for q in which} > {"1 and 2 only"}
    none = [_question(sample, "none-correct", s) for s in SEEDS]
    assert {q.correct_option for q in none} == {"None of them", "None"}
    assert all(q.options[-1] == q.correct_option for q in none)  # 'none' is listed last


def test_a_statement_sets_form_can_be_fixed_by_the_card(sample, write_deck_text):
    deck = write_deck_text(
        "sources: [hindu-explained]\n"
        "cards:\n"
        "  - id: which\n"
        "    kind: statements\n"
        "    form: which\n"
        "    statements:\n"
        "      - {text: One, correct: true}\n"
        "      - {text: Two, correct: true}\n"
        "      - {text: Three, correct: true}\n"
        "  - id: how-many\n"
        "    kind: statements\n"
        "    form: how_many\n"
        "    statements:\n"
        "      - {text: One, correct: true}\n"
        "      - {text: Two, correct: false}\n"
        "      - {text: Three, correct: true}\n"
        "      - {text: Four, correct: false}\n"
    )
    for seed in SEEDS:
        which = _question(deck, "which", seed)
        assert which.correct_option == "1, 2 and 3"
        how_many = _question(deck, "how-many", seed)
        assert how_many.correct_option == "Only two"
        assert len(how_many.options) == 4 and "How many" in how_many.prompt


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


def test_each_cloze_blank_is_asked_with_its_own_options(sample):
    pool = AnswerPool.from_decks(d.deck for d in sample)
    card = sample[0].card("dissolved")
    first = build_question(sample[0], card, pool, Random(0), blank=0)
    assert first.prompt == (
        "Relations deteriorated after the dissolution of the USSR in _____, voiding the treaty."
    )
    assert first.correct_option == "1991" and first.part == "c1"
    assert all(re.fullmatch(r"\d{4}", o) for o in first.options)
    assert first.passage and "dissolution of the USSR in 1991" in first.passage
    second = build_question(sample[0], card, pool, Random(0), blank=1)
    assert second.prompt.endswith("USSR in 1991, voiding the _____.")
    assert second.correct_option == "treaty" and second.part == "c2"
    assert not any(re.fullmatch(r"\d{4}", o) for o in second.options)  # not years: words
    # Drawn at random, every blank comes up.
    asked = {build_question(sample[0], card, pool, Random(s)).part for s in SEEDS}
    assert asked == {"c1", "c2"}


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
