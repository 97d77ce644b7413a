"""Scoring job-statement candidates by the progress they name.

A job statement should name the progress customers seek ("keep the books ready for tax time"),
not a task on the way ("photograph receipts"). Candidates come from the participants' desire
sentences ("I wanted to ...", "so I could ...", "help me ..."), their progress-coded sentences
and the phrase ranking in :mod:`jtbd.synthesis.jobs`; each is scored by

- **coverage**: the share of the job's participants whose sentences use the object's head noun
  (or a close variant: "receipt"/"receipts", "book"/"bookkeeping");
- **distinctiveness**: the head's class TF-IDF weight for this job against the other jobs;
- **verb**: progress verbs (get, keep, stay, stop, avoid, make sure, be ready) over task verbs
  (send, photograph, click, open);
- **abstraction**: objects that are the thing being progressed (money, books, tax, clients,
  family, health) over artefacts handled on the way (receipt, column, button).

The word lists are general English (kinds of verbs and nouns), not any product area's vocabulary.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from jtbd.synthesis.lexicon import PREPOSITIONS, STOPWORDS
from jtbd.synthesis.text import Phrase, base_verb, content_words, verb_phrases, words

#: Verbs that name progress, with their weight in a job statement.
PROGRESS_VERB_WEIGHT = {"get": 1.6, "keep": 1.6, "stay": 1.5, "stop": 1.1, "avoid": 1.2, "know": 1.3,
                        "make sure": 1.4, "be ready": 1.4, "feel": 0.8}

#: Verbs of tasks and interface actions: steps on the way, not the progress itself.
TASK_VERBS = frozenset(
    "send photograph photo snap scan click tap open close type enter upload download print copy paste email "
    "forward export import fill tick log attach drag select press save file sort put move make create add "
    "write read check chase split match reconcile fix edit set install install switch sign".split())

#: Artefacts: documents, records and interface parts handled while doing a job.
ARTEFACTS = frozenset(
    "receipt invoice form file document paper papers spreadsheet sheet column row cell tab button screen page "
    "email photo picture folder box shoebox envelope note list template link field menu report letter pdf csv "
    "statement workbook notification reminder message attachment login dashboard chart app".split())

#: Things people make progress on: the goods, relationships and states a job improves.
PROGRESS_OBJECTS = frozenset(
    "money cash books accounts finances finance tax taxes business clients client customers customer family "
    "kids children health home house time team work income savings debt budget fitness weight sleep job "
    "career life food meals dinner safety security data passwords".split())

#: States a person wants to reach ("get paid", "get organised", "stay fit").
STATES = frozenset("paid done sorted fed organised organized ready fit funded hired noticed promoted published "
                   "started finished settled covered insured healthy".split())

#: A wish or purpose that introduces what someone is trying to get done.
DESIRE = re.compile(
    r"\b(?:i|we)\s+(?:just\s+|really\s+|only\s+)?(?:want(?:ed)?|need(?:ed)?|had)\s+to\s+"
    r"|\b(?:i|we)\s+just\s+want(?:ed)?\s+(?=\w)"
    r"|\bso\s+(?:that\s+)?(?:i|we)\s+(?:could|can|would|'d)\s+"
    r"|\bto\s+be\s+able\s+to\s+|\btrying\s+to\s+|\bhelps?\s+(?:me|us)\s+(?:to\s+)?|\bso\s+that\s+(?:i|we)\s+",
    re.IGNORECASE)

#: Codes whose sentences carry the progress a job's participants seek.
PROGRESS_CODES = frozenset(("push", "pull", "outcome", "emotional", "trigger"))

_PERIOD = re.compile(r"\b(every|each|once a) (day|week|month|quarter|year)\b", re.IGNORECASE)


def norm(word: str) -> str:
    """A crude singular: "receipts" -> "receipt" (the same rule as the job clustering)."""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def variant_of(word: str, head: str) -> bool:
    """Whether ``word`` is ``head`` or a close variant ("receipts", "bookkeeping" for "book")."""
    w = norm(word)
    return w == head or (len(head) >= 4 and w.startswith(head) and len(w) - len(head) <= 7)


def desire_phrases(sentence: str, banned: frozenset[str] = frozenset()) -> list[Phrase]:
    """Verb phrases said as a wish or purpose: the clause after "I want to", "so I could", "help
    me", "to be able to", ... ("I just want to get paid" -> "get paid"). All are marked intent."""
    out: list[Phrase] = []
    for m in DESIRE.finditer(sentence):
        clause = re.split(r"[.;:!?]", sentence[m.end():], maxsplit=1)[0]
        toks = clause.split()
        if not toks:
            continue
        # "so I can make sure ..." / "to be ready ..." are two-word progress verbs
        head = " ".join(toks[:2]).lower()
        if head in ("make sure", "be ready"):
            for ph in verb_phrases("to " + " ".join(toks[2:]), banned)[:1]:
                out.append(Phrase(head, ph.text, "", True))
            continue
        first = toks[0].lower().strip(",")
        if first in ("not", "never") or base_verb(first) is None:
            continue
        for ph in verb_phrases("want to " + clause, banned)[:1]:
            if ph.verb == first or base_verb(first) == ph.verb:
                out.append(Phrase(ph.verb, ph.object, ph.clarifier, True))
    return out


