"""End-to-end behaviour of synthesize() on the fictional two-job study."""
from __future__ import annotations

import json
from typing import Any

from jtbd.synthesis import SECTIONS, Synthesis, SynthesisInput, lint_job_statement, lint_outcome_statement, synthesize
from jtbd.synthesis.examples import example_study
from jtbd.synthesis.lexicon import DIRECTIONS, METRICS
from jtbd.synthesis.timeline import PHASES


def test_to_dict_has_exactly_the_sections(syn_dict: dict[str, Any]) -> None:
    assert list(syn_dict) == list(SECTIONS)
    json.dumps(syn_dict)  # JSON-ready


def test_quote_is_exactly_the_document_span_everywhere(study: SynthesisInput, syn_dict: dict[str, Any],
                                                      evidence_of: Any) -> None:
    texts = {d.id: d.text for d in study.documents}
    items = list(evidence_of(syn_dict))
    assert len(items) > 100
    sections = {path.split(".")[1].split("[")[0] for path, _ in items}
    assert sections >= {"themes", "jobs", "job_stories", "forces", "timelines", "alternatives", "job_map", "outcomes"}
    for path, ev in items:
        assert set(ev) == {"document", "source", "participant", "start", "end", "quote"}, path
        assert ev["quote"] == texts[ev["document"]][ev["start"]:ev["end"]], path
        assert ev["quote"].strip(), path


def test_two_planted_jobs_recovered_with_their_participants(syn: Synthesis) -> None:
    groups = sorted(sorted(j.participants) for j in syn.jobs)
    assert groups == [["A1", "A2", "A3", "A4"], ["B1", "B2", "B3", "B4"]]
    by_group = {j.participants[0][0]: j for j in syn.jobs}
    assert any(w in by_group["A"].statement for w in ("paid", "payment", "invoice"))
    assert any(w in by_group["B"].statement for w in ("books", "receipts", "tax"))
    for j in syn.jobs:
        assert j.kind == "functional"
        assert lint_job_statement(j.statement) == [], j.statement
        assert "tally" not in j.statement.lower()
        assert j.dimensions["emotional"].statement and j.dimensions["emotional"].evidence
        assert j.dimensions["social"].statement and j.dimensions["social"].evidence
        assert j.force_balance is not None and j.force_balance.progress == j.force_balance.push + j.force_balance.pull
        assert {s.role for s in j.supporting_jobs} >= {"buyer"}
        assert j.context and j.evidence


def test_job_stories_have_three_backed_clauses(syn: Synthesis) -> None:
    assert {s.job for s in syn.job_stories} == {j.id for j in syn.jobs}
    for s in syn.job_stories:
        assert s.text == f"When {s.situation}, I want to {s.motivation}, so I can {s.expected_outcome}."
        assert s.situation_evidence and s.motivation_evidence and s.outcome_evidence
        for clause in (s.situation, s.motivation, s.expected_outcome):
            assert clause and clause[0] == clause[0].lower() or clause.startswith("I")
            assert not clause.endswith((".", ",", "!", "?"))
        assert s.id.startswith(f"story-{s.job.split('-')[1]}-")


def test_forces_cover_all_four_per_job_and_segments(syn: Synthesis) -> None:
    for j in syn.jobs:
        forces = {f.force for f in syn.forces if f.job == j.id and f.segment is None}
        assert forces == {"push", "pull", "anxiety", "habit"}
    segs = [f for f in syn.forces if f.segment is not None]
    assert segs and all(f.segment.attribute == "buying_role" for f in segs)
    assert {f.segment.value for f in segs} >= {"decision maker", "user"}


def test_timelines_one_per_interview_with_ordered_phases(study: SynthesisInput, syn: Synthesis) -> None:
    assert len(syn.timelines) == len(study.documents)
    for t in syn.timelines:
        assert [p.phase for p in t.phases] == list(PHASES)
        filled = [p.phase for p in t.phases if p.evidence]
        assert {"first_thought", "active_looking", "deciding", "first_use", "ongoing_use"} <= set(filled)
        assert t.events and all(PHASES.index(e.to_phase) > PHASES.index(e.from_phase) for e in t.events)
    first = syn.timelines[0]
    assert "first time" in first.phases[0].evidence[0].quote.lower()


def test_alternatives_normalised_with_non_consumption(syn: Synthesis) -> None:
    names = [a.name for a in syn.alternatives]
    assert len(names) == len({n.lower() for n in names})
    nothing = next(a for a in syn.alternatives if a.name == "doing nothing")
    assert nothing.kind == "non-consumption" and len(nothing.participants) == 8
    fresh = next(a for a in syn.alternatives if a.name == "FreshBooks")
    assert fresh.status == "rejected" and fresh.rejection_reasons
    assert "expensive" in fresh.rejection_reasons[0].label
    assert fresh.jobs == ["job-1"] or fresh.jobs == ["job-2"]


