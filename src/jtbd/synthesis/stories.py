"""Job stories: "When [situation], I want to [motivation], so I can [expected outcome]",
each clause phrased from a real quote and backed by it."""
from __future__ import annotations

import re

from jtbd.model import CodedExcerpt
from jtbd.synthesis.corpus import Corpus, natural_key
from jtbd.synthesis.jobs import JobCluster
from jtbd.synthesis.lexicon import NEGATIVE_FEELINGS, POSITIVE_FEELINGS
from jtbd.synthesis.result import JobStory
from jtbd.synthesis.text import Phrase, content_words, first_person, verb_phrases

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
    m = _CAN.search(low)
    if m:
        c = _cut(m.group(1))
        return c[:1].lower() + c[1:] if len(c.split()) >= 2 else None
    return None


def _pick(cands: list[int], corpus: Corpus, prefer_unit: str, used: set[int]) -> int | None:
    same = [i for i in cands if corpus.units[i] == prefer_unit and i not in used]
    rest = [i for i in cands if i not in used]
    return (same or rest or cands or [None])[0]


def build_stories(corpus: Corpus, job: JobCluster) -> list[JobStory]:
    """Up to :data:`STORIES_PER_JOB` stories for one job, from different participants'
    situations (trigger and push sentences)."""
    ex = corpus.excerpts
    situ = sorted((i for i in job.excerpt_idx if {"trigger", "push"} & set(ex[i].codes)),
                  key=lambda i: (-len({"trigger", "push"} & set(ex[i].codes)),
                                 -sum(job.terms.get(w, 0) for w in content_words(ex[i].text)), i))
    # motivations: intention phrases from outcome / pull sentences
    motives: list[tuple[int, Phrase]] = []
    for i in job.excerpt_idx:
        if {"outcome", "pull"} & set(ex[i].codes):
            for ph in verb_phrases(ex[i].text, corpus.banned):
                motives.append((i, ph))
    motives.sort(key=lambda t: (-(2 if t[1].intent else 1) * (1 + sum(job.terms.get(w, 0) for w in t[1].terms)),
                                t[0]))
    outs = [(i, c) for i in job.excerpt_idx if {"emotional", "outcome"} & set(ex[i].codes)
            for c in [outcome_clause(ex[i])] if c]
    stories: list[JobStory] = []
    seen_units: set[str] = set()
    used_m: set[int] = set()
    used_o: set[int] = set()
    for i in situ:
        if len(stories) >= STORIES_PER_JOB:
            break
        unit = corpus.units[i]
        if unit in seen_units:
            continue
        situation = _situation(corpus, ex[i])
        if len(situation.split()) < 3 or any(st.situation == situation for st in stories):
            continue
        m_pos = _pick(list(range(len(motives))), corpus, unit, used_m) if motives else None
        if m_pos is None:
            continue
        m_idx, m_ph = motives[m_pos]
        same_m = [k for k, (j, _) in enumerate(motives) if corpus.units[j] == unit and k not in used_m]
        if same_m:
            m_pos = same_m[0]
            m_idx, m_ph = motives[m_pos]
        used_m.add(m_pos)
        o_cands = [k for k, (j, _) in enumerate(outs) if corpus.units[j] == unit and k not in used_o] or \
                  [k for k in range(len(outs)) if k not in used_o] or list(range(len(outs)))
        if not o_cands:
            continue
        o_idx, o_clause = outs[o_cands[0]]
        used_o.add(o_cands[0])
        seen_units.add(unit)
        sid = f"story-{job.id.split('-', 1)[1]}-{len(stories) + 1}"
        text = f"When {situation}, I want to {m_ph.text}, so I can {o_clause}."
        se, me, oe = [corpus.evidence(ex[i])], [corpus.evidence(ex[m_idx])], [corpus.evidence(ex[o_idx])]
        all_ev = list(dict.fromkeys(se + me + oe))
        units = sorted({corpus.units[k] for k in (i, m_idx, o_idx)}, key=natural_key)
        stories.append(JobStory(sid, job.id, situation, m_ph.text, o_clause, text, units, all_ev, se, me, oe))
    return stories
