"""Desired-outcome statements (direction + metric + object of control + clarifier) from
outcome and push excerpts, de-duplicated across interviews."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from jtbd.synthesis.corpus import Corpus, natural_key
from jtbd.synthesis.jobmap import step_of
from jtbd.synthesis.lexicon import BAD_THINGS, PRONOUNS
from jtbd.synthesis.lint import lint_outcome_statement
from jtbd.synthesis.result import Evidence, Outcome
from jtbd.synthesis.text import Phrase, content_words, gerund, verb_phrases

MAX_PER_JOB = 150
MAX_QUOTES = 5
_TIME = re.compile(r"\b(hours?|minutes?|days?|weeks?|ages|took|takes|slow|quick(?:ly)?|fast|forever|weekends?)\b")
_RISK = re.compile(r"\b(lost|lose|losing|miss(?:ed|ing)?|forg[eo]t|mistakes?|errors?|wrong|overdue|penalt\w*|"
                   r"fines?|late)\b")
_EFFORT = re.compile(r"\b(hassle|effort|faff|manual(?:ly)?|by hand|tedious|awkward|pain|chas\w+|digging|"
                     r"scramble|sort(?:ing)? out)\b")
_KNOW = re.compile(r"\b(?:see|know|knew|tell|find out|check|no idea|any idea)\s+((?:which|whether|if|what|how much|"
                   r"how many|when|who|where)\s+[a-z' -]{3,60})", re.IGNORECASE)
_FORGOT = re.compile(r"\b(?:forgot|forget|forgetting|forgotten)\s+to\s+([a-z]+(?:\s+[a-z'-]+){1,6})", re.IGNORECASE)
#: Verbs that do not make an object of control ("feel professional", "include fiddling").
_NOT_OUTCOME_VERBS = frozenset(("pay", "run", "spend", "stop", "feel", "make", "include", "book", "learn", "hire",
                                "put", "take", "go", "turn", "say", "ask", "tell", "read", "have", "remember",
                                "think", "like", "try", "want", "need", "file"))
#: Object words that make no object of control ("get better", "get to the age").
_NOT_OBJECTS = frozenset(("better", "worse", "used", "age", "older", "bigger", "thinking", "feeling", "penalty"))
#: Verbs of an end state: wishes for them become "Increase the likelihood of ...".
_ACHIEVE_VERBS = frozenset(("get", "keep", "stay", "win", "reach", "avoid", "meet", "hit", "finish", "grow"))
_FIRST_PERSON = [(re.compile(r"\b(my|our)\b", re.I), "the"), (re.compile(r"\b(me|us)\b", re.I), "them"),
                 (re.compile(r"\bI\b"), "they")]


@dataclass
class _Draft:
    direction: str
    metric: str
    object: str
    clarifier: str
    job: str | None
    evidence: list[Evidence] = field(default_factory=list)
    units: set[str] = field(default_factory=set)
    steps: Counter[str] = field(default_factory=Counter)

    @property
    def statement(self) -> str:
        return " ".join(x for x in (self.direction, self.metric, self.object, self.clarifier) if x)

    @property
    def key_terms(self) -> set[str]:
        return {w.rstrip("s") for w in content_words(f"{self.object} {self.clarifier}")}


def _impersonal(s: str) -> str:
    for rx, rep in _FIRST_PERSON:
        s = rx.sub(rep, s)
    return " ".join(s.split())


def _cut(s: str) -> str:
    return re.split(r"[.,;:!?]| because | but | so | and ", s)[0].strip()


def draft_outcome(text: str, codes: tuple[str, ...], banned: frozenset[str]) -> tuple[str, str, str, str] | None:
    """(direction, metric, object, clarifier) for one sentence, or None when it states no
    measurable pain or wish. Pains about time/effort/likelihood become "Minimize ...";
    a wish for an end state ("get paid") becomes "Increase the likelihood of ...", a wish to
    do something ("send an invoice") "Minimize the time it takes to ...". """
    low = text.lower().replace("’", "'")
    m = _KNOW.search(text.replace("’", "'"))
    if m:
        obj = " ".join(_impersonal(re.split(r" without | instead | if | when ", _cut(m.group(1)))[0]).split()[:8])
        obj = obj.lower()
        if len(obj.split()) >= 2 and not any(w in banned for w in obj.split()):
            return ("Minimize", "the time it takes to", f"know {obj}", "")
    m = _FORGOT.search(text.replace("’", "'"))
    if m:
        obj = _impersonal(_cut(m.group(1))).lower()
        if len(obj.split()) >= 2 and content_words(obj) and obj.split()[-1] not in PRONOUNS \
                and not any(w in banned for w in obj.split()):
            return ("Minimize", "the likelihood of", f"forgetting to {obj}", "")
    phrases: list[Phrase] = [p for p in verb_phrases(text, banned) if p.verb not in _NOT_OUTCOME_VERBS]
    if not phrases:
        return None
    ph = next((p for p in phrases if p.intent), phrases[0])
    obj = _impersonal(f"{ph.verb} {ph.object}")
    clar = _impersonal(ph.clarifier)
    if set(content_words(ph.object)) & _NOT_OBJECTS:
        return None
    risky = ph.verb in ("lose", "miss", "forget") or (ph.verb == "get" and BAD_THINGS.search(ph.object))
    if risky:
        return ("Minimize", "the likelihood of", f"{gerund(ph.verb)} {_impersonal(ph.object)}", clar)
    if "push" in codes:
        if _TIME.search(low):
            return ("Minimize", "the time it takes to", obj, clar)
        if _EFFORT.search(low):
            return ("Minimize", "the effort it takes to", obj, clar)
        if _RISK.search(low):
            return ("Minimize", "the likelihood of", f"{gerund(ph.verb)} {_impersonal(ph.object)}", clar)
        return None
    if "outcome" in codes:
        if ph.verb in _ACHIEVE_VERBS:
            return ("Increase", "the likelihood of", f"{gerund(ph.verb)} {_impersonal(ph.object)}", clar)
        return ("Minimize", "the time it takes to", obj, clar)
    return None


def build_outcomes(corpus: Corpus, job_of: dict[str, str]) -> list[Outcome]:
    """Outcome statements for every job, merged when they say the same thing (same job,
    direction and metric, and at least 60% of object words shared)."""
    drafts: list[_Draft] = []
    for i, ex in enumerate(corpus.excerpts):
        if not {"outcome", "push"} & set(ex.codes):
            continue
        parts = draft_outcome(ex.text, ex.codes, corpus.banned)
        if parts is None:
            continue
        d = _Draft(*parts, job=job_of.get(corpus.units[i]))
        same = next((o for o in drafts if o.job == d.job and o.direction == d.direction and o.metric == d.metric
                     and _similar(o.key_terms, d.key_terms)), None)
        target = same or d
        if same is None:
            drafts.append(d)
        ev = corpus.evidence(ex)
        if ev not in target.evidence and len(target.evidence) < MAX_QUOTES:
            target.evidence.append(ev)
        target.units.add(corpus.units[i])
        target.steps[step_of(f"{d.object} {d.clarifier}") or step_of(ex.text) or "execute"] += 1
    drafts.sort(key=lambda d: (d.job or "~", -len(d.units), d.statement))
    per_job: Counter[str] = Counter()
    out: list[Outcome] = []
    for d in drafts:
        per_job[d.job or ""] += 1
        if per_job[d.job or ""] > MAX_PER_JOB:
            continue
        step = sorted(d.steps.items(), key=lambda t: (-t[1], t[0]))[0][0]
        stmt = d.statement
        people, others = corpus.split_units(d.units)
        out.append(Outcome(f"outcome-{len(out) + 1}", stmt, d.direction, d.metric, d.object, d.clarifier, d.job,
                           step, people, lint_outcome_statement(stmt, brands=corpus.banned),
                           d.evidence, len(others)))
    return out


def _similar(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) / min(len(a), len(b)) >= 0.6 and len(a & b) / len(a | b) >= 0.4
