"""Study-level behaviour through the CLI: init, import, list, status, participants, guide."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jtbd.cli import app

runner = CliRunner()


def jtbd(study: Path, *args: str):
    return runner.invoke(app, ["--study", str(study), *args])


def snapshot(study: Path) -> str:
    """Everything a user could see of the study's contents."""
    r = jtbd(study, "list", "--json")
    assert r.exit_code == 0, r.output
    docs = json.loads(r.stdout)["documents"]
    for d in docs:
        d.pop("imported_at", None)
    return json.dumps(docs, sort_keys=True)


@pytest.fixture()
def sdir(tmp_path: Path) -> Path:
    d = tmp_path / "s"
    assert runner.invoke(app, ["init", str(d)]).exit_code == 0
    return d


def test_init_creates_config_and_database(tmp_path: Path) -> None:
    d = tmp_path / "new"
    r = runner.invoke(app, ["init", str(d)])
    assert r.exit_code == 0, r.output
    assert (d / "jtbd.toml").is_file() and (d / "study.sqlite").is_file()
    again = runner.invoke(app, ["init", str(d)])
    assert again.exit_code != 0 and "already holds a study" in again.output


def test_commands_outside_a_study_say_what_to_do(tmp_path: Path) -> None:
    r = jtbd(tmp_path / "nothing", "status")
    assert r.exit_code != 0
    assert "jtbd init" in r.output


def test_import_list_and_dedupe(sdir: Path, interview_file: Path, reviews_csv: Path) -> None:
    r = jtbd(sdir, "import", str(interview_file))
    assert r.exit_code == 0, r.output
    r = jtbd(sdir, "import", str(reviews_csv), "--kind", "review")
    assert r.exit_code == 0, r.output
    docs = json.loads(jtbd(sdir, "list", "--json").stdout)["documents"]
    assert len(docs) == 4
    interview = docs[0]
    assert interview["kind"] == "interview" and interview["source"] == str(interview_file)
    assert {s["name"]: s["role"] for s in interview["speakers"]} == {"Interviewer": "interviewer",
                                                                     "Zoë Martín": "customer"}
    assert [d["metadata"].get("review_id") for d in docs[1:]] == ["r1", "r2", "r3"]
    before = snapshot(sdir)
    # same file again, and the same content under another name: both no-ops
    copy = interview_file.with_name("copy-of-zoe.md")
    copy.write_bytes(interview_file.read_bytes())
    assert jtbd(sdir, "import", str(interview_file)).exit_code == 0
    r = jtbd(sdir, "import", str(copy))
    assert r.exit_code == 0 and "already" in r.output
    assert snapshot(sdir) == before


