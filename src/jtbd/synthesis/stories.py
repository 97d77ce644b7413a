"""Job stories: "When [situation], I want to [motivation], so I can [expected outcome]",
each clause phrased from a real quote and backed by it."""
from __future__ import annotations

import re

from jtbd.synthesis.clauses import MARKER, PROGRESS_VERBS, good_motivation, outcome_clause, situation_clause
from jtbd.synthesis.corpus import Corpus, natural_key
from jtbd.synthesis.jobs import JobCluster
from jtbd.synthesis.lexicon import STRUGGLE_CUES
from jtbd.synthesis.result import JobStory
from jtbd.synthesis.text import content_words, count_cues, verb_phrases

STORIES_PER_JOB = 3
#: Questions whose answers describe the situation ("What was going on at that time?").
_SITUATION_QUESTION = re.compile(r"going on|what happened|at that time|last straw",
                                 re.IGNORECASE)


def _situations(corpus: Corpus, job: JobCluster, pool: list[int]) -> list[tuple[float, int, str]]:
    """(score, excerpt, clause): trigger/push sentences and answers to "what was going on"."""
    ex = corpus.excerpts
    out = []
    for i in pool:
        codes = set(ex[i].codes)
        asked = bool(ex[i].question and _SITUATION_QUESTION.search(ex[i].question))
        if not ({"trigger", "push"} & codes or (asked and codes - {"alternative", "habit", "anxiety"})):
            continue
        c = situation_clause(ex[i].text, corpus.banned)
        if c is None:
            continue
        code = "trigger" if "trigger" in codes else "push"
        score = (corpus.quality(i, code, job.terms) + 0.4 * ("trigger" in codes) + 0.3 * asked
                 + 0.2 * min(2, count_cues(ex[i].text.lower(), STRUGGLE_CUES))
                 + 0.3 * bool(MARKER.search(ex[i].text)) - 0.04 * max(0, len(c.split()) - 8))
        out.append((score, i, c))
    out.sort(key=lambda t: (-t[0], t[1]))
    return out


def _motivations(corpus: Corpus, job: JobCluster, pool: list[int]) -> list[tuple[float, int, str]]:
    """(score, excerpt, verb phrase) from outcome and pull sentences (and wishes in push ones)."""
    ex = corpus.excerpts
    phrase_score = {ph.text: sc for sc, ph, _ in (job.candidates or [])}
    top = max(phrase_score.values(), default=1.0) or 1.0
    out = []
    for i in pool:
        codes = set(ex[i].codes)
        if not {"outcome", "pull", "push"} & codes:
            continue
        for ph in verb_phrases(ex[i].text, corpus.banned):
            if "outcome" not in codes and "pull" not in codes and not ph.intent:
                continue
            if ph.verb in ("feel", "stop") or not good_motivation(ph.verb, ph.object, ph.clarifier):
                continue
            terms = sum(job.terms.get(w, 0.0) for w in content_words(ph.text))
            score = (phrase_score.get(ph.text, 0.0) / top + 0.5 * ph.intent + 0.4 * (ph.verb in PROGRESS_VERBS)
                     + min(0.6, 3 * terms) + 0.2 * ("outcome" in codes) - 0.05 * len(ph.text.split()))
            out.append((score, i, ph.text))
    out.sort(key=lambda t: (-t[0], t[1], t[2]))
    return out


def _outcomes(corpus: Corpus, job: JobCluster, pool: list[int]) -> list[tuple[float, int, str]]:
    """(score, excerpt, clause) from emotional and outcome sentences."""
    ex = corpus.excerpts
    out = []
    for i in pool:
        codes = set(ex[i].codes)
        if not {"emotional", "outcome", "pull"} & codes:
            continue
        c = outcome_clause(ex[i].text)
        if c is None:
            continue
        score = (corpus.quality(i, "emotional" if "emotional" in codes else "outcome", job.terms)
                 + 0.3 * ("emotional" in codes) + 0.3 * c.startswith(("feel", "stop")))
        out.append((score, i, c))
    out.sort(key=lambda t: (-t[0], t[1], t[2]))
    return out


