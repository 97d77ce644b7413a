from __future__ import annotations

import json

from typer.testing import CliRunner

runner = CliRunner()


def test_roadmap_json(cli_app, demo_study, tmp_path):
    f = tmp_path / "f.csv"
    f.write_text("feature,description\nFonts,custom fonts for invoices\nReminders,automatic payment reminders to late clients\n",
                 encoding="utf-8")
    r = runner.invoke(cli_app, ["--study", str(demo_study), "roadmap", str(f), "--json"])
    assert r.exit_code == 0, r.output
    assert [x["feature"] for x in json.loads(r.stdout)["features"]] == ["Reminders", "Fonts"]
    r = runner.invoke(cli_app, ["--study", str(demo_study), "roadmap", str(f)], env={"COLUMNS": "250"})
    assert r.exit_code == 0 and "Reminders" in r.stdout and "get paid" in r.stdout


def test_roadmap_missing_column(cli_app, demo_study, tmp_path):
    f = tmp_path / "f.csv"
    f.write_text("name\nx\n", encoding="utf-8")
    r = runner.invoke(cli_app, ["--study", str(demo_study), "roadmap", str(f)])
    assert r.exit_code == 2 and "feature" in r.output


def test_messaging_and_offer(cli_app, demo_study, tmp_path):
    c = tmp_path / "copy.md"
    c.write_text("The seamless all-in-one platform.\nGet paid on time without chasing late clients.\n", encoding="utf-8")
    r = runner.invoke(cli_app, ["--study", str(demo_study), "messaging", str(c), "--json"])
    assert r.exit_code == 0, r.output
    assert {f["line"] for f in next(x for x in json.loads(r.stdout)["checks"] if x["name"] == "jargon")["findings"]} == {1}
    r = runner.invoke(cli_app, ["--study", str(demo_study), "offer", "my client still has not paid the invoice, 60 days late"])
    assert r.exit_code == 0 and "get paid" in r.stdout
    t = tmp_path / "chat.txt"
    t.write_text("What a lovely sunny day for a picnic in the park.", encoding="utf-8")
    r = runner.invoke(cli_app, ["--study", str(demo_study), "offer", "--file", str(t), "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["clear"] is False


def test_study_without_synthesis(cli_app, tmp_path):
    from jtbd.services import init_study

    init_study(tmp_path / "s").close()
    r = runner.invoke(cli_app, ["--study", str(tmp_path / "s"), "offer", "late payment"])
    assert r.exit_code == 2 and "jtbd synthesize" in r.output
