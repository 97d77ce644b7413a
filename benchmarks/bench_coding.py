"""Quality and speed benchmark of the default coder, through the real CLI.

    python benchmarks/bench_coding.py [--skip-speed] [--sentences 20000] [--fast]

1. Writes the held-out development set (``benchmarks/devset.py``; never used for training) as
   plain files, runs ``jtbd code FILES --jsonl`` as a subprocess, maps predicted excerpts to
   gold units by character overlap (a unit gets the union of the codes of the customer excerpts
   overlapping it; a review gets the union over its row) and prints per-code precision, recall,
   F1 and support, plus micro-F1 over the four forces, for interviews and reviews separately.
   Further interview sets by other authors (``benchmarks/data/dev2/``, ``dev3/``, ``dev4/``:
   written after the first, coded by the primer alone) are reported too, and then their
   four-forces micro-F1 again on spoken variants (fillers, stutters and interviewer
   backchannels inserted, gold codes kept: ``benchmarks/spoken.py``).
2. Generates a large synthetic interview transcript (≥ 20,000 unique customer sentences) and
   times the whole ``jtbd code`` command on it: customer sentences per second; then the same
   on real-length sentences (the ~15,600 interview training sentences written out as one
   transcript; the synthetic ones are shorter than real speech).
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import devset, spoken  # noqa: E402

CODES = devset.CODES
#: Further held-out interview sets by other authors (same format), reported when present:
#: (folder, title).
MORE = [(devset.DATA_DIR.parent / "dev2" / "interviews", "second dev set, another author"),
        (devset.DATA_DIR.parent / "dev3" / "interviews", "third dev set, another author"),
        (devset.DATA_DIR.parent / "dev4" / "interviews", "fourth dev set, another author")]
FORCES = ("push", "pull", "anxiety", "habit")
MICRO = "forces (micro)"
#: Extra options for every `jtbd code` call (``--fast``: the linear model only).
EXTRA: list[str] = []


def run_cli(files: list[Path], *extra: str) -> tuple[list[dict], float]:
    """Run ``jtbd code FILES --jsonl``; return the records and the wall time."""
    cmd = [sys.executable, "-m", "jtbd.cli", "code", *map(str, files), "--jsonl", *EXTRA, *extra]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"jtbd code failed ({proc.returncode}):\n{proc.stderr}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()], elapsed


def scores(gold: list[frozenset[str]], pred: list[set[str]]) -> dict[str, tuple[float, float, float, int]]:
    """Per-code (precision, recall, F1, support) and "forces (micro)"."""
    out: dict[str, tuple[float, float, float, int]] = {}
    totals = [0, 0, 0]
    for code in CODES:
        tp = sum(1 for g, p in zip(gold, pred) if code in g and code in p)
        fp = sum(1 for g, p in zip(gold, pred) if code not in g and code in p)
        fn = sum(1 for g, p in zip(gold, pred) if code in g and code not in p)
        out[code] = _prf(tp, fp, fn)
        if code in FORCES:
            totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    out[MICRO] = _prf(*totals)
    return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float, int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp + fn


def print_table(title: str, table: dict[str, tuple[float, float, float, int]]) -> None:
    print(f"\n{title}")
    print(f"  {'code':<16}{'P':>6}{'R':>6}{'F1':>6}{'n':>6}")
    for code, (p, r, f, n) in table.items():
        print(f"  {code:<16}{p:>6.2f}{r:>6.2f}{f:>6.2f}{n:>6}")


def bench_interviews(tmp: Path, directory: Path = devset.INTERVIEW_DIR
                     ) -> dict[str, tuple[float, float, float, int]]:
    transcripts = devset.load_interviews(directory)
    files = []
    for t in transcripts:
        p = tmp / f"{t.name}.md"
        p.write_text(t.plain_text, encoding="utf-8")
        files.append(p)
    records, _ = run_cli(files)
    by_source: dict[str, list[dict]] = {}
    for r in records:
        by_source.setdefault(Path(r["source"]).stem, []).append(r)
    gold, pred = [], []
    for t in transcripts:
        recs = [r for r in by_source.get(t.name, []) if r["role"] != "interviewer"]
        for u in t.units:
            got: set[str] = set()
            for r in recs:
                if r["start"] < u.end and u.start < r["end"]:
                    got.update(r["codes"])
            gold.append(u.codes)
            pred.append(got)
    return scores(gold, pred)


def bench_reviews(tmp: Path) -> dict[str, tuple[float, float, float, int]]:
    reviews = devset.load_reviews()
    path = tmp / "reviews.csv"
    import csv

    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "source", "text"])
        for r in reviews:
            w.writerow([r.id, r.source, r.text])
    records, _ = run_cli([path], "--text-column", "text", "--kind", "review")
    pred: list[set[str]] = [set() for _ in reviews]
    for rec in records:
        pred[rec["row"]].update(rec["codes"])
    return scores([r.codes for r in reviews], pred)


# Synthetic speed corpus: sentences assembled from small word lists (not from any data set).
_SUBJ = ["I", "We", "My team", "Our manager", "The old tool", "The app", "Everyone", "My partner"]
_VERB = ["kept losing", "spent hours on", "wanted to automate", "worried about", "loved",
         "tried to export", "never finished", "had to re-enter", "compared", "forgot"]
_OBJ = ["the invoices", "our weekly plan", "the monthly report", "every booking", "the data",
        "all the receipts", "the meal plan", "our leads", "the workout log", "the spreadsheet"]
_TAIL = ["every Friday", "after the update", "because it was slow", "before the audit",
         "without any help", "so I could relax", "and it crashed", "for months", "again", "last year"]


def speed_corpus(path: Path, sentences: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    lines, n = [], 0
    while n < sentences:
        lines.append("Interviewer: What was going on at that time?")
        turn = []
        for _ in range(10):
            # the count makes (almost) every sentence unique, as in real transcripts, so
            # caches of repeated text do not flatter the figure
            turn.append(f"{rng.choice(_SUBJ)} {rng.choice(_VERB)} {rng.choice(_OBJ)} "
                        f"{rng.choice(_TAIL)}, about {rng.randint(2, 9999)} times.")
        n += len(turn)
        lines.append("Sam: " + " ".join(turn))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def seeds_transcript(path: Path) -> None:
    """Real-length sentences: the interview training sentences (built by
    ``scripts/train_coder.py``) written out as one transcript, each after its question."""
    rows = [json.loads(line) for line in
            (ROOT / "src" / "jtbd" / "coding" / "data" / "train_interviews.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.strip()]
    lines: list[str] = []
    turn: list[str] = []
    last = None
    for r in rows:
        question = r["question"] or "Tell me more."
        if question != last or len(turn) >= 8:
            if turn:
                lines.append("Sam: " + " ".join(turn))
            turn = []
            lines.append("Interviewer: " + question)
            last = question
        text = r["text"].strip()
        turn.append(text if text.endswith((".", "?", "!")) else text + ".")
    if turn:
        lines.append("Sam: " + " ".join(turn))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_speed(path: Path) -> tuple[int, float]:
    """Customer sentences coded and the wall time of ``jtbd code`` on the transcript ``path``."""
    records, elapsed = run_cli([path])
    customer = sum(1 for r in records if r["role"] != "interviewer")
    return customer, elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description="Benchmark the default JTBD coder via `jtbd code`.")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--sentences", type=int, default=20000)
    ap.add_argument("--fast", action="store_true",
                    help="benchmark `jtbd code --fast` (the linear model without the transformer)")
    args = ap.parse_args()
    if args.fast:
        EXTRA.append("--fast")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        print_table("Interviews (dev set, per customer sentence)", bench_interviews(tmp))
        written: dict[str, float] = {}
        for folder, title in MORE:
            if folder.is_dir():
                (tmp / folder.parent.name).mkdir()
                table = bench_interviews(tmp / folder.parent.name, folder)
                written[folder.parent.name] = table[MICRO][2]
                print_table(f"Interviews ({title}; per customer sentence)", table)
        print("\nInterviews, spoken variants (fillers, stutters, backchannels inserted; "
              "four forces micro-F1, written -> spoken)")
        for folder, title in MORE:
            if folder.is_dir():
                said = tmp / f"{folder.parent.name}-spoken"
                (said / "in").mkdir(parents=True)
                for f in sorted(folder.glob("*.md")):
                    (said / "in" / f.name).write_text(
                        spoken.spoken_variant(f.read_text(encoding="utf-8")), encoding="utf-8")
                before = written[folder.parent.name]
                after = bench_interviews(said, said / "in")[MICRO][2]
                print(f"  {folder.parent.name:6s} {before:.2f} -> {after:.2f}")
        print_table("Reviews and tickets (dev set, per review)", bench_reviews(tmp))
        if not args.skip_speed:
            one = tmp / "one.txt"
            one.write_text("Interviewer: Why now?\nSam: The old tool kept crashing.\n", encoding="utf-8")
            _, start = run_cli([one])
            print(f"\nStart-up: one two-line interview in {start:.2f} s (whole command)")
            speed_corpus(tmp / "speed.txt", args.sentences)
            n, secs = bench_speed(tmp / "speed.txt")
            print(f"\nThroughput: {n} customer sentences in {secs:.1f} s (whole command) = "
                  f"{n / secs:.0f} sentences/s")
            seeds_transcript(tmp / "seeds.txt")
            n, secs = bench_speed(tmp / "seeds.txt")
            print(f"Throughput, real-length sentences (the training interviews as one transcript): "
                  f"{n} in {secs:.1f} s = {n / secs:.0f} sentences/s")


if __name__ == "__main__":
    main()
