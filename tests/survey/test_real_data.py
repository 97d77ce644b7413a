"""Optional checks on the real data sets in /work/shared/data (skipped when absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

from jtbd.errors import InputError
from jtbd.survey import load_items, load_responses, score, score_items

DATA = Path("/work/shared/data")
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="shared real data not available")


def test_likert_gap_imports_and_scores() -> None:
    r = load_responses(DATA / "likert-gap.csv")
    assert len(r.outcomes) == 5 and r.n_respondents == 68 and set(r.scales.tolist()) == {7}
    assert r.ids[0] == "1"  # StudentId picked up as the id column
    rows = score(r, ci=False).outcomes
    assert all(0 <= o.opportunity <= 20 for o in rows)


def test_bayesm_is_satisfaction_only() -> None:
    with pytest.raises(InputError, match="--items"):
        load_responses(DATA / "bayesm-customerSat.csv")
    items = score_items(load_items(DATA / "bayesm-customerSat.csv"))
    assert len(items) == 10 and all(i.scale == 10 and i.n == 1811 for i in items)
