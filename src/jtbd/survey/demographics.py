"""How well demographic attributes predict needs-based segments.

For each respondent attribute (age band, region, ...):

* **AMI**: adjusted mutual information between the attribute and the needs segments
  (0 = no better than chance, 1 = the attribute determines the segment);
* **variance explained**: the share of the variance of the respondents' needs profiles
  (the centred rating components the segmentation clustered on) explained by the attribute's
  groups (eta squared), next to the share explained by the needs segments themselves.

When the segments explain far more than any attribute, demographics are a poor proxy for
needs: target the segments by the job and its unmet outcomes, not by who the customer is.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_mutual_info_score

from jtbd.survey.scoring import MISSING_GROUP

#: Attributes with more levels than this (after binning numbers) are skipped as identifiers.
MAX_LEVELS = 50
#: Numeric attributes with more distinct values than this are cut into quintiles.
BIN_ABOVE = 12
_AMI_SAMPLE = 100_000


@dataclass(frozen=True)
class AttributeFit:
    """How one attribute relates to the needs segments."""

    attribute: str
    levels: int
    ami: float
    variance_explained: float

    def to_dict(self) -> dict[str, object]:
        return {"attribute": self.attribute, "levels": self.levels, "ami": self.ami,
                "variance_explained": self.variance_explained}


@dataclass(frozen=True)
class DemographicsVsNeeds:
    """Needs segments vs demographic attributes (see the module docstring)."""

    segments_variance_explained: float
    attributes: tuple[AttributeFit, ...]
    skipped: tuple[str, ...]
    summary: str

    def to_dict(self) -> dict[str, object]:
        return {"segments_variance_explained": self.segments_variance_explained,
                "attributes": [a.to_dict() for a in self.attributes],
                "skipped": list(self.skipped), "summary": self.summary}


def attribute_codes(values: pd.Series) -> tuple[np.ndarray, list[str]] | None:
    """Integer codes and level names for an attribute, binning many-valued numbers into
    quintiles; ``None`` for identifier-like attributes (too many levels)."""
    s = values
    if pd.api.types.is_numeric_dtype(s.dtype) and s.nunique(dropna=True) > BIN_ABOVE:
        s = pd.qcut(s, 5, duplicates="drop").astype(str).where(s.notna(), None)
    labels = s.map(lambda v: MISSING_GROUP if v is None or (not isinstance(v, str) and pd.isna(v))
                   or str(v).strip() == "" else str(v).strip())
    codes, uniques = pd.factorize(labels, sort=True)
    if len(uniques) > MAX_LEVELS or len(uniques) < 2 or len(uniques) >= 0.5 * len(s):
        return None
    return codes.astype(np.int32), [str(u) for u in uniques]


def variance_explained(features: np.ndarray, codes: np.ndarray) -> float:
    """Eta squared: between-group sum of squares over total sum of squares of ``features``."""
    x = features.astype(np.float64, copy=False)
    n_groups = int(codes.max()) + 1
    counts = np.bincount(codes, minlength=n_groups).astype(np.float64)
    grand = x.mean(axis=0)
    total = float(((x - grand) ** 2).sum())
    if total <= 0:
        return 0.0
    sums = np.zeros((n_groups, x.shape[1]))
    _grouped_sum(sums, codes, x)
    means = sums / np.maximum(counts, 1)[:, None]
    between = float((counts[:, None] * (means - grand) ** 2).sum())
    return between / total


def _grouped_sum(out: np.ndarray, codes: np.ndarray, x: np.ndarray) -> None:
    for d in range(x.shape[1]):
        out[:, d] = np.bincount(codes, weights=x[:, d], minlength=out.shape[0])


def demographics_vs_needs(attributes: pd.DataFrame, labels: np.ndarray, features: np.ndarray,
                          *, seed: int = 0) -> DemographicsVsNeeds:
    """Compare each attribute with the needs segments ``labels`` on needs ``features``."""
    seg_r2 = variance_explained(features, labels)
    rng = np.random.default_rng(seed)
    n = len(labels)
    sample = rng.choice(n, _AMI_SAMPLE, replace=False) if n > _AMI_SAMPLE else None
    fits: list[AttributeFit] = []
    skipped: list[str] = []
    for col in attributes.columns:
        coded = attribute_codes(attributes[col])
        if coded is None:
            skipped.append(str(col))
            continue
        codes, levels = coded
        a, b = (codes, labels) if sample is None else (codes[sample], labels[sample])
        ami = float(adjusted_mutual_info_score(b, a))
        fits.append(AttributeFit(attribute=str(col), levels=len(levels), ami=ami,
                                 variance_explained=variance_explained(features, codes)))
    fits.sort(key=lambda f: -f.variance_explained)
    if fits:
        best = fits[0]
        verdict = ("demographics are a poor proxy for needs — target the segments by job and "
                   "unmet outcomes" if best.variance_explained < 0.5 * seg_r2 else
                   f"{best.attribute!r} tracks the needs segments closely")
        summary = (f"The needs segments explain {seg_r2:.0%} of the variance in needs profiles; "
                   f"the best demographic attribute, {best.attribute!r}, explains "
                   f"{best.variance_explained:.1%} (AMI {best.ami:.2f}): {verdict}.")
    else:
        summary = (f"The needs segments explain {seg_r2:.0%} of the variance in needs profiles; "
                   "no usable demographic attributes to compare.")
    return DemographicsVsNeeds(segments_variance_explained=seg_r2, attributes=tuple(fits),
                               skipped=tuple(skipped), summary=summary)
