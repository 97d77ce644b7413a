"""Job significance: which jobs matter most.

Each job gets up to six components, each on 0-1:

* **importance**   mean I / 10 of the job's outcomes (survey);
* **unmet**        mean (10 - S) / 10 of the job's outcomes: dissatisfaction with current
  solutions (survey);
* **opportunity**  mean opportunity / 20 of the job's outcomes (survey);
* **reach**        ``participants / total_participants``: how many have the job (evidence);
* **consequence**  ``(push_count + workaround_count) / mentions`` capped at 1: how much of
  the talk about the job is struggle or make-do (evidence);
* **frequency**    ``frequency / max frequency`` over the jobs when frequencies are given,
  else ``mentions / participants`` relative to the most-mentioned job (evidence).

significance = 100 x the weighted mean of the components that are available (default weights
all 1; pass ``weights`` to change them). Jobs are ranked by significance.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from jtbd.errors import InputError
from jtbd.survey.scoring import OpportunityTable

COMPONENTS: tuple[str, ...] = ("importance", "unmet", "opportunity", "reach", "consequence",
                               "frequency")


@dataclass(frozen=True)
class JobEvidence:
    """Coded-evidence counts for one job (plain numbers; the synthesis step supplies them)."""

    job_id: str
    statement: str
    participants: int = 0
    mentions: int = 0
    push_count: int = 0
    workaround_count: int = 0
    frequency: float | None = None  # times the job occurs per month, when known


@dataclass(frozen=True)
class JobSignificance:
    """A job's significance (0-100), its rank and the components behind it."""

    job_id: str
    statement: str
    significance: float
    rank: int
    components: dict[str, float] = field(default_factory=dict)
    outcomes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"job_id": self.job_id, "statement": self.statement,
                "significance": self.significance, "rank": self.rank,
                "components": self.components, "outcomes": list(self.outcomes)}


def job_significance(evidence: Sequence[JobEvidence], *, scores: OpportunityTable | None = None,
                     outcome_jobs: Mapping[str, str] | None = None,
                     total_participants: int | None = None,
                     weights: Mapping[str, float] | None = None) -> list[JobSignificance]:
    """Rank jobs by significance (see the module docstring for the formula).

    ``outcome_jobs`` maps outcome statement -> job_id so survey ``scores`` can be grouped by job.
    ``total_participants`` defaults to the largest ``participants`` among the jobs.
    """
    w = {c: 1.0 for c in COMPONENTS}
    if weights:
        unknown = set(weights) - set(COMPONENTS)
        if unknown:
            raise InputError(f"unknown significance weight(s) {sorted(unknown)}; use "
                             f"{', '.join(COMPONENTS)}")
        w.update(weights)
    if not evidence:
        return []
    if scores is not None and outcome_jobs is None:
        raise InputError("pass outcome_jobs (outcome -> job_id) to use survey scores")
    total = total_participants or max((e.participants for e in evidence), default=0)
    freqs = [e.frequency for e in evidence if e.frequency is not None]
    max_freq = max(freqs) if freqs else None
    rates = [e.mentions / e.participants for e in evidence if e.participants]
    max_rate = max(rates) if rates else 0.0
    by_job: dict[str, list] = {}
    if scores is not None and outcome_jobs is not None:
        for row in scores.outcomes:
            job = outcome_jobs.get(row.outcome)
            if job is not None and not np.isnan(row.importance):
                by_job.setdefault(job, []).append(row)
    results = []
    for e in evidence:
        comp: dict[str, float] = {}
        rows = by_job.get(e.job_id, [])
        if rows:
            comp["importance"] = float(np.mean([r.importance for r in rows]) / 10)
            comp["unmet"] = float(np.mean([10 - r.satisfaction for r in rows]) / 10)
            comp["opportunity"] = float(np.mean([r.opportunity for r in rows]) / 20)
        if total:
            comp["reach"] = min(e.participants / total, 1.0)
        if e.mentions:
            comp["consequence"] = min((e.push_count + e.workaround_count) / e.mentions, 1.0)
        if max_freq:
            if e.frequency is not None:
                comp["frequency"] = e.frequency / max_freq
        elif max_rate and e.participants:
            comp["frequency"] = (e.mentions / e.participants) / max_rate
        wsum = sum(w[c] for c in comp)
        sig = 100 * sum(w[c] * v for c, v in comp.items()) / wsum if wsum else 0.0
        results.append((e, sig, comp, tuple(r.outcome for r in rows)))
    results.sort(key=lambda t: -t[1])
    return [JobSignificance(job_id=e.job_id, statement=e.statement, significance=sig,
                            rank=i + 1, components=comp, outcomes=outs)
            for i, (e, sig, comp, outs) in enumerate(results)]
