"""Survey benchmark: opportunity scoring and needs segmentation at scale, plus real data.

    python benchmarks/bench_survey.py [--respondents N] [--outcomes M] [--no-real]

Generates a seeded N x M int8 survey with three planted needs segments (default 1,000,000 x
100), times scoring (with and without bootstrap CIs, and by an attribute) and segmentation,
and measures peak memory (resident set size sampled every 5 ms, above the generated data and
as the process peak). Targets: scoring <= 10 s and < 4 GB; segmentation <= 60 s. Then imports
and scores the real data sets in ../shared/data (when present). Prints a table.
"""
from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil
from sklearn.metrics import adjusted_rand_score

from jtbd.survey import load_items, load_responses, score, score_items, segment
from jtbd.survey.synthetic import planted_survey

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
GB = 1024 ** 3


class PeakRss:
    """Samples this process's resident set size in a thread; ``peak`` in bytes."""

    def __init__(self, interval: float = 0.005) -> None:
        self.proc = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()

    def __enter__(self) -> PeakRss:
        self.start = self.proc.memory_info().rss
        self.peak = self.start
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.proc.memory_info().rss)
            time.sleep(self.interval)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.proc.memory_info().rss)


def timed(fn: Callable[[], Any]) -> tuple[Any, float, PeakRss]:
    with PeakRss() as mem:
        t0 = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t0
    return out, dt, mem


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--respondents", type=int, default=1_000_000)
    ap.add_argument("--outcomes", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-real", action="store_true", help="Skip the real data sets.")
    args = ap.parse_args()
    rows: list[tuple[str, str, str, str, str]] = []

    (responses, truth), dt, mem = timed(lambda: planted_survey(
        args.respondents, args.outcomes, 3, seed=args.seed, missing=0.01))
    size = f"{args.respondents:,} x {args.outcomes}"
    rows.append(("generate (int8)", size, f"{dt:.2f}", f"{(mem.peak - mem.start) / GB:.2f}",
                 f"{mem.peak / GB:.2f}"))
    for label, kw in (("score, no CI", {"ci": False}),
                      ("score + 1000 bootstrap CIs", {"ci": True}),
                      ("score by region (4 groups) + CIs", {"ci": True, "by": "region"})):
        _, dt, mem = timed(lambda kw=kw: score(responses, **kw))
        rows.append((label, size, f"{dt:.2f}", f"{(mem.peak - mem.start) / GB:.2f}",
                     f"{mem.peak / GB:.2f}"))
    seg, dt, mem = timed(lambda: segment(responses, seed=args.seed))
    ari = adjusted_rand_score(truth, seg.labels)
    rows.append((f"segment (k={seg.k} chosen, ARI {ari:.3f})", size, f"{dt:.2f}",
                 f"{(mem.peak - mem.start) / GB:.2f}", f"{mem.peak / GB:.2f}"))
    del responses, truth, seg

    if not args.no_real and DATA.is_dir():
        real: list[tuple[str, Callable[[], Any]]] = [
            ("likert-gap.csv: import + score", lambda: score(load_responses(
                DATA / "likert-gap.csv"))),
            ("bayesm-customerSat.csv: items", lambda: score_items(load_items(
                DATA / "bayesm-customerSat.csv"))),
            ("likert-pisaitems.csv.gz: items", lambda: score_items(load_items(
                DATA / "likert-pisaitems.csv.gz"))),
        ]
        for label, fn in real:
            out, dt, mem = timed(fn)
            n = len(out.outcomes) if hasattr(out, "outcomes") else len(out)
            rows.append((label, f"{n} scored", f"{dt:.2f}", f"{(mem.peak - mem.start) / GB:.2f}",
                         f"{mem.peak / GB:.2f}"))

    head = ("step", "size", "seconds", "peak +GB", "peak GB")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(5)]
    for r in [head, tuple("-" * w for w in widths), *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))


if __name__ == "__main__":
    main()
