"""`jtbd code --coder llm` end to end against the local fake LLM server: stand-alone JSONL
and study mode (resumable cache inside the study)."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jtbd.cli import app

from .helpers import FakeLLM

runner = CliRunner()
TRANSCRIPT = ("Interviewer: What was going on?\n"
              "Ana: I was so frustrated with the old spreadsheet. We met on Tuesday.\n")


def test_standalone_jsonl_with_the_llm_coder(tmp_path: Path, llm: FakeLLM) -> None:
    f = tmp_path / "ana.txt"
    f.write_text(TRANSCRIPT, encoding="utf-8")
    r = runner.invoke(app, ["code", str(f), "--jsonl", "--coder", "llm", "--base-url", f"{llm.url}/v1",
                            "--model", "fake"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    frustrated = next(x for x in recs if "frustrated" in x["text"])
    assert "push" in frustrated["codes"]  # the fake server labels "frustrat" as push
    assert all(x["codes"] == [] for x in recs if x["role"] == "interviewer")
    assert len(llm.requests) == 1


def test_study_mode_caches_in_the_study_and_resumes(tmp_path: Path, llm: FakeLLM) -> None:
    d = tmp_path / "s"
    f = tmp_path / "ana.txt"
    f.write_text(TRANSCRIPT, encoding="utf-8")
    assert runner.invoke(app, ["init", str(d)]).exit_code == 0
    assert runner.invoke(app, ["--study", str(d), "import", str(f)]).exit_code == 0
    args = ["--study", str(d), "code", "--coder", "llm", "--base-url", f"{llm.url}/v1", "--model", "fake"]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    assert (d / ".jtbd" / "llm-cache").is_dir()
    n = len(llm.requests)
    r = runner.invoke(app, [*args, "--recode"])
    assert r.exit_code == 0, r.output
    assert len(llm.requests) == n  # answered from the study's cache


def test_llm_options_need_the_llm_coder(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Customer: hello", encoding="utf-8")
    r = runner.invoke(app, ["code", str(f), "--model", "x"])
    assert r.exit_code != 0 and "--coder llm" in r.output
