"""The survey CLI: JSON schemas, tables, errors, study-bound import and draft."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jtbd.cli import app

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "jtbd" / "sample" / "survey_responses.csv"
runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


def test_score_json_schema() -> None:
    res = _run("survey", "score", str(SAMPLE), "--json", "--no-ci")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert len(doc["outcomes"]) == 20
    for row in doc["outcomes"]:
        assert isinstance(row["outcome"], str) and isinstance(row["n"], int)
        for key in ("importance", "satisfaction", "opportunity"):
            assert isinstance(row[key], float)
        assert row["band"] in {"extreme", "high", "worth considering", "unattractive"}
        assert isinstance(row["underserved"], bool) and isinstance(row["overserved"], bool)
        assert row["opportunity"] == pytest.approx(
            row["importance"] + max(row["importance"] - row["satisfaction"], 0))
    assert "groups" not in doc


def test_score_json_by_groups_and_ci() -> None:
    res = _run("survey", "score", str(SAMPLE), "--json", "--by", "business_type", "--boot", "200")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert set(doc["groups"]) == {"freelancer", "small business"}
    grp = doc["groups"]["freelancer"]["outcomes"]
    assert len(grp) == 20 and len(grp[0]["opportunity_ci"]) == 2
    assert sum(g["n_respondents"] for g in doc["groups"].values()) == 480


def test_score_table_and_error_exit(tmp_path: Path) -> None:
    res = _run("survey", "score", str(SAMPLE), "--no-ci")
    assert res.exit_code == 0 and "Opportunity scores" in res.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("respondent_id,imp:a,sat:a\n1,5,11\n", encoding="utf-8")
    res = _run("survey", "score", str(bad), "--json")
    assert res.exit_code == 2
    assert "sat:a" in res.output and "11" in res.output and "row 1" in res.output
    assert res.stdout.strip() == "" or "outcomes" not in res.stdout


def test_score_items_mode(tmp_path: Path) -> None:
    p = tmp_path / "items.csv"
    p.write_text("q1,q2\n9,10\n2,3\n", encoding="utf-8")
    res = _run("survey", "score", str(p), "--items", "--json")
    assert res.exit_code == 0, res.output
    assert [i["item"] for i in json.loads(res.stdout)["items"]] == ["q1", "q2"]


def test_segment_json_schema() -> None:
    res = _run("segment", str(SAMPLE), "--json", "--seed", "0")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["k"] == 3 and len(doc["segments"]) == 3
    assert len(doc["assignments"]) == 480
    first = doc["assignments"][0]
    assert first["respondent"] == "R0001" and isinstance(first["segment"], int)
    assert "segments_variance_explained" in doc["demographics_vs_needs"]
    truth = json.loads((SAMPLE.parent / "survey_truth.json").read_text())["respondents"]
    from sklearn.metrics import adjusted_rand_score
    got = {a["respondent"]: a["segment"] for a in doc["assignments"]}
    assert adjusted_rand_score([truth[r] for r in got], list(got.values())) >= 0.8
    res_k = _run("segment", str(SAMPLE), "--json", "--k", "2")
    assert json.loads(res_k.stdout)["k"] == 2


def test_commands_have_help() -> None:
    for args in (["survey", "--help"], ["survey", "draft", "--help"], ["survey", "import", "--help"],
                 ["survey", "score", "--help"], ["segment", "--help"]):
        res = _run(*args)
        assert res.exit_code == 0 and "Usage" in res.stdout


def test_draft_falls_back_to_sample_outside_a_study(tmp_path: Path) -> None:
    out = tmp_path / "q.md"
    res = runner.invoke(app, ["--study", str(tmp_path / "none"), "survey", "draft", "--out",
                              str(out)])
    assert res.exit_code == 0, res.output
    assert "synthesize" in res.output
    assert "Tally" in out.read_text() and out.with_suffix(".csv").is_file()


def test_import_stores_responses_in_study(tmp_path: Path) -> None:
    from jtbd.services import init_study, open_workbench

    init_study(tmp_path / "s").close()
    res = _run("--study", str(tmp_path / "s"), "survey", "import", str(SAMPLE))
    assert res.exit_code == 0, res.output
    assert (tmp_path / "s" / "survey" / "responses.csv").is_file()
    with open_workbench(str(tmp_path / "s")) as wb:
        art = wb.load_artifact("survey")
        scores = wb.load_artifact("survey_scores")
        segments = wb.load_artifact("survey_segments")
    assert art["respondents"] == 480 and len(scores["outcomes"]) == 20
    assert segments["k"] == 3
    res = _run("--study", str(tmp_path / "s"), "survey", "score", "--json", "--no-ci")
    assert res.exit_code == 0 and len(json.loads(res.stdout)["outcomes"]) == 20


def test_score_falls_back_to_items_for_plain_rating_tables(tmp_path: Path) -> None:
    p = tmp_path / "sat_only.csv"
    p.write_text("id,q1,q2\n1,9,3\n2,10,4\n3,2,9\n4,9,\n", encoding="utf-8")
    res = _run("survey", "score", str(p), "--json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["mode"] == "items" and out["outcomes"] == []
    q1 = next(i for i in out["items"] if i["item"] == "q1")
    assert q1["n"] == 4 and abs(q1["top_two_box"] - 7.5) < 1e-9  # 3 of 4 answered 9-10
