"""Human review through the CLI, blind coding sheets and inter-coder agreement."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from jtbd.agreement import agreement, cohen_kappa
from jtbd.cli import app
from jtbd.services import open_workbench

runner = CliRunner()


def test_cohen_kappa_known_values() -> None:
    assert cohen_kappa([True, False, True, False], [True, False, True, False]) == 1.0
    # 50% observed agreement with 50/50 marginals: exactly chance
    assert cohen_kappa([True, True, False, False], [True, False, True, False]) == 0.0
    assert cohen_kappa([], []) is None
    pairs = agreement({"a": {1: {"push"}, 2: set()}, "b": {1: {"push"}, 2: {"pull"}}}, {1: "x", 2: "y"})
    assert pairs[0].per_code["push"]["kappa"] == 1.0
    assert pairs[0].disagreements == [{"excerpt": 2, "text": "y", "a": [], "b": ["pull"]}]


def _coded_study(tmp_path: Path, interview_file: Path) -> Path:
    d = tmp_path / "s"
    assert runner.invoke(app, ["init", str(d)]).exit_code == 0
    assert runner.invoke(app, ["--study", str(d), "import", str(interview_file)]).exit_code == 0
    r = runner.invoke(app, ["--study", str(d), "code"])
    assert r.exit_code == 0, r.output
    return d


def test_review_codes_in_the_cli_survive_recoding(tmp_path: Path, interview_file: Path) -> None:
    d = _coded_study(tmp_path, interview_file)
    shown = json.loads(runner.invoke(app, ["--study", str(d), "codes", "show", "1", "--json"]).stdout)
    customer = [e for e in shown["excerpts"] if e["role"] == "customer"]
    assert customer, "the customer's sentences are excerpts"
    with_codes = [e for e in customer if e["codes"]]
    assert with_codes, "the local coder finds codes in an obvious interview"
    target = with_codes[0]["codes"][0]
    plain = customer[-1]
    assert runner.invoke(app, ["--study", str(d), "codes", "reject", str(target["id"]), "--as", "maria"]).exit_code == 0
    r = runner.invoke(app, ["--study", str(d), "codes", "add", str(plain["id"]), "social", "--as", "maria"])
    assert r.exit_code == 0, r.output
    bad = runner.invoke(app, ["--study", str(d), "codes", "add", str(plain["id"]), "nonsense"])
    assert bad.exit_code != 0 and "unknown code" in bad.output
    assert runner.invoke(app, ["--study", str(d), "code", "--recode"]).exit_code == 0
    after = json.loads(runner.invoke(app, ["--study", str(d), "codes", "show", "1", "--json"]).stdout)
    codes = {c["id"]: c for e in after["excerpts"] for c in e["codes"]}
    assert codes[target["id"]]["status"] == "rejected"
    ex = next(e for e in after["excerpts"] if e["id"] == with_codes[0]["id"])
    assert [c for c in ex["codes"] if c["code"] == target["code"] and c["status"] == "suggested"] == []
    ex = next(e for e in after["excerpts"] if e["id"] == plain["id"])
    assert any(c["code"] == "social" and c["origin"] == "human" and c["coder"] == "maria" for c in ex["codes"])


def test_blind_sheets_and_agreement(tmp_path: Path, interview_file: Path) -> None:
    d = _coded_study(tmp_path, interview_file)
    sheet = tmp_path / "sheet.csv"
    r = runner.invoke(app, ["--study", str(d), "codes", "sheet", "--out", str(sheet)])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert rows and all(r["push"] == "" for r in rows)  # blind: no AI codes shown
    for who, mark in (("ann", "x"), ("ben", "x")):
        out = tmp_path / f"{who}.csv"
        with out.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            for i, row in enumerate(rows):
                row = dict(row)
                if "forgetting" in row["text"] or (who == "ben" and i == 0):
                    row["push"] = mark
                w.writerow(row)
        r = runner.invoke(app, ["--study", str(d), "codes", "import-sheet", str(out), "--as", who])
        assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["--study", str(d), "codes", "agreement", "--json", "--coder", "ann", "--coder", "ben"])
    assert r.exit_code == 0, r.output
    pair = json.loads(r.stdout)["pairs"][0]
    assert pair["coders"] == ["ann", "ben"] and pair["excerpts"] == len(rows)
    assert pair["per_code"]["push"]["a_count"] == 1 and pair["per_code"]["push"]["b_count"] == 2
    assert len(pair["disagreements"]) == 1
    # a sheet naming an unknown code is rejected and changes nothing
    bad = tmp_path / "bad.csv"
    bad.write_text(f"excerpt_id,codes\n{rows[0]['excerpt_id']},pushh\n", encoding="utf-8")
    with open_workbench(d) as wb:
        before = len(wb.store.edit_log(1000))
    r = runner.invoke(app, ["--study", str(d), "codes", "import-sheet", str(bad), "--as", "ann"])
    assert r.exit_code != 0 and "pushh" in r.output and "bad.csv" in r.output
    with open_workbench(d) as wb:
        assert len(wb.store.edit_log(1000)) == before
