"""Which words are English: a word the notes use in lower case that no English dictionary
has ("khondalite", "jagamohana", "munhiyan") is a term of the subject, often the very word an
examiner asks for.

The dictionary is the one the grammar model's lemmatiser reads (WordNet's nouns, verbs,
adjectives and adverbs, with their irregular forms), so no word list is shipped apart.
"""

from __future__ import annotations

import importlib
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from quizapp.authoring.parse import MODEL
from quizapp.deck.rules.drafts import word_set

# Endings a dictionary word takes, and what the word was before: "villages" is "village" +
# "s", "organised" is "organize" + "d" in the dictionary's American spelling.
_ENDINGS = (
    ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""),
    ("ing", "e"), ("ly", ""), ("ily", "y"), ("er", ""), ("er", "e"), ("ier", "y"), ("est", ""),
    ("est", "e"), ("iest", "y"), ("ness", ""), ("ment", ""), ("al", ""), ("ic", ""),
    ("ity", ""), ("ian", ""), ("ist", ""), ("ism", ""), ("ise", "ize"), ("ised", "ize"),
    ("ises", "izes"), ("ising", "izing"), ("isation", "ization"), ("our", "or"), ("men", "man"),
    ("tre", "ter"), ("ence", "ense"), ("ogue", "og"), ("able", ""), ("able", "e"),
    ("able", "ate"), ("ive", ""), ("ive", "e"), ("ivity", "ive"), ("ability", "able"),
    ("ic", "y"), ("ine", ""), ("ers", ""), ("ers", "e"), ("ster", ""), ("sters", ""),
    ("less", ""), ("ful", ""), ("led", "l"),
)  # fmt: skip
# Prefixes English puts before its own words: "unbanked", "subclassification", "eco-tourism".
_PREFIXES = ("un", "non", "sub", "re", "pre", "co", "inter", "multi", "over", "under", "semi",
             "anti", "counter", "mis", "de", "dis", "in", "im", "out", "self", "super", "trans",
             "post", "mid", "micro", "mega", "cross", "eco", "bio", "geo", "hydro", "photo",
             "socio", "tele", "auto", "electro", "ex", "e")  # fmt: skip
# Words of English the dictionary leaves out: modal verbs, particles of European names,
# words of the last decades.
_ALSO = word_set("shall app apps ppm von van der den de la le du da di ex vs via per")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


@cache
def _lookups() -> Any:
    """The lemmatiser's tables, or None where the grammar model is not installed."""
    try:
        model = importlib.import_module(MODEL)
    except ImportError:
        return None
    from spacy.lookups import Lookups

    folder = next((p for p in resources.files(model).iterdir() if p.name.startswith(MODEL)), None)
    tables = folder and folder / "lemmatizer" / "lookups"
    if tables is None or not tables.is_dir():
        return None
    return Lookups().from_disk(str(tables))


@cache
def _dictionary() -> frozenset[str]:
    lookups = _lookups()
    if lookups is None:
        return frozenset()  # no dictionary: every word is taken for English
    from spacy.lang.en.stop_words import STOP_WORDS  # the words WordNet leaves out

    words = set(STOP_WORDS)
    for part in lookups.get_table("lemma_index").values():
        words.update(part)
    for part in lookups.get_table("lemma_exc").values():
        words.update(part)
    return frozenset(words)


@cache
def _irregular_verbs() -> frozenset[str]:
    lookups = _lookups()
    if lookups is None:
        return frozenset()
    forms = lookups.get_table("lemma_exc").get("verb", {})
    return frozenset(form for form in forms if not form.endswith("ing") and "_" not in form)


def is_irregular_verb(word: str) -> bool:
    """A verb's irregular past or participle ("broke", "fled", "fought", "sent")."""
    return word in _irregular_verbs()


def _known(word: str, words: frozenset[str]) -> bool:
    if word in words:
        return True
    for ending, before in _ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] + before in words:
            return True
    return False


@lru_cache(maxsize=65_536)  # a document's words, each looked up once
def is_english(word: str) -> bool:
    """A word in lower case that an English dictionary has, in any of its forms, with any
    prefix English uses, or made of two such words ("groundwater", "post-poll")."""
    words = _dictionary()
    if not words or not _WORD.fullmatch(word):
        return True
    if word in _ALSO:
        return True
    if "-" in word:
        parts = word.split("-")
        if parts[0] in _PREFIXES:  # "pre-monsoon", "eco-tourism", "multi-hazard"
            parts = parts[1:]
        return all(is_english(part) for part in parts)
    if _known(word, words):
        return True
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if len(prefix) > 1 and word.startswith(prefix) and len(rest) >= 4 and _known(rest, words):
            return True
    return any(
        _known(word[:cut], words) and _known(word[cut:], words) for cut in range(4, len(word) - 3)
    )
