from __future__ import annotations

from pathlib import Path

import pytest

from jtbd.decide import read_features, score_features
from jtbd.errors import InputError

FEATURES = """feature,description,effort
Custom fonts,custom fonts for invoices,
Payment reminders,automatic payment reminders to late clients,
Overdue list,see which invoices are overdue at a glance,
Dark mode,a dark colour theme,
"""


def _write(tmp_path: Path, text: str, name: str = "features.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_features_ranked_by_job_evidence(ctx, assert_quote, tmp_path):
    result = score_features(ctx, read_features(_write(tmp_path, FEATURES)))
    names = [f.feature.name for f in result.features]
    assert names.index("Payment reminders") < names.index("Custom fonts")
    assert names.index("Overdue list") < names.index("Custom fonts")
    assert names[-1] == "Dark mode" and result.features[-1].score == 0
    top = next(f for f in result.features if f.feature.name == "Payment reminders")
    assert top.job_statement == "get paid"
    assert any(o.underserved and "late payment" in o.outcome for o in top.outcomes)
    assert top.components["outcomes"] == pytest.approx(sum(o.opportunity for o in top.outcomes if o.underserved))
    assert top.struggles and top.counts["push_participants"] + top.counts["push_documents"] > 0
    d = result.to_dict()
    assert [f["rank"] for f in d["features"]] == [1, 2, 3, 4]
    for f in d["features"]:
        for q in f["struggles"] + f["anxieties"]:
            assert_quote(q)
        for o in f["outcomes"]:
            for ev in o["evidence"]:
                assert_quote(ev)


def test_effort_divides_the_value(ctx, tmp_path):
    plain = score_features(ctx, read_features(_write(tmp_path, "feature,description\nR,automatic payment reminders to late clients\n")))
    costly = score_features(ctx, read_features(_write(tmp_path, "feature,description,effort\nR,automatic payment reminders to late clients,4\n", "b.csv")))
    assert costly.features[0].score == pytest.approx(plain.features[0].score / 4)
    assert costly.features[0].value == pytest.approx(plain.features[0].value)


def test_deterministic(ctx, tmp_path):
    p = _write(tmp_path, FEATURES)
    assert score_features(ctx, read_features(p)).to_dict() == score_features(ctx, read_features(p)).to_dict()


@pytest.mark.parametrize("content, needle", [
    ("", "empty"),
    ("name,description\nx,y\n", "`feature` column"),
    ("feature,description\n", "no features"),
    ("feature,description,effort\nA,b,lots\n", "row 1, column 'effort'"),
    ("feature,description,effort\nA,b,0\n", "greater than 0"),
])
def test_bad_features_file(tmp_path, content, needle):
    p = _write(tmp_path, content)
    with pytest.raises(InputError) as exc:
        read_features(p)
    assert needle in str(exc.value) and str(p) in str(exc.value)
