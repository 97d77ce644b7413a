"""Seeded synthetic surveys with planted needs segments (for tests, benchmarks and demos)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from jtbd.survey.responses import SurveyResponses

_CHUNK = 1 << 16


def planted_survey(n_respondents: int, n_outcomes: int, n_segments: int = 3, *, seed: int = 0,
                   scale: int = 5, style_sd: float = 0.6, noise_sd: float = 0.8,
                   missing: float = 0.0, with_attributes: bool = True
                   ) -> tuple[SurveyResponses, np.ndarray]:
    """A survey where segment ``s`` (0-based) rates outcomes ``j % n_segments == s`` more
    important and less satisfied, with a per-respondent response-style shift and noise.

    Returns the responses (int8 ratings on ``1..scale``, ``missing`` share of blanks) and the
    planted segment of each respondent. Memory stays near the int8 arrays (row chunks).
    """
    rng = np.random.default_rng(seed)
    mid = (scale + 1) / 2
    step = (scale - 1) / 4
    imp_mu = np.full((n_segments, n_outcomes), mid, dtype=np.float32)
    sat_mu = np.full((n_segments, n_outcomes), mid + 0.3 * step, dtype=np.float32)
    for s in range(n_segments):
        mine = np.arange(n_outcomes) % n_segments == s
        imp_mu[s, mine] += 1.4 * step
        sat_mu[s, mine] -= 1.2 * step
    truth = rng.integers(0, n_segments, n_respondents)
    imp = np.empty((n_respondents, n_outcomes), dtype=np.int8)
    sat = np.empty((n_respondents, n_outcomes), dtype=np.int8)
    for start in range(0, n_respondents, _CHUNK):
        sl = slice(start, min(start + _CHUNK, n_respondents))
        t = truth[sl]
        style = rng.normal(0, style_sd * step, (len(t), 1)).astype(np.float32)
        for mu, out in ((imp_mu, imp), (sat_mu, sat)):
            x = mu[t] + style + rng.normal(0, noise_sd * step, (len(t), n_outcomes)).astype(
                np.float32)
            r = np.clip(np.rint(x), 1, scale).astype(np.int8)
            if missing:
                r[rng.random(r.shape, dtype=np.float32) < missing] = 0
            out[sl] = r
    attrs = None
    if with_attributes:
        attrs = pd.DataFrame({
            "region": pd.Categorical.from_codes(rng.integers(0, 4, n_respondents),
                                                ["north", "south", "east", "west"]),
            "age_band": pd.Categorical.from_codes(rng.integers(0, 5, n_respondents),
                                                  ["18-24", "25-34", "35-44", "45-54", "55+"]),
        })
    outcomes = [f"Outcome {j + 1}" for j in range(n_outcomes)]
    return SurveyResponses.from_arrays(imp, sat, outcomes, scale=scale, attributes=attrs), truth
