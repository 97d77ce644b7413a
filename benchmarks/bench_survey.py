"""Survey benchmark: opportunity scoring and needs segmentation at scale, plus real data.

    python benchmarks/bench_survey.py [--respondents N] [--outcomes M] [--no-real]
                                      [--skip-dask] [--partitions P]

Generates a seeded N x M int8 survey with three planted needs segments (default 1,000,000 x
100), times scoring (with and without bootstrap CIs, and by an attribute) and segmentation,
and measures peak memory (resident set size sampled every 5 ms, above the generated data and
as the process peak). Targets: scoring <= 10 s and < 4 GB; segmentation <= 60 s. Unless
--skip-dask (or Dask is not installed), writes the same survey as P CSV partitions (default 8)
and scores them with ``score_dask`` on the local threaded scheduler, checking that the table
equals the in-memory one. Then imports and scores the real data sets in ../shared/data (when
present). Prints a table.
"""
from __future__ import annotations

import argparse
import importlib.util
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import psutil
from sklearn.metrics import adjusted_rand_score

from jtbd.survey import load_items, load_responses, score, score_items, segment
from jtbd.survey.responses import SurveyResponses
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


def write_partitions(responses: SurveyResponses, folder: Path, n_parts: int) -> list[Path]:
    """Write ``respondent_id, imp:/sat: pairs, region`` as ``n_parts`` CSV files, vectorised:
    every cell is "<digit>," with the digit byte dropped for a blank answer."""
    n, m = responses.importance.shape
    region = responses.attributes["region"].astype(str).str.pad(5, side="right").to_numpy()
    header = ",".join(["respondent_id", *(f"{k}:{o}" for o in responses.outcomes
                                         for k in ("imp", "sat")), "region"]) + "\n"
    width = 9 + 4 * m + 6  # "R0000001," + m x ("i,s,") + "north\n"
    paths = []
    for k, idx in enumerate(np.array_split(np.arange(n), n_parts)):
        path = folder / f"part-{k}.csv"
        with path.open("wb") as fh:
            fh.write(header.encode())
            for start in range(0, len(idx), 1 << 16):
                rows = idx[start:start + (1 << 16)]
                buf = np.empty((len(rows), width), dtype=np.uint8)
                buf[:, :9] = np.frombuffer("".join(f"R{i + 1:07d}," for i in rows).encode(),
                                           dtype=np.uint8).reshape(-1, 9)
                cells = np.empty((len(rows), 2 * m), dtype=np.int8)
                cells[:, 0::2] = responses.importance[rows]
                cells[:, 1::2] = responses.satisfaction[rows]
                buf[:, 9:9 + 4 * m:2] = cells + ord("0")
                buf[:, 10:10 + 4 * m:2] = ord(",")
                buf[:, -6:-1] = np.frombuffer("".join(region[rows]).encode(),
                                              dtype=np.uint8).reshape(-1, 5)
                buf[:, -1] = ord("\n")
                keep = np.ones_like(buf, dtype=bool)
                keep[:, 9:9 + 4 * m:2] = cells != 0
                fh.write(buf[keep].tobytes())
        paths.append(path)
    return paths


def dask_rows(responses: SurveyResponses, n_parts: int, size: str) -> list[tuple[str, ...]]:
    """Write the survey as CSV partitions and time ``score_dask`` on them (threads)."""
    from jtbd.survey.distributed import score_dask

    rows: list[tuple[str, ...]] = []
    folder = Path(tempfile.mkdtemp(prefix="jtbd-bench-dask-"))
    try:
        expected = score(responses, by="region", ci=False).to_dict()
        _, dt, mem = timed(lambda: write_partitions(responses, folder, n_parts))
        mb = sum(p.stat().st_size for p in folder.iterdir()) / 1024 ** 2
        rows.append((f"write {n_parts} CSV partitions ({mb:,.0f} MB)", size, f"{dt:.2f}",
                     f"{(mem.peak - mem.start) / GB:.2f}", f"{mem.peak / GB:.2f}"))
        for label, kw in (("score_dask, no CI (threads)", {}),
                          ("score_dask by region (threads)", {"by": "region"})):
            table, dt, mem = timed(lambda kw=kw: score_dask(str(folder / "part-*.csv"), **kw))
            same = (table.to_dict() == expected) if kw else (
                table.to_dict()["outcomes"] == expected["outcomes"])
            rows.append((f"{label}, {n_parts} CSV files" + ("" if same else " MISMATCH"), size,
                         f"{dt:.2f}", f"{(mem.peak - mem.start) / GB:.2f}",
                         f"{mem.peak / GB:.2f}"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--respondents", type=int, default=1_000_000)
    ap.add_argument("--outcomes", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-real", action="store_true", help="Skip the real data sets.")
    ap.add_argument("--skip-dask", action="store_true", help="Skip the Dask engine rows.")
    ap.add_argument("--partitions", type=int, default=8, help="CSV partitions for Dask.")
    ap.add_argument("--dask-only", action="store_true", help="Only generate and time Dask.")
    args = ap.parse_args()
    rows: list[tuple[str, str, str, str, str]] = []

    (responses, truth), dt, mem = timed(lambda: planted_survey(
        args.respondents, args.outcomes, 3, seed=args.seed, missing=0.01))
    size = f"{args.respondents:,} x {args.outcomes}"
    rows.append(("generate (int8)", size, f"{dt:.2f}", f"{(mem.peak - mem.start) / GB:.2f}",
                 f"{mem.peak / GB:.2f}"))
    if not args.skip_dask and importlib.util.find_spec("dask") is not None:
        rows.extend(dask_rows(responses, args.partitions, size))
    scoring = (() if args.dask_only else
               (("score, no CI", {"ci": False}),
                      ("score + 1000 bootstrap CIs", {"ci": True}),
                ("score by region (4 groups) + CIs", {"ci": True, "by": "region"})))
    for label, kw in scoring:
        _, dt, mem = timed(lambda kw=kw: score(responses, **kw))
        rows.append((label, size, f"{dt:.2f}", f"{(mem.peak - mem.start) / GB:.2f}",
                     f"{mem.peak / GB:.2f}"))
    if not args.dask_only:
        seg, dt, mem = timed(lambda: segment(responses, seed=args.seed))
        ari = adjusted_rand_score(truth, seg.labels)
        rows.append((f"segment (k={seg.k} chosen, ARI {ari:.3f})", size, f"{dt:.2f}",
                     f"{(mem.peak - mem.start) / GB:.2f}", f"{mem.peak / GB:.2f}"))
        del seg
    del responses, truth

    if not args.no_real and not args.dask_only and DATA.is_dir():
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
