"""Roadmap scoring: rank candidate features by the progress they help customers make.

A feature is scored by what it addresses in the study, never by how often it was requested.
Its text (``feature`` + ``description``) is matched to the study by :class:`TextMatcher`
similarity ``sim`` (0..1), and::

    outcome_points  = Σ opportunity(o)                 over survey outcomes o with sim ≥ OUTCOME_MIN
                                                       that the survey flags underserved
                      (no survey: Σ participants(o) over synthesised outcomes with sim ≥ OUTCOME_MIN)
    struggle_points = W_PARTICIPANT · |participants| + W_DOCUMENT · |other documents|
                      whose push/trigger excerpts have sim ≥ QUOTE_MIN  (struggling moments)
    anxiety_points  = the same count over anxiety excerpts                (anxieties answered)
    job_points      = W_JOB · sim(feature, job) · significance(job)/100   (best-matching job;
                      significance is 100 when the study has none)
    value           = outcome_points + struggle_points + anxiety_points + job_points
    score           = value / effort   when an effort is given, else value

Excerpts with fewer than MIN_TERMS topic words are not matched. "Other documents" are reviews
and tickets without a known participant.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jtbd.decide.context import DecisionContext, Evidence, content_terms, read_text_file
from jtbd.errors import InputError

OUTCOME_MIN = 0.2
QUOTE_MIN = 0.25
W_PARTICIPANT = 2.0
W_DOCUMENT = 0.5
W_JOB = 10.0
MAX_QUOTES = 5
MIN_TERMS = 3
#: The scoring formula, as shown to users (``--json`` and the table's caption).
FORMULA = ("score = (Σ opportunity of matched underserved outcomes + 2·participants and 0.5·other documents "
           "with matched struggling moments + 2·participants and 0.5·other documents with matched anxieties "
           "+ 10·job similarity·job significance/100) / effort")


@dataclass(frozen=True)
class Feature:
    """A candidate feature from the features CSV (``row`` is its 1-based data row)."""

    name: str
    description: str = ""
    effort: float | None = None
    row: int | None = None

    @property
    def text(self) -> str:
        return f"{self.name}. {self.description}".strip()


@dataclass(frozen=True)
class OutcomeMatch:
    """A desired outcome a feature addresses (from the survey, or synthesised)."""

    outcome: str
    similarity: float
    source: str  # "survey" | "synthesis"
    job: str | None = None
    opportunity: float | None = None
    band: str | None = None
    underserved: bool = False
    overserved: bool = False
    participants: int = 0
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"outcome": self.outcome, "similarity": round(self.similarity, 3), "source": self.source,
                "job": self.job, "opportunity": None if self.opportunity is None else round(self.opportunity, 2),
                "band": self.band, "underserved": self.underserved, "overserved": self.overserved,
                "participants": self.participants, "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True)
class QuoteMatch:
    """A customer's excerpt (a struggling moment or an anxiety) that a feature answers."""

    force: str  # "push" | "anxiety"
    similarity: float
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"force": self.force, "similarity": round(self.similarity, 3), **self.evidence.to_dict()}


@dataclass(frozen=True)
class FeatureScore:
    feature: Feature
    rank: int
    score: float
    value: float
    components: dict[str, float]
    job: str | None
    job_statement: str | None
    outcomes: tuple[OutcomeMatch, ...] = ()
    struggles: tuple[QuoteMatch, ...] = ()
    anxieties: tuple[QuoteMatch, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "feature": self.feature.name, "description": self.feature.description,
                "effort": self.feature.effort, "score": round(self.score, 3), "value": round(self.value, 3),
                "components": {k: round(v, 3) for k, v in self.components.items()},
                "job": self.job, "job_statement": self.job_statement, "counts": dict(self.counts),
                "outcomes": [o.to_dict() for o in self.outcomes],
                "struggles": [q.to_dict() for q in self.struggles],
                "anxieties": [q.to_dict() for q in self.anxieties]}


@dataclass(frozen=True)
class Roadmap:
    features: tuple[FeatureScore, ...]
    survey: bool
    formula: str = FORMULA

    def to_dict(self) -> dict[str, Any]:
        return {"features": [f.to_dict() for f in self.features], "survey": self.survey,
                "formula": self.formula.strip("\n"),
                "weights": {"outcome_min": OUTCOME_MIN, "quote_min": QUOTE_MIN, "participant": W_PARTICIPANT,
                            "document": W_DOCUMENT, "job": W_JOB}}


def read_features(path: str | Path) -> list[Feature]:
    """Read a features CSV (columns ``feature``, ``description``, optional ``effort``)."""
    p = Path(path)
    text = read_text_file(p, "the features file", "give a CSV with columns feature, description and "
                          "optionally effort")
    reader = csv.DictReader(io.StringIO(text))
    cols = {(c or "").strip().lower(): c for c in (reader.fieldnames or [])}
    if "feature" not in cols:
        raise InputError(f"no `feature` column (found: {', '.join(repr(c) for c in cols) or 'none'}); "
                         "name the column holding the feature names `feature`", path=str(p), column="feature")
    out: list[Feature] = []
    for i, row in enumerate(reader, start=1):
        name = str(row.get(cols["feature"]) or "").strip()
        desc = str(row.get(cols["description"]) or "").strip() if "description" in cols else ""
        if not name and not desc:
            continue
        if not name:
            raise InputError("the feature name is empty; give every row a name", path=str(p), row=i, column="feature")
        effort: float | None = None
        eff = str(row.get(cols["effort"]) or "").strip() if "effort" in cols else ""
        if eff:
            try:
                effort = float(eff)
            except ValueError:
                raise InputError(f"effort {eff!r} is not a number; give a positive number (e.g. days) or leave "
                                 "it empty", path=str(p), row=i, column="effort") from None
            if effort <= 0:
                raise InputError(f"effort {eff!r} must be greater than 0", path=str(p), row=i, column="effort")
        out.append(Feature(name=name, description=desc, effort=effort, row=i))
    if not out:
        raise InputError("the features file has a header but no features", path=str(p))
    return out


