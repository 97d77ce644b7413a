"""Switch timelines: one per interview, customer sentences placed on the six phases
(first thought → passive looking → active looking → deciding → first use → ongoing use) by
cue words in the sentence and in the question it answers, with triggers as events."""
from __future__ import annotations

from collections import defaultdict

from jtbd.synthesis.corpus import Corpus
from jtbd.synthesis.lexicon import PHASE_CUES
from jtbd.synthesis.result import Phase, Timeline, TimelineEvent
from jtbd.synthesis.text import count_cues

PHASES: tuple[str, ...] = tuple(PHASE_CUES)
MAX_QUOTES = 4
MAX_EVENTS = 8


def place(sentence: str, question: str | None, rel_pos: float) -> str | None:
    """The phase of a sentence: cue hits in the sentence count 2, those in its question 1.5,
    minus 0.45 points per phase away from where its relative position in the interview
    expects it (so "now" in a greeting is not ongoing use). None when nothing fits."""
    s = sentence.lower().replace("’", "'")
    q = (question or "").lower().replace("’", "'")
    if len(s.split()) < 4:
        return None
    # The switch story fills roughly the middle 80% of an interview (background first, reflection last).
    expected = min(1.0, max(0.0, (rel_pos - 0.1) / 0.8)) * (len(PHASES) - 1)
    scores = {}
    for k, (phase, cues) in enumerate(PHASE_CUES.items()):
        cues_w = tuple(c + " " if len(c) < 5 else c for c in cues)
        hits = 2 * count_cues(s, cues_w) + (1.5 * count_cues(q, cues_w) if q else 0)
        score = hits - 0.45 * abs(k - expected)
        if hits and score > 0:
            scores[phase] = score
    if not scores:
        return None
    best = max(scores.values())
    return next(p for p in PHASES if scores.get(p) == best)


def build_timelines(corpus: Corpus, job_of: dict[str, str]) -> list[Timeline]:
    """One timeline per interview document that has customer excerpts."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, ex in enumerate(corpus.excerpts):
        if ex.kind == "interview" or corpus.doc(ex).kind == "interview":
            by_doc[str(ex.document_id)].append(i)
    out: list[Timeline] = []
    for doc_key, idx in by_doc.items():
        doc = corpus.docs[doc_key]
        n = max(1, len(doc.text))
        placed: dict[str, list[int]] = defaultdict(list)
        seq: list[tuple[int, str]] = []  # (excerpt index, phase) in reading order
        for i in idx:
            ex = corpus.excerpts[i]
            ph = place(ex.text, ex.question, ex.start / n)
            if ph:
                placed[ph].append(i)
                seq.append((i, ph))
        phases = []
        for ph in PHASES:
            members = placed.get(ph, [])
            best = sorted(sorted(members, key=lambda i: (-corpus.quality(i), i))[:MAX_QUOTES])
            phases.append(Phase(ph, corpus.clause(corpus.excerpts[best[0]].text, 14) if best else "",
                                [corpus.evidence(corpus.excerpts[i]) for i in best]))
        events: list[TimelineEvent] = []
        for i in idx:
            ex = corpus.excerpts[i]
            if "trigger" not in ex.codes:
                continue
            before = [ph for j, ph in seq if corpus.excerpts[j].start <= ex.start]
            frm = before[-1] if before else PHASES[0]
            after = [ph for j, ph in seq
                     if corpus.excerpts[j].start > ex.start and PHASES.index(ph) > PHASES.index(frm)]
            to = after[0] if after else PHASES[min(PHASES.index(frm) + 1, len(PHASES) - 1)]
            if to == frm or len(ex.text.split()) < 4 or len(events) >= MAX_EVENTS:
                continue
            events.append(TimelineEvent(f"tl-{len(out) + 1}-event-{len(events) + 1}", frm, to,
                                        corpus.clause(ex.text, 14), [corpus.evidence(ex)]))
        unit = corpus.units[idx[0]]
        out.append(Timeline(f"timeline-{len(out) + 1}", doc.id, doc.source, doc.participant or unit,
                            job_of.get(unit), phases, events))
    return out
