"""A cheap language check: is this text English? (stopword ratio; no downloads)."""
from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

#: Frequent English function words; running English text is about 40-55 % these.
STOPWORDS = frozenset(
    """
    a about after all also am an and any are as at be because been before but by can could
    did do does doing don't didn't for from get got had has have he her him his how i i'm i'd
    i've if in into is it it's its just like me more most my no not now of off on once only or
    other our out over really so some such than that the their them then there these they this
    those to too up us very was we were what when where which while who why will with would you
    your it was can't couldn't won't isn't wasn't we're they're that's there's
    """.split()
)

#: Frequent function words of other languages that Latin script is used for.
FOREIGN_STOPWORDS = frozenset(
    """
    der die das und ist nicht ich ein eine zu mit es sich auf für dem den von wir sie ihr
    aber auch noch wenn nur wie bei mein meine sehr kann schon
    le la les et est pas je un une des du en que qui dans pour sur avec ce il elle nous vous
    mais très mon ma mes cette sont
    el los las y es no yo un una de que en por para con se lo muy mi pero como del al
    o os e não eu um uma do da em com para mas muito meu minha
    het een en niet ik je de van dat zijn op te met voor maar ook
    il lo gli e non io di che per con una sono ma anche molto mio
    och att det som är jag inte på med för av den
    """.split()
)

#: Below this many words a text is too short to judge; it is assumed English.
MIN_WORDS = 6
#: Below this share of English stopwords a long text is not English whatever else it holds.
MIN_RATIO = 0.05


def _non_latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if ord(ch) > 0x24F) / len(letters)


def english_ratio(text: str) -> tuple[int, float, float]:
    """``(words, share of English stopwords, share of other languages' stopwords)``."""
    words = [w.lower() for w in _WORD.findall(text.replace("’", "'"))]
    if not words:
        return 0, 0.0, 0.0
    en = sum(1 for w in words if w in STOPWORDS)
    other = sum(1 for w in words if w in FOREIGN_STOPWORDS and w not in STOPWORDS)
    return len(words), en / len(words), other / len(words)


def is_english(text: str) -> bool:
    """True unless ``text`` is clearly not English: mostly non-Latin script, or enough words
    with more foreign than English function words (or almost no English ones)."""
    if _non_latin_share(text) > 0.5:
        return False
    n, en, other = english_ratio(text)
    if n < MIN_WORDS:
        return True
    if other > en and other >= 0.12:
        return False
    return not (n >= 20 and en < MIN_RATIO)
