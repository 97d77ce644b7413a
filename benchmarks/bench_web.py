"""Web app speed on a 1,000-document study.

Builds a study of generated, coded interviews (real SQLite, codes stored the way the coder
stores them), a synthesis artifact (with a timeline per interview) and survey artifacts, then
times GET requests of the main pages through the real ASGI app (Starlette TestClient, in
process, no network) and prints p50/p95 per page. Target: p95 < 200 ms.

    python benchmarks/bench_web.py [--docs 1000] [--repeat 10]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))

from study_factory import build_study, synthesis  # noqa: E402

TARGET_MS = 200.0


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000, help="documents in the generated study")
    ap.add_argument("--repeat", type=int, default=10, help="requests per page (document pages: 50)")
    args = ap.parse_args(argv)

    from fastapi.testclient import TestClient

    from jtbd.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        wb = build_study(Path(tmp) / "study", n_docs=args.docs, synthesised=False)
        syn = synthesis(wb)
        base = syn["timelines"][0]
        docs = wb.list_documents(with_counts=False)
        syn["timelines"] = [{**base, "document": d.id, "participant": d.title, "source": d.source} for d in docs]
        wb.save_artifact("synthesis", syn)
        st = wb.status()
        print(f"built study: {st['documents']} documents, {st['excerpts']} excerpts, "
              f"{sum(st['codes'].values())} codes, {len(syn['timelines'])} timelines "
              f"in {time.perf_counter() - t0:.1f} s")

        client = TestClient(create_app(lambda: wb))
        client.get("/")  # warm up: templates compiled, cookie set
        pages = max(1, (len(docs) + 49) // 50)
        step = max(1, len(docs) // 50)
        plan: list[tuple[str, list[str]]] = [
            ("dashboard", ["/"] * args.repeat),
            ("document list", [f"/documents?page={1 + i * pages // args.repeat}" for i in range(args.repeat)]),
            ("document page (50 docs)", [f"/documents/{d.id}" for d in docs[::step][:50]]),
            ("search", [f"/search?q={q}" for q in ("late", "receipts", "spreadsheet", "worried", "paid",
                                                   "tax", "accountant", "mess", "reminders", "nothing-matches")]
                       [:args.repeat]),
            ("jobs", ["/jobs"] * args.repeat), ("outcomes", ["/outcomes"] * args.repeat),
            ("forces", ["/forces"] * args.repeat), ("timelines", ["/timelines"] * args.repeat),
            ("alternatives", ["/alternatives"] * args.repeat), ("job map", ["/job-map"] * args.repeat),
            ("survey", ["/survey"] * args.repeat),
        ]
        rows = []
        for name, urls in plan:
            times = []
            for url in urls:
                t = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, (url, r.status_code)
            rows.append((name, len(times), statistics.median(times), _pct(times, 0.95)))
        wb.close()

    print(f"\n{'page':<26}{'requests':>9}{'p50 ms':>10}{'p95 ms':>10}")
    for name, n, p50, p95 in rows:
        flag = "" if p95 < TARGET_MS else "  over target"
        print(f"{name:<26}{n:>9}{p50:>10.1f}{p95:>10.1f}{flag}")
    worst = max(r[3] for r in rows)
    print(f"\nworst p95 {worst:.1f} ms (target < {TARGET_MS:.0f} ms)")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
