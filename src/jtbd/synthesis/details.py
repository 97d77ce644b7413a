"""Job details: emotional and social dimensions, supporting jobs, context, demographics."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations

from jtbd.synthesis.corpus import Corpus
from jtbd.synthesis.jobs import JobCluster
from jtbd.synthesis.lexicon import (CONTEXT_CUES, NEGATIVE_FEELINGS, POSITIVE_FEELINGS, SOCIAL_NEGATIVE,
                                    SOCIAL_QUALITIES, SUPPORTING_CUES)
from jtbd.synthesis.result import ContextItem, Demographics, Dimension, Lookalike, SupportingJob
from jtbd.synthesis.text import contains_cue, count_cues, verb_phrases

MAX_QUOTES = 4
#: Attributes that identify rather than describe a participant (ignored for look-alikes).
_ID_ATTRS = frozenset(("name", "id", "participant", "participant_id", "email", "document", "speaker", "notes"))
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
    out = {"functional": Dimension(job.statement, [corpus.evidence(ex[i]) for i in _pick(corpus, [
        i for i in job.excerpt_idx if {"outcome", "push", "pull"} & set(ex[i].codes)])])}
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
    out["social"] = Dimension(stmt, [corpus.evidence(ex[i]) for i in _pick(corpus, soc)])
    return out


def supporting_jobs(corpus: Corpus, job: JobCluster, job_num: str) -> list[SupportingJob]:
    """Buyer, co-creator and transferrer jobs from excerpts about comparing/buying,
    setting up/migrating, and cancelling/exporting/handing over."""
    ex = corpus.excerpts
    out = []
    for role, cues in SUPPORTING_CUES.items():
        idx = [i for i in job.excerpt_idx if count_cues(ex[i].text.lower(), cues)]
        if not idx:
            continue
        phrases: Counter[str] = Counter()
        for i in idx:
            for ph in verb_phrases(ex[i].text, corpus.banned):
                if any(contains_cue(ph.text, c) for c in cues):
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


def demographics(jobs: list[JobCluster], attributes: dict[str, dict[str, str]]) -> dict[str, Demographics]:
    """Per job: how its participants' attributes spread, and look-alikes — pairs with
    near-identical attributes (>= 75% equal, at least two shared keys) but different jobs."""
    job_of = {u: j.id for j in jobs for u in j.units}
    out: dict[str, Demographics] = {}
    look: dict[str, list[Lookalike]] = defaultdict(list)
    units = sorted(job_of)
    for a, b in combinations(units, 2):
        if job_of[a] == job_of[b]:
            continue
        ka = {k: v for k, v in attributes.get(a, {}).items() if k.lower() not in _ID_ATTRS and v}
        kb = {k: v for k, v in attributes.get(b, {}).items() if k.lower() not in _ID_ATTRS and v}
        keys = sorted(set(ka) & set(kb))
        if len(keys) < 2:
            continue
        same = {k: ka[k] for k in keys if str(ka[k]).strip().lower() == str(kb[k]).strip().lower()}
        sim = len(same) / len(keys)
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
