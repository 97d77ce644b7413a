"""The synthesis facade: :func:`synthesize` runs the steps in order over one input."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from threadpoolctl import threadpool_limits

from jtbd.synthesis.alternatives import build_alternatives
from jtbd.synthesis.corpus import Corpus, natural_key
from jtbd.synthesis.details import context, demographics, dimensions, supporting_jobs
from jtbd.synthesis.forces import build_forces
from jtbd.synthesis.inputs import SynthesisInput
from jtbd.synthesis.jobmap import build_job_map
from jtbd.synthesis.jobs import JobCluster, cluster_jobs, name_job
from jtbd.synthesis.lint import lint_job_statement, lint_outcome_statement
from jtbd.synthesis.outcomes import build_outcomes
from jtbd.synthesis.result import Job, JobStory, Outcome, Synthesis, Warning
from jtbd.synthesis.stories import build_stories
from jtbd.synthesis.themes import build_themes
from jtbd.synthesis.timeline import build_timelines

#: Below this silhouette the jobs found are flagged as weakly separated (TF-IDF silhouettes run
#: low: 0.07 already separated the sample study 11/12 correctly).
WEAK_SILHOUETTE = 0.04

#: progress(stage label, fraction done in [0, 1])
Progress = Callable[[str, float], None]


class WordingImprover(Protocol):
    """Optional hook an LLM provider may implement to polish generated wording.

    ``kind`` is "job", "story" or "outcome"; ``quotes`` are the verbatim evidence. It must
    return a statement of the same kind; the linters run again on what it returns."""

    def improve(self, kind: str, text: str, quotes: list[str]) -> str: ...


def _attributes(corpus: Corpus) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for ex, unit in zip(corpus.excerpts, corpus.units):
        if unit not in out:
            out[unit] = dict(corpus.doc(ex).attributes)
    return out


def synthesize(inp: SynthesisInput, *, progress: Progress | None = None,
               improve_wording: WordingImprover | None = None) -> Synthesis:
    """Synthesise themes, jobs, job stories, forces, timelines, alternatives, the job map and
    outcome statements from coded excerpts. Deterministic for a given input and ``inp.seed``.

    Numeric work runs single-threaded: the data are small, and thread pools only add overhead
    on shared machines."""
    with threadpool_limits(1):
        return _synthesize(inp, progress, improve_wording)


def _synthesize(inp: SynthesisInput, progress: Progress | None, improve_wording: WordingImprover | None
                ) -> Synthesis:
    def step(label: str, frac: float) -> None:
        if progress:
            progress(label, frac)

    step("reading evidence", 0.0)
    corpus = Corpus.build(inp)
    warnings = list(corpus.warnings)
    step("clustering themes", 0.1)
    themes = build_themes(corpus)
    step("finding jobs", 0.35)
    clusters, silhouette = cluster_jobs(corpus)
    if len(clusters) > 1 and silhouette < WEAK_SILHOUETTE:
        warnings.append(Warning("coverage", None, f"the jobs are weakly separated (silhouette {silhouette:.2f}); "
                                "treat them as hypotheses and check them against the quotes"))
    elif len(clusters) == 1 and len(clusters[0].units) >= 4:
        warnings.append(Warning("coverage", "job-1", "participants do not separate into distinct jobs; all "
                                "evidence is read as one job"))
    for c in clusters:
        name_job(corpus, c)
        if improve_wording is not None:
            _improve_job(corpus, c, improve_wording)
    job_of = {u: c.id for c in clusters for u in c.units}
    unmatched = len(set(corpus.units) - set(job_of))
    if unmatched and clusters:
        warnings.append(Warning("coverage", None, f"{unmatched} participants or documents match no job (too "
                                "little in common with the interviews); review them for a job the study misses"))
    attrs = _attributes(corpus)
    step("weighing forces", 0.5)
    forces, balances, force_warnings = build_forces(corpus, clusters, themes, attrs)
    step("describing jobs", 0.6)
    demo = demographics(clusters, attrs)
    jobs: list[Job] = []
    stories: list[JobStory] = []
    maps = []
    for c in clusters:
        num = c.id.split("-", 1)[1]
        assert c.phrase is not None
        docs = sorted({corpus.excerpts[i].document_id for i in c.excerpt_idx}, key=lambda d: natural_key(str(d)))
        ev = [corpus.evidence(corpus.excerpts[i]) for i in _quotes_for(corpus, c)]
        verb, obj = c.phrase.verb, c.phrase.object
        if c.statement.startswith(f"{verb} {obj}"):
            clarifier = c.statement[len(f"{verb} {obj}"):].strip()
        else:  # reworded by the improve_wording hook
            verb, _, obj = c.statement.partition(" ")
            clarifier = ""
        people, others = corpus.split_units(c.units)
        other_docs = sorted({corpus.excerpts[i].document_id for i in c.excerpt_idx
                             if corpus.units[i] in set(others)}, key=lambda d: natural_key(str(d)))
        jobs.append(Job(c.id, c.statement, "functional", verb, obj,
                        clarifier, people, docs,
                        list(c.terms)[:8], dimensions(corpus, c), supporting_jobs(corpus, c, num),
                        context(corpus, c), demo[c.id], balances.get(c.id), list(c.lint or []), ev, other_docs))
        stories.extend(build_stories(corpus, c))
        maps.append(build_job_map(corpus, c))
    step("drawing timelines", 0.7)
    timelines = build_timelines(corpus, job_of)
    step("listing alternatives", 0.8)
    alternatives = build_alternatives(corpus, inp.alternatives, job_of)
    step("writing outcome statements", 0.9)
    outcomes, outcome_warnings = build_outcomes(corpus, job_of)
    if improve_wording is not None:
        stories, outcomes = _improve_rest(stories, outcomes, improve_wording, corpus.banned)
    warnings.extend(_lint_warnings(jobs, outcomes))
    warnings.extend(outcome_warnings)
    warnings.extend(force_warnings)
    warnings.extend(_coverage(corpus, jobs))
    step("done", 1.0)
    return Synthesis(themes.themes, jobs, stories, forces, timelines, alternatives, maps, outcomes, warnings)


def _quotes_for(corpus: Corpus, c: JobCluster, n: int = 5) -> list[int]:
    """The excerpts that state the job best: outcome/push/pull sentences sharing its words."""
    idx = [i for i in c.excerpt_idx if {"outcome", "push", "pull"} & set(corpus.excerpts[i].codes)] or c.excerpt_idx
    terms = dict(c.terms)
    for w in (c.phrase.text.split() if c.phrase else []):
        terms[w] = terms.get(w, 0.0) + 0.3
    return corpus.best_quotes(idx, n, "outcome", terms)


def _improve_job(corpus: Corpus, c: JobCluster, hook: WordingImprover) -> None:
    quotes = [corpus.excerpts[i].text for i in _quotes_for(corpus, c)]
    better = hook.improve("job", c.statement, quotes).strip()
    problems = lint_job_statement(better, brands=corpus.banned)
    if better and len(problems) <= len(c.lint or []):
        c.statement, c.lint = better, problems


def _improve_rest(stories: list[JobStory], outcomes: list[Outcome], hook: WordingImprover,
                  brands: frozenset[str]) -> tuple[list[JobStory], list[Outcome]]:
    """Let the hook reword stories and outcome statements; keep a rewording only when it keeps
    the form (When/I want to/so I can; direction + metric) and lints no worse."""
    new_stories = []
    for st in stories:
        text = hook.improve("story", st.text, [e.quote for e in st.evidence]).strip()
        ok = text.startswith("When ") and ", I want to " in text and ", so I can " in text
        new_stories.append(replace(st, text=text) if ok else st)
    new_outcomes = []
    for o in outcomes:
        text = hook.improve("outcome", o.statement, [e.quote for e in o.evidence]).strip()
        problems = lint_outcome_statement(text, brands=brands)
        new_outcomes.append(replace(o, statement=text, lint=problems) if text and len(problems) <= len(o.lint) else o)
    return new_stories, new_outcomes


def _lint_warnings(jobs: list[Job], outcomes: list[Outcome]) -> list[Warning]:
    out = [Warning("lint", j.id, f"job statement {j.statement!r} {p}") for j in jobs for p in j.lint]
    out += [Warning("lint", o.id, f"outcome statement {o.statement!r} {p}") for o in outcomes for p in o.lint]
    return out


def _coverage(corpus: Corpus, jobs: list[Job]) -> list[Warning]:
    out = []
    codes = {c for ex in corpus.excerpts for c in ex.codes}
    if not corpus.excerpts:
        out.append(Warning("coverage", None, "no coded customer excerpts: import evidence and run `jtbd code` first"))
    for code, what in (("emotional", "how customers want to feel"), ("social", "how they want to be seen")):
        if corpus.excerpts and code not in codes:
            out.append(Warning("coverage", None, f"{code} was never coded: jobs miss {what}; probe for it in "
                                                  "interviews and review the coding"))
    for j in jobs:
        if len(j.participants) < 2:
            out.append(Warning("coverage", j.id, f"{j.id} rests on {len(j.participants)} interview participant(s); "
                                                 "interview more people before relying on it"))
    return out
