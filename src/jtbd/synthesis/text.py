"""Small language heuristics: tokens, verb-object phrases, clause cleaning, verb forms.

No models: regular expressions and the word lists in :mod:`jtbd.synthesis.lexicon`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from jtbd.synthesis.lexicon import DETERMINERS, PHRASE_STOP, PREPOSITIONS, PRONOUNS, STOPWORDS, VERBS

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TRIGGER_TO = frozenset(
    "want wanted wants need needed needs trying tried try able have had has going used help helps easier way "
    "just".split()
)
_IRREGULAR_ING = {"getting": "get", "setting": "set", "putting": "put", "cutting": "cut", "running": "run",
                  "planning": "plan", "shopping": "shop", "stopping": "stop", "being": "be", "doing": "do",
                  "having": "have", "making": "make", "taking": "take", "giving": "give", "paying": "pay",
                  "forgetting": "forget", "submitting": "submit", "beginning": "begin",
                  "controlling": "control", "admitting": "admit", "committing": "commit"}
_IRREGULAR_PAST = {"lost": "lose", "paid": "pay", "kept": "keep", "spent": "spend", "sent": "send", "made": "make",
                   "took": "take", "got": "get", "found": "find", "forgot": "forget", "left": "leave",
                   "bought": "buy", "chose": "choose", "told": "tell", "gave": "give", "wrote": "write"}
#: Words a cut clause must not end on.
_DANGLING = PREPOSITIONS | DETERMINERS | frozenset(("and", "but", "or", "that", "which", "to", "so", "because", "with",
                                                    "i", "i'd", "i'm", "was", "were", "is", "are", "the", "like"))
#: Words after which a known verb starts a verb phrase ("I send", "we'd get", "never chase").
_SUBJECT_BEFORE = frozenset(("to", "i", "we", "and", "just", "can", "could", "would", "might", "never", "always",
                             "not", "don't", "didn't", "will", "i'd", "we'd", "i'll", "we'll", "you'd", "must"))
_KEEP_DET = frozenset(("a", "an", "the", "my", "our", "your", "their", "his", "her"))
_POSSESSIVES = frozenset(("my", "our", "your", "their", "his", "her"))
_FILLERS = re.compile(
    r"^(?:(?:honestly|okay|ok|so|yeah|yes|well|um|uh|and|but|because|like|right|look|i mean|i think|you know|basically|"
    r"to be honest|actually)[?!.,]*\s+)+", re.IGNORECASE)


def words(text: str) -> list[str]:
    """Lower-case word tokens (apostrophes normalised)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    """Words that carry meaning (no stop words, at least three letters)."""
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 2]


def base_verb(word: str, known: Iterable[str] = ()) -> str | None:
    """The base form of ``word`` if it is a verb form we can recognise ("chasing" -> "chase")."""
    w = word.lower()
    vocab = VERBS.union(known)
    if w in vocab:
        return w
    if w in _IRREGULAR_ING:
        return _IRREGULAR_ING[w]
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            for cand in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
                if cand and cand in vocab:
                    return cand
    return None


def gerund(verb: str) -> str:
    """``chase`` -> ``chasing``, ``get`` -> ``getting``, ``keep`` -> ``keeping``."""
    v = verb.lower()
    for k, base in _IRREGULAR_ING.items():
        if base == v:
            return k
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith("ee") and len(v) > 2:
        return v[:-1] + "ing"
    if (len(v) == 3 and v[-1] not in "aeiouwxy" and v[-2] in "aeiou" and v[-3] not in "aeiou"):
        return v + v[-1] + "ing"
    return v + "ing"


@dataclass(frozen=True)
class Phrase:
    """A verb + object (+ clarifier) phrase found in a sentence: "chase late payments"."""

    verb: str
    object: str
    clarifier: str
    #: Said as an intention ("I want to / need to / trying to ...").
    intent: bool = False

    @property
    def text(self) -> str:
        return " ".join(p for p in (self.verb, self.object, self.clarifier) if p)

    @property
    def terms(self) -> list[str]:
        return content_words(self.text)


