"""Build the local coder's training set and weights (deterministic).

    python scripts/train_coder.py            # expand seeds -> train_*.jsonl, train, write .npz
    python scripts/train_coder.py --cv-only  # just print cross-validated per-code scores

Steps:
1. Expand the hand-written seed blocks in ``src/jtbd/coding/data/seeds_*.txt`` (every file
   matching the glob) into ``train_interviews.jsonl`` / ``train_reviews.jsonl`` (one sentence
   per line with its interviewer question, previous and next sentence, setting and gold codes).
   Blocks with ``{slots}`` are filled for three product areas from :data:`DOMAINS` (rotating,
   so it is deterministic).
2. Vectorise with the exact inference features: hashed n-grams and cues
   (:func:`jtbd.coding.features.vectorise`) next to the static MiniLM embeddings of the
   sentence, question, previous and next sentence (:func:`jtbd.coding.features.dense_features`,
   read from ``static_embeddings.npz``; build it first with
   ``scripts/build_static_embeddings.py``), the latter times ``--dense-scale`` (0.3: best on
   the grouped CV among 0.2-1.0; larger scales over-fit the templated seeds).
3. Fit one L2 logistic regression per code (liblinear, fixed C, balanced class weights); tune
   each code's decision threshold separately for interviews and for reviews/tickets on 5-fold
   out-of-fold probabilities grouped by seed block (no leakage between expansions of one
   block), maximising F1, capped at 0.5 (the natural threshold with balanced class weights:
   the templated seeds are easier to separate than real transcripts, so an uncapped CV
   threshold over-fits and costs recall on real data).
4. Second stage ("story context", stacking): a push or pull is told as a short story over
   several sentences of a turn, so labels correlate with the neighbours'. On the first
   stage's out-of-fold probabilities, :func:`jtbd.coding.features.turn_features` builds per
   sentence [own probabilities, previous- and next-sentence probabilities (zeros at turn
   edges), maximum over the turn, position in the turn, setting]; one small L2 logistic
   regression per code (``--stack-C``, no class weights: balanced weights push the best
   threshold far above the 0.5 cap) is fitted on them, and its thresholds are tuned on its
   own out-of-fold predictions (5 folds grouped by seed block, same cap). Grouped CV forces
   micro-F1: interviews 0.710 -> 0.731, reviews 0.748 -> 0.782.
5. Optional joint second stage (``--joint``; needs ``transformer_oof.npz`` matching the
   training rows; not in the shipped weights, see docs/coder.md): the same turn
   features over the first stage's *and* the fine-tuned transformer's out-of-fold
   probabilities side by side (``scripts/train_transformer.py --oof 2``), one logistic
   regression per code, thresholds tuned on its own grouped out-of-fold predictions. The
   report prints it next to the equal-weight average it replaces (also out-of-fold).
6. Write ``src/jtbd/coding/data/coder_weights.npz`` (non-zero hashed rows, the dense weights,
   both threshold sets, the second stage, the joint stage; pure-numpy inference).

The benchmark's development set (benchmarks/data/dev) is never read here.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jtbd.coding.disfluency import clean  # noqa: E402
from jtbd.coding.embeddings import default_embeddings  # noqa: E402
from jtbd.coding.features import (  # noqa: E402
    N_FEATURES, Context, dense_features, turn_features, vectorise)
from jtbd.coding.linear import LinearModel, StackModel  # noqa: E402
from jtbd.model import CODES  # noqa: E402

DATA = ROOT / "src" / "jtbd" / "coding" / "data"
VERSION = "2.2"
C = 8.0
DENSE_SCALE = 0.3
FORCES = ("push", "pull", "anxiety", "habit")
COPIES = 3
THRESHOLD_CAP = 0.5
STACK_C = 1.0

DOMAINS: list[dict[str, str]] = [
    dict(product="Billfold", old="my spreadsheet", comp="QuickBooks", task="send invoices",
         things="invoices", person="my accountant", feature="automatic payment reminders"),
    dict(product="FitLoop", old="my paper log", comp="Strava", task="track my workouts",
         things="workouts", person="my trainer", feature="a rest-day planner"),
    dict(product="Taskhive", old="email threads", comp="Asana", task="plan our sprints",
         things="tasks", person="my manager", feature="a Gantt view"),
    dict(product="FreshCrate", old="the weekly supermarket run", comp="HelloFresh",
         task="plan dinners", things="recipes", person="my partner", feature="a vegetarian box"),
    dict(product="Dealflow", old="our shared Excel file", comp="Salesforce",
         task="follow up with leads", things="leads", person="our sales director",
         feature="an Outlook integration"),
    dict(product="Tidy", old="a neighbour who cleaned for us", comp="Handy",
         task="book a cleaner", things="bookings", person="my wife",
         feature="a same-day booking option"),
    dict(product="Coinly", old="my old bank", comp="Revolut", task="split bills",
         things="payments", person="my flatmate", feature="shared budgets"),
    dict(product="Jotbook", old="sticky notes", comp="Evernote", task="organise my notes",
         things="notes", person="my team lead", feature="offline mode"),
]

_LINE = re.compile(r"^([a-z,\-]+):\s+(.+)$")


def parse_seeds(path: Path) -> list[dict]:
    """Blocks of ``{"question", "review", "lines": [(codes, text)]}`` from a seed file."""
    blocks: list[dict] = []
    current: dict | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            current = None if not line else current
            continue
        if line.startswith("Q:") or line == "R:":
            current = {"question": line[2:].strip() or None, "review": line == "R:", "lines": []}
            blocks.append(current)
            continue
        m = _LINE.match(line)
        if not m or current is None:
            raise SystemExit(f"{path}:{n}: expected 'codes: sentence' inside a block, got {raw!r}")
        codes = [] if m.group(1) == "-" else m.group(1).split(",")
        bad = [c for c in codes if c not in CODES]
        if bad:
            raise SystemExit(f"{path}:{n}: unknown code(s) {bad}; use one of {CODES}")
        current["lines"].append((codes, m.group(2)))
    return blocks


def expand(blocks: list[dict], offset: int) -> list[dict]:
    """Training rows; blocks with slots are filled for COPIES product areas. Sentences and
    questions are read as the coder reads them at run time, without fillers and stutters
    (:func:`jtbd.coding.disfluency.clean`)."""
    rows = []
    for b, block in enumerate(blocks):
        body = (block["question"] or "") + " ".join(t for _, t in block["lines"])
        copies = COPIES if "{" in body else 1
        for k in range(copies):
            dom = DOMAINS[(b * COPIES + k) % len(DOMAINS)]
            question = clean(block["question"].format(**dom)) if block["question"] else None
            texts = [clean(t.format(**dom)) for _, t in block["lines"]]
            for i, (codes, _) in enumerate(block["lines"]):
                rows.append({"text": texts[i], "question": question,
                             "previous": texts[i - 1] if i else None,
                             "next": texts[i + 1] if i + 1 < len(texts) else None,
                             "setting": "review" if block["review"] else "interview",
                             "codes": codes, "group": offset + b})
    return rows


def build_dataset() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"interviews": [], "reviews": []}
    offset = 0
    for path in sorted(DATA.glob("seeds_*.txt")):
        blocks = parse_seeds(path)
        target = "reviews" if "review" in path.stem else "interviews"
        out[target].extend(expand(blocks, offset))
        offset += len(blocks)
    for name, rows in out.items():
        with (DATA / f"train_{name}.jsonl").open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return out


def contexts(rows: list[dict]) -> list[Context]:
    return [Context(question=r["question"], previous=r["previous"], next=r.get("next"),
                    review=r["setting"] == "review") for r in rows]


def matrix(rows: list[dict], dense_scale: float) -> tuple[sparse.csr_matrix, int]:
    """Hashed features, then the dense embedding blocks times ``dense_scale`` (0: none)."""
    ctx = contexts(rows)
    texts = [r["text"] for r in rows]
    indptr, indices, values = vectorise(texts, ctx)
    X = sparse.csr_matrix((values, indices, indptr), shape=(len(rows), N_FEATURES))
    if dense_scale <= 0:
        return X, 0
    D = dense_features(texts, ctx, default_embeddings()) * dense_scale
    return sparse.hstack([X, sparse.csr_matrix(D)], format="csr"), D.shape[1]


def fit(X: sparse.csr_matrix | np.ndarray, y: np.ndarray, C: float,
        balanced: bool = True) -> tuple[np.ndarray, float]:
    if y.min() == y.max():
        return np.zeros(X.shape[1]), (-10.0 if y.max() == 0 else 10.0)
    clf = LogisticRegression(C=C, solver="liblinear",
                             class_weight="balanced" if balanced else None, max_iter=2000,
                             random_state=0)
    clf.fit(X, y)
    return clf.coef_[0], float(clf.intercept_[0])


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    best = (0.5, -1.0)
    for t in np.arange(0.2, 0.9, 0.02):
        pred = p >= t
        tp = float((pred & (y == 1)).sum())
        f1 = 2 * tp / max(pred.sum() + y.sum(), 1)
        if f1 > best[1] + 1e-9:
            best = (float(t), f1)
    return best


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float((pred & (y == 1)).sum())
    p = tp / max(pred.sum(), 1)
    r = tp / max(y.sum(), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tune_thresholds(Y: np.ndarray, oof: np.ndarray, mask: np.ndarray, cap: float) -> np.ndarray:
    """Per-code F1-best thresholds on the rows in ``mask`` (capped at ``cap``)."""
    out = np.full(Y.shape[1], 0.5)
    for j in range(Y.shape[1]):
        if Y[mask, j].sum() >= 5:
            out[j] = min(best_threshold(Y[mask, j], oof[mask, j])[0], cap)
    return out


def report(title: str, Y: np.ndarray, oof: np.ndarray, thr: np.ndarray) -> None:
    print(f"\n{title}")
    print(f"{'code':<12}{'thr':>6}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    tp = fp = fn = 0
    for j, code in enumerate(CODES):
        pred = oof[:, j] >= thr[j]
        p, r, f = prf(Y[:, j], pred)
        print(f"{code:<12}{thr[j]:>6.2f}{p:>7.2f}{r:>7.2f}{f:>7.2f}{Y[:, j].sum():>6}")
        if code in FORCES:
            tp += int((pred & (Y[:, j] == 1)).sum())
            fp += int((pred & (Y[:, j] == 0)).sum())
            fn += int((~pred & (Y[:, j] == 1)).sum())
    print(f"{'forces micro-F1':<25}{2 * tp / max(2 * tp + fp + fn, 1):>14.3f}")


def turns_of(rows: list[dict]) -> np.ndarray:
    """Turn numbers: a row without a previous sentence starts a new turn."""
    return np.cumsum([r["previous"] is None for r in rows])


def stack_cv(S: np.ndarray, Y: np.ndarray, groups: np.ndarray, C: float) -> np.ndarray:
    """Out-of-fold second-stage probabilities (5 folds grouped by seed block)."""
    oof = np.zeros(Y.shape)
    for tr, te in GroupKFold(n_splits=5).split(S, Y, groups):
        for j in range(Y.shape[1]):
            w, b = fit(S[tr], Y[tr, j], C, balanced=False)
            oof[te, j] = 1 / (1 + np.exp(-(S[te] @ w + b)))
    return oof


def transformer_oof(rows: list[dict]) -> np.ndarray | None:
    """The transformer's out-of-fold probabilities of ``rows`` (``train_transformer.py
    --oof K``), or None when the file is missing, unfinished or from other seeds."""
    from train_transformer import OOF_FILE, rows_key

    if not OOF_FILE.is_file():
        print(f"\n{OOF_FILE.name} is missing: no joint second stage "
              "(run `python scripts/train_transformer.py --oof 2` for one)")
        return None
    with np.load(OOF_FILE) as z:
        if str(z["key"]) != rows_key(rows) or len(z["done"]) != int(z["folds"]):
            print(f"\n{OOF_FILE.name} is stale or unfinished (the seeds changed since): no "
                  "joint second stage; rerun `python scripts/train_transformer.py --oof 2`")
            return None
        return z["probs"].astype(np.float64)


def joint_stack(rows: list[dict], oof: np.ndarray, oof2: np.ndarray, thr2_i: np.ndarray,
                thr2_r: np.ndarray, Y: np.ndarray, groups: np.ndarray, review: np.ndarray,
                args: argparse.Namespace) -> StackModel | None:
    """The joint second stage over linear and transformer out-of-fold probabilities,
    reported next to the equal-weight average it replaces; None without the transformer's
    out-of-fold file."""
    from jtbd.coding.local import _to_half

    deep = transformer_oof(rows)
    if deep is None:
        return None
    thr2 = np.where(review[:, None], thr2_r, thr2_i)
    avg = 0.5 * _to_half(oof2, thr2) + 0.5 * deep
    half = np.full(len(CODES), 0.5)
    print("\nequal-weight average of the second stage and the transformer (out-of-fold)")
    report("interviews, average", Y[~review], avg[~review], half)
    report("reviews, average", Y[review], avg[review], half)
    return second_stage(np.hstack([oof, deep]), rows, Y, groups, review, args,
                        "joint second stage over linear + transformer out-of-fold probabilities",
                        "joint", fit_all=True)[0]


def second_stage(probs: np.ndarray, rows: list[dict], Y: np.ndarray, groups: np.ndarray,
                 review: np.ndarray, args: argparse.Namespace, title: str, label: str,
                 fit_all: bool) -> tuple[StackModel | None, np.ndarray, np.ndarray, np.ndarray]:
    """A second stage over the turn features of ``probs``: its out-of-fold probabilities,
    thresholds per setting tuned on them (reported under ``title``), and with ``fit_all`` the
    stage fitted on all rows. Returns (stage or None, out-of-fold probabilities, interview
    thresholds, review thresholds)."""
    S = turn_features(probs, turns_of(rows), review)
    oof = stack_cv(S, Y, groups, args.stack_C)
    thr_i = tune_thresholds(Y, oof, ~review, args.cap)
    thr_r = tune_thresholds(Y, oof, review, args.cap)
    print(f"\n{title}")
    report(f"interviews, {label}", Y[~review], oof[~review], thr_i)
    report(f"reviews, {label}", Y[review], oof[review], thr_r)
    if not fit_all:
        return None, oof, thr_i, thr_r
    W = np.zeros((S.shape[1], len(CODES)))
    b = np.zeros(len(CODES))
    for j in range(len(CODES)):
        W[:, j], b[j] = fit(S, Y[:, j], args.stack_C, balanced=False)
    return StackModel(W, b, thr_i, thr_r), oof, thr_i, thr_r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv-only", action="store_true", help="print CV scores, write no weights")
    ap.add_argument("--dense-scale", type=float, default=DENSE_SCALE,
                    help=f"scale of the embedding features, 0 for none (default {DENSE_SCALE})")
    ap.add_argument("--C", type=float, default=C, help=f"inverse regularisation (default {C})")
    ap.add_argument("--cap", type=float, default=THRESHOLD_CAP,
                    help=f"upper bound of tuned thresholds (default {THRESHOLD_CAP})")
    ap.add_argument("--joint", action="store_true",
                    help="add the joint second stage over linear + transformer out-of-fold "
                         "probabilities (needs `train_transformer.py --oof 2` first; measured "
                         "as no clear gain, so not in the shipped weights: docs/coder.md)")
    ap.add_argument("--stack-C", type=float, default=STACK_C,
                    help=f"inverse regularisation of the second stage (default {STACK_C})")
    args = ap.parse_args()
    data = build_dataset()
    rows = data["interviews"] + data["reviews"]
    print(f"training rows: {len(data['interviews'])} interview + {len(data['reviews'])} review")
    X, n_dense = matrix(rows, args.dense_scale)
    Y = np.array([[c in r["codes"] for c in CODES] for r in rows], dtype=int)
    groups = np.array([r["group"] for r in rows])
    review = np.array([r["setting"] == "review" for r in rows])
    oof = np.zeros(Y.shape)
    for tr, te in GroupKFold(n_splits=5).split(X, Y, groups):
        for j in range(len(CODES)):
            w, b = fit(X[tr], Y[tr, j], args.C)
            oof[te, j] = 1 / (1 + np.exp(-(X[te] @ w + b)))
    thr_i = tune_thresholds(Y, oof, ~review, args.cap)
    thr_r = tune_thresholds(Y, oof, review, args.cap)
    print("5-fold CV grouped by seed block, thresholds tuned per setting on the same folds")
    report("interviews", Y[~review], oof[~review], thr_i)
    report("reviews", Y[review], oof[review], thr_r)
    stack, oof2, thr2_i, thr2_r = second_stage(
        oof, rows, Y, groups, review, args,
        "second stage (story context) on the first stage's out-of-fold probabilities",
        "second stage", fit_all=not args.cv_only)
    joint = (joint_stack(rows, oof, oof2, thr2_i, thr2_r, Y, groups, review, args)
             if args.joint else None)
    if args.cv_only:
        return
    W = np.zeros((X.shape[1], len(CODES)), dtype=np.float32)
    b = np.zeros(len(CODES))
    for j in range(len(CODES)):
        w, b[j] = fit(X, Y[:, j], args.C)
        W[:, j] = w
    model = LinearModel(CODES, W[:N_FEATURES], b, thr_i, f"{VERSION}+{len(rows)}",
                        dense_weights=W[N_FEATURES:] if n_dense else None,
                        dense_scale=args.dense_scale if n_dense else 1.0,
                        review_thresholds=thr_r, stack=stack, joint=joint)
    out = DATA / "coder_weights.npz"
    model.save(out)
    print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