def head(ph: Phrase) -> str | None:
    """The object's head noun ("payment" in "chase late payments", "paid" in "get paid")."""
    ws = content_words(ph.object) or [w for w in ph.object.split() if w in ("paid", "done")]
    return norm(ws[-1]) if ws else None


@dataclass
class HeadStats:
    """Per head noun of a job: which participants use it (or a close variant)."""

    coverage: dict[str, float]
    #: Each word's users (normalised word -> participant keys).
    users: dict[str, set[str]]
    members: int

    def of(self, h: str) -> float:
        """Share of the job's participants who use ``h`` or a close variant."""
        if self.members == 0:
            return 0.0
        us: set[str] = set()
        for w, who in self.users.items():
            if variant_of(w, h):
                us |= who
        return len(us) / self.members


def head_stats(sentences: Iterable[tuple[str, str]], members: set[str]) -> HeadStats:
    """Word users from (participant, sentence) pairs of the job's members."""
    users: dict[str, set[str]] = defaultdict(set)
    for unit, text in sentences:
        if unit in members:
            for w in content_words(text):
                users[norm(w)].add(unit)
    cov = {w: len(us) / len(members) for w, us in users.items()} if members else {}
    return HeadStats(cov, users, len(members))


def verb_weight(verb: str) -> float:
    """Progress verbs over neutral verbs over task verbs."""
    if verb in PROGRESS_VERB_WEIGHT:
        return PROGRESS_VERB_WEIGHT[verb]
    return 0.45 if verb in TASK_VERBS else 1.0


def abstraction(h: str) -> float:
    """The thing being progressed (1.4) over a neutral noun (1.0) over an artefact (0.4)."""
    if h in PROGRESS_OBJECTS or norm(h) in PROGRESS_OBJECTS or h + "s" in PROGRESS_OBJECTS:
        return 1.4
    if h in ARTEFACTS or norm(h) in ARTEFACTS:
        return 0.4
    return 1.0


def progress_score(ph: Phrase, stats: HeadStats, distinct: dict[str, float], support: int, prior: float) -> float:
    """How well ``ph`` names the job's progress: coverage x distinctiveness x verb x abstraction,
    times its support (participants who say it) and its prior rank score (0..1)."""
    h = head(ph)
    if h is None:
        return 0.0
    cov = stats.of(h)
    dis = max((v for w, v in distinct.items() if variant_of(w, h)), default=0.0)
    if is_state(ph):  # "get paid", "get it done": the object is the progress itself
        dis, cov = max(dis, 0.5), max(cov, 0.5)
    n_words = len(ph.text.split())
    shape = 1.0 if 2 <= n_words <= 8 else 0.5
    return (0.15 + cov) * (0.15 + dis) * verb_weight(ph.verb) * (1.4 if is_state(ph) else abstraction(h)) * shape * \
        (1.0 + 0.15 * min(support, 4)) * (0.5 + prior) * (1.2 if ph.intent else 1.0)


