"""Job significance from survey scores and evidence counts."""
from __future__ import annotations

import numpy as np
import pytest

from jtbd.errors import InputError
from jtbd.survey import JobEvidence, SurveyResponses, job_significance, score


def _table():
    # Outcomes a, b belong to J1 (important, unsatisfied); c to J2 (unimportant, satisfied).
    imp = np.array([[5, 5, 1], [5, 4, 2], [4, 5, 1], [2, 5, 5]])
    sat = np.array([[1, 2, 5], [1, 1, 5], [2, 1, 4], [5, 1, 5]])
    return score(SurveyResponses.from_arrays(imp, sat, ["a", "b", "c"]), ci=False)


def test_ranks_by_documented_formula() -> None:
    ev = [JobEvidence("J2", "keep the books", participants=4, mentions=10, push_count=1),
          JobEvidence("J1", "get paid", participants=8, mentions=40, push_count=20,
                      workaround_count=10)]
    res = job_significance(ev, scores=_table(), outcome_jobs={"a": "J1", "b": "J1", "c": "J2"})
    assert [r.job_id for r in res] == ["J1", "J2"] and [r.rank for r in res] == [1, 2]
    j1 = res[0]
    assert j1.outcomes == ("a", "b")
    assert j1.components["importance"] == pytest.approx(0.875)  # I: 7.5 and 10
    assert j1.components["unmet"] == pytest.approx(1 - 1.25 / 10)  # S: 2.5 and 0
    assert j1.components["reach"] == 1.0 and j1.components["consequence"] == 0.75
    assert j1.components["frequency"] == 1.0
    assert j1.significance == pytest.approx(100 * np.mean(list(j1.components.values())))


def test_evidence_only_and_weights() -> None:
    ev = [JobEvidence("A", "a", participants=2, mentions=2, push_count=2),
          JobEvidence("B", "b", participants=10, mentions=10, push_count=0)]
    res = job_significance(ev)
    assert "importance" not in res[0].components
    heavy = job_significance(ev, weights={"consequence": 10})
    assert heavy[0].job_id == "A"
    with pytest.raises(InputError, match="unknown significance weight"):
        job_significance(ev, weights={"price": 1})
    with pytest.raises(InputError, match="outcome_jobs"):
        job_significance(ev, scores=_table())
