"""Long-format (tidy) responses: each layout scores like the wide file; errors name the row."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from jtbd.cli import app
from jtbd.errors import InputError
from jtbd.survey import load_responses, score, segment
from jtbd.survey.longformat import detect_layout

N, M = 40, 5
OUTCOMES = [f"Minimise the time it takes to {v}" for v in
            ("send an invoice", "get paid", "chase a late payer", "reconcile a payment",
             "file taxes")]
MISSING_AT = {(3, 1), (7, 4)}  # (respondent, outcome) left unanswered


def _data(seed: int) -> tuple[np.ndarray, np.ndarray, list[str], list[str], list[str]]:
    rng = np.random.default_rng(seed)
    imp = rng.integers(1, 6, (N, M))
    sat = rng.integers(1, 6, (N, M))
    ids = [f"R{i:03d}" for i in rng.permutation(N)]
    seg = [("freelancer", "agency")[i % 2] for i in range(N)]
    size = [str(rng.integers(1, 50)) for _ in range(N)]
    return imp, sat, ids, seg, size


def _wide(seed: int) -> pd.DataFrame:
    imp, sat, ids, seg, size = _data(seed)
    cols: dict[str, list[object]] = {"respondent_id": ids, "segment": seg, "company_size": size}
    for j, o in enumerate(OUTCOMES):
        cols[f"Importance - {o}"] = [None if (i, j) in MISSING_AT else int(imp[i, j])
                                     for i in range(N)]
        cols[f"Satisfaction - {o}"] = [None if (i, j) in MISSING_AT else int(sat[i, j])
                                       for i in range(N)]
    return pd.DataFrame(cols)


def _long(seed: int, layout: str) -> pd.DataFrame:
    """The same answers as ``_wide(seed)``, in one of the long layouts (rows shuffled)."""
    imp, sat, ids, seg, size = _data(seed)
    rows: list[dict[str, object]] = []
    for i in range(N):
        for j, o in enumerate(OUTCOMES):
            if (i, j) in MISSING_AT:
                continue
            attrs = {"respondent_id": ids[i], "segment": seg[i], "company_size": size[i]}
            if layout == "paired":
                rows.append({**attrs, "outcome": o, "importance": imp[i, j],
                             "satisfaction": sat[i, j]})
            elif layout == "metric":
                rows.append({**attrs, "outcome": o, "metric": "imp", "value": imp[i, j]})
                rows.append({**attrs, "outcome": o, "metric": "S", "value": sat[i, j]})
            else:
                rows.append({**attrs, "question": f"Importance: {o}", "answer": imp[i, j]})
                rows.append({**attrs, "question": f"{o} (satisfaction)", "answer": sat[i, j]})
    df = pd.DataFrame(rows)
    # keep the first row of every respondent and outcome in place so first-appearance order
    # matches the wide file; shuffle the rest
    head = df.drop_duplicates("respondent_id").index.union(
        df.drop_duplicates(df.columns[3]).index)
    rest = df.drop(head).sample(frac=1, random_state=seed)
    return pd.concat([df.loc[head], rest]).reset_index(drop=True)


def _csv(tmp_path: Path, df: pd.DataFrame, name: str = "long.csv") -> Path:
    p = tmp_path / name
    df.to_csv(p, index=False)
    return p


@pytest.mark.parametrize("layout", ["paired", "metric", "question"])
def test_long_layouts_score_like_the_wide_file(tmp_path: Path, layout: str) -> None:
    wide = load_responses(_csv(tmp_path, _wide(seed=5), "wide.csv"))
    long = load_responses(_csv(tmp_path, _long(seed=5, layout=layout)))
    assert long.outcomes == wide.outcomes == tuple(OUTCOMES)
    order = np.argsort(long.ids)
    ref = np.argsort(wide.ids)
    assert list(long.ids[order]) == list(wide.ids[ref])
    np.testing.assert_array_equal(long.importance[order], wide.importance[ref])
    np.testing.assert_array_equal(long.satisfaction[order], wide.satisfaction[ref])
    assert long.scales.tolist() == wide.scales.tolist() == [5] * M
    pd.testing.assert_frame_equal(long.attributes.iloc[order].reset_index(drop=True),
                                  wide.attributes.iloc[ref].reset_index(drop=True))
    assert score(long, by="segment", ci=False).to_dict() == \
        score(wide, by="segment", ci=False).to_dict()
    assert any(n.startswith("long format") for n in long.notes)
    assert f"{2 * len(MISSING_AT)} missing ratings" in " ".join(long.notes)


def test_long_text_labels_and_scale_inference_match_wide() -> None:
    labels = {1: "Not at all important", 3: "Moderately important", 5: "Extremely important"}
    long = pd.DataFrame({"respondent": ["a", "a", "b", "b"], "outcome": ["x", "y", "x", "y"],
                         "importance": [labels[1], labels[5], labels[3], labels[5]],
                         "satisfaction": [7, 2, 6, 1]})
    wide = pd.DataFrame({"respondent": ["a", "b"], "imp:x": [labels[1], labels[3]],
                         "sat:x": [7, 6], "imp:y": [labels[5], labels[5]], "sat:y": [2, 1]})
    lr, wr = load_responses(long), load_responses(wide)
    np.testing.assert_array_equal(lr.importance, wr.importance)
    assert lr.scales.tolist() == wr.scales.tolist() == [7, 5]
    assert load_responses(long, scale=10).scales.tolist() == [10, 10]


def test_segment_runs_on_a_long_file(tmp_path: Path) -> None:
    res = segment(load_responses(_csv(tmp_path, _long(seed=2, layout="metric"))), k=2)
    assert sum(s.size for s in res.segments) == N
    assert "segment" in {a.attribute for a in res.demographics_vs_needs.attributes}


def test_identical_duplicate_rows_are_tolerated() -> None:
    df = pd.DataFrame({"respondent_id": ["a", "a", "a"], "outcome": ["x", "x", "x"],
                       "metric": ["importance", "importance", "satisfaction"],
                       "value": [4, 4, 2]})
    r = load_responses(df)
    assert r.importance.tolist() == [[4]] and r.satisfaction.tolist() == [[2]]


def _error(tmp_path: Path, text: str, **kw: object) -> InputError:
    p = tmp_path / "bad.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_responses(p, **kw)  # type: ignore[arg-type]
    assert info.value.path == str(p)
    return info.value


def test_conflicting_duplicate_names_both_rows(tmp_path: Path) -> None:
    err = _error(tmp_path, "respondent_id,outcome,metric,value\n"
                           "a,x,importance,4\na,x,satisfaction,2\nb,x,imp,3\n"
                           "b,x,sat,1\na,x,I,5\n")
    assert err.row == 5 and err.column == "value"
    msg = str(err)
    assert "'a'" in msg and "'x'" in msg and "row 1" in msg and "row 5" in msg


def test_outcome_without_satisfaction_is_named(tmp_path: Path) -> None:
    err = _error(tmp_path, "respondent,question,answer\n"
                           "a,Importance: Get paid fast,5\na,Satisfaction: Get paid fast,2\n"
                           "a,Importance: Track cash,4\nb,Importance: Track cash,3\n")
    assert "'Track cash'" in str(err) and "no satisfaction" in str(err)
    assert err.row == 3 and err.column == "answer"


def test_unparseable_rating_names_the_original_row(tmp_path: Path) -> None:
    err = _error(tmp_path, "respondent_id,outcome,importance,satisfaction\n"
                           "a,x,4,2\na,y,5,1\nb,x,3,3\nb,y,Meh,2\n")
    assert err.row == 4 and err.column == "importance"
    assert "'Meh'" in str(err) and "'y'" in str(err) and "'b'" in str(err)
    err = _error(tmp_path, "respondent_id,outcome,importance,satisfaction\n"
                           "a,x,4,2\nb,x,3,2.5\n")
    assert err.row == 2 and err.column == "satisfaction" and "whole number" in str(err)
    err = _error(tmp_path, "respondent_id,outcome,importance,satisfaction\n"
                           "a,x,4,2\nb,x,3,9\nc,x,1,1\n", scale=5)
    assert err.row == 2 and "1-5" in str(err)


def test_unknown_metric_and_question(tmp_path: Path) -> None:
    err = _error(tmp_path, "respondent_id,outcome,metric,value\n"
                           "a,x,importance,4\na,x,satisfaction,2\na,x,effort,3\n")
    assert err.row == 3 and err.column == "metric" and "'effort'" in str(err)
    assert "neither importance nor satisfaction" in str(err)


def test_other_questions_become_attributes(tmp_path: Path) -> None:
    p = tmp_path / "long.csv"
    p.write_text("respondent_id,question,answer\n"
                 "a,Importance: x,4\na,Satisfaction: x,2\na,Age group,30-39\n"
                 "b,Age group,40-49\nb,Importance: x,5\nb,Satisfaction: x,5\n"
                 "c,Importance: x,3\nc,Satisfaction: x,1\n", encoding="utf-8")
    resp = load_responses(p)
    assert list(resp.outcomes) == ["x"] and resp.importance[:, 0].tolist() == [4, 5, 3]
    assert resp.attributes["Age group"].tolist()[:2] == ["30-39", "40-49"]
    assert pd.isna(resp.attributes["Age group"].iloc[2])
    assert any("'Age group'" in n for n in resp.notes)
    err = _error(tmp_path, "respondent_id,question,answer\n"
                           "a,Importance: x,4\na,Satisfaction: x,2\na,Age group,30-39\n"
                           "a,Age group,40-49\n")
    assert err.row == 4 and err.column == "answer" and "'Age group'" in str(err)


def test_attributes_must_be_constant_per_respondent(tmp_path: Path) -> None:
    ok = load_responses(pd.DataFrame({
        "respondent_id": ["a", "a", "b", "b"], "outcome": ["x", "y", "x", "y"],
        "importance": [4, 5, 3, 2], "satisfaction": [1, 2, 3, 4],
        "role": ["cfo", None, "owner", "owner"]}))
    assert ok.attributes["role"].tolist() == ["cfo", "owner"]
    err = _error(tmp_path, "respondent_id,outcome,importance,satisfaction,role,segment\n"
                           "a,x,4,2,cfo,s1\na,y,5,1,cfo,s1\nb,x,3,3,owner,s1\nb,y,2,2,owner,s2\n")
    assert err.column == "segment" and err.row == 4
    assert "'b'" in str(err) and "'s1'" in str(err) and "'s2'" in str(err)


def test_long_table_needs_a_respondent_id(tmp_path: Path) -> None:
    err = _error(tmp_path, "person,outcome,importance,satisfaction\nann,x,4,2\n")
    assert "--id-column" in str(err)
    r = load_responses(tmp_path / "bad.csv", id_column="person")
    assert list(r.ids) == ["ann"]


def test_detection_leaves_other_tables_alone() -> None:
    assert detect_layout(pd.DataFrame({"q1": [1], "q2": [2]}), None) is None
    assert detect_layout(pd.DataFrame({"id": [1], "question": ["Age"], "answer": [3]}),
                         "id") is None
    wide = _wide(seed=1)
    assert detect_layout(wide, "respondent_id") is None


def test_cli_scores_a_long_file(tmp_path: Path) -> None:
    p = _csv(tmp_path, _long(seed=3, layout="question"))
    res = CliRunner().invoke(app, ["survey", "score", str(p), "--json", "--no-ci"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    expected = score(load_responses(_wide(seed=3)), ci=False).to_dict()
    assert doc["outcomes"] == json.loads(json.dumps(expected["outcomes"]))
    bad = tmp_path / "bad.csv"
    bad.write_text("respondent_id,outcome,metric,value\na,x,imp,4\na,x,effort,2\n",
                   encoding="utf-8")
    res = CliRunner().invoke(app, ["survey", "score", str(bad), "--json"])
    assert res.exit_code == 2 and "effort" in res.output and "row 2" in res.output


def test_outcome_metadata_columns_are_left_out() -> None:
    """A column fixed per outcome (an id, the job it belongs to) is not a respondent
    attribute and is not an error either."""
    r = load_responses(pd.DataFrame({
        "respondent_id": ["a", "a", "b", "b"], "outcome": ["x", "y", "x", "y"],
        "outcome_id": ["q1", "q2", "q1", "q2"], "job": ["paid", "books", "paid", "books"],
        "importance": [4, 5, 3, 2], "satisfaction": [1, 2, 3, 4], "role": ["cfo", "cfo", "owner", "owner"]}))
    assert list(r.attributes.columns) == ["role"]