def test_outcomes_have_direction_metric_and_no_duplicates(syn: Synthesis) -> None:
    assert len(syn.outcomes) >= 4
    for o in syn.outcomes:
        assert o.statement.lower().startswith(DIRECTIONS)
        assert any(m in o.statement for m in METRICS)
        assert o.direction.lower() in DIRECTIONS and o.metric and o.object
        assert lint_outcome_statement(o.statement) == o.lint == []
        assert o.step in {"define", "locate", "prepare", "confirm", "execute", "monitor", "modify", "conclude"}
        assert len(o.participants) == 4  # each merged across the job's four interviews
    assert len({o.statement for o in syn.outcomes}) == len(syn.outcomes)


def test_job_map_has_eight_steps_and_breakdowns(syn: Synthesis) -> None:
    assert len(syn.job_map) == len(syn.jobs)
    for m in syn.job_map:
        assert [s.step for s in m.steps] == ["define", "locate", "prepare", "confirm", "execute", "monitor",
                                             "modify", "conclude"]
        assert any(s.breakdown for s in m.steps)
        top = max(s.push for s in m.steps)
        assert all(s.push >= 0.75 * top for s in m.steps if s.breakdown)


def test_themes_shared_across_participants(syn: Synthesis) -> None:
    assert syn.themes
    for t in syn.themes:
        assert t.participants >= 2 and t.participants == len(t.participant_ids)
        assert t.top_terms and t.evidence and t.codes
    assert {t.family for t in syn.themes} >= {"struggling_moment", "hiring_criteria", "anxiety", "outcome"}


def test_round_trip_and_markdown(syn: Synthesis, syn_dict: dict[str, Any]) -> None:
    back = Synthesis.from_dict(json.loads(json.dumps(syn_dict)))
    assert back.to_dict() == syn_dict
    md = syn.to_markdown()
    assert md.startswith("# Jobs-to-be-Done synthesis")
    for j in syn.jobs:
        assert j.statement in md
    assert syn.job_stories[0].text in md and "Chasing late payments" in md


def test_deterministic(study: SynthesisInput, syn_dict: dict[str, Any]) -> None:
    assert synthesize(study).to_dict() == syn_dict


def test_progress_reported_in_order(study: SynthesisInput) -> None:
    seen: list[tuple[str, float]] = []
    synthesize(study, progress=lambda label, frac: seen.append((label, frac)))
    fracs = [f for _, f in seen]
    assert fracs == sorted(fracs) and fracs[0] == 0.0 and fracs[-1] == 1.0


def test_noisy_coder_still_finds_both_jobs(evidence_of: Any) -> None:
    noisy = example_study(copies=3, drop=0.25, noise=0.15, seed=3)
    syn = synthesize(noisy)
    assert len(syn.jobs) == 2
    for j in syn.jobs:
        assert len({p[0] for p in j.participants}) == 1 and len(j.participants) == 12
    texts = {d.id: d.text for d in noisy.documents}
    for path, ev in evidence_of(syn.to_dict()):
        assert ev["quote"] == texts[ev["document"]][ev["start"]:ev["end"]], path


def test_coverage_warnings_when_codes_missing() -> None:
    base = example_study()
    stripped = [e.__class__(**{**e.__dict__, "codes": tuple(c for c in e.codes if c not in ("emotional", "social",
                                                                                            "habit"))})
                for e in base.excerpts]
    syn = synthesize(SynthesisInput(base.documents, stripped, base.alternatives, seed=0))
    msgs = " ".join(w.message for w in syn.warnings)
    assert "emotional was never coded" in msgs and "social was never coded" in msgs
    assert "no evidence of habit" in msgs


def test_empty_input_gives_empty_synthesis_with_warning() -> None:
    syn = synthesize(SynthesisInput([], [], []))
    d = syn.to_dict()
    assert list(d) == list(SECTIONS) and d["jobs"] == [] and d["warnings"]


def test_bad_offsets_are_skipped_with_a_warning(study: SynthesisInput) -> None:
    bad = study.excerpts[0].__class__(**{**study.excerpts[0].__dict__, "start": 10_000_000, "end": 10_000_010})
    syn = synthesize(SynthesisInput(study.documents, [bad, *study.excerpts], study.alternatives))
    assert any(w.kind == "input" and "re-run `jtbd code`" in w.message for w in syn.warnings)
    drifted = study.excerpts[0].__class__(**{**study.excerpts[0].__dict__, "text": "something else"})
    syn = synthesize(SynthesisInput(study.documents, [drifted, *study.excerpts[1:]], study.alternatives))
    assert any("differs from their document" in w.message for w in syn.warnings)


