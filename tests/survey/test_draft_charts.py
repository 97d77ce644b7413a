"""Questionnaire drafts and charts."""
from __future__ import annotations

import csv
import io

import pytest

from jtbd.errors import InputError
from jtbd.survey import draft_survey, load_responses, score, segment
from jtbd.survey.charts import opportunity_landscape, segment_profiles
from jtbd.survey.synthetic import planted_survey


def test_draft_has_screener_pairs_and_optional_sections() -> None:
    outcomes = [("get paid", "Minimize the time it takes to create an invoice"),
                ("get paid", "Minimize the effort required to chase a late payment")]
    d = draft_survey(outcomes, product="Tally")
    rows = list(csv.DictReader(io.StringIO(d.csv_text)))
    assert list(rows[0]) == ["id", "section", "question", "type", "options"]
    sections = [r["section"] for r in rows]
    assert sections[0] == "screener" and "demographics" in sections
    assert "activities, interests, opinions" in sections
    ids = [r["id"] for r in rows]
    assert "Importance - Minimize the time it takes to create an invoice" in ids
    imp = next(r for r in rows if r["id"].startswith("Importance"))
    assert imp["options"].split("|")[0] == "1 - Not at all important"
    assert "recently" in d.markdown.lower() or "last 12 months" in d.markdown
    assert "Tally" in d.markdown
    bare = draft_survey(["Minimize x"], demographics=False, aio=False)
    assert {q.section for q in bare.questions} == {"screener", "outcomes"}
    with pytest.raises(InputError, match="synthesize"):
        draft_survey([])


def test_draft_csv_ids_round_trip_into_load_responses() -> None:
    d = draft_survey(["Minimize the time to bill", "Minimize errors"], aio=False,
                     demographics=False)
    cols = [q.id for q in d.questions if q.section == "outcomes"]
    import pandas as pd
    df = pd.DataFrame([[5, 1, 4, 4]], columns=cols)
    r = load_responses(df)
    assert r.outcomes == ("Minimize the time to bill", "Minimize errors")


def test_charts_are_plotly_figures() -> None:
    responses, _ = planted_survey(200, 6, seed=1)
    fig = opportunity_landscape(score(responses, ci=False).outcomes)
    names = [t.name for t in fig.data]
    assert any(n and n.startswith("extreme") for n in names)
    pts = fig.data[-1]
    assert len(pts.x) == 6 and max(pts.x) <= 10 and fig.layout.xaxis.range[1] > 10
    heat = segment_profiles(segment(responses, k=3))
    assert len(heat.data[0].z) == 3 and len(heat.data[0].x) == 6
    assert segment_profiles(segment(responses, k=2), measure="importance").data[0].zmid == 0