def is_state(ph: Phrase) -> bool:
    """A progress verb with a participle for object names a state reached ("get paid", "get it done")."""
    ws = ph.object.split()
    return ph.verb in PROGRESS_VERB_WEIGHT and len(ws) == 1 and ws[0] in STATES


def noun_phrases(texts: Iterable[tuple[str, str]], noun: str) -> Counter[str]:
    """How each participant names ``noun`` with a determiner ("the books", "my books" -> "the books"),
    counted once per participant."""
    seen: set[tuple[str, str]] = set()
    out: Counter[str] = Counter()
    pat = re.compile(r"\b(?:the|my|our|your|their|his|her)\s+([a-z]+)\b")
    for unit, text in texts:
        for m in pat.finditer(text.lower().replace("’", "'")):
            w = m.group(1)
            if norm(w) == noun and (unit, w) not in seen:
                seen.add((unit, w))
                out[f"the {w}"] += 1
    return out


def attested(verb: str, noun: str, texts: Iterable[str]) -> bool:
    """Whether the study anywhere says ``verb`` (any form) followed within two words by ``noun``
    ("How did you keep your books?" attests "keep ... books")."""
    for text in texts:
        ws = words(text)
        for i, w in enumerate(ws):
            if (w == verb or base_verb(w) == verb) and any(norm(x) == noun for x in ws[i + 1:i + 4]):
                return True
    return False


def clarifier_candidates(texts: Iterable[tuple[str, str]], pattern: re.Pattern[str],
                         banned: frozenset[str]) -> Counter[str]:
    """Circumstance phrases ("on time", "at tax time", "every month") and how many participants use each."""
    seen: set[tuple[str, str]] = set()
    counts: Counter[str] = Counter()
    for unit, text in texts:
        found = [m.group(1) for m in pattern.finditer(text)] + \
            [f"every {m.group(2)}" if m.group(1).lower() != "once a" else f"once a {m.group(2)}"
             for m in _PERIOD.finditer(text)]
        for c in found:
            c = c.lower().replace("’", "'")
            if any(w in banned for w in c.split()) or (unit, c) in seen:
                continue
            seen.add((unit, c))
            counts[c] += 1
    return counts


def reads_well(clarifier: str) -> bool:
    """A clarifier starts with a preposition or a period word and ends on a content word."""
    ws = clarifier.split()
    if clarifier in ("on time", "in time"):
        return True
    return bool(ws) and (ws[0] in PREPOSITIONS or ws[0] in ("every", "once", "as")) and ws[-1] not in STOPWORDS


_NOUN_PP = re.compile(r"\b(for|from|by|at|before|with)\s+(?:(the|my|our|every|each|all|a|an|their|your)\s+)?"
                      r"([a-z]+(?:\s+time)?)\b")


def noun_clarifiers(texts: Iterable[tuple[str, str]], nouns: set[str]) -> Counter[str]:
    """Prepositional phrases on the job's shared nouns ("for clients", "at tax time", "from
    customers"), counted once per participant ("for every client" counts as "for clients")."""
    seen: set[tuple[str, str]] = set()
    counts: Counter[str] = Counter()
    for unit, text in texts:
        for m in _NOUN_PP.finditer(text.lower().replace("’", "'")):
            prep, det, noun = m.group(1), m.group(2), m.group(3)
            first = noun.split()[0]
            if norm(first) not in nouns or noun in ("time", "times"):
                continue
            if det in ("every", "each", "a", "an") and " " not in noun and not noun.endswith("s"):
                noun += "s"
            c = f"{prep} {noun}"
            if (unit, c) not in seen:
                seen.add((unit, c))
                counts[c] += 1
    return counts
