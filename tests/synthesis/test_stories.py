"""Job stories: clauses cut from real quotes of the job's own participants, no fragments."""
from __future__ import annotations

from jtbd.synthesis import Synthesis, SynthesisInput
from jtbd.synthesis.clauses import is_clause, outcome_clause, situation_clause


def test_situation_is_the_circumstance_after_a_temporal_marker() -> None:
    assert situation_clause("When the letter from HMRC came, I panicked.") == "the letter from HMRC came"
    assert situation_clause("Honestly? Every time a client paid late I had to dip into savings.") is not None
    assert situation_clause("It was free, more or less, and it was never wrong.") is None  # vague "it"
    assert situation_clause("Hi, an automatic reminder for invoice INV-0213 went to the old address.") is None


def test_fragments_are_not_clauses() -> None:
    assert not is_clause("getting a letter saying")
    assert not is_clause("I turned up on the")
    assert is_clause("the invoice was sixty days late")


def test_outcome_clause_names_progress_not_fragments() -> None:
    assert outcome_clause("Now I feel in control of my cash.") == "feel in control of my cash"
    assert outcome_clause("I felt so guilty every single month.") == "stop feeling guilty"
    assert outcome_clause("I never have to chase a late payer again.") == "stop having to chase a late payer again"
    assert outcome_clause("So I can see it.") is None  # pronoun-only object
    assert outcome_clause("It can show me what's coming in.") is None


def test_story_clauses_come_from_the_jobs_participants(syn: Synthesis, study: SynthesisInput) -> None:
    trig = {(str(e.document_id), e.start, e.end) for e in study.excerpts
            if {"trigger", "push"} & set(e.codes) or "going on" in (e.question or "") and "alternative" not in e.codes}
    by_id = {j.id: j for j in syn.jobs}
    assert all(1 <= sum(s.job == j for s in syn.job_stories) <= 3 for j in by_id)
    for s in syn.job_stories:
        members = set(by_id[s.job].participants)
        for ev in s.situation_evidence + s.motivation_evidence + s.outcome_evidence:
            assert ev.participant in members
        se = s.situation_evidence[0]
        assert (str(se.document), se.start, se.end) in trig
        assert is_clause(s.situation)
        assert s.motivation.split()[-1] not in ("it", "that", "them", "saying")
        assert s.expected_outcome.split()[-1] not in ("it", "that", "them", "saying")
    for j in by_id:  # one story per situation-owner, no repeated clauses
        mine = [s for s in syn.job_stories if s.job == j]
        assert len({s.motivation for s in mine}) == len(mine) and len({s.situation for s in mine}) == len(mine)


def test_reported_speech_without_content_is_no_situation() -> None:
    assert situation_clause("When I sat down and said, this is it.") is None
