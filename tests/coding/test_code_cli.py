"""``jtbd code FILE... --jsonl``: the stand-alone command and its JSONL schema."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jtbd.cli import app
from jtbd.coding.standalone import code_files
from jtbd.errors import ImportFailed

KEYS = ["source", "row", "start", "end", "speaker", "role", "text", "codes", "scores"]
TRANSCRIPT = ("Interviewer: What stopped you from changing sooner?\n"
              "Ben: Inertia, mostly. We had years of data in Excel.\n"
              "Interviewer: What did your colleagues think?\n"
              'Ben: My boss asked, "Do we really need this?"\n')


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    t = tmp_path / "ben.txt"
    t.write_text(TRANSCRIPT, encoding="utf-8")
    r = tmp_path / "reviews.csv"
    r.write_text('id,body\n1,"The app crashes when I export. Please add a dark mode!"\n'
                 '2,"Die App stürzt ständig ab, wenn ich eine Rechnung exportieren möchte."\n',
                 encoding="utf-8")
    only = tmp_path / "questions.txt"
    only.write_text("Interviewer: What was going on?\nInterviewer: Anything else?\n", encoding="utf-8")
    return {"transcript": t, "reviews": r, "interviewer_only": only}


def _run(*args: str) -> tuple[int, list[dict], str]:
    res = CliRunner().invoke(app, ["code", *args, "--jsonl"])
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    return res.exit_code, rows, res.stderr


def test_transcript_jsonl_schema_and_offsets(files: dict[str, Path]) -> None:
    code, rows, _ = _run(str(files["transcript"]))
    assert code == 0
    text = files["transcript"].read_text(encoding="utf-8")
    assert [list(r) for r in rows] == [KEYS] * len(rows)
    for r in rows:
        assert r["source"] == str(files["transcript"]) and r["row"] is None
        assert text[r["start"]:r["end"]] == r["text"]
        assert r["role"] in ("customer", "interviewer")
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    interviewer = [r for r in rows if r["role"] == "interviewer"]
    assert interviewer and all(r["codes"] == [] for r in interviewer)
    by_text = {r["text"]: r for r in rows}
    assert by_text["Inertia, mostly."]["codes"] == ["habit"]
    assert by_text["Inertia, mostly."]["speaker"] == "Ben"
    assert "anxiety" in by_text['My boss asked, "Do we really need this?"']["codes"]


def test_table_rows_and_language_warning(files: dict[str, Path]) -> None:
    code, rows, err = _run(str(files["reviews"]), "--text-column", "body")
    assert code == 0
    assert {r["row"] for r in rows} == {0, 1}
    first = [r for r in rows if r["row"] == 0]
    assert first[0]["text"] == "The app crashes when I export." and first[0]["start"] == 0
    assert "push" in first[0]["codes"] and "outcome" in first[1]["codes"]
    assert all(r["codes"] == [] for r in rows if r["row"] == 1)
    assert "not look like English" in err and "row 1" in err


def test_interviewer_only_file_has_no_codes(files: dict[str, Path]) -> None:
    code, rows, _ = _run(str(files["interviewer_only"]), "--roles", "Interviewer=interviewer")
    assert code == 0 and rows
    assert all(r["codes"] == [] and r["role"] == "interviewer" for r in rows)


def test_bad_file_is_reported_and_others_still_coded(files: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, rows, err = _run(str(missing), str(files["transcript"]))
    assert code != 0
    assert str(missing) in err
    assert rows and all(r["source"] == str(files["transcript"]) for r in rows)


def test_bad_roles_option() -> None:
    res = CliRunner().invoke(app, ["code", "x.txt", "--roles", "Anna:boss"])
    assert res.exit_code == 2 and "--roles" in res.stderr


def test_library_function_raises_without_error_handler(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed):
        list(code_files([str(tmp_path / "missing.txt")]))


def test_stdout_is_pure_jsonl_in_a_subprocess(files: dict[str, Path]) -> None:
    proc = subprocess.run([sys.executable, "-m", "jtbd.cli", "code", str(files["transcript"]), "--jsonl"],
                          capture_output=True, text=True, check=True)
    assert all(json.loads(line)["source"] for line in proc.stdout.splitlines())


def test_throughput_sanity(tmp_path: Path) -> None:
    """Not a timed test: 2,000 sentences go through the whole pipeline and all get results."""
    p = tmp_path / "big.txt"
    p.write_text("Interviewer: What was going on?\nSam: " + " ".join(
        f"The export failed again on day {i}." for i in range(2000)) + "\n", encoding="utf-8")
    rows = list(code_files([str(p)]))
    customer = [r for r in rows if r["role"] == "customer"]
    assert len(customer) == 2000
    assert sum("push" in r["codes"] for r in customer) > 1900


def test_progress_reports_rows_of_a_large_table(tmp_path: Path) -> None:
    p = tmp_path / "reviews.csv"
    p.write_text("text\n" + "".join(f"It crashed {i} times today.\n" for i in range(300)),
                 encoding="utf-8")
    seen: list[tuple[int, int, str]] = []
    records = list(code_files([str(p)], coder=None, progress=lambda d, t, label: seen.append((d, t, label))))
    assert len(records) == 300
    rows = [label for _, _, label in seen if ": row " in label]
    assert rows[0].endswith("row 1 of 300") and 50 <= len(rows) <= 150
    assert seen[-1][:2] == (1, 1)
