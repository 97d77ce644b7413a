"""``jtbd synthesize`` on a real study folder (SQLite), via the Typer app."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import jtbd.sample as sample
from jtbd.cli import app

ROOT = Path(sample.__file__).parent
runner = CliRunner()


def test_synthesize_json_and_markdown(tmp_path: Path) -> None:
    study = tmp_path / "study"
    assert runner.invoke(app, ["init", str(study)]).exit_code == 0
    files = [str(ROOT / "interviews" / n) for n in ("p01-maya-okafor.md", "p03-zoe-clarke.md",
                                                    "p05-renee-dubois.md", "p08-daniel-fischer.md",
                                                    "p11-sofia-lindqvist.md")]
    assert runner.invoke(app, ["--study", str(study), "import", *files]).exit_code == 0
    assert runner.invoke(app, ["--study", str(study), "code"]).exit_code == 0
    md = tmp_path / "syn.md"
    res = runner.invoke(app, ["--study", str(study), "synthesize", "--json", "--seed", "1", "--out", str(md)])
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert list(data) == ["themes", "jobs", "job_stories", "forces", "timelines", "alternatives", "job_map",
                          "outcomes", "warnings"]
    assert data["jobs"] and md.read_text(encoding="utf-8").startswith("# Jobs-to-be-Done synthesis")
    res = runner.invoke(app, ["--study", str(study), "export", "synthesis", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout) == data
    res = runner.invoke(app, ["--study", str(study), "export", "synthesis", "--format", "md", "--out",
                              str(tmp_path / "again.md")])
    assert res.exit_code == 0 and (tmp_path / "again.md").read_text(encoding="utf-8") == md.read_text(encoding="utf-8")


def test_synthesize_errors_are_friendly(tmp_path: Path) -> None:
    study = tmp_path / "empty"
    assert runner.invoke(app, ["init", str(study)]).exit_code == 0
    res = runner.invoke(app, ["--study", str(study), "synthesize"])
    assert res.exit_code == 2 and "jtbd code" in res.stderr
    res = runner.invoke(app, ["--study", str(study), "synthesize", "--out", "x.txt"])
    assert res.exit_code == 2 and ".md" in res.stderr
    assert "Synthesise" in runner.invoke(app, ["synthesize", "--help"]).stdout
    res = runner.invoke(app, ["--study", str(study), "export", "synthesis"])
    assert res.exit_code == 2 and "jtbd synthesize" in res.stderr
    res = runner.invoke(app, ["--study", str(study), "export", "synthesis", "--format", "pdf"])
    assert res.exit_code == 2 and "json or md" in res.stderr
