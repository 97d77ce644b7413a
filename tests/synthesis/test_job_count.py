"""The number of jobs follows the data: four planted jobs come back as four, each with its own
participants, and every statement names progress (a verb first, no product names)."""
from __future__ import annotations

import random

import numpy as np

from jtbd.model import CodedExcerpt, Role
from jtbd.synthesis import SynthesisInput, lint_job_statement, synthesize
from jtbd.synthesis.cluster import choose_k_ward, max_jobs, min_job_support
from jtbd.synthesis.inputs import DocumentInfo

#: Four fictional jobs, each a few coded sentences; participants say them in their own order,
#: with shared interview small talk so that jobs differ only in what people try to get done.
_JOBS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "M": [("I want to eat together as a family on weeknights.", ("outcome",)),
          ("Dinner was chaos every weeknight and the kids ate crisps in front of the telly.", ("push",)),
          ("Planning meals for the family took my whole Sunday.", ("push",)),
          ("Now the family sits down to dinner together most weeknights.", ("outcome", "emotional")),
          ("I need to get dinner on the table before the kids get hungry.", ("outcome",))],
    "F": [("I want to get fit without leaving home.", ("outcome",)),
          ("The gym was a forty minute drive so my workouts never happened.", ("push",)),
          ("I need to get fit while the baby naps.", ("outcome",)),
          ("Short workouts in the living room fit around my shifts.", ("pull",)),
          ("I felt unfit and out of breath on the stairs.", ("push", "emotional"))],
    "P": [("I need to keep my passwords safe across every account.", ("outcome",)),
          ("Someone got into my email because I reused the same password.", ("push", "trigger")),
          ("I want to stop worrying that my accounts will be hacked.", ("emotional", "outcome")),
          ("Remembering a different password for every login was impossible.", ("push",)),
          ("Now every account has a strong password I never have to remember.", ("outcome",))],
    "H": [("I want to keep the house warm without wasting heating.", ("outcome",)),
          ("The heating ran all day in an empty house and the energy bill doubled.", ("push", "trigger")),
          ("I need to warm the house before we get home in winter.", ("outcome",)),
          ("The boiler timer was confusing so the radiators were cold every morning.", ("push",)),
          ("Now the house is warm when we wake up and the heating bill is lower.", ("outcome",))],
}
_SMALL_TALK = [("Thanks for having me, happy to talk.", ()),
               ("I live with my partner and work full time.", ()),
               ("Honestly it was a busy year for us.", ())]


def four_job_study(per_job: int = 4, seed: int = 0) -> SynthesisInput:
    """``per_job`` interviews per planted job (participants M1.., F1.., P1.., H1..)."""
    rng = random.Random(seed)
    docs: list[DocumentInfo] = []
    excerpts: list[CodedExcerpt] = []
    doc_id = 0
    for job, sentences in _JOBS.items():
        for n in range(per_job):
            doc_id += 1
            pid = f"{job}{n + 1}"
            chosen = rng.sample(sentences, 4) + _SMALL_TALK
            rng.shuffle(chosen)
            text, pos = "", 0
            for k, (sentence, codes) in enumerate(chosen):
                q = f"Interviewer: Tell me more ({k + 1}).\n\nParticipant: "
                text += q
                start = len(text)
                text += sentence + "\n\n"
                excerpts.append(CodedExcerpt(doc_id, f"{pid}.md", start, start + len(sentence), sentence, "Participant",
                                             Role.CUSTOMER, codes, {c: 0.9 for c in codes}, pid, "interview",
                                             2 * k + 1, q.split("\n")[0]))
                pos += 1
            docs.append(DocumentInfo(doc_id, f"{pid}.md", "interview", text, pid, {"age": str(30 + n)}))
    return SynthesisInput(docs, excerpts, [], seed=seed)


def test_four_planted_jobs_are_recovered() -> None:
    syn = synthesize(four_job_study())
    assert len(syn.jobs) == 4, [j.statement for j in syn.jobs]
    groups = sorted(sorted({p[0] for p in j.participants}) for j in syn.jobs)
    assert groups == [["F"], ["H"], ["M"], ["P"]]
    assert all(len(j.participants) == 4 for j in syn.jobs)


def test_four_job_statements_name_progress_without_product_names() -> None:
    syn = synthesize(four_job_study())
    for j in syn.jobs:
        assert lint_job_statement(j.statement) == [], j.statement
        assert j.statement.split()[0] == j.verb
        assert not any(w[0].isupper() for w in j.statement.split()), j.statement
    by_group = {j.participants[0][0]: j.statement for j in syn.jobs}
    assert "fit" in by_group["F"] and "password" in by_group["P"], by_group


def test_four_job_study_is_deterministic() -> None:
    assert synthesize(four_job_study()).to_dict() == synthesize(four_job_study()).to_dict()


def test_k_range_grows_with_the_study() -> None:
    assert max_jobs(8) == 4 and max_jobs(12) == 6 and max_jobs(40) == 10 and max_jobs(3) == 2
    assert min_job_support(12) == 1 and min_job_support(30) == 2 and min_job_support(100) == 3


def test_single_participant_jobs_are_allowed_in_small_studies() -> None:
    # three tight groups and one outlier: at the silhouette optimum the outlier is a job of its
    # own (small studies need no second participant); the default 15% tolerance still prefers
    # fewer jobs when one extra job buys little (a singleton adds 0 to the silhouette)
    rng = np.random.default_rng(0)
    rows = [np.eye(4)[c] + 0.05 * rng.standard_normal(4) for c in (0, 0, 0, 1, 1, 1, 2, 2, 2, 3)]
    emb = np.vstack(rows)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    labels, sil = choose_k_ward(emb, k_max=4, tolerance=0.0)
    assert len(set(labels.tolist())) == 4 and sil > 0.5
    assert all(len(set(labels[i:i + 3].tolist())) == 1 for i in (0, 3, 6))
    assert int((labels == labels[9]).sum()) == 1
    fewer, _ = choose_k_ward(emb, k_max=4)
    assert len(set(fewer.tolist())) == 3
    strict, _ = choose_k_ward(emb, k_max=4, tolerance=0.0, min_support=2)
    assert len(set(strict.tolist())) == 3