def verb_phrases(sentence: str, banned: frozenset[str] = frozenset(), max_words: int = 7) -> list[Phrase]:
    """Verb-object phrases in ``sentence``: a verb after "want/need/trying to ...", or a known
    verb (or its -ing form), followed by an object of content words and an optional clarifier
    starting with a preposition. Words in ``banned`` (product names) end the phrase."""
    toks = [t.lower().replace("’", "'") for t in re.findall(r"[A-Za-z][A-Za-z'’-]*|[.,;:!?()\"“”—–]", sentence)]
    out: list[Phrase] = []
    seen: set[str] = set()
    wish_from = -1
    for i, tok in enumerate(toks):
        verb = None
        after_to = i >= 2 and toks[i - 1] == "to" and toks[i - 2] in _TRIGGER_TO
        if after_to:
            wish_from = i
        elif not tok[0].isalpha():
            wish_from = -1
        # "I need to send a bill and get paid": the wish carries over "and" within the clause
        intent = after_to or (0 <= wish_from < i and toks[i - 1] == "and")
        if after_to and tok.isalpha() and tok not in STOPWORDS - {"get", "know", "keep"} and tok not in PRONOUNS:
            verb = tok
        elif tok in VERBS and tok not in ("be", "do", "go", "want", "use", "look", "let", "turn", "come", "live",
                                          "feel", "see", "work", "tell", "talk", "wait"):
            verb = tok if (i == 0 or toks[i - 1] in _SUBJECT_BEFORE) else None
        elif i >= 1 and toks[i - 1] in ("i", "we") and (tok in _IRREGULAR_PAST or tok.endswith("ed")):
            b = _IRREGULAR_PAST.get(tok) or base_verb(tok)
            if b and b not in ("be", "do", "go", "want", "use", "look", "feel", "work", "come", "talk", "wait",
                               "decide", "think", "need", "try", "have"):
                verb = b
        elif tok.endswith("ing"):
            b = base_verb(tok)
            if b and b not in ("be", "do", "go", "want", "use", "look", "feel", "work", "come", "talk", "wait"):
                verb = b
        if not verb or verb in banned:
            continue
        obj: list[str] = []
        clar: list[str] = []
        j = i + 1
        while j < len(toks) and len(obj) + len(clar) < max_words:
            t = toks[j]
            if not t[0].isalpha() or t in PHRASE_STOP or t in banned:
                break
            if t in PREPOSITIONS and t != "to":
                if not obj and verb != "get":
                    break
                clar.append(t)
            elif clar:
                clar.append(t)
            elif t in PRONOUNS and not obj:
                break
            else:
                obj.append(t)
            j += 1
        while obj and obj[0] in DETERMINERS and obj[0] not in _KEEP_DET:
            obj.pop(0)
        if obj and obj[0] in _POSSESSIVES:
            obj[0] = "the"
        while clar and (clar[-1] in PREPOSITIONS or clar[-1] in DETERMINERS or clar[-1] in STOPWORDS):
            clar.pop()
        if len(clar) == 1:
            clar = []
        while obj and (obj[-1] in DETERMINERS or obj[-1] in STOPWORDS) and obj[-1] not in ("paid", "done"):
            obj.pop()
        if not obj or not any(w not in STOPWORDS or w in ("paid", "done") for w in obj):
            continue
        ph = Phrase(verb, " ".join(obj), " ".join(clar), intent)
        if ph.text not in seen:
            seen.add(ph.text)
            out.append(ph)
    return out


def clean_clause(text: str, max_words: int = 16, keep_case: frozenset[str] = frozenset()) -> str:
    """A quote made into a short clause: fillers dropped, first clause kept, lower-case start
    (except "I"), no trailing punctuation. "Honestly? The invoice was late." -> "the invoice was late"."""
    t = " ".join(text.replace("’", "'").split())
    t = t.strip(" \"'“”")
    prev = None
    while prev != t:
        prev = t
        t = _FILLERS.sub("", t).strip()
    # Keep the first sentence, then cut at a clause boundary if long.
    t = re.split(r"(?<=[.!?])\s+", t)[0]
    ws = t.split()
    if len(ws) > max_words:
        cut = " ".join(ws[:max_words])
        m = list(re.finditer(r"[,;:—–]", cut))
        t = cut[: m[-1].start()] if m and m[-1].start() > 20 else cut
        ws = t.split()
        while len(ws) > 3 and ws[-1].lower().strip(",;:") in _DANGLING:
            ws.pop()
        t = " ".join(ws)
    t = t.rstrip(" .,;:!?—–-\"'”")
    first = t.split(" ", 1)[0] if t else ""
    proper = first == "I" or first.startswith("I'") or any(ch.isupper() for ch in first[1:]) \
        or first.lower().strip(",.'") in keep_case
    if t and not proper:
        t = t[0].lower() + t[1:]
    return t


def first_person(clause: str) -> str:
    """Turn a generic "you" clause into first person ("you lose track" -> "I lose track")."""
    c = re.sub(r"\byou're\b", "I'm", clause)
    c = re.sub(r"^you\b", "I", c)
    c = re.sub(r"\byour\b", "my", c)
    return c


def excerpt_terms(texts: Iterable[str]) -> list[str]:
    """All content words of some texts (for term counting)."""
    out: list[str] = []
    for t in texts:
        out.extend(content_words(t))
    return out


@lru_cache(maxsize=256)
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a cue list: short cues (or ones ending in a space) match whole words,
    longer ones also match as a prefix ("organis" matches "organised")."""
    parts = sorted((re.escape(c.strip()) + (r"\b" if c.endswith(" ") or len(c) < 4 else "") for c in cues),
                   key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(parts) + ")")


def count_cues(text_lower: str, cues: tuple[str, ...]) -> int:
    """How many different cues of the list occur in lower-case text."""
    return len(set(cue_pattern(cues).findall(text_lower)))


def contains_cue(text_lower: str, cue: str) -> bool:
    """Whether one cue occurs in lower-case text (see :func:`cue_pattern`)."""
    return cue_pattern((cue,)).search(text_lower) is not None
