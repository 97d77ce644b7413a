"""Needs-based segmentation of survey respondents.

Pipeline (each step is a small function):

1. **Remove response style**: each rating is put on 0-1 (``(r - 1) / (scale - 1)``) and centred
   on the respondent's own mean, separately for importance and satisfaction, so someone who
   rates everything high and someone who rates everything low get the same needs profile.
   Missing ratings become the respondent's mean (0 after centring). ``standardise=True`` also
   divides by the respondent's spread.
2. **Reduce**: principal components of the centred profiles (fitted on up to 50,000
   respondents), keeping those with above-average variance (Kaiser criterion), 2 to 15.
3. **Cluster**: k-means. ``k`` is chosen, unless given, as the k in 2..8 with the highest
   silhouette on a seeded sample (k-means fitted on up to 20,000 respondents, silhouette on up
   to 4,000). Above 100,000 respondents the final fit is MiniBatchKMeans started from the
   sample centroids.

Segments are numbered 1..k by descending size. Each reports its size, share, profile (mean
centred importance and satisfaction per outcome, in rating points), its own opportunity scores,
its top underserved outcomes and its demographic make-up.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score

from jtbd.errors import InputError
from jtbd.survey.demographics import DemographicsVsNeeds, attribute_codes, demographics_vs_needs
from jtbd.survey.responses import SurveyResponses
from jtbd.survey.scoring import OutcomeScore, score

K_RANGE = range(2, 9)
CRITERION = ("silhouette (k-means on a seeded sample of up to 20,000 respondents, silhouette on "
             "up to 4,000), k in 2..8")
_PCA_SAMPLE = 50_000
_K_SAMPLE = 20_000
_SIL_SAMPLE = 4_000
_LARGE = 100_000
_CHUNK = 1 << 15
TOP_UNDERSERVED = 5


@dataclass(frozen=True)
class Segment:
    """One needs-based segment."""

    segment: int
    size: int
    share: float
    importance_profile: dict[str, float]
    satisfaction_profile: dict[str, float]
    scores: tuple[OutcomeScore, ...]
    top_underserved: tuple[str, ...]
    demographics: dict[str, dict[str, float]]

    @property
    def label(self) -> str:
        if not self.top_underserved:
            return f"Segment {self.segment}: no underserved outcomes"
        return f"Segment {self.segment}: underserved on {self.top_underserved[0]!r}"

    def to_dict(self) -> dict[str, object]:
        return {"segment": self.segment, "label": self.label, "size": self.size,
                "share": self.share, "importance_profile": self.importance_profile,
                "satisfaction_profile": self.satisfaction_profile,
                "top_underserved": list(self.top_underserved),
                "outcomes": [s.to_dict() for s in self.scores],
                "demographics": self.demographics}


@dataclass(frozen=True, eq=False)
class Segmentation:
    """The result of :func:`segment`. ``labels[r]`` is respondent ``r``'s segment (1..k)."""

    k: int
    labels: np.ndarray
    ids: np.ndarray
    segments: tuple[Segment, ...]
    k_scores: dict[int, float]
    criterion: str
    n_components: int
    explained_variance: float
    demographics_vs_needs: DemographicsVsNeeds

    def to_dict(self, *, assignments: bool = True) -> dict[str, object]:
        out: dict[str, object] = {"k": self.k}
        if assignments:
            out["assignments"] = [{"respondent": str(r), "segment": int(s)}
                                  for r, s in zip(self.ids, self.labels, strict=True)]
        out.update({
            "segments": [s.to_dict() for s in self.segments],
            "demographics_vs_needs": self.demographics_vs_needs.to_dict(),
            "method": {"style": "ratings centred per respondent", "reduction": "PCA",
                       "n_components": self.n_components,
                       "explained_variance": self.explained_variance,
                       "clustering": "k-means", "k_criterion": self.criterion,
                       "k_scores": {str(k): v for k, v in self.k_scores.items()}},
        })
        return out


def _chunks(n: int) -> Iterator[slice]:
    for start in range(0, n, _CHUNK):
        yield slice(start, min(start + _CHUNK, n))


