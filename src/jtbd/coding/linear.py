"""The shipped linear multi-label model: weights in an ``.npz``, inference in pure numpy.

``scripts/train_coder.py`` writes the file; nothing here depends on scikit-learn, so the
weights load under any library version. A row's score for a code is
``hashed_row · W + (dense_scale · dense_row) · W_dense + b``, its probability the logistic of
that, and the code is asserted at the decision threshold of the row's setting (interview or
review/ticket).

An optional second stage (:class:`StackModel`, "story context") rescores each sentence from
the first-stage probabilities of itself and its turn (see
:func:`jtbd.coding.features.turn_features`); its thresholds then replace the first stage's.
Files written before the second stage existed load without it. A second second-stage model
(``joint``) reads the turn features of the first stage's and the fine-tuned transformer's
probabilities side by side, so it learns per code how far to trust each model and their
neighbours in the turn; it is trained on out-of-fold probabilities of both.
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
class StackModel:
    """Second stage: per-code logistic regression over turn features of first-stage probs."""

    weights: np.ndarray  # (n_turn_features, n_codes)
    intercepts: np.ndarray  # (n_codes,)
    thresholds: np.ndarray  # (n_codes,) interviews
    review_thresholds: np.ndarray  # (n_codes,) reviews/tickets

    def predict_proba(self, turn_feats: np.ndarray) -> np.ndarray:
        """Second-stage probabilities for rows of ``features.turn_features``."""
        if turn_feats.shape[1] != self.weights.shape[0]:
            raise JtbdError(f"the second-stage coder weights expect {self.weights.shape[0]} "
                            f"turn features, got {turn_feats.shape[1]}; retrain with "
                            "`python scripts/train_coder.py`")
        return 1.0 / (1.0 + np.exp(-(turn_feats @ self.weights + self.intercepts)))

    def thresholds_for(self, review: bool) -> np.ndarray:
        """The decision thresholds of a setting."""
        return self.review_thresholds if review else self.thresholds

    def save_into(self, out: dict[str, np.ndarray], prefix: str) -> None:
        out[f"{prefix}_weights"] = self.weights
        out[f"{prefix}_intercepts"] = self.intercepts
        out[f"{prefix}_thresholds"] = self.thresholds
        out[f"{prefix}_review_thresholds"] = self.review_thresholds

    @classmethod
    def load_from(cls, z: np.lib.npyio.NpzFile, prefix: str) -> StackModel | None:
        if f"{prefix}_weights" not in z.files:
            return None
        return cls(*(z[f"{prefix}_{part}"].astype(np.float64) for part in
                     ("weights", "intercepts", "thresholds", "review_thresholds")))


@dataclass(frozen=True)
class LinearModel:
    """One-vs-rest logistic regression over hashed features and dense embedding features."""

    codes: tuple[str, ...]
    weights: np.ndarray  # (N_FEATURES, n_codes) float32
    intercepts: np.ndarray  # (n_codes,)
    thresholds: np.ndarray  # (n_codes,) decision threshold on the probability (interviews)
    version: str
    dense_weights: np.ndarray | None = None  # (n_dense, n_codes) or None: no dense features
    dense_scale: float = 1.0  # dense features are multiplied by this before the weights
    review_thresholds: np.ndarray | None = None  # (n_codes,) for reviews; None: as interviews
    stack: StackModel | None = None  # second stage; None: first-stage probabilities decide
    #: second stage over the first stage's *and* the transformer's probabilities (turn
    #: features of both side by side); used when the transformer runs, else ``stack``
    joint: StackModel | None = None

    @property
    def n_dense(self) -> int:
        """Width of the dense feature rows the model expects (0 when it uses none)."""
        return 0 if self.dense_weights is None else int(self.dense_weights.shape[0])

    def thresholds_for(self, review: bool, stacked: bool = True) -> np.ndarray:
        """The decision thresholds of a setting (the second stage's when there is one and
        ``stacked`` says its probabilities are the ones being thresholded)."""
        if self.stack is not None and stacked:
            return self.stack.review_thresholds if review else self.stack.thresholds
        if review and self.review_thresholds is not None:
            return self.review_thresholds
        return self.thresholds

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> LinearModel:
        """Read weights written by :meth:`save`."""
        try:
            with np.load(path, allow_pickle=False) as z:
                codes = tuple(str(c) for c in z["codes"])
                dense = np.zeros((int(z["n_features"]), len(codes)), dtype=np.float32)
                dense[z["rows"]] = z["weights"]
                files = set(z.files)
                return cls(
                    codes, dense, z["intercepts"].astype(np.float64),
                    z["thresholds"].astype(np.float64), str(z["version"]),
                    z["dense_weights"].astype(np.float32) if "dense_weights" in files else None,
                    float(z["dense_scale"]) if "dense_scale" in files else 1.0,
                    z["review_thresholds"].astype(np.float64)
                    if "review_thresholds" in files else None,
                    StackModel.load_from(z, "stack"), StackModel.load_from(z, "joint"),
                )
        except (OSError, KeyError, ValueError) as exc:
            raise JtbdError(
                f"cannot read the coder weights {path}: {exc}; rebuild them with "
                "`python scripts/train_coder.py`"
            ) from exc

    def save(self, path: Path) -> None:
        """Write the non-zero hashed weight rows compactly, plus the dense part if any."""
        rows = np.flatnonzero(np.abs(self.weights).sum(axis=1) > 0).astype(np.int32)
        extra: dict[str, np.ndarray] = {}
        if self.dense_weights is not None:
            extra["dense_weights"] = self.dense_weights.astype(np.float32)
            extra["dense_scale"] = np.array(self.dense_scale)
        if self.review_thresholds is not None:
            extra["review_thresholds"] = self.review_thresholds
        if self.stack is not None:
            self.stack.save_into(extra, "stack")
        if self.joint is not None:
            self.joint.save_into(extra, "joint")
        np.savez_compressed(
            path, codes=np.array(self.codes), rows=rows,
            weights=self.weights[rows].astype(np.float32), intercepts=self.intercepts,
            thresholds=self.thresholds, version=np.array(self.version),
            n_features=np.array(N_FEATURES), **extra,
        )

    def predict_proba(self, indptr: np.ndarray, indices: np.ndarray, values: np.ndarray,
                      dense: np.ndarray | None = None) -> np.ndarray:
        """Probabilities ``(n_rows, n_codes)`` for CSR feature rows (see ``features.vectorise``)
        and, for a model with dense weights, the unscaled dense rows (``features.dense_features``)."""
        n = len(indptr) - 1
        if n == 0:
            return np.zeros((0, len(self.codes)))
        contrib = self.weights[indices] * values[:, None]
        sums = np.zeros((n, len(self.codes)), dtype=np.float64)
        nonempty = indptr[:-1] < indptr[1:]
        if nonempty.any():
            sums[nonempty] = np.add.reduceat(contrib, indptr[:-1][nonempty], axis=0)
        if self.dense_weights is not None:
            if dense is None or dense.shape != (n, self.n_dense):
                got = None if dense is None else dense.shape
                raise JtbdError(f"the coder weights expect dense features of shape "
                                f"({n}, {self.n_dense}), got {got}; retrain with "
                                "`python scripts/train_coder.py`")
            sums += (dense.astype(np.float64) * self.dense_scale) @ self.dense_weights
        z = sums + self.intercepts
        return 1.0 / (1.0 + np.exp(-z))
