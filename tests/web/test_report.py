"""The self-contained HTML report."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from jtbd.errors import MissingDependency
from jtbd.report import build_report, write_report

SECTIONS = ["summary", "jobs", "forces", "timelines", "competition", "job-map", "outcomes", "landscape",
            "segments", "significance"]


def test_report_is_self_contained(wb) -> None:
    html = build_report(wb)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html), "external resource referenced"
    assert not re.search(r"<script[^>]+src=", html) and not re.search(r"<link[^>]+stylesheet", html)
    assert "@import" not in html and "url(http" not in html
    assert "cdn.plot.ly" not in html and "cdn.jsdelivr" not in html
    assert "<style>" in html and "--push:" in html  # the stylesheet is inline ...
    assert '"Segoe UI"' in html and "details.evidence > summary" in html  # ... and not HTML-escaped
    for sec in SECTIONS:
        assert f'id="{sec}"' in html and f'href="#{sec}"' in html


def test_report_contents(wb) -> None:
    html = build_report(wb)
    syn = wb.load_artifact("synthesis")
    for job in syn["jobs"]:
        assert job["statement"] in html
    assert html.count('<svg class="chart forces"') == 2
    assert html.count('<g class="pt under">') == 2  # two underserved outcomes on the landscape
    assert html.count('class="step breakdown"') == 3  # job-1: locate + monitor, job-2: locate
    assert "15.1" in html and "extreme" in html
    assert "Needs segments" in html and "business_type" in html
    # every quote shows with its source and participant
    ev = syn["job_stories"][0]["evidence"][0]
    assert f"“{ev['quote']}”" in html and ev["source"] in html
    assert "@media print" in html and "break-inside: avoid" in html


def test_report_without_artifacts_says_what_to_run(bare_wb) -> None:
    html = build_report(bare_wb)
    for cmd in ("jtbd synthesize", "jtbd survey import RESPONSES.csv", "jtbd survey segment"):
        assert cmd in html
    assert 'id="summary"' in html


def test_write_report_and_pdf_error(wb, tmp_path, monkeypatch) -> None:
    out = write_report(wb, tmp_path / "out" / "r.html")
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    monkeypatch.setenv("JTBD_CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(MissingDependency, match="apt-get install chromium"):
        write_report(wb, tmp_path / "r2.html", pdf=True)


def test_cli_report(wb, tmp_path) -> None:
    from jtbd.cli import app

    wb.close()
    result = CliRunner().invoke(app, ["--study", str(wb.path), "report", "--out", str(tmp_path / "cli.html")])
    assert result.exit_code == 0, result.output
    assert "Tally switch study" in (tmp_path / "cli.html").read_text(encoding="utf-8")
    assert CliRunner().invoke(app, ["serve", "--help"]).exit_code == 0


def test_web_serves_report_with_own_policy(client) -> None:
    r = client.get("/report")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    csp = r.headers["content-security-policy"]
    assert "'sha256-" in csp and "unsafe-inline" in csp.split("script-src")[0]  # inline styles only
    assert "script-src 'unsafe-inline'" not in csp
