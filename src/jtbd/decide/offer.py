"""Next best offer: recognise the job in a customer's words and suggest what to offer, and when.

Given a review, ticket or chat message:

1. **Job** — for each synthesised job, ``fit = max(evidence_fit, PROFILE_WEIGHT · profile_sim)``:
   ``profile_sim`` is the similarity to the job's profile (statement, top terms, stories,
   outcomes and quotes: :meth:`DecisionContext.job_text`) and ``evidence_fit`` the mean of the
   TOP_K best similarities between the text and the coded excerpts of the documents the synthesis placed in that job (excerpts with
   at least 3 topic words; an excerpt sharing fewer than MIN_SHARED topic words with the text
   counts 0, so one common word such as "day" is not a match). The best job wins when ``fit ≥ NO_JOB_BELOW``; otherwise the answer
   is "no clear job".
2. **Force / struggling moment** — the text's sentences are coded by the local coder; the
   sentence with the strongest push, trigger, anxiety, pull or habit score (≥ 0.5) is the
   moment. Without one, the codes of the best-matching excerpts vote (weighted by similarity).
3. **Offer** — the job's survey outcome most similar to the text among the underserved ones
   (else any of the job's outcomes, else its synthesised outcomes); the job's hiring criterion
   (pull force) closest to the text as the feature area; the job's anxiety closest to the text
   as the reassurance to give. **When** follows the force: a push/trigger is the moment to offer
   now; an anxiety calls for reassurance before selling; a pull for showing the outcome while
   they compare; a habit for making the switch effortless.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from jtbd.decide.context import DecisionContext, Evidence, content_terms
from jtbd.errors import InputError
from jtbd.model import ParsedDocument

NO_JOB_BELOW = 0.15
MIN_SHARED = 2
PROFILE_WEIGHT = 2.0
TOP_K = 3
FORCE_MIN = 0.5
FORCE_CODES = ("push", "trigger", "anxiety", "pull", "habit")
WHEN: dict[str, str] = {
    "push": "now: they are in a struggling moment, so offer the fix while the pain is fresh",
    "trigger": "now: something just happened that makes them look for a better way",
    "anxiety": "before selling: reassure first, the anxiety is what holds them back",
    "pull": "while they compare: show the outcome they are drawn to",
    "habit": "when they are ready to switch: make the change effortless (import, keep their way of working)",
}


@dataclass(frozen=True)
class Offer:
    """The recognised job and what to offer. ``job`` is None when there is no clear job."""

    text: str
    job: str | None
    job_statement: str | None
    fit: float
    job_fits: dict[str, float]
    force: str | None
    moment: str | None
    outcome: dict[str, Any] | None = None
    feature_area: dict[str, Any] | None = None
    reassurance: dict[str, Any] | None = None
    when: str | None = None
    why: str = ""
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)

    @property
    def clear(self) -> bool:
        return self.job is not None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "job": self.job, "job_statement": self.job_statement,
                "clear": self.clear, "fit": round(self.fit, 3),
                "job_fits": {k: round(v, 3) for k, v in self.job_fits.items()},
                "force": self.force, "moment": self.moment, "outcome": self.outcome,
                "feature_area": self.feature_area, "reassurance": self.reassurance, "when": self.when,
                "why": self.why, "evidence": [e.to_dict() for e in self.evidence]}


def next_best_offer(ctx: DecisionContext, text: str) -> Offer:
    """Recognise the job ``text`` shows and suggest the offer (method in the module docstring)."""
    if not text or not text.strip():
        raise InputError("the customer text is empty; give a review, ticket or chat message")
    m = ctx.matcher
    docs_by_job = ctx.job_documents()
    pool = [e for e in ctx.excerpts if e.codes and len(set(content_terms(e.text))) >= 3]
    sims = m.similarity([text], [e.text for e in pool])[0] if pool else np.zeros(0)
    words = set(content_terms(text))
    shared = np.array([len(words & set(content_terms(e.text))) for e in pool])
    sims = np.where(shared >= MIN_SHARED, sims, 0.0) if pool else sims
    fits: dict[str, float] = {}
    best_idx: dict[str, list[int]] = {}
    for jid, docs in docs_by_job.items():
        idx = [i for i, e in enumerate(pool) if e.document_id in docs]
        top = sorted(idx, key=lambda i: -sims[i])[:TOP_K]
        best_idx[jid] = top
        fits[jid] = float(np.mean([sims[i] for i in top])) if top else 0.0
    profile = m.similarity([text], [ctx.job_text(j) for j in ctx.jobs])[0]
    for j, ps in zip(ctx.jobs, profile):
        jid = str(j.get("id"))
        fits[jid] = max(fits.get(jid, 0.0), PROFILE_WEIGHT * float(ps))
    force, moment = _force(text)
    if not fits or max(fits.values()) < NO_JOB_BELOW:
        return Offer(text=text, job=None, job_statement=None, fit=max(fits.values(), default=0.0), job_fits=fits,
                     force=force, moment=moment,
                     why=f"no clear job: the text is not similar enough to any job's evidence "
                         f"(best fit {max(fits.values(), default=0.0):.2f} < {NO_JOB_BELOW})")
    jid = max(sorted(fits), key=lambda k: fits[k])
    job = ctx.job(jid) or {}
    top = [pool[i] for i in best_idx[jid] if sims[i] > 0]
    if force is None:
        force = _vote(top, [sims[i] for i in best_idx[jid] if sims[i] > 0])
    outcome = _outcome(ctx, jid, text)
    feature = _closest_force(ctx, jid, "pull", text)
    reassurance = _closest_force(ctx, jid, "anxiety", text)
    why = f"the text reads like the job \u201c{job.get('statement')}\u201d (fit {fits[jid]:.2f})"
    if moment:
        why += f"; it shows a {force} moment: \u201c{moment}\u201d"
    if outcome:
        why += f"; the job's most relevant {'underserved ' if outcome.get('underserved') else ''}outcome is " \
               f"\u201c{outcome['outcome']}\u201d"
    return Offer(text=text, job=jid, job_statement=str(job.get("statement")), fit=fits[jid], job_fits=fits,
                 force=force, moment=moment, outcome=outcome, feature_area=feature, reassurance=reassurance,
                 when=WHEN.get(force or "", "when they next get in touch"), why=why,
                 evidence=tuple(Evidence.from_excerpt(e) for e in top))


def _force(text: str) -> tuple[str | None, str | None]:
    """The strongest force in the text's sentences, by the local coder (score ≥ FORCE_MIN)."""
    from jtbd.coding import get_coder, segment_document

    doc = ParsedDocument(source="offer", kind="review", text=text, turns=())
    excerpts = segment_document(doc)
    if not excerpts:
        return None, None
    results = get_coder("local").code_document(doc, excerpts)
    best: tuple[float, str, str] | None = None
    for ex, res in zip(excerpts, results):
        for code in FORCE_CODES:
            s = float(res.scores.get(code, 0.0))
            if s >= FORCE_MIN and (best is None or s > best[0]):
                best = (s, code, ex.text)
    return (best[1], best[2]) if best else (None, None)


