"""Opportunity scores (top-two-box importance and satisfaction) with bootstrap intervals.

For each outcome, over the respondents who answered that question:

* I = 10 x share rating importance in the top two boxes (4-5 on 1-5, 6-7 on 1-7, 9-10 on 1-10)
* S = 10 x share rating satisfaction in the top two boxes
* opportunity = I + max(I - S, 0), from unrounded I and S (0-20)

Bands: > 15 extreme, 12-15 high, 10-12 worth considering, < 10 unattractive. An outcome is
underserved when opportunity >= 10 and overserved when S > I.

Everything is computed from per-outcome counts of nine answer categories (importance
missing / not top / top x satisfaction missing / not top / top), counted in row chunks with one
``bincount``; the bootstrap resamples those counts with multinomial draws, which is the same
as resampling respondents for each outcome's own interval, at a cost independent of the number
of respondents.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from jtbd.errors import InputError
from jtbd.survey.labels import top_two_threshold
from jtbd.survey.responses import SurveyResponses

EXTREME = "extreme"
HIGH = "high"
WORTH_CONSIDERING = "worth considering"
UNATTRACTIVE = "unattractive"
NO_ANSWERS = "no answers"
#: (lower bound, band) from the top; a score belongs to the first band whose bound it passes.
BANDS: tuple[tuple[float, str], ...] = ((15.0, EXTREME), (12.0, HIGH), (10.0, WORTH_CONSIDERING),
                                        (-math.inf, UNATTRACTIVE))
UNDERSERVED_AT = 10.0
#: Tolerance for floating-point noise at the band edges (scores are multiples of 10/n).
EPS = 1e-9
MISSING_GROUP = "(missing)"
_CHUNK_ROWS = 1 << 15


def opportunity(importance: float | np.ndarray, satisfaction: float | np.ndarray
                ) -> float | np.ndarray:
    """I + max(I - S, 0) from unrounded I and S (each 0-10)."""
    return importance + np.maximum(importance - satisfaction, 0.0)


def band_of(score: float) -> str:
    """The band name of an opportunity score: > 15 extreme, 12-15 high, 10-12 worth
    considering, < 10 unattractive (15.0 is high, 12.0 high, 10.0 worth considering)."""
    if score is None or math.isnan(score):
        return NO_ANSWERS
    if score > 15.0 + EPS:
        return EXTREME
    if score >= 12.0 - EPS:
        return HIGH
    if score >= UNDERSERVED_AT - EPS:
        return WORTH_CONSIDERING
    return UNATTRACTIVE


@dataclass(frozen=True)
class OutcomeScore:
    """One outcome's scores (unrounded; round only for display)."""

    outcome: str
    n: int  # respondents who rated both; I uses n_importance, S uses n_satisfaction
    n_importance: int
    n_satisfaction: int
    importance: float
    satisfaction: float
    opportunity: float
    band: str
    underserved: bool
    overserved: bool
    scale: int
    importance_ci: tuple[float, float] | None = None
    satisfaction_ci: tuple[float, float] | None = None
    opportunity_ci: tuple[float, float] | None = None

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        for key in ("importance", "satisfaction", "opportunity"):
            if isinstance(d[key], float) and math.isnan(d[key]):
                d[key] = None
            ci = d.pop(f"{key}_ci")
            if ci is not None:
                d[f"{key}_ci"] = [None if math.isnan(v) else v for v in ci]
        return d


@dataclass(frozen=True)
class OpportunityTable:
    """Scores for every outcome, overall and (with ``by``) within each group."""

    outcomes: tuple[OutcomeScore, ...]
    n_respondents: int
    by: str | None = None
    groups: dict[str, tuple[OutcomeScore, ...]] = field(default_factory=dict)
    group_sizes: dict[str, int] = field(default_factory=dict)
    confidence: float | None = None
    n_boot: int = 0

    def ranked(self, group: str | None = None) -> list[OutcomeScore]:
        """Outcomes (of ``group``, if given) by descending opportunity (unanswered last)."""
        rows = self.outcomes if group is None else self.groups[group]
        return sorted(rows, key=lambda o: -np.nan_to_num(o.opportunity, nan=-1.0))

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"outcomes": [o.to_dict() for o in self.outcomes],
                                  "n_respondents": self.n_respondents}
        if self.confidence is not None:
            out["confidence"] = self.confidence
            out["n_boot"] = self.n_boot
        if self.by is not None:
            out["by"] = self.by
            out["groups"] = {g: {"n_respondents": self.group_sizes.get(g, 0),
                                 "outcomes": [o.to_dict() for o in rows]}
                             for g, rows in self.groups.items()}
        return out

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([o.to_dict() for o in self.outcomes])


