"""Synthesis speed benchmark: time ``synthesize`` on 12, 50, 100 and 200 interviews.

The base is the Tally sample study (12 real-length switch interviews) imported and coded with
the local coder; larger studies replicate its documents with perturbations: each copy is a new
participant whose coded excerpts are subsampled (90%) and whose codes are flipped at 10%, to
imitate an imperfect coder. Requirement: 100 interviews in < 60 s on a 2-core machine.
Near-identical copies form tight groups, so larger runs find more (pure) jobs: "purity" says
how far each job keeps to one true job of the sample's truth.json.

    python benchmarks/bench_synthesis.py [--sizes 12,50,100,200] [--seed 0]
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import tempfile
import time
from pathlib import Path

from jtbd.model import CODES
from jtbd.synthesis import SynthesisInput, synthesize


def base_study() -> SynthesisInput:
    """The sample interviews, imported, given participants and coded in a temporary study."""
    import jtbd.sample as sample
    from jtbd.services import init_study

    root = Path(sample.__file__).parent
    with tempfile.TemporaryDirectory() as d:
        wb = init_study(d)
        try:
            wb.import_paths([root / "interviews"])
            wb.attach_participants(root / "participants.csv")
            wb.code_pending()
            return wb.synthesis_input()
        finally:
            wb.close()


def scale(base: SynthesisInput, n: int, seed: int) -> SynthesisInput:
    """``n`` interviews made from the base documents (perturbed copies beyond the first round)."""
    rng = random.Random(seed)
    docs, excerpts, alts = [], [], []
    by_doc: dict[object, list] = {}
    for ex in base.excerpts:
        by_doc.setdefault(ex.document_id, []).append(ex)
    alt_by_doc: dict[object, list] = {}
    for doc_id, m in base.alternatives:
        alt_by_doc.setdefault(doc_id, []).append(m)
    for i in range(n):
        src = base.documents[i % len(base.documents)]
        copy = i // len(base.documents)
        new_id = i + 1
        pid = f"{src.participant or src.id}-{copy}" if copy else (src.participant or str(src.id))
        docs.append(dataclasses.replace(src, id=new_id, participant=pid, source=f"{copy}-{src.source}"))
        for ex in by_doc.get(src.id, []):
            codes = list(ex.codes)
            if copy:
                if rng.random() > 0.9:
                    continue
                if rng.random() < 0.1:
                    flip = rng.choice(CODES)
                    codes = [c for c in codes if c != flip] if flip in codes else codes + [flip]
            excerpts.append(dataclasses.replace(ex, document_id=new_id, participant=pid, codes=tuple(codes),
                                                source=f"{copy}-{ex.source}"))
        alts.extend((new_id, m) for m in alt_by_doc.get(src.id, []))
    return SynthesisInput(docs, excerpts, alts, seed=seed)


def _truth() -> dict[str, str]:
    """Participant id -> true job id, from the sample's truth.json."""
    import json

    import jtbd.sample as sample

    data = json.loads((Path(sample.__file__).parent / "truth.json").read_text(encoding="utf-8"))
    return {p: j["id"] for j in data["jobs"] for p in j["participants"]}


def purity(syn: object, truth: dict[str, str]) -> float:
    """Share of participants whose synthesised job is mostly made of their true job (copies
    ``P01-3`` count as ``P01``). 1.0 means no job mixes participants of different true jobs."""
    from collections import Counter

    total = hit = 0
    for job in syn.jobs:  # type: ignore[attr-defined]
        labels = Counter(truth.get(p.split("-")[0]) for p in job.participants)
        hit += max(labels.values())
        total += sum(labels.values())
    return hit / total if total else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="12,50,100,200", help="comma-separated numbers of interviews")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    base = base_study()
    print(f"base: {len(base.documents)} interviews, {len(base.excerpts)} customer excerpts "
          f"(import + code {time.perf_counter() - t0:.1f} s)")
    truth = _truth()
    print(f"{'interviews':>10} {'excerpts':>9} {'seconds':>8} {'jobs':>5} {'purity':>7} {'themes':>7} "
          f"{'stories':>8} {'outcomes':>9} {'alts':>5} {'evidence':>9}")
    worst = 0.0
    for n in (int(x) for x in args.sizes.split(",")):
        inp = scale(base, n, args.seed)
        t = time.perf_counter()
        syn = synthesize(inp)
        secs = time.perf_counter() - t
        d = syn.to_dict()
        n_ev = str(d).count("'quote':")
        print(f"{n:>10} {len(inp.excerpts):>9} {secs:>8.2f} {len(syn.jobs):>5} {purity(syn, truth):>7.2f} "
              f"{len(syn.themes):>7} {len(syn.job_stories):>8} {len(syn.outcomes):>9} {len(syn.alternatives):>5} "
              f"{n_ev:>9}")
        if n == 100:
            worst = secs
    if worst:
        print(f"100 interviews: {worst:.1f} s ({'OK' if worst < 60 else 'TOO SLOW'}; budget 60 s)")
    return 0 if worst < 60 else 1


if __name__ == "__main__":
    sys.exit(main())