def score_features(ctx: DecisionContext, features: list[Feature]) -> Roadmap:
    """Score and rank ``features`` against the study (formula in the module docstring)."""
    texts = [f.text for f in features]
    m = ctx.matcher
    pushes = [e for e in ctx.excerpts if {"push", "trigger"} & set(e.codes) and _substantial(e.text)]
    anxieties = [e for e in ctx.excerpts if "anxiety" in e.codes and _substantial(e.text)]
    syn_out = [o for o in ctx.synthesis.get("outcomes", []) if o.get("statement")]
    surv = ctx.survey_outcomes
    out_jobs = ctx.survey_outcome_jobs()
    jobs = ctx.jobs
    sim_push = m.similarity(texts, [e.text for e in pushes])
    sim_anx = m.similarity(texts, [e.text for e in anxieties])
    sim_surv = m.similarity(texts, [str(o["outcome"]) for o in surv])
    sim_syn = m.similarity(texts, [str(o["statement"]) for o in syn_out])
    sim_job = m.similarity(texts, [ctx.job_text(j) for j in jobs])
    scored: list[FeatureScore] = []
    for i, f in enumerate(features):
        outcomes: list[OutcomeMatch] = []
        for k in _above(sim_surv[i], OUTCOME_MIN):
            o = surv[k]
            outcomes.append(OutcomeMatch(
                outcome=str(o["outcome"]), similarity=float(sim_surv[i, k]), source="survey",
                job=out_jobs.get(str(o["outcome"])), opportunity=float(o.get("opportunity") or 0.0),
                band=o.get("band"), underserved=bool(o.get("underserved")), overserved=bool(o.get("overserved"))))
        for k in _above(sim_syn[i], OUTCOME_MIN):
            o = syn_out[k]
            outcomes.append(OutcomeMatch(
                outcome=str(o["statement"]), similarity=float(sim_syn[i, k]), source="synthesis",
                job=o.get("job"), participants=len(o.get("participants", [])),
                evidence=tuple(Evidence.from_dict(e) for e in o.get("evidence", [])[:2])))
        if surv:
            outcome_points = sum(o.opportunity or 0.0 for o in outcomes if o.source == "survey" and o.underserved)
        else:
            outcome_points = float(sum(o.participants for o in outcomes))
        struggles, s_pts, s_counts = _quotes(pushes, sim_push[i], "push")
        answered, a_pts, a_counts = _quotes(anxieties, sim_anx[i], "anxiety")
        job = jobs[int(sim_job[i].argmax())] if jobs and sim_job[i].max() > 0 else None
        job_points = 0.0
        if job is not None:
            sig = ctx.significance.get(str(job.get("id")), 100.0) if ctx.significance else 100.0
            job_points = W_JOB * float(sim_job[i].max()) * sig / 100.0
        value = outcome_points + s_pts + a_pts + job_points
        comps = {"outcomes": outcome_points, "struggles": s_pts, "anxieties": a_pts, "job": job_points}
        counts = {"underserved_outcomes": sum(1 for o in outcomes if o.underserved),
                  "push_participants": s_counts[0], "push_documents": s_counts[1],
                  "anxiety_participants": a_counts[0], "anxiety_documents": a_counts[1]}
        scored.append(FeatureScore(
            feature=f, rank=0, score=value / f.effort if f.effort else value, value=value, components=comps,
            job=str(job.get("id")) if job else None, job_statement=str(job.get("statement")) if job else None,
            outcomes=tuple(sorted(outcomes, key=lambda o: (-(o.opportunity or 0) * o.underserved, -o.similarity))),
            struggles=tuple(struggles[:MAX_QUOTES]), anxieties=tuple(answered[:MAX_QUOTES]), counts=counts))
    order = sorted(range(len(scored)), key=lambda j: (-scored[j].score, scored[j].feature.name))
    ranked = tuple(_with_rank(scored[j], r + 1) for r, j in enumerate(order))
    return Roadmap(features=ranked, survey=bool(surv))


def _substantial(text: str) -> bool:
    """Quotes with fewer than MIN_TERMS topic words ("And the reminder thing.") match too easily."""
    return len(set(content_terms(text))) >= MIN_TERMS


def _above(row: Any, threshold: float) -> list[int]:
    return [int(k) for k in sorted(range(len(row)), key=lambda k: -row[k]) if row[k] >= threshold]


def _quotes(excerpts: list[Any], sims: Any, force: str) -> tuple[list[QuoteMatch], float, tuple[int, int]]:
    """Matched excerpts (best first), their points, and (participants, other documents)."""
    idx = _above(sims, QUOTE_MIN)
    participants = {excerpts[k].participant for k in idx if excerpts[k].participant}
    documents = {excerpts[k].document_id for k in idx if not excerpts[k].participant}
    matches = [QuoteMatch(force, float(sims[k]), Evidence.from_excerpt(excerpts[k])) for k in idx]
    return matches, W_PARTICIPANT * len(participants) + W_DOCUMENT * len(documents), (len(participants), len(documents))


def _with_rank(fs: FeatureScore, rank: int) -> FeatureScore:
    from dataclasses import replace

    return replace(fs, rank=rank)