def test_bad_files_are_reported_and_good_ones_kept(sdir: Path, tmp_path: Path, interview_file: Path) -> None:
    bad = {
        "notes.xyz": b"hello",
        "blob.txt": b"\x00\x01\x02\x03binary\x00\x00",
        "empty.md": b"",
        "broken.csv": b'id,text\n1,"unterminated\n2,ok\n',
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    before = snapshot(sdir)
    r = jtbd(sdir, "import", *[str(tmp_path / n) for n in bad])
    assert r.exit_code != 0
    for name in bad:
        assert name in r.output
    assert snapshot(sdir) == before  # nothing changed
    r = jtbd(sdir, "import", str(tmp_path / "notes.xyz"), str(interview_file))
    assert r.exit_code != 0
    assert len(json.loads(jtbd(sdir, "list", "--json").stdout)["documents"]) == 1


def test_missing_text_column_and_size_limit(sdir: Path, tmp_path: Path, reviews_csv: Path) -> None:
    before = snapshot(sdir)
    r = jtbd(sdir, "import", str(reviews_csv), "--text-column", "comment")
    assert r.exit_code != 0 and "comment" in r.output and "--text-column" in r.output
    big = tmp_path / "big.txt"
    big.write_text("Customer: " + "word " * 400_000, encoding="utf-8")
    r = jtbd(sdir, "import", str(big), "--max-size", "1")
    assert r.exit_code != 0 and "big.txt" in r.output and "--max-size" in r.output
    assert snapshot(sdir) == before


def test_windows_1252_transcript_is_decoded(sdir: Path, tmp_path: Path) -> None:
    p = tmp_path / "cp1252.txt"
    p.write_bytes("Interviewer: Why?\nRenée: It was a “nightmare” – café bills everywhere.\n".encode("cp1252"))
    assert jtbd(sdir, "import", str(p)).exit_code == 0
    from jtbd.services import open_workbench

    with open_workbench(sdir) as wb:
        d = wb.document(wb.list_documents()[0].id)
    assert "“nightmare” – café" in d.text
    assert [s.name for s in d.speakers] == ["Interviewer", "Renée"]


def test_participants_attach_and_mismatch(sdir: Path, tmp_path: Path, interview_file: Path) -> None:
    assert jtbd(sdir, "import", str(interview_file)).exit_code == 0
    nomatch = tmp_path / "nobody.csv"
    nomatch.write_text("participant_id,speaker,document,age\nX1,Nobody,none.md,40\n", encoding="utf-8")
    before = snapshot(sdir)
    r = jtbd(sdir, "import", "--participants", str(nomatch))
    assert r.exit_code != 0 and "nobody.csv" in r.output and "match" in r.output
    assert snapshot(sdir) == before
    good = tmp_path / "people.csv"
    good.write_text("participant_id,speaker,document,age,buying_role\nP1,Zoë Martín,zoe.md,34,decision maker\n",
                    encoding="utf-8")
    r = jtbd(sdir, "import", "--participants", str(good))
    assert r.exit_code == 0, r.output
    doc = json.loads(jtbd(sdir, "list", "--json").stdout)["documents"][0]
    assert doc["participant"] == "P1"
    assert {s["name"]: s["participant"] for s in doc["speakers"]}["Zoë Martín"] == "P1"


def test_status_and_guide(sdir: Path, interview_file: Path, tmp_path: Path) -> None:
    jtbd(sdir, "import", str(interview_file))
    r = jtbd(sdir, "status")
    assert r.exit_code == 0 and "1 interview" in r.output
    out = tmp_path / "guide.md"
    r = runner.invoke(app, ["guide", "--product", "Tally", "--out", str(out)])
    assert r.exit_code == 0
    g = out.read_text(encoding="utf-8")
    for needle in ("Recruiting screener", "What else did you consider?", "What tipped the scales?", "Anxiety",
                   "Habit", "Emotional", "Social", "first use", "Tally", "Assumptions to test"):
        assert needle.lower() in g.lower(), needle


def _cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jtbd.cli", *args], capture_output=True, text=True, **kw)


@pytest.mark.slow
def test_kill_during_large_import_leaves_a_consistent_study(sdir: Path, tmp_path: Path, interview_file: Path) -> None:
    assert _cli("--study", str(sdir), "import", str(interview_file)).returncode == 0
    big = tmp_path / "tickets.csv"
    with big.open("w", encoding="utf-8") as f:
        f.write("ticket_id,text\n")
        for i in range(150_000):
            f.write(f"t{i},Ticket number {i}: the export keeps failing and I need it fixed today.\n")
    proc = subprocess.Popen([sys.executable, "-m", "jtbd.cli", "--study", str(sdir), "import", str(big),
                             "--kind", "ticket"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = sdir / "study.sqlite-wal"
    deadline = time.time() + 60
    while time.time() < deadline and (not wal.exists() or wal.stat().st_size < 2_000_000):
        time.sleep(0.05)
    assert proc.poll() is None, "the import finished before it could be killed; make the file bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    import sqlite3

    con = sqlite3.connect(sdir / "study.sqlite")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1  # the killed file left nothing
    con.close()
    r = _cli("--study", str(sdir), "status")
    assert r.returncode == 0, r.stderr
    r = _cli("--study", str(sdir), "import", str(big), "--kind", "ticket")  # resume
    assert r.returncode == 0, r.stderr
    r = _cli("--study", str(sdir), "list", "--json")
    assert len(json.loads(r.stdout)["documents"]) == 150_001


def test_every_command_has_help() -> None:
    import typer.main

    group = typer.main.get_command(app)

    def walk(cmd, path):
        yield path, cmd
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from walk(sub, [*path, name])

    for path, cmd in walk(group, []):
        if path:
            assert (cmd.help or "").strip(), f"`jtbd {' '.join(path)}` has no help text"
            r = runner.invoke(app, [*path, "--help"])
            assert r.exit_code == 0


def test_study_coding_warns_about_text_in_another_language(sdir: Path, tmp_path: Path) -> None:
    p = tmp_path / "es.txt"
    p.write_text("Entrevistador: ¿Qué pasó?\nCliente: Estaba muy frustrado con la aplicación porque siempre "
                 "se bloqueaba y perdí todos mis datos del mes pasado.\n", encoding="utf-8")
    assert jtbd(sdir, "import", str(p)).exit_code == 0
    r = jtbd(sdir, "code")
    assert r.exit_code == 0, r.output
    assert "English" in r.output and "es.txt" in r.output
    doc = json.loads(jtbd(sdir, "list", "--json").stdout)["documents"][0]
    assert doc["coded_by"] and json.loads(jtbd(sdir, "codes", "show", str(doc["id"]), "--json").stdout)["excerpts"]
    shown = json.loads(jtbd(sdir, "codes", "show", str(doc["id"]), "--json").stdout)
    assert all(e["codes"] == [] for e in shown["excerpts"])
