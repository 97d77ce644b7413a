"""Needs-based segmentation: planted segments are recovered despite response style."""
from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from jtbd.errors import InputError
from jtbd.survey import SurveyResponses, segment
from jtbd.survey.segments import needs_features
from jtbd.survey.synthetic import planted_survey


@pytest.fixture(scope="module")
def planted():
    responses, truth = planted_survey(900, 24, 3, seed=11, style_sd=0.9, noise_sd=1.0,
                                      missing=0.03)
    return responses, truth, segment(responses, seed=0)


def test_recovers_planted_segments(planted) -> None:
    _, truth, result = planted
    assert result.k == 3
    assert adjusted_rand_score(truth, result.labels) >= 0.8
    assert result.k_scores[3] == max(result.k_scores.values())


def test_segments_report_size_share_and_their_own_gaps(planted) -> None:
    responses, truth, result = planted
    assert sum(s.size for s in result.segments) == responses.n_respondents
    assert [s.segment for s in result.segments] == [1, 2, 3]
    sizes = [s.size for s in result.segments]
    assert sizes == sorted(sizes, reverse=True)
    assert sum(s.share for s in result.segments) == pytest.approx(1.0)
    for s in result.segments:
        members = truth[result.labels == s.segment]
        planted_seg = np.bincount(members).argmax()
        mine = {o for j, o in enumerate(responses.outcomes) if j % 3 == planted_seg}
        assert s.top_underserved and set(s.top_underserved) <= mine
        centred = s.importance_profile
        assert np.mean([centred[o] for o in mine]) > 0 > np.mean(
            [v for o, v in centred.items() if o not in mine])
        assert set(s.demographics) == {"region", "age_band"}
        assert sum(s.demographics["region"].values()) == pytest.approx(1.0)


def test_demographics_do_not_predict_random_segments(planted) -> None:
    dvn = planted[2].demographics_vs_needs
    assert dvn.segments_variance_explained > 0.5
    assert {a.attribute for a in dvn.attributes} == {"region", "age_band"}
    for a in dvn.attributes:
        assert abs(a.ami) < 0.02 and a.variance_explained < 0.05
    assert "poor proxy" in dvn.summary


def test_response_style_is_removed() -> None:
    # A respondent rating every outcome one point higher (no ceiling hit) has the same profile.
    row = np.array([[2, 3, 1, 2, 4, 2, 3, 1, 2, 3]])
    names = [f"o{i}" for i in range(10)]
    a = SurveyResponses.from_arrays(row, row, names)
    b = SurveyResponses.from_arrays(row + 1, row + 1, names)
    fa = needs_features(a, slice(None))
    assert fa.shape == (1, 20)
    assert np.allclose(fa, needs_features(b, slice(None)))


def test_given_k_and_json_shape(planted) -> None:
    responses, _, _ = planted
    result = segment(responses, k=4, seed=1)
    d = result.to_dict()
    assert d["k"] == 4 and len(d["segments"]) == 4
    assert len(d["assignments"]) == responses.n_respondents
    assert {"respondent", "segment"} == set(d["assignments"][0])
    assert d["method"]["k_criterion"] == "given"


def test_seeded_and_deterministic() -> None:
    responses, _ = planted_survey(300, 12, seed=5)
    a, b = segment(responses, seed=3), segment(responses, seed=3)
    assert np.array_equal(a.labels, b.labels)


def test_too_few_respondents() -> None:
    responses, _ = planted_survey(5, 6, seed=1)
    with pytest.raises(InputError, match="too few"):
        segment(responses)
    big, _ = planted_survey(30, 6, seed=1)
    with pytest.raises(InputError, match="k=40"):
        segment(big, k=40)
