"""Static sentence embeddings distilled from all-MiniLM-L6-v2 (numpy only at run time).

``scripts/build_static_embeddings.py`` passes every WordPiece token of the model's vocabulary
through the model on its own, reduces the mean-pooled outputs with PCA and scales each row by a
Zipf/SIF weight (frequent pieces count less), and writes ``data/static_embeddings.npz``
(float16 vectors plus the vocabulary). At run time a sentence is tokenised with
:class:`~jtbd.coding.wordpiece.WordPiece` and its vector is the L2-normalised mean of its
pieces' vectors: no torch, no transformers, no download. Similar phrasings ("sat in traffic for
twenty minutes" / "stuck in a jam for ages") get similar vectors, which the coder's linear
model uses next to its hashed n-grams.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from jtbd.coding.wordpiece import WordPiece
from jtbd.errors import JtbdError

#: The embeddings shipped with the package.
DEFAULT_EMBEDDINGS = Path(__file__).with_name("data") / "static_embeddings.npz"


class StaticEmbeddings:
    """Token vectors and their tokenizer; :meth:`embed` gives sentence vectors."""

    def __init__(self, vocab: Sequence[str], vectors: np.ndarray, source: str = "") -> None:
        if len(vocab) != vectors.shape[0]:
            raise ValueError(f"{len(vocab)} vocabulary entries but {vectors.shape[0]} vectors")
        self.tokenizer = WordPiece(vocab)
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.dim = int(self.vectors.shape[1])
        self.source = source

    @classmethod
    def load(cls, path: Path = DEFAULT_EMBEDDINGS) -> StaticEmbeddings:
        """Read an ``.npz`` written by ``scripts/build_static_embeddings.py``."""
        try:
            with np.load(path, allow_pickle=False) as z:
                vocab = str(z["vocab"]).split("\n")
                return cls(vocab, z["vectors"], str(z["source"]))
        except (OSError, KeyError, ValueError) as exc:
            raise JtbdError(
                f"cannot read the static embeddings {path}: {exc}; rebuild them with "
                "`python scripts/build_static_embeddings.py` (needs the `embeddings` extra)"
            ) from exc

    def embed_one(self, text: str) -> np.ndarray:
        """The L2-normalised mean piece vector of ``text`` (zeros when it has no pieces)."""
        ids = self.tokenizer.encode(text)
        if not ids:
            return np.zeros(self.dim, dtype=np.float32)
        v = self.vectors[ids].mean(axis=0)
        norm = float(np.sqrt(v @ v))
        return v / norm if norm > 0 else v

    def embed(self, texts: Iterable[str]) -> np.ndarray:
        """Sentence vectors ``(n, dim)`` of ``texts`` (float32, unit length or zero)."""
        rows = [self.embed_one(t) for t in texts]
        if not rows:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack(rows)


_LOADED: dict[Path, StaticEmbeddings] = {}


def default_embeddings(path: Path = DEFAULT_EMBEDDINGS) -> StaticEmbeddings:
    """The shipped embeddings, loaded once per process."""
    if path not in _LOADED:
        _LOADED[path] = StaticEmbeddings.load(path)
    return _LOADED[path]