def _stems(text: str) -> set[str]:
    return {w[:5] for w in content_words(text)}


def _pick(cands: list[tuple[float, int, str]], units: list[str], unit: str, used: set[str],
          clash: str = "") -> tuple[float, int, str] | None:
    """The best unused candidate, with a bonus for the situation's own participant (clauses
    from one person's story fit together)."""
    best: tuple[float, tuple[float, int, str]] | None = None
    for cand in cands:
        if cand[2] in used or len(_stems(cand[2]) & _stems(clash)) >= 2:
            continue  # "I want to chase late payments, so I can stop chasing late payments" says nothing
        score = cand[0] + (0.8 if units[cand[1]] == unit else 0.0)
        if best is None or score > best[0]:
            best = (score, cand)
    return best[1] if best else None


def build_stories(corpus: Corpus, job: JobCluster) -> list[JobStory]:
    """Up to :data:`STORIES_PER_JOB` stories for one job, best first, each from a different
    participant's situation. Situations come from trigger/push sentences (and answers to
    "what was going on"); motivations from verb phrases in outcome/pull sentences; expected
    outcomes from what customers say they feel or can do afterwards. All clauses come from the
    job's own interview participants when it has any (reviews only fill gaps), preferring
    clauses from the same person so that the story hangs together."""
    ex = corpus.excerpts
    people = [i for i in job.excerpt_idx if corpus.units[i] in corpus.people]
    pool = people or job.excerpt_idx
    situ = _situations(corpus, job, pool)
    motives = _motivations(corpus, job, pool) or _motivations(corpus, job, job.excerpt_idx)
    outs = _outcomes(corpus, job, pool) or _outcomes(corpus, job, job.excerpt_idx)
    drafts: list[tuple[float, int, str, tuple[float, int, str], tuple[float, int, str]]] = []
    for score, i, situation in situ[:40]:
        m = _pick(motives, corpus.units, corpus.units[i], set())
        o = _pick(outs, corpus.units, corpus.units[i], set(), m[2] if m else "")
        if m and o:
            fit = score + m[0] + o[0] + 0.8 * (corpus.units[m[1]] == corpus.units[i]) \
                + 0.8 * (corpus.units[o[1]] == corpus.units[i])
            drafts.append((fit, i, situation, m, o))
    drafts.sort(key=lambda t: (-t[0], t[1]))
    stories: list[JobStory] = []
    seen_units: set[str] = set()
    used_m: set[str] = set()
    used_o: set[str] = set()
    for _, i, situation, _, _ in drafts:
        if len(stories) >= STORIES_PER_JOB:
            break
        unit = corpus.units[i]
        if unit in seen_units or any(st.situation == situation for st in stories):
            continue
        m = _pick(motives, corpus.units, unit, used_m)
        o = _pick(outs, corpus.units, unit, used_o, m[2] if m else "")
        if m is None or o is None:
            continue
        (_, m_idx, motivation), (_, o_idx, outcome) = m, o
        used_m.add(motivation)
        used_o.add(outcome)
        seen_units.add(unit)
        sid = f"story-{job.id.split('-', 1)[1]}-{len(stories) + 1}"
        text = f"When {situation}, I want to {motivation}, so I can {outcome}."
        se, me, oe = [corpus.evidence(ex[i])], [corpus.evidence(ex[m_idx])], [corpus.evidence(ex[o_idx])]
        all_ev = list(dict.fromkeys(se + me + oe))
        units = sorted({corpus.units[k] for k in (i, m_idx, o_idx)}, key=natural_key)
        stories.append(JobStory(sid, job.id, situation, motivation, outcome, text, units, all_ev, se, me, oe))
    return stories