def _centre(ratings: np.ndarray, scales: np.ndarray, standardise: bool) -> np.ndarray:
    """Ratings on 0-1, centred per respondent over answered outcomes; missing -> 0."""
    answered = ratings > 0
    x = (ratings.astype(np.float32) - 1.0) / (scales.astype(np.float32) - 1.0)
    x[~answered] = 0.0
    counts = answered.sum(axis=1, keepdims=True).astype(np.float32)
    mean = x.sum(axis=1, keepdims=True) / np.maximum(counts, 1.0)
    x -= mean
    x[~answered] = 0.0
    if standardise:
        sd = np.sqrt((x ** 2).sum(axis=1, keepdims=True) / np.maximum(counts, 1.0))
        x /= np.maximum(sd, 0.05)
    return x


def needs_features(responses: SurveyResponses, rows: slice | np.ndarray,
                   standardise: bool = False) -> np.ndarray:
    """Centred importance and satisfaction profiles ``(rows, 2 x outcomes)`` as float32."""
    imp = _centre(responses.importance[rows], responses.scales, standardise)
    sat = _centre(responses.satisfaction[rows], responses.scales, standardise)
    return np.hstack([imp, sat])


def _reduce(responses: SurveyResponses, rng: np.random.Generator, standardise: bool
            ) -> tuple[np.ndarray, int, float]:
    n = responses.n_respondents
    sample = np.sort(rng.choice(n, _PCA_SAMPLE, replace=False)) if n > _PCA_SAMPLE else slice(None)
    feats = needs_features(responses, sample, standardise)
    pca = PCA(random_state=0).fit(feats)
    var = pca.explained_variance_
    keep = int(np.sum(var > var.mean()))
    keep = max(2, min(15, keep, feats.shape[1]))
    comps = pca.components_[:keep].astype(np.float32)
    mean = pca.mean_.astype(np.float32)
    z = np.empty((n, keep), dtype=np.float32)
    for sl in _chunks(n):
        z[sl] = (needs_features(responses, sl, standardise) - mean) @ comps.T
    return z, keep, float(pca.explained_variance_ratio_[:keep].sum())


def _choose_k(z: np.ndarray, rng: np.random.Generator, seed: int
              ) -> tuple[int, dict[int, float], dict[int, np.ndarray]]:
    n = len(z)
    sample = z[rng.choice(n, _K_SAMPLE, replace=False)] if n > _K_SAMPLE else z
    sil_idx = (rng.choice(len(sample), _SIL_SAMPLE, replace=False)
               if len(sample) > _SIL_SAMPLE else np.arange(len(sample)))
    scores: dict[int, float] = {}
    centres: dict[int, np.ndarray] = {}
    for k in K_RANGE:
        if k >= len(sample):
            break
        km = KMeans(n_clusters=k, n_init=4, random_state=seed).fit(sample)
        labels = km.labels_[sil_idx]
        if len(np.unique(labels)) < 2:
            continue
        scores[k] = float(silhouette_score(sample[sil_idx], labels))
        centres[k] = km.cluster_centers_
    if not scores:
        raise InputError("too few distinct respondents to segment; at least 3 are needed")
    best = max(scores, key=lambda k: (scores[k], -k))
    return best, scores, centres


def _cluster(z: np.ndarray, k: int, seed: int, init: np.ndarray | None) -> np.ndarray:
    if len(z) > _LARGE:
        if init is None:
            sample = z[np.random.default_rng(seed).choice(len(z), _K_SAMPLE, replace=False)]
            init = KMeans(n_clusters=k, n_init=4, random_state=seed).fit(sample).cluster_centers_
        mb = MiniBatchKMeans(n_clusters=k, init=init, n_init=1, batch_size=8192,
                             random_state=seed, max_iter=20).fit(z)
        return mb.predict(z)
    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit(z).labels_


