"""Text vectors and clustering: TF-IDF, LSA, Ward clustering with k chosen by silhouette (for
jobs), k-means with a fixed k (for themes)."""
from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

from jtbd.synthesis.lexicon import NUMBER_WORDS, STOPWORDS

_TOKEN = re.compile(r"(?u)\b[a-zA-Z][a-zA-Z'-]{2,}\b")


@dataclass
class TextVectors:
    """TF-IDF matrix, its vocabulary, and the LSA embedding (rows L2-normalised)."""

    tfidf: np.ndarray
    vocab: list[str]
    embedding: np.ndarray
    #: Maps new texts into the same (normalised) embedding space.
    project: Callable[[Sequence[str]], np.ndarray] | None = None


def vectorize(texts: Sequence[str], *, seed: int, banned: frozenset[str] = frozenset(),
              max_dims: int = 60, min_df: int = 1) -> TextVectors:
    """TF-IDF on content words (product names dropped), reduced with LSA when large."""
    stop = sorted(w for w in STOPWORDS | NUMBER_WORDS | banned if _TOKEN.fullmatch(w))
    vec = TfidfVectorizer(stop_words=stop, token_pattern=_TOKEN.pattern,
                          sublinear_tf=True, min_df=min_df, lowercase=True, dtype=np.float64)
    try:
        m = vec.fit_transform(texts)
    except ValueError:  # empty vocabulary
        n = len(texts)
        return TextVectors(np.zeros((n, 1)), ["_"], np.zeros((n, 1)))
    vocab = list(vec.get_feature_names_out())
    n, f = m.shape
    dims = min(max_dims, n - 1, f - 1)
    svd = TruncatedSVD(n_components=dims, random_state=seed) if dims >= 2 and n > 12 else None
    emb = svd.fit_transform(m) if svd is not None else m.toarray()

    def project(new: Sequence[str]) -> np.ndarray:
        x = vec.transform(new)
        return normalize(svd.transform(x) if svd is not None else x.toarray())

    return TextVectors(m.toarray() if n * f < 5_000_000 else m, vocab, normalize(emb), project)


def max_jobs(n: int) -> int:
    """The most jobs worth looking for among ``n`` participants: about one per two
    participants, at most 10 (more would be a list of people, not of jobs)."""
    return max(2, min(10, n // 2))


def min_job_support(n: int) -> int:
    """The fewest participants a job needs: one in a small study (a distinct participant is
    a job of its own, flagged as thinly evidenced), two from 20 participants, three from 60."""
    return 1 if n < 20 else 2 if n < 60 else 3


def choose_k_ward(emb: np.ndarray, *, k_min: int = 2, k_max: int | None = None, min_support: int | None = None,
                  tolerance: float = 0.15) -> tuple[np.ndarray, float]:
    """Ward clustering of the (unit-length) rows for k in ``k_min..k_max`` (default
    :func:`max_jobs`); keep the fewest clusters whose silhouette is within ``tolerance``
    (relative) of the best, among the k whose every cluster has at least ``min_support`` rows
    (default :func:`min_job_support`). Text silhouettes run low (0.05-0.1), so differences of a
    few percent are noise and the fewer, broader jobs win those; a clearly better silhouette
    lets distinct jobs emerge. Ward is deterministic and nested: k+1 clusters split one of the k.
    Returns (labels, silhouette); one cluster (labels all 0, silhouette 0) when no k fits."""
    n = emb.shape[0]
    k_max = max_jobs(n) if k_max is None else k_max
    min_support = min_job_support(n) if min_support is None else min_support
    distinct = len({row.tobytes() for row in np.round(emb, 9)})
    fits: list[tuple[int, float, np.ndarray]] = []
    for k in range(k_min, min(k_max, n - 1, distinct) + 1):
        labels = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(emb)
        sizes = np.bincount(labels, minlength=k)
        if sizes.min() < min_support or len(set(labels.tolist())) < 2:
            continue
        fits.append((k, float(silhouette_score(emb, labels, metric="cosine")), labels))
    if not fits or max(f[1] for f in fits) <= 0.0:
        return np.zeros(n, dtype=int), 0.0
    top = max(f[1] for f in fits)
    k, score, labels = next(f for f in fits if f[1] >= top - max(0.005, tolerance * top))
    return relabel_by_size(labels), score


def fixed_k_means(emb: np.ndarray, k: int, *, seed: int) -> np.ndarray:
    """k-means with a given k (clipped to the number of rows), labels ordered by size."""
    n = emb.shape[0]
    k = max(1, min(k, n))
    if k == 1:
        return np.zeros(n, dtype=int)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return relabel_by_size(KMeans(n_clusters=k, n_init=4, random_state=seed).fit(emb).labels_)


def relabel_by_size(labels: np.ndarray) -> np.ndarray:
    """Renumber clusters 0.. by decreasing size (ties: first appearance), for stable ids."""
    labels = np.asarray(labels)
    uniq = sorted(set(labels.tolist()), key=lambda c: (-int((labels == c).sum()), int(np.argmax(labels == c))))
    mapping = {c: i for i, c in enumerate(uniq)}
    return np.array([mapping[c] for c in labels.tolist()], dtype=int)


def distinctive_terms(tfidf: np.ndarray, vocab: list[str], members: np.ndarray, top: int = 8) -> dict[str, float]:
    """Term weights that distinguish rows ``members`` (bool mask) from the rest:
    mean TF-IDF inside minus half the mean outside, positive ones only, top ``top``."""
    inside = np.asarray(tfidf[members].mean(axis=0)).ravel()
    outside = np.asarray(tfidf[~members].mean(axis=0)).ravel() if (~members).any() else np.zeros_like(inside)
    w = inside - 0.5 * outside
    idx = [i for i in np.argsort(-w, kind="stable") if w[i] > 0][:top]
    return {vocab[i]: float(w[i]) for i in idx}