def test_reviews_join_the_job_found_in_interviews(study: SynthesisInput) -> None:
    from jtbd.model import CodedExcerpt
    from jtbd.synthesis import DocumentInfo

    reviews = ["Chasing late payments took hours; now I get paid on time for the work I finish.",
               "Receipts used to end up in a shoebox; now the books are ready for tax time.",
               "Zebra crossing weather umbrella."]
    docs = list(study.documents)
    exs = list(study.excerpts)
    for n, text in enumerate(reviews):
        doc_id = f"r{n}"
        docs.append(DocumentInfo(doc_id, "reviews.csv", "review", text))
        exs.append(CodedExcerpt(doc_id, "reviews.csv", 0, len(text), text, None, None, ("push", "outcome"),
                                {"push": 0.8, "outcome": 0.8}, None, "review"))
    syn = synthesize(SynthesisInput(docs, exs, study.alternatives))
    by_letter = {j.participants[0][0]: j for j in syn.jobs}
    assert "r0" in by_letter["A"].supporting_documents and "r1" in by_letter["B"].supporting_documents
    assert all("r2" not in j.supporting_documents for j in syn.jobs)
    assert any("match no job" in w.message for w in syn.warnings)
    # participants are interview participants only; reviews are listed apart
    assert sorted(p for j in syn.jobs for p in j.participants) == sorted(d.participant for d in study.documents)
    for th in syn.themes:
        assert all(not p.startswith("doc-") for p in th.participant_ids)
    assert all(not p.startswith("doc-") for o in syn.outcomes for p in o.participants)


def test_deterministic_across_processes() -> None:
    """Same output whatever the string-hash seed of the Python process."""
    import os
    import subprocess
    import sys

    code = ("import json; from jtbd.synthesis import synthesize; from jtbd.synthesis.examples import example_study; "
            "print(json.dumps(synthesize(example_study(copies=2, drop=0.2, noise=0.1, seed=4)).to_dict(), "
            "sort_keys=True))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outs) == 1


def test_from_dict_loads_older_artifacts(syn_dict: dict[str, Any]) -> None:
    old = json.loads(json.dumps(syn_dict))
    for t in old["themes"]:
        del t["cohesion"]
    del old["jobs"][0]["demographics"]
    back = Synthesis.from_dict(old)
    assert back.themes[0].cohesion == 0.0 and back.jobs[0].demographics.spread == {}


def test_three_distinct_jobs_are_not_merged() -> None:
    import random

    from jtbd.model import CodedExcerpt, Role
    from jtbd.synthesis import DocumentInfo

    topics = {
        "A": ["I need to get paid on time for client work.", "Chasing late invoices took hours.",
              "Clients paid invoices sixty days late.", "I want reminders to chase late payments."],
        "B": ["I need to keep receipts ready for tax time.", "Digging out receipts for the tax return took weekends.",
              "I lost receipts and paid too much tax.", "I want the books ready before the deadline."],
        "C": ["I need to schedule staff shifts each week.", "Planning the rota took my whole Sunday.",
              "Staff swapped shifts and nobody told me.", "I want the rota to fill gaps automatically."],
    }
    rng = random.Random(1)
    docs, exs = [], []
    for topic, sentences in topics.items():
        for n in range(5):
            pid = f"{topic}{n}"
            chosen = rng.sample(sentences, 3) + ["It was a hard year for the business.", "My partner helps at night."]
            text = " ".join(chosen)
            docs.append(DocumentInfo(pid, f"{pid}.md", "interview", text, pid))
            pos = 0
            for s in chosen:
                start = text.index(s, pos)
                pos = start + len(s)
                exs.append(CodedExcerpt(pid, f"{pid}.md", start, pos, s, pid, Role.CUSTOMER, ("push", "outcome"),
                                        {"push": 0.8, "outcome": 0.8}, pid))
    syn = synthesize(SynthesisInput(docs, exs, []))
    assert sorted(sorted(j.participants) for j in syn.jobs) == [
        [f"{t}{n}" for n in range(5)] for t in "ABC"]


def test_force_labels_say_something(syn: Synthesis) -> None:
    """A force's label is a clause with content words (not "the thing that really got me")
    and never opens with a ticket's greeting."""
    from jtbd.synthesis.text import content_words

    MIN_LABEL_WORDS = 3

    for f in syn.forces:
        assert not f.label.lower().startswith(("hi ", "hi,", "hello", "hey"))
        quotes = [e.quote for e in f.evidence]
        if any(len(content_words(q)) >= 2 * MIN_LABEL_WORDS for q in quotes):
            assert len(content_words(f.label)) >= MIN_LABEL_WORDS, f.label


def test_force_label_skips_a_quote_without_content() -> None:
    from types import SimpleNamespace

    from jtbd.synthesis.forces import _label
    from jtbd.synthesis.text import clean_clause

    texts = ["And the thing that really got me was, if I'd chased at day thirty instead of day "
             "sixty, I might have been paid.", "Hi, the reminder went to the client's old address."]
    corpus = SimpleNamespace(excerpts=[SimpleNamespace(text=t) for t in texts],
                             clause=lambda text, n: clean_clause(text, n))
    assert _label(corpus, [0, 1]) == "the reminder went to the client's old address"
    assert _label(corpus, [0]) == "the thing that really got me"  # nothing better: kept
