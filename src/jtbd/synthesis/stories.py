"""Job stories: "When [situation], I want to [motivation], so I can [expected outcome]",
each clause phrased from a real quote and backed by it."""
from __future__ import annotations

import re

from jtbd.model import CodedExcerpt
from jtbd.synthesis.corpus import Corpus, natural_key
from jtbd.synthesis.jobs import JobCluster
from jtbd.synthesis.lexicon import NEGATIVE_FEELINGS, POSITIVE_FEELINGS, STRUGGLE_CUES, VERBS
from jtbd.synthesis.result import JobStory
from jtbd.synthesis.text import Phrase, content_words, count_cues, first_person, verb_phrases

STORIES_PER_JOB = 3
_CAN = re.compile(r"\b(?:can|could|to be able to)\s+(?!not\b)([a-z][a-z' ,-]{5,80})", re.IGNORECASE)
_FEEL = re.compile(r"\bfeel(?:s|ing)?\s+(?:so\s+|really\s+|a lot\s+|much\s+)?((?:like\s+)?[a-z][a-z' -]{2,60})",
                   re.IGNORECASE)


def _situation(corpus: Corpus, ex: CodedExcerpt) -> str:
    c = first_person(corpus.clause(ex.text, 18))
    c = re.sub(r"^(?:when|whenever|so|then|and)\s+", "", c, flags=re.IGNORECASE)
    return c


def _cut(s: str, max_words: int = 12) -> str:
    s = re.split(r"[.,;:!?]| because | but ", s)[0].strip()
    return " ".join(s.split()[:max_words]).rstrip(" -'")


def outcome_clause(ex: CodedExcerpt) -> str | None:
    """What the customer can do or feel afterwards, as a "so I can ..." clause."""
    low = ex.text.replace("’", "'")
    m = _FEEL.search(low)
    if m:
        feeling = _cut(m.group(1))
        if any(f in feeling.lower() for f in POSITIVE_FEELINGS):
            return f"feel {feeling}"
        neg = next((f for f in NEGATIVE_FEELINGS if f in feeling.lower()), None)
        if neg:
            return f"stop feeling {neg}"
    for m in _CAN.finditer(low):
        c = _cut(m.group(1))
        first = c.split()[0].lower() if c else ""
        if len(c.split()) >= 2 and first != "be" and first in VERBS:
            return c[:1].lower() + c[1:]
    return None
    return None


def _choose(cands: list[int], owner: list[str], unit: str, used: set[int], top: int = 5) -> int | None:
    """Position of the best unused candidate, preferring one of ``unit``'s own among the top few."""
    free = [k for k in cands if k not in used] or cands
    if not free:
        return None
    own = [k for k in free[:top] if owner[k] == unit]
    return own[0] if own else free[0]


def build_stories(corpus: Corpus, job: JobCluster) -> list[JobStory]:
    """Up to :data:`STORIES_PER_JOB` stories for one job, from different participants'
    situations (trigger and push sentences). Motivations come from the job's own verb-object
    phrases in outcome and pull sentences; expected outcomes from what customers say they can
    do or feel afterwards."""
    ex = corpus.excerpts
    situ = sorted((i for i in job.excerpt_idx if {"trigger", "push"} & set(ex[i].codes)
                   and len(ex[i].text.split()) >= 6),
                  key=lambda i: (-corpus.quality(i, "trigger" if "trigger" in ex[i].codes else "push", job.terms)
                                 - 0.3 * ("trigger" in ex[i].codes)
                                 - 0.3 * min(2, count_cues(ex[i].text.lower(), STRUGGLE_CUES)), i))
    phrase_score = {ph.text: sc for sc, ph, _ in (job.candidates or [])}
    motives: list[tuple[int, Phrase]] = []
    for i in job.excerpt_idx:
        if {"outcome", "pull"} & set(ex[i].codes):
            for ph in verb_phrases(ex[i].text, corpus.banned):
                if ph.verb not in ("stop", "feel", "make") and content_words(ph.object):
                    motives.append((i, ph))
    motives.sort(key=lambda t: (-(phrase_score.get(t[1].text, 0.0) + (0.2 if t[1].intent else 0.0)), t[0]))
    outs = [(i, c) for i in job.excerpt_idx if {"emotional", "outcome"} & set(ex[i].codes)
            for c in [outcome_clause(ex[i])] if c]
    outs.sort(key=lambda t: (-corpus.quality(t[0], "outcome", job.terms), t[0]))
    m_owner = [corpus.units[i] for i, _ in motives]
    o_owner = [corpus.units[i] for i, _ in outs]
    stories: list[JobStory] = []
    seen_units: set[str] = set()
    used_m: set[int] = set()
    used_o: set[int] = set()
    for i in situ:
        if len(stories) >= STORIES_PER_JOB or not motives or not outs:
            break
        unit = corpus.units[i]
        situation = _situation(corpus, ex[i])
        if unit in seen_units or len(situation.split()) < 3 or any(st.situation == situation for st in stories):
            continue
        m_pos = _choose(list(range(len(motives))), m_owner, unit, used_m)
        o_pos = _choose(list(range(len(outs))), o_owner, unit, used_o)
        if m_pos is None or o_pos is None:
            continue
        used_m.add(m_pos)
        used_o.add(o_pos)
        m_idx, m_ph = motives[m_pos]
        o_idx, o_clause = outs[o_pos]
        seen_units.add(unit)
        sid = f"story-{job.id.split('-', 1)[1]}-{len(stories) + 1}"
        text = f"When {situation}, I want to {m_ph.text}, so I can {o_clause}."
        se, me, oe = [corpus.evidence(ex[i])], [corpus.evidence(ex[m_idx])], [corpus.evidence(ex[o_idx])]
        all_ev = list(dict.fromkeys(se + me + oe))
        units = sorted({corpus.units[k] for k in (i, m_idx, o_idx)}, key=natural_key)
        stories.append(JobStory(sid, job.id, situation, m_ph.text, o_clause, text, units, all_ev, se, me, oe))
    return stories