def _vote(excerpts: list[Any], weights: list[float]) -> str | None:
    votes: dict[str, float] = {}
    for e, w in zip(excerpts, weights):
        for c in e.codes:
            if c in FORCE_CODES:
                votes[c] = votes.get(c, 0.0) + w
    return max(sorted(votes), key=lambda c: votes[c]) if votes else None


def _outcome(ctx: DecisionContext, jid: str, text: str) -> dict[str, Any] | None:
    """The job's survey outcome closest to the text, underserved ones first (else synthesised)."""
    assigned = ctx.survey_outcome_jobs()
    mine = [o for o in ctx.survey_outcomes if assigned.get(str(o["outcome"])) == jid]
    if mine:
        sims = ctx.matcher.similarity([text], [str(o["outcome"]) for o in mine])[0]
        order = sorted(range(len(mine)), key=lambda i: (not mine[i].get("underserved"), -sims[i],
                                                        -float(mine[i].get("opportunity") or 0)))
        relevant = [i for i in order if sims[i] > 0] or order
        o = mine[relevant[0]]
        return {"outcome": str(o["outcome"]), "source": "survey", "similarity": round(float(sims[relevant[0]]), 3),
                "opportunity": round(float(o.get("opportunity") or 0), 2), "band": o.get("band"),
                "underserved": bool(o.get("underserved"))}
    syn = [o for o in ctx.synthesis.get("outcomes", []) if o.get("job") == jid and o.get("statement")]
    if not syn:
        return None
    sims = ctx.matcher.similarity([text], [str(o["statement"]) for o in syn])[0]
    k = int(sims.argmax())
    return {"outcome": str(syn[k]["statement"]), "source": "synthesis", "similarity": round(float(sims[k]), 3),
            "opportunity": None, "band": None, "underserved": False,
            "evidence": syn[k].get("evidence", [])[:2]}


def _closest_force(ctx: DecisionContext, jid: str, force: str, text: str) -> dict[str, Any] | None:
    items = [f for f in ctx.synthesis.get("forces", [])
             if f.get("job") == jid and f.get("force") == force and not f.get("segment")]
    if not items:
        return None
    texts = [" ".join([str(f.get("label", ""))] + [str(e.get("quote", "")) for e in f.get("evidence", [])])
             for f in items]
    sims = ctx.matcher.similarity([text], texts)[0]
    k = max(range(len(items)), key=lambda i: (sims[i], int(items[i].get("participants") or 0)))
    f = items[k]
    return {"id": f.get("id"), "label": f.get("label"), "participants": f.get("participants"),
            "similarity": round(float(sims[k]), 3), "evidence": f.get("evidence", [])[:2]}