def _profiles(responses: SurveyResponses, labels: np.ndarray, k: int
              ) -> tuple[np.ndarray, np.ndarray]:
    """Mean centred rating (rating points) per segment and outcome, for imp and sat."""
    out = []
    for arr in (responses.importance, responses.satisfaction):
        sums = np.zeros((k, arr.shape[1]))
        counts = np.zeros((k, arr.shape[1]))
        for sl in _chunks(len(arr)):
            block = arr[sl]
            answered = block > 0
            x = block.astype(np.float32)
            mean = (x.sum(axis=1) / np.maximum(answered.sum(axis=1), 1))[:, None]
            centred = np.where(answered, x - mean, 0.0)
            onehot = np.eye(k, dtype=np.float32)[labels[sl]]
            sums += onehot.T @ centred
            counts += onehot.T @ answered.astype(np.float32)
        out.append(sums / np.maximum(counts, 1))
    return out[0], out[1]


def _make_up(responses: SurveyResponses, labels: np.ndarray, k: int
             ) -> list[dict[str, dict[str, float]]]:
    result: list[dict[str, dict[str, float]]] = [{} for _ in range(k)]
    for col in responses.attributes.columns:
        coded = attribute_codes(responses.attributes[col])
        if coded is None:
            continue
        codes, levels = coded
        table = np.bincount(labels * len(levels) + codes, minlength=k * len(levels))
        table = table.reshape(k, len(levels)).astype(float)
        shares = table / np.maximum(table.sum(axis=1, keepdims=True), 1)
        for s in range(k):
            result[s][str(col)] = {lvl: float(shares[s, i]) for i, lvl in enumerate(levels)}
    return result


def segment(responses: SurveyResponses, k: int | None = None, seed: int = 0, *,
            standardise: bool = False, ci: bool = False) -> Segmentation:
    """Segment respondents on their needs (see the module docstring for the method)."""
    n = responses.n_respondents
    if k is not None and not 2 <= k <= max(2, n - 1):
        raise InputError(f"k={k} segments is not possible for {n} respondents; use 2..{n - 1}")
    if n < 10:
        raise InputError(f"{n} respondents are too few to segment; collect at least 10 "
                         "(180+ for stable scores)")
    rng = np.random.default_rng(seed)
    z, n_comp, explained = _reduce(responses, rng, standardise)
    init = None
    if k is None:
        k, k_scores, centres = _choose_k(z, rng, seed)
        init = centres[k]
        criterion = CRITERION
    else:
        k_scores, criterion = {}, "given"
    raw = _cluster(z, k, seed, init)
    # Number segments 1..k by descending size (ties by first appearance) for stable output.
    sizes = np.bincount(raw, minlength=k)
    order = np.argsort(-sizes, kind="stable")
    remap = np.empty(k, dtype=np.int32)
    remap[order] = np.arange(k)
    labels0 = remap[raw]
    table = score(responses, labels=labels0, label_names=[str(i + 1) for i in range(k)], ci=ci)
    imp_prof, sat_prof = _profiles(responses, labels0, k)
    make_up = _make_up(responses, labels0, k)
    segments = []
    for s in range(k):
        rows = table.groups[str(s + 1)]
        under = sorted((r for r in rows if r.underserved), key=lambda r: -r.opportunity)
        segments.append(Segment(
            segment=s + 1, size=int(sizes[order[s]]), share=float(sizes[order[s]] / n),
            importance_profile={o: float(v) for o, v in zip(responses.outcomes, imp_prof[s],
                                                            strict=True)},
            satisfaction_profile={o: float(v) for o, v in zip(responses.outcomes, sat_prof[s],
                                                              strict=True)},
            scores=rows, top_underserved=tuple(r.outcome for r in under[:TOP_UNDERSERVED]),
            demographics=make_up[s]))
    dvn = demographics_vs_needs(responses.attributes, labels0, z, seed=seed)
    return Segmentation(k=k, labels=labels0 + 1, ids=responses.ids, segments=tuple(segments),
                        k_scores=k_scores, criterion=criterion, n_components=n_comp,
                        explained_variance=explained, demographics_vs_needs=dvn)
