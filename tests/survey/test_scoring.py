"""Opportunity scores: the primer's worked examples, band edges, CIs and groups."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from jtbd.survey import (EXTREME, HIGH, UNATTRACTIVE, WORTH_CONSIDERING, SurveyResponses,
                         band_of, opportunity, score)


def _one_outcome(n: int, imp_top: int, sat_top: int, scale: int = 5) -> SurveyResponses:
    imp = np.array([scale] * imp_top + [1] * (n - imp_top))
    sat = np.array([scale - 1] * sat_top + [2] * (n - sat_top))
    return SurveyResponses.from_arrays(imp[:, None], sat[:, None], ["o"], scale=scale)


def test_primer_example_270() -> None:
    row = score(_one_outcome(270, 200, 75), ci=False).outcomes[0]
    assert row.importance == pytest.approx(200 / 27, abs=1e-12)  # 7.4074...
    assert row.satisfaction == pytest.approx(75 / 27, abs=1e-12)  # 2.7777...
    assert row.opportunity == pytest.approx(2 * 200 / 27 - 75 / 27, abs=1e-12)  # 12.037...
    assert f"{row.importance:.1f} {row.satisfaction:.1f} {row.opportunity:.1f}" == "7.4 2.8 12.0"
    # computed from unrounded I and S: rounding first would give 7.4 + 4.6 = 12.0 too, but the
    # stored value must be the unrounded 12.037...
    assert row.opportunity != pytest.approx(12.0, abs=1e-3)
    assert row.band == HIGH and row.underserved and not row.overserved and row.n == 270


def test_primer_example_300_is_exactly_15_and_high() -> None:
    row = score(_one_outcome(300, 270, 90), ci=False).outcomes[0]
    assert (row.importance, row.satisfaction, row.opportunity) == (9.0, 3.0, 15.0)
    assert row.band == HIGH


def test_max_floor_when_overserved() -> None:
    assert opportunity(6.7, 8.4) == pytest.approx(6.7)
    row = score(_one_outcome(10, 6, 9), ci=False).outcomes[0]
    assert row.opportunity == pytest.approx(6.0) and row.overserved and not row.underserved


@pytest.mark.parametrize(("value", "band"), [
    (20.0, EXTREME), (15.0001, EXTREME), (15.0, HIGH), (12.0, HIGH), (11.9999, WORTH_CONSIDERING),
    (10.0, WORTH_CONSIDERING), (9.9999, UNATTRACTIVE), (0.0, UNATTRACTIVE),
])
def test_band_edges(value: float, band: str) -> None:
    assert band_of(value) == band


def test_underserved_at_exactly_ten() -> None:
    row = score(_one_outcome(10, 5, 0), ci=False).outcomes[0]  # I 5, S 0 -> 10
    assert row.opportunity == 10.0 and row.underserved and row.band == WORTH_CONSIDERING


@pytest.mark.parametrize(("scale", "top"), [(5, (4, 5)), (7, (6, 7)), (10, (9, 10))])
def test_top_two_box_generalises(scale: int, top: tuple[int, int]) -> None:
    values = np.arange(1, scale + 1)
    r = SurveyResponses.from_arrays(values[:, None], values[:, None], ["o"], scale=scale)
    row = score(r, ci=False).outcomes[0]
    assert row.importance == pytest.approx(10 * 2 / scale)
    assert top[0] == scale - 1


def test_missing_answers_use_who_answered() -> None:
    imp = np.array([[5], [5], [0], [1]])
    sat = np.array([[1], [0], [0], [5]])
    row = score(SurveyResponses.from_arrays(imp, sat, ["o"]), ci=False).outcomes[0]
    assert row.n_importance == 3 and row.n_satisfaction == 2 and row.n == 2
    assert row.importance == pytest.approx(10 * 2 / 3)
    assert row.satisfaction == pytest.approx(5.0)


def test_no_answers_gives_nan_and_band() -> None:
    r = SurveyResponses.from_arrays(np.zeros((3, 1)), np.zeros((3, 1)), ["o"])
    row = score(r, ci=True, n_boot=50).outcomes[0]
    assert math.isnan(row.opportunity) and row.band == "no answers"
    assert row.to_dict()["opportunity"] is None


def test_bootstrap_ci_is_seeded_and_contains_estimate() -> None:
    r = _one_outcome(270, 200, 75)
    a = score(r, n_boot=500, seed=3).outcomes[0]
    b = score(r, n_boot=500, seed=3).outcomes[0]
    assert a.opportunity_ci == b.opportunity_ci
    lo, hi = a.opportunity_ci
    assert lo < a.opportunity < hi and 0.5 < hi - lo < 4
    lo_i, hi_i = a.importance_ci
    # binomial standard error of I: 10 * sqrt(p(1-p)/n) ~ 0.27 -> 95% width ~ 1.05
    assert hi_i - lo_i == pytest.approx(2 * 1.96 * 10 * math.sqrt(200 / 270 * 70 / 270 / 270),
                                        rel=0.2)


def test_groups_by_attribute() -> None:
    imp = np.array([5, 5, 1, 1, 5])[:, None]
    sat = np.array([1, 1, 5, 5, 5])[:, None]
    attrs = pd.DataFrame({"region": ["n", "n", "s", "s", None]})
    t = score(SurveyResponses.from_arrays(imp, sat, ["o"], attributes=attrs), by="region",
              ci=False)
    assert set(t.groups) == {"n", "s", "(missing)"}
    assert t.groups["n"][0].opportunity == 20.0
    assert t.groups["s"][0].opportunity == 0.0 and t.groups["s"][0].overserved
    assert t.group_sizes == {"n": 2, "s": 2, "(missing)": 1}
    d = t.to_dict()
    assert d["groups"]["n"]["outcomes"][0]["opportunity"] == 20.0


def test_by_unknown_attribute_names_the_choices() -> None:
    r = _one_outcome(5, 2, 2)
    with pytest.raises(Exception, match="no respondent attribute 'nope'"):
        score(r, by="nope")


def test_vectorised_matches_naive_on_random_data() -> None:
    rng = np.random.default_rng(7)
    imp = rng.integers(0, 8, (500, 6))
    sat = rng.integers(0, 8, (500, 6))
    t = score(SurveyResponses.from_arrays(imp, sat, list("abcdef"), scale=7), ci=False)
    for j, row in enumerate(t.outcomes):
        ai, as_ = imp[:, j][imp[:, j] > 0], sat[:, j][sat[:, j] > 0]
        i, s = 10 * np.mean(ai >= 6), 10 * np.mean(as_ >= 6)
        assert row.importance == pytest.approx(i) and row.satisfaction == pytest.approx(s)
        assert row.opportunity == pytest.approx(i + max(i - s, 0))
