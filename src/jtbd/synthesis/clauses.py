"""Job-story clauses cut from real quotes: a situation ("the letter from the tax office came"),
a motivation ("keep every receipt in one place") and an expected outcome ("feel in control").

Each extractor returns a short, clean clause or ``None``; a ``None`` is better than a fragment
("it was never wrong", "send invoices, so I can see it"). Rules, not a model.
"""
from __future__ import annotations

import re

from jtbd.synthesis.lexicon import DETERMINERS, NEGATIVE_FEELINGS, POSITIVE_FEELINGS, PREPOSITIONS, PRONOUNS, VERBS
from jtbd.synthesis.text import base_verb, clean_clause, content_words, first_person

#: Temporal markers that open a circumstance ("when the letter came", "every time a client pays late").
MARKER = re.compile(
    r"\b(when(?:ever)?|after|every time|each time|the moment|the day (?=I|we|my|the)|as soon as|"
    r"at the end of (?:the |every |each )?(?:month|year|quarter|week|day|season|tax year))\b\s*,?\s*",
    re.IGNORECASE)
#: Finite verbs and auxiliaries that make a clause a clause.
_FINITE = frozenset(
    "was were is are am had has have got came went sat kept lost forgot missed found saw said told sent paid "
    "started stopped ended ran took made did couldn't didn't wasn't weren't hadn't can't won't would could "
    "needed wanted tried happened arrived landed bounced turned realised realized noticed hit needs wants "
    "comes goes happens gets keeps takes".split())
#: Words after "I"/"we" that are not verbs.
STOPWORDS_SOFT = frozenset("just really also only still never always actually think guess mean".split())
#: Words a clause must not end on.
_DANGLE = PREPOSITIONS | DETERMINERS | frozenset(
    "and but or so that which who to because saying like than as if i we was were is are had has have "
    "been being be just really very same other more less said say says thought asked told".split())
#: Pronouns without an antecedent make a clause unreadable out of context.
_VAGUE_SUBJECT = re.compile(r"^(?:it|that|this|there|they|he|she|which|those|these)\b(?!'s (?:the )?end)",
                            re.IGNORECASE)
_THIRD = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their|me|you|your|myself|yourself|ourselves|themselves)\b", re.IGNORECASE)
_WISH = re.compile(r"\b(?:want|wanted|need|needed|would like|wish|hope|trying) to\b", re.IGNORECASE)
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|thanks|thank you)\b", re.IGNORECASE)
#: Words after a verb that make no object ("get better", "get started").
_NOT_OBJECTS = frozenset("better worse started used going back on up out away around there here done inside outside".split())
#: Progress verbs make the best motivations: they name the progress, not the task.
PROGRESS_VERBS = frozenset(("get", "keep", "stay", "know", "avoid", "stop", "make", "have", "see", "find",
                            "spend", "save", "be"))


def _words(s: str) -> list[str]:
    return s.lower().replace("’", "'").split()


def is_clause(c: str, *, min_words: int = 3, max_words: int = 14) -> bool:
    """Whether ``c`` reads as a self-contained clause: length in range, a finite verb, at
    least one content word, no dangling end, no greeting or question, no vague pronoun subject."""
    ws = [w.strip(",;:'\"") for w in _words(c)]
    if not (min_words <= len(ws) <= max_words) or "?" in c or _GREETING.match(c):
        return False
    if ws[-1] in _DANGLE or ws[-1] in PRONOUNS - {"everything", "nothing"}:
        return False
    if _VAGUE_SUBJECT.match(c) or _WISH.search(c):
        return False
    finite = any(w in _FINITE or w.endswith("ed") and len(w) > 4 or w.endswith("n't") for w in ws) \
        or any(a in ("i", "we") and len(b) > 2 and b not in STOPWORDS_SOFT for a, b in zip(ws, ws[1:]))
    return finite and len(content_words(c)) >= 2


def _trim(c: str, max_words: int) -> str:
    """The first clause of ``c`` (cut at punctuation or a conjunction); "" when it is still
    longer than ``max_words`` — truncating mid-clause leaves fragments."""
    c = re.split(r"\s*[,;:—–()\"“”.!?]\s*|\s+(?:but|because|so|and then|which|until|while|though)\s+", c)[0].strip()
    if len(c.split()) > max_words:
        c = re.split(r"\s+and\s+", c)[0]
    ws = c.split()
    if len(ws) > max_words:
        return ""
    while ws and ws[-1].lower() in _DANGLE:
        ws.pop()
    return " ".join(ws)


_LEAD_CONJ = re.compile(r"^(?:(?:then|and|so|but|or|well|yeah|anyway),?\s+)+", re.IGNORECASE)
#: A leading time phrase before the subject ("Last January I spent ...").
_LEAD_TIME = re.compile(r"^(?:last|this|that|one|every|in|by|then,?|so)\s+(?:[a-z]+\s+){0,2}?(?=(?:I|we|my|our)\b)",
                        re.IGNORECASE)