def category_counts(responses: SurveyResponses, group_codes: np.ndarray | None = None,
                    n_groups: int = 1) -> np.ndarray:
    """Counts of the nine answer categories, shape ``(n_groups, n_outcomes, 9)``.

    Category = 3 x importance class + satisfaction class, where class is 0 missing,
    1 below the top two boxes, 2 in the top two boxes.
    """
    imp, sat = responses.importance, responses.satisfaction
    n, m = imp.shape
    thr = np.array([top_two_threshold(int(s)) for s in responses.scales], dtype=np.int8)
    offsets = (9 * np.arange(m, dtype=np.int32))[None, :]
    total = np.zeros(n_groups * m * 9, dtype=np.int64)
    for start in range(0, n, _CHUNK_ROWS):
        stop = min(start + _CHUNK_ROWS, n)
        a, b = imp[start:stop], sat[start:stop]
        cat = (a > 0).astype(np.int8)
        cat += a >= thr
        cat *= 3
        cat += b > 0
        cat += b >= thr
        idx = cat.astype(np.int32)
        idx += offsets
        if group_codes is not None:
            idx += (group_codes[start:stop].astype(np.int32) * (9 * m))[:, None]
        total += np.bincount(idx.ravel(), minlength=n_groups * m * 9)
    return total.reshape(n_groups, m, 9)


def _scores_from_counts(counts: np.ndarray) -> tuple[np.ndarray, ...]:
    """(n_imp, top_imp, n_sat, top_sat, I, S, O) from ``(..., 9)`` category counts."""
    c = counts.reshape(*counts.shape[:-1], 3, 3)
    n_imp = c[..., 1:, :].sum(axis=(-1, -2))
    top_imp = c[..., 2, :].sum(axis=-1)
    n_sat = c[..., :, 1:].sum(axis=(-1, -2))
    top_sat = c[..., :, 2].sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        imp = np.where(n_imp > 0, 10.0 * top_imp / np.maximum(n_imp, 1), np.nan)
        sat = np.where(n_sat > 0, 10.0 * top_sat / np.maximum(n_sat, 1), np.nan)
    return n_imp, top_imp, n_sat, top_sat, imp, sat, opportunity(imp, sat)


