"""Job details: emotional and social dimensions, supporting jobs, context, demographics."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations

from jtbd.synthesis.corpus import Corpus
from jtbd.synthesis.jobs import JobCluster
from jtbd.synthesis.lexicon import (
    CONTEXT_CUES,
    NEGATIVE_FEELINGS,
    POSITIVE_FEELINGS,
    SOCIAL_NEGATIVE,
    SOCIAL_QUALITIES,
    SUPPORTING_CUES,
)
from jtbd.synthesis.lint import lint_job_statement
from jtbd.synthesis.result import ContextItem, Demographics, Dimension, Lookalike, SupportingJob
from jtbd.synthesis.text import contains_cue, count_cues, verb_phrases

MAX_QUOTES = 4
#: Attributes that identify rather than describe a participant (ignored for look-alikes).
_ID_ATTRS = frozenset(("name", "id", "participant", "participant_id", "email", "document", "speaker", "notes"))
_SUPPORT_VERBS = {
    "buyer": frozenset(("compare", "choose", "buy", "try", "decide", "sign", "pick", "test", "evaluate", "find")),
    "co-creator": frozenset(("set", "import", "migrate", "connect", "move", "configure", "customise", "customize",
                             "link", "learn")),
    "transferrer": frozenset(("export", "cancel", "hand", "download", "close", "share", "archive", "transfer")),
}
_SUPPORT_DEFAULT = {
    "buyer": "compare the options and decide which one to hire",
    "co-creator": "set up the new way of working and move existing records over",
    "transferrer": "hand over or export records when the work changes hands",
}


def _pick(corpus: Corpus, idx: list[int]) -> list[int]:
    out, seen = [], set()
    for i in idx:
        if corpus.units[i] not in seen:
            seen.add(corpus.units[i])
            out.append(i)
    return out[:MAX_QUOTES]


def _top(counter: Counter[str]) -> str | None:
    return sorted(counter.items(), key=lambda t: (-t[1], t[0]))[0][0] if counter else None


def dimensions(corpus: Corpus, job: JobCluster) -> dict[str, Dimension]:
    """Functional (the job statement), emotional ("feel in control", "avoid feeling awkward")
    and social ("be seen as professional") dimensions, from emotional/social excerpts."""
    ex = corpus.excerpts
    terms = dict(job.terms)
    for w in job.statement.split():
        terms[w] = terms.get(w, 0.0) + 0.3
    functional = [i for i in job.excerpt_idx if {"outcome", "push", "pull"} & set(ex[i].codes)]
    out = {"functional": Dimension(job.statement, [corpus.evidence(ex[i]) for i in corpus.best_quotes(
        functional, MAX_QUOTES, "outcome", terms)])}
    emo = corpus.best_quotes([i for i in job.excerpt_idx if "emotional" in ex[i].codes], 50, "emotional")
    pos: Counter[str] = Counter()
    neg: Counter[str] = Counter()
    for i in emo:
        low = ex[i].text.lower()
        pos.update({f for f in POSITIVE_FEELINGS if f in low})
        neg.update({f for f in NEGATIVE_FEELINGS if f in low})
    parts = []
    if _top(pos):
        parts.append(f"feel {_top(pos)}")
    if _top(neg):
        parts.append(f"avoid feeling {_top(neg)}")
    feel_words = {w for w in (_top(pos), _top(neg)) if w}
    emo = sorted(emo, key=lambda i: (not any(w in ex[i].text.lower() for w in feel_words), emo.index(i)))
    out["emotional"] = Dimension(" and ".join(parts) if parts else ("" if not emo else "feel better about the job"),
                                 [corpus.evidence(ex[i]) for i in _pick(corpus, emo)])
    soc = corpus.best_quotes([i for i in job.excerpt_idx if "social" in ex[i].codes], 50, "social")
    quals: Counter[str] = Counter()
    for i in soc:
        low = ex[i].text.lower()
        quals.update({q for q in SOCIAL_QUALITIES if re.search(r"\b" + re.escape(q) + r"\b", low)})
    q = _top(quals)
    if q:
        stmt = f"avoid being seen as {q}" if q in SOCIAL_NEGATIVE else f"be seen as {q}"
    else:
        stmt = "be seen well by others" if soc else ""
    soc = sorted(soc, key=lambda i: (not (q and q in ex[i].text.lower()), soc.index(i)))
    out["social"] = Dimension(stmt, [corpus.evidence(ex[i]) for i in _pick(corpus, soc)])
    return out


def supporting_jobs(corpus: Corpus, job: JobCluster, job_num: str) -> list[SupportingJob]:
    """Buyer, co-creator and transferrer jobs from excerpts about comparing/buying,
    setting up/migrating, and cancelling/exporting/handing over."""
    ex = corpus.excerpts
    out: list[SupportingJob] = []
    for role, cues in SUPPORTING_CUES.items():
        idx = [i for i in job.excerpt_idx if count_cues(ex[i].text.lower(), cues)]
        if not idx:
            continue
        phrases: Counter[str] = Counter()
        for i in idx:
            for ph in verb_phrases(ex[i].text, corpus.banned):
                if ph.verb in _SUPPORT_VERBS[role] and not lint_job_statement(ph.text, brands=corpus.banned):
                    phrases[ph.text] += 1
        common = [p for p, n in sorted(phrases.items(), key=lambda t: (-t[1], t[0])) if n >= 2]
        stmt = common[0] if common else _SUPPORT_DEFAULT[role]
        units = {corpus.units[i] for i in idx}
        out.append(SupportingJob(f"support-{job_num}-{len(out) + 1}", role, stmt, len(units),
                                 [corpus.evidence(ex[i]) for i in corpus.best_quotes(idx, MAX_QUOTES)]))
    return out


def context(corpus: Corpus, job: JobCluster, per_type: int = 3) -> list[ContextItem]:
    """Circumstances (time, place, team) that at least two of the job's participants mention."""
    ex = corpus.excerpts
    out = []
    for typ, cues in CONTEXT_CUES.items():
        hits: dict[str, list[int]] = defaultdict(list)
        pattern_hit = [i for i in job.excerpt_idx if count_cues(ex[i].text.lower(), tuple(
            c + " " if len(c) < 5 else c for c in cues))]
        for i in pattern_hit:
            low = ex[i].text.lower()
            for c in cues:
                if contains_cue(low, c + " ") if len(c) < 5 else contains_cue(low, c):
                    hits[c].append(i)
        ranked = sorted(hits.items(), key=lambda t: (-len({corpus.units[i] for i in t[1]}), t[0]))
        ranked = [(t, idx) for t, idx in ranked if not (t.endswith("s") and t[:-1] in hits)]
        for term, idx in ranked[:per_type]:
            units = {corpus.units[i] for i in idx}
            if len(units) >= min(2, len(job.units)):
                out.append(ContextItem(typ, term, len(units), [corpus.evidence(ex[i]) for i in _pick(corpus, idx)]))
    return out


