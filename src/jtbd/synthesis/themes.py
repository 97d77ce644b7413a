"""Themes: clusters of similar coded excerpts across documents, per family of codes
(struggling moments, hiring criteria, anxieties, habits, workarounds, outcomes, feelings)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from jtbd.synthesis.cluster import distinctive_terms, fixed_k_means, vectorize
from jtbd.synthesis.corpus import Corpus, natural_key
from jtbd.synthesis.lexicon import THEME_STOP
from jtbd.synthesis.result import Theme

#: Theme families: (family, label prefix, codes that put an excerpt in it).
FAMILIES: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("struggling_moment", "Struggling moment", frozenset(("trigger", "push"))),
    ("hiring_criteria", "Hiring criterion", frozenset(("pull",))),
    ("anxiety", "Shared anxiety", frozenset(("anxiety",))),
    ("habit", "Habit of the present", frozenset(("habit",))),
    ("workaround", "Workaround", frozenset(("workaround",))),
    ("outcome", "Desired outcome", frozenset(("outcome",))),
    ("emotional", "Emotional job", frozenset(("emotional",))),
    ("social", "Social job", frozenset(("social",))),
)
MAX_QUOTES = 5
#: Below this, a large cluster is a catch-all rather than a shared theme.
MIN_COHESION = 0.3


@dataclass
class ThemeIndex:
    """Themes, and for each family the theme id of each excerpt index in it."""

    themes: list[Theme]
    of_excerpt: dict[str, dict[int, str]]


def build_themes(corpus: Corpus, *, min_participants: int = 2) -> ThemeIndex:
    """Cluster each family's excerpts (TF-IDF + LSA + k-means, k ~ sqrt(n/3)) and keep the
    clusters that at least ``min_participants`` participants share."""
    themes: list[Theme] = []
    of_excerpt: dict[str, dict[int, str]] = {}
    for family, prefix, codes in FAMILIES:
        idx = [i for i, ex in enumerate(corpus.excerpts) if codes.intersection(ex.codes)]
        of_excerpt[family] = {}
        if len(idx) < 2:
            continue
        texts = [corpus.excerpts[i].text for i in idx]
        tv = vectorize(texts, seed=corpus.seed, banned=corpus.banned | THEME_STOP, max_dims=40,
                       min_df=2 if len(idx) >= 20 else 1)
        k = max(1, min(8, round(math.sqrt(len(idx) / 3))))
        labels = fixed_k_means(tv.embedding, k, seed=corpus.seed)
        for c in sorted(set(labels.tolist())):
            mask = labels == c
            members = [i for i, m in zip(idx, mask) if m]
            units = sorted({corpus.units[i] for i in members}, key=natural_key)
            if len(units) < min_participants:
                continue
            tid = f"theme-{len(themes) + 1}"
            rows = np.flatnonzero(mask)
            centroid = tv.embedding[rows].mean(axis=0)
            sims = tv.embedding[rows] @ centroid
            cohesion = float(np.linalg.norm(centroid))  # mean cosine to the centroid direction, in [0, 1]
            if cohesion < MIN_COHESION and len(members) > 0.25 * len(idx):
                continue  # a catch-all cluster of unrelated sentences, not a theme
            main = sorted(codes)[0] if len(codes) == 1 else "trigger"
            score = {members[j]: float(sims[j]) + 0.5 * corpus.quality(members[j], main) for j in range(len(rows))}
            order = sorted(members, key=lambda i: (-score[i], i))
            quotes: list[int] = []
            seen_units: set[str] = set()
            for i in order:  # one quote per participant first
                if corpus.units[i] not in seen_units and len(quotes) < MAX_QUOTES:
                    quotes.append(i)
                    seen_units.add(corpus.units[i])
            terms = list(distinctive_terms(tv.tfidf, tv.vocab, mask, 6))
            code_counts = {cd: sum(cd in corpus.excerpts[i].codes for i in members) for cd in sorted(codes)}
            dominant = [cd for cd, n in sorted(code_counts.items(), key=lambda t: (-t[1], t[0])) if n]
            label = f"{prefix}: {', '.join(terms[:3]) or corpus.clause(corpus.excerpts[order[0]].text, 12)}"
            people, others = corpus.split_units(units)
            themes.append(Theme(tid, label, family, dominant, len(people), people, terms, len(members),
                                round(cohesion, 3),
                                [corpus.evidence(corpus.excerpts[i]) for i in quotes], len(others)))
            for i in members:
                of_excerpt[family][i] = tid
    return ThemeIndex(themes, of_excerpt)
