"""The real pipeline (import → participants → local coder → synthesis) on the Tally sample
study: the recovered jobs must match src/jtbd/sample/truth.json."""
from __future__ import annotations

import json
from itertools import permutations
from pathlib import Path
from typing import Any

import pytest

import jtbd.sample as sample
from jtbd.synthesis import Synthesis, synthesize

ROOT = Path(sample.__file__).parent


@pytest.fixture(scope="module")
def sample_synthesis(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Synthesis]:
    from jtbd.services import init_study

    wb = init_study(tmp_path_factory.mktemp("study"))
    try:
        report = wb.import_paths([ROOT / "interviews"])
        assert report.ok, report.failures
        wb.attach_participants(ROOT / "participants.csv")
        wb.code_pending()
        inp = wb.synthesis_input()
    finally:
        wb.close()
    return inp, synthesize(inp)


def test_jobs_match_truth(sample_synthesis: tuple[Any, Synthesis]) -> None:
    _, syn = sample_synthesis
    truth = json.loads((ROOT / "truth.json").read_text(encoding="utf-8"))["jobs"]
    assert len(syn.jobs) == len(truth)
    best = 0
    best_pairs: list[tuple[Any, dict[str, Any]]] = []
    for perm in permutations(syn.jobs):
        agree = sum(len(set(j.participants) & set(t["participants"])) for j, t in zip(perm, truth))
        if agree > best:
            best, best_pairs = agree, list(zip(perm, truth))
    total = sum(len(t["participants"]) for t in truth)
    assert best / total >= 0.75, f"participant agreement {best}/{total}"
    for job, t in best_pairs:
        words = (job.statement + " " + " ".join(job.top_terms)).lower()
        assert any(k.lower() in words for k in t["keywords"]), (job.statement, job.top_terms, t["keywords"])


def test_quotes_exact_on_real_data(sample_synthesis: tuple[Any, Synthesis], evidence_of: Any) -> None:
    inp, syn = sample_synthesis
    texts = {d.id: d.text for d in inp.documents}
    n = 0
    for path, ev in evidence_of(syn.to_dict()):
        assert ev["quote"] == texts[ev["document"]][ev["start"]:ev["end"]], path
        n += 1
    assert n > 200
    assert len(syn.timelines) == 12
    assert any(a.kind == "non-consumption" for a in syn.alternatives)
