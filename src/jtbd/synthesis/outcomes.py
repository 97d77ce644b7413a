"""Desired-outcome statements (direction + metric + object of control + clarifier) from
outcome and push excerpts, de-duplicated across interviews."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from jtbd.synthesis.corpus import Corpus, natural_key
from jtbd.synthesis.jobmap import step_of
from jtbd.synthesis.lexicon import BAD_THINGS, DETERMINERS, PREPOSITIONS, PRONOUNS, VERBS
from jtbd.synthesis.lint import lint_outcome_statement
from jtbd.synthesis.result import Evidence, Outcome, Warning
from jtbd.synthesis.text import Phrase, base_verb, content_words, gerund, verb_phrases

#: Outcome statements kept per job (the best supported); a survey needs a manageable list.
MAX_PER_JOB = 25
MAX_QUOTES = 5
_TIME = re.compile(r"\b(hours?|minutes?|days?|weeks?|ages|took|takes|slow|quick(?:ly)?|fast|forever|weekends?)\b")
# ("forget about it" is putting a thing out of mind, not a slip to prevent; "fine" alone is
# mostly "all right")
_RISK = re.compile(r"\b(lost|lose|losing|miss(?:ed|ing)?|forg[eo]t(?!\s+about\s+(?:it|that|them)\b)|"
                   r"mistakes?|errors?|wrong|overdue|penalt\w*|fine[ds]|an? fine|late)\b")
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


_VAGUE = frozenset(("it", "this", "that", "he", "she", "his", "her", "him", "it's", "its"))
_DANGLING = PREPOSITIONS | DETERMINERS | frozenset(("and", "or", "but", "so", "that", "which", "to", "saying", "like",
                                                   "more", "less", "same", "other", "one", "twice", "again"))
_ING_NOUNS = frozenset("thing things morning evening nothing something anything everything building ceiling wedding "
                       "meeting pricing booking funding clothing spring string during ring king".split())
_CLAUSE_VERBS = frozenset(("is", "was", "were", "are", "comes", "goes", "had", "has", "did", "does", "gets", "makes"))


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


def object_problem(obj: str) -> str | None:
    """Why ``obj`` (verb + object of control, e.g. "send the invoice") is no clean object of
    control, or None: it needs a head noun and must not dangle ("getting a letter saying"),
    point nowhere ("know if it was ..."), or run into a clause ("scan comes in with day")."""
    ws = obj.lower().split()
    if len(ws) < 2 or len(ws) > 10:
        return "is too short or too long"
    if any(w in _VAGUE for w in ws):
        return "refers to something unnamed (it/this/he/she)"
    last = ws[-1]
    if last in _DANGLING or _gerund(last) or (last.endswith("ed") and base_verb(last)) \
            or (ws[-2] == "to" and last in VERBS):
        return f"ends on a dangling {last!r}"
    if ws[1] in PREPOSITIONS and ws[0] != "forgetting":
        return f"has no object after {ws[0]!r}"
    if ws[0] == "know":
        return None if len(ws) >= 3 else "says nothing to know"
    rest = ws[2:] if ws[0] == "forgetting" and len(ws) > 2 and ws[1] == "to" else ws[1:]
    rest = rest[1:] if rest and ws[0] == "forgetting" else rest
    if rest and (base_verb(rest[-1]) == rest[-1] and rest[-1] in VERBS and len(rest) == 1):
        return f"has a verb but no object ({rest[-1]!r})"
    if any(w in _CLAUSE_VERBS for w in rest) or (rest and _gerund(rest[0])):
        return "runs into a second verb"
    nouns = [w for w in content_words(" ".join(rest)) if not w.endswith("ly") and not _gerund(w)]
    return None if nouns else "has no noun to act on"


def _gerund(w: str) -> bool:
    """An -ing verb form ("using", "forwarding"), not an -ing noun ("morning", "pricing")."""
    return w.endswith("ing") and len(w) >= 5 and w not in _ING_NOUNS


def build_outcomes(corpus: Corpus, job_of: dict[str, str]) -> tuple[list[Outcome], list[Warning]]:
    """Outcome statements for every job, merged when they say the same thing (same job,
    direction and metric, and the same verb and head noun or most object words shared), best
    supported first (interview participants, then all sources, then quotes), at most
    :data:`MAX_PER_JOB` per job. Drafts without a clean object of control are not emitted;
    a warning per job counts them and those over the limit."""
    drafts: list[_Draft] = []
    junk: dict[str | None, list[str]] = {}
    for i, ex in enumerate(corpus.excerpts):
        if not {"outcome", "push"} & set(ex.codes):
            continue
        parts = draft_outcome(ex.text, ex.codes, corpus.banned)
        if parts is None:
            continue
        d = _Draft(*parts, job=job_of.get(corpus.units[i]))
        if set(d.clarifier.lower().split()) & _VAGUE:
            d.clarifier = ""  # "from his wife's phone": whose?
        if object_problem(d.object):
            junk.setdefault(d.job, []).append(d.statement)
            continue
        same = next((o for o in drafts if o.job == d.job and o.direction == d.direction and o.metric == d.metric
                     and (_similar(o.key_terms, d.key_terms) or _same_head(o.object, d.object))), None)
        target = same or d
        if same is None:
            drafts.append(d)
        ev = corpus.evidence(ex)
        if ev not in target.evidence and len(target.evidence) < MAX_QUOTES:
            target.evidence.append(ev)
        target.units.add(corpus.units[i])
        target.steps[step_of(f"{d.object} {d.clarifier}") or step_of(ex.text) or "execute"] += 1
    drafts.sort(key=lambda d: (d.job or "~", -len(set(d.units) & corpus.people), -len(d.units), -len(d.evidence),
                               d.statement))
    per_job: Counter[str] = Counter()
    out: list[Outcome] = []
    over: Counter[str | None] = Counter()
    for d in drafts:
        per_job[d.job or ""] += 1
        if per_job[d.job or ""] > MAX_PER_JOB:
            over[d.job] += 1
            continue
        step = sorted(d.steps.items(), key=lambda t: (-t[1], t[0]))[0][0]
        stmt = d.statement
        people, others = corpus.split_units(d.units)
        out.append(Outcome(f"outcome-{len(out) + 1}", stmt, d.direction, d.metric, d.object, d.clarifier, d.job,
                           step, people, lint_outcome_statement(stmt, brands=corpus.banned),
                           d.evidence, len(others)))
    emitted = {o.statement for o in out}
    junk = {j: [x for x in dict.fromkeys(v) if x not in emitted] for j, v in junk.items()}
    warnings = []
    for job in sorted(set(junk) | set(over), key=lambda j: j or "~"):
        where = job or "evidence matching no job"
        if junk.get(job):
            examples = "; ".join(repr(x) for x in junk[job][:2])
            warnings.append(Warning("lint", job, f"{len(junk[job])} outcome statements for {where} were left out: "
                                    f"no clean object of control (e.g. {examples}); write them from the quotes "
                                    "if they matter"))
        if over.get(job):
            warnings.append(Warning("lint", job, f"{over[job]} more outcome statements for {where}, each with "
                                    f"less support, were left out (at most {MAX_PER_JOB} per job)"))
    return out, warnings


def _same_head(a: str, b: str) -> bool:
    """Same verb and the same head noun: "send an invoice" = "send the invoices"."""
    wa, wb = a.lower().split(), b.lower().split()
    return wa[0] == wb[0] and wa[-1].rstrip("s") == wb[-1].rstrip("s") and len(wa) <= 4 and len(wb) <= 4


def _similar(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) / min(len(a), len(b)) >= 0.6 and len(a & b) / len(a | b) >= 0.4