def _profile_keys(units: list[str], attributes: dict[str, dict[str, str]]) -> list[str]:
    """Attributes that describe a kind of person (some values shared), not one person
    (a unique value each, like a date or a town)."""
    values: dict[str, list[str]] = defaultdict(list)
    for u in units:
        for k, v in attributes.get(u, {}).items():
            if k.lower() not in _ID_ATTRS and v:
                values[k].append(str(v).strip().lower())
    return sorted(k for k, vs in values.items()
                  if len(vs) >= 2 and (k.lower() == "age" or len(set(vs)) <= 0.75 * len(vs)))


def _same(key: str, a: str, b: str) -> bool:
    if key.lower() == "age":
        try:
            return abs(float(a) - float(b)) <= 5
        except ValueError:
            pass
    return a.strip().lower() == b.strip().lower()


def demographics(jobs: list[JobCluster], attributes: dict[str, dict[str, str]]) -> dict[str, Demographics]:
    """Per job: how its participants' attributes spread, and look-alikes — pairs of
    participants with near-identical profiles (>= 75% of the shared profile attributes equal,
    ages within 5 years, at least two attributes) but different jobs."""
    job_of = {u: j.id for j in jobs for u in j.units}
    out: dict[str, Demographics] = {}
    look: dict[str, list[Lookalike]] = defaultdict(list)
    units = sorted(job_of)
    keys = _profile_keys(units, attributes)
    for a, b in combinations(units, 2):
        if job_of[a] == job_of[b]:
            continue
        ka, kb = attributes.get(a, {}), attributes.get(b, {})
        common = [k for k in keys if ka.get(k) and kb.get(k)]
        if len(common) < 2:
            continue
        same = {k: ka[k] for k in common if _same(k, ka[k], kb[k])}
        sim = len(same) / len(common)
        if sim >= 0.75:
            look[job_of[a]].append(Lookalike(a, b, job_of[b], round(sim, 2), same))
            look[job_of[b]].append(Lookalike(b, a, job_of[a], round(sim, 2), same))
    for j in jobs:
        spread: dict[str, Counter[str]] = defaultdict(Counter)
        for u in j.units:
            for k, v in attributes.get(u, {}).items():
                if k.lower() not in _ID_ATTRS and v:
                    spread[k][str(v)] += 1
        out[j.id] = Demographics({k: dict(sorted(c.items())) for k, c in sorted(spread.items())},
                                 sorted(look[j.id], key=lambda x: (-x.similarity, x.participant, x.other))[:20])
    return out
