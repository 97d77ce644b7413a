"""The shipped linear multi-label model: weights in an ``.npz``, inference in pure numpy.

``scripts/train_coder.py`` writes the file; nothing here depends on scikit-learn, so the
weights load under any library version.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from jtbd.coding.features import N_FEATURES
from jtbd.errors import JtbdError

#: The weights shipped with the package.
DEFAULT_WEIGHTS = Path(__file__).with_name("data") / "coder_weights.npz"


@dataclass(frozen=True)
class LinearModel:
    """One-vs-rest logistic regression over hashed features."""

    codes: tuple[str, ...]
    weights: np.ndarray  # (N_FEATURES, n_codes) float32
    intercepts: np.ndarray  # (n_codes,)
    thresholds: np.ndarray  # (n_codes,) decision threshold on the probability
    version: str

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> LinearModel:
        """Read weights written by :meth:`save`."""
        try:
            with np.load(path, allow_pickle=False) as z:
                codes = tuple(str(c) for c in z["codes"])
                dense = np.zeros((int(z["n_features"]), len(codes)), dtype=np.float32)
                dense[z["rows"]] = z["weights"]
                return cls(codes, dense, z["intercepts"].astype(np.float64),
                           z["thresholds"].astype(np.float64), str(z["version"]))
        except (OSError, KeyError, ValueError) as exc:
            raise JtbdError(
                f"cannot read the coder weights {path}: {exc}; rebuild them with "
                "`python scripts/train_coder.py`"
            ) from exc

    def save(self, path: Path) -> None:
        """Write the non-zero weight rows compactly."""
        rows = np.flatnonzero(np.abs(self.weights).sum(axis=1) > 0).astype(np.int32)
        np.savez_compressed(
            path, codes=np.array(self.codes), rows=rows,
            weights=self.weights[rows].astype(np.float32), intercepts=self.intercepts,
            thresholds=self.thresholds, version=np.array(self.version),
            n_features=np.array(N_FEATURES),
        )

    def predict_proba(self, indptr: np.ndarray, indices: np.ndarray,
                      values: np.ndarray) -> np.ndarray:
        """Probabilities ``(n_rows, n_codes)`` for CSR feature rows (see ``features.vectorise``)."""
        n = len(indptr) - 1
        if n == 0:
            return np.zeros((0, len(self.codes)))
        contrib = self.weights[indices] * values[:, None]
        sums = np.zeros((n, len(self.codes)), dtype=np.float64)
        nonempty = indptr[:-1] < indptr[1:]
        if nonempty.any():
            sums[nonempty] = np.add.reduceat(contrib, indptr[:-1][nonempty], axis=0)
        z = sums + self.intercepts
        return 1.0 / (1.0 + np.exp(-z))