def situation_clause(text: str, keep_case: frozenset[str] = frozenset()) -> str | None:
    """The circumstance in a trigger/struggle sentence, in first person, without "when":
    "When the letter from HMRC came, I panicked." -> "the letter from HMRC came"."""
    t = clean_clause(re.sub(r"[{}\[\]<>]", " ", text), 60, keep_case)
    for m in MARKER.finditer(t):
        marker = m.group(1).lower()
        rest = _trim(_LEAD_CONJ.sub("", t[m.end():]), 12)
        if marker.startswith("at the end"):
            before = _trim(t[:m.start()], 10)
            rest = before if is_clause(before) else ""
            if rest:  # "I spend the weekend on receipts at the end of the month"
                return first_person(f"it's {marker[3:]} and {_lower_first(rest, keep_case)}")
            continue
        if marker in ("after", "once") and rest.split()[:1] and base_verb(rest.split()[0]) and \
                rest.split()[0].lower().endswith("ing"):
            rest = "I finished " + rest  # "after chasing him for weeks" has no subject
        if is_clause(rest):
            return _lower_first(first_person(rest), keep_case)
    t = _LEAD_TIME.sub("", _LEAD_CONJ.sub("", t))
    first = _trim(t, 14)
    if is_clause(first, min_words=3):
        return _lower_first(first_person(first), keep_case)
    return None


def _lower_first(c: str, keep_case: frozenset[str]) -> str:
    first = c.split(" ", 1)[0]
    if first == "I" or first.startswith("I'") or first.lower() in keep_case or any(ch.isupper() for ch in first[1:]):
        return c
    return c[:1].lower() + c[1:]


def good_motivation(verb: str, obj: str, clarifier: str) -> bool:
    """A motivation is a verb the customer wants plus an object with a head noun (not "it")."""
    ws = obj.split()
    if not ws or ws[0] in _NOT_OBJECTS or ws[-1] in PRONOUNS or ws[-1] in _NOT_OBJECTS or ws[-1] in _DANGLE or not content_words(obj):
        return False
    if _THIRD.search(f"{obj} {clarifier}") or (ws[0].endswith("ing") and base_verb(ws[0])):
        return False
    n = len(f"{verb} {obj} {clarifier}".split())
    return 2 <= n <= 9 and verb in VERBS


_FEEL = re.compile(r"\b(?:feel(?:s|ing)?|felt)\s+(?:so\s+|really\s+|a lot\s+|much\s+|more\s+)?((?:like\s+)?[a-z][a-z' -]{2,60})",
                   re.IGNORECASE)
_CAN = re.compile(r"\b(?:so (?:that )?I can|I can|I could|I can finally|to be able to|now I|these days I|today I)\s+(?!not\b)"
                  r"([a-z][a-z' -]{5,80})", re.IGNORECASE)
_NO_MORE = re.compile(r"\b(?:(?:don't|do not|never|no longer|won't) (?:have|need) to|stop(?:ped)?)\s+"
                      r"([a-z]+ing\b[a-z' -]{0,50}|[a-z]+\b[a-z' -]{3,50})", re.IGNORECASE)


def outcome_clause(text: str) -> str | None:
    """The progress the customer makes, as a "so I can ..." clause: a feeling ("feel in
    control", "stop feeling guilty"), an end to a chore ("stop chasing late payers") or a
    capability ("see who owes what")."""
    low = text.replace("’", "'")
    m = _FEEL.search(low)
    if m:
        feeling = _trim(re.split(r"\s+(?:when|whenever|if|instead of|before|after|because|about)\s+",
                                 m.group(1))[0], 6).lower()
        pos = next((f for f in POSITIVE_FEELINGS if f in feeling), None)
        if pos:
            return f"feel {feeling}" if len(feeling.split()) <= 6 and not _THIRD.search(feeling) else f"feel {pos}"
        neg = next((f for f in NEGATIVE_FEELINGS if f in feeling), None)
        if neg:
            return f"stop feeling {neg}" if neg not in ("panic", "dread", "stress", "knot") else f"stop the {neg}"
    m = _NO_MORE.search(low)
    if m:
        c = _trim(m.group(1), 8).lower()
        first = c.split()[0] if c else ""
        if first.endswith("ing") and base_verb(first) and _object_ok(c):
            return f"stop {c}"
        if base_verb(first) == first and first in VERBS and _object_ok(c) and first not in ("be", "do", "go"):
            return f"stop having to {c}"
    for m in _CAN.finditer(low):
        c = _trim(m.group(1), 10)
        first = c.split()[0].lower() if c else ""
        if first in VERBS and first not in ("be", "do", "go", "use", "say", "tell") and _object_ok(c):
            return c[:1].lower() + c[1:]
    return None


def _object_ok(c: str) -> bool:
    ws = c.lower().split()
    return (2 <= len(ws) <= 10 and ws[1] not in PREPOSITIONS and ws[1] not in _NOT_OBJECTS and ws[-1] not in PRONOUNS and ws[-1] not in _DANGLE and not _THIRD.search(c)
            and len(content_words(" ".join(ws[1:]))) >= 1)