def _bootstrap(counts: np.ndarray, n_boot: int, confidence: float, seed: int
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Percentile intervals ``(..., 2)`` for I, S and opportunity by multinomial resampling."""
    flat = counts.reshape(-1, 9)
    totals = flat.sum(axis=1)
    safe = np.where(totals[:, None] > 0, flat / np.maximum(totals, 1)[:, None], 1.0 / 9)
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(totals, safe, size=(n_boot, flat.shape[0]))
    _, _, _, _, bi, bs, bo = _scores_from_counts(draws)
    alpha = (1.0 - confidence) / 2.0
    qs = [100 * alpha, 100 * (1 - alpha)]
    out = []
    for arr in (bi, bs, bo):
        with np.errstate(invalid="ignore"):
            if np.isnan(arr).all():
                q = np.full((2, flat.shape[0]), np.nan)
            else:
                q = np.nanpercentile(arr, qs, axis=0)
        out.append(np.moveaxis(q, 0, -1).reshape(*counts.shape[:-1], 2))
    return out[0], out[1], out[2]


def _rows(outcomes: Sequence[str], scales: np.ndarray, counts: np.ndarray,
          cis: tuple[np.ndarray, ...] | None) -> tuple[OutcomeScore, ...]:
    n_imp, _, n_sat, _, imp, sat, opp = _scores_from_counts(counts)
    both = counts.reshape(-1, 3, 3)[:, 1:, 1:].sum(axis=(1, 2))
    rows = []
    for j, name in enumerate(outcomes):
        i, s, o = float(imp[j]), float(sat[j]), float(opp[j])
        rows.append(OutcomeScore(
            outcome=name, n=int(both[j]), n_importance=int(n_imp[j]),
            n_satisfaction=int(n_sat[j]), importance=i, satisfaction=s, opportunity=o,
            band=band_of(o), underserved=bool(o >= UNDERSERVED_AT - EPS),
            overserved=bool(s > i + EPS), scale=int(scales[j]),
            importance_ci=None if cis is None else (float(cis[0][j, 0]), float(cis[0][j, 1])),
            satisfaction_ci=None if cis is None else (float(cis[1][j, 0]), float(cis[1][j, 1])),
            opportunity_ci=None if cis is None else (float(cis[2][j, 0]), float(cis[2][j, 1])),
        ))
    return tuple(rows)


def group_label(value: object) -> str:
    """The group name of one attribute value: its trimmed text, ``"(missing)"`` when blank."""
    return MISSING_GROUP if pd.isna(value) or str(value).strip() == "" else str(value).strip()


def group_codes_for(responses: SurveyResponses, by: str) -> tuple[np.ndarray, list[str]]:
    """Integer group codes and group names for attribute column ``by``."""
    if by not in responses.attributes.columns:
        raise InputError(f"no respondent attribute {by!r} to group by; the attributes are: "
                         f"{', '.join(map(repr, responses.attributes.columns)) or '(none)'}",
                         path=responses.source, column=by)
    values = responses.attributes[by]
    labels = values.map(group_label)
    codes, uniques = pd.factorize(labels, sort=True)
    return codes.astype(np.int32), [str(u) for u in uniques]


def table_from_counts(outcomes: Sequence[str], scales: np.ndarray, overall: np.ndarray, *,
                      n_respondents: int, by: str | None = None,
                      group_counts: np.ndarray | None = None,
                      group_names: Sequence[str] = (), group_sizes: Sequence[int] = (),
                      ci: bool = True, n_boot: int = 1000, confidence: float = 0.95,
                      seed: int = 0) -> OpportunityTable:
    """The opportunity table from nine-category counts (see :func:`category_counts`).

    ``overall`` has shape ``(1, n_outcomes, 9)``; ``group_counts`` ``(n_groups, n_outcomes, 9)``
    with one name and respondent count per group. Everything (scores, bands, flags and the
    seeded multinomial bootstrap) depends only on these counts, so any engine that counts the
    same categories gets the same table.
    """
    if not 0 < confidence < 1:
        raise InputError(f"confidence must be between 0 and 1, got {confidence}")
    cis = _bootstrap(overall, n_boot, confidence, seed) if ci else None
    rows = _rows(outcomes, scales, overall[0], None if cis is None else tuple(c[0] for c in cis))
    groups: dict[str, tuple[OutcomeScore, ...]] = {}
    sizes: dict[str, int] = {}
    if group_counts is not None:
        gcis = _bootstrap(group_counts, n_boot, confidence, seed + 1) if ci else None
        for g, name in enumerate(group_names):
            groups[name] = _rows(outcomes, scales, group_counts[g],
                                 None if gcis is None else tuple(c[g] for c in gcis))
            sizes[name] = int(group_sizes[g])
    return OpportunityTable(outcomes=rows, n_respondents=n_respondents, by=by,
                            groups=groups, group_sizes=sizes,
                            confidence=confidence if ci else None, n_boot=n_boot if ci else 0)


def score(responses: SurveyResponses, *, by: str | None = None, ci: bool = True,
          n_boot: int = 1000, confidence: float = 0.95, seed: int = 0,
          labels: np.ndarray | None = None, label_names: Sequence[str] | None = None
          ) -> OpportunityTable:
    """Opportunity scores overall and, with ``by`` (an attribute column) or ``labels``
    (one integer group per respondent, e.g. segments), within each group.

    ``ci`` adds seeded bootstrap percentile intervals (``n_boot`` resamples).
    """
    if not 0 < confidence < 1:
        raise InputError(f"confidence must be between 0 and 1, got {confidence}")
    overall = category_counts(responses)
    group_counts: np.ndarray | None = None
    names: list[str] = []
    sizes: list[int] = []
    if by is not None or labels is not None:
        if labels is not None:
            codes = np.asarray(labels, dtype=np.int32)
            names = list(label_names) if label_names is not None else [
                str(i) for i in range(int(codes.max()) + 1)]
        else:
            codes, names = group_codes_for(responses, by)  # type: ignore[arg-type]
        group_counts = category_counts(responses, codes, len(names))
        sizes = np.bincount(codes, minlength=len(names)).tolist()
    return table_from_counts(
        responses.outcomes, responses.scales, overall, n_respondents=responses.n_respondents,
        by=by if by is not None else ("segment" if labels is not None else None),
        group_counts=group_counts, group_names=names, group_sizes=sizes, ci=ci, n_boot=n_boot,
        confidence=confidence, seed=seed)
