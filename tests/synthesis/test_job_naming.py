"""Job statements name the progress (progress verbs, distinctive objects), not the task."""
from __future__ import annotations

from jtbd.synthesis import Synthesis, SynthesisInput, lint_job_statement
from jtbd.synthesis.corpus import Corpus
from jtbd.synthesis.jobs import PROGRESS_VERBS, class_tfidf, cluster_jobs


def test_class_tfidf_prefers_each_jobs_own_words(study: SynthesisInput) -> None:
    corpus = Corpus.build(study)
    clusters, _ = cluster_jobs(corpus)
    terms = class_tfidf(corpus, clusters)
    assert len(terms) == len(clusters) == 2
    for mine, other in (terms, terms[::-1]):
        top = list(mine)[:5]
        assert all(0 < mine[w] <= 1 for w in top)
        assert all(mine[w] > other.get(w, 0.0) for w in top)  # distinctive, not just frequent


def test_statements_use_progress_verbs_and_pass_the_linter(syn: Synthesis) -> None:
    for j in syn.jobs:
        assert j.verb in PROGRESS_VERBS, j.statement
        assert lint_job_statement(j.statement) == []
    texts = {j.statement for j in syn.jobs}
    assert len(texts) == len(syn.jobs)
