"""Real-browser tests: the report file and the web app's main paths in Debian's chromium."""
from __future__ import annotations

import re

import pytest
from browser_helpers import shot

from jtbd.report import build_report

pytestmark = pytest.mark.browser


def test_report_file_offline_and_hostile_text_inert(page, study_wb, tmp_path) -> None:
    out = tmp_path / "report.html"
    out.write_text(build_report(study_wb), encoding="utf-8")
    external: list[str] = []
    page.route(re.compile(r"^https?://"), lambda route: (external.append(route.request.url), route.abort()))
    page.goto(out.as_uri())
    assert page.title().startswith("Tally switch study")
    assert page.locator("section#forces svg.forces").count() == 2
    assert page.locator("svg.landscape .pt").count() == 5
    page.locator("#jobs details.evidence summary").first.click()
    assert page.locator("#jobs blockquote.quote").first.is_visible()
    page.locator("a[href='#landscape']").click()
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned" in page.locator("#jobs").text_content()
    assert external == []
    shot(page, "report")


def test_dashboard_and_documents(page, server) -> None:
    page.goto(server + "/")
    assert page.locator("h1").first.inner_text() == "Tally switch study"
    shot(page, "app-dashboard")
    page.click("text=Documents")
    page.wait_for_url("**/documents")
    assert page.locator("table.doclist tbody tr").count() == 8
    shot(page, "app-documents")


def test_open_document_accept_and_add_code(page, server) -> None:
    page.goto(server + "/documents")
    page.locator("table.doclist a").first.click()
    page.wait_for_url(re.compile(r".*/documents/\d+$"))
    # the hostile payload is plain text and never ran
    assert page.evaluate("window.__pwned") is None
    assert page.locator("text=<script>window.__pwned = 1; alert(1)</script>").count() == 1
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator(".turn.dim").count() >= 4
    chip = page.locator(".chip.ai.suggested").first
    excerpt = chip.locator("xpath=ancestor::span[contains(@class,'ex')][1]")
    ex_id = excerpt.get_attribute("id")
    chip.locator("button.ok").click()
    page.wait_for_selector(f"#{ex_id} .chip.accepted")
    # add a human code through the "+" form
    page.locator(f"#{ex_id} a.addcode").click()
    assert page.locator("#addcode-pop").is_visible()
    page.locator("#addcode-pop select").select_option("social")
    page.locator("#addcode-pop button.primary").click()
    page.wait_for_selector(f"#{ex_id} .chip.human.c-social")
    assert page.locator("#addcode-pop").is_hidden()
    page.reload()
    assert page.locator(f"#{ex_id} .chip.accepted").count() >= 1
    assert page.locator(f"#{ex_id} .chip.human.c-social").count() == 1
    page.locator(f"#{ex_id}").scroll_into_view_if_needed()
    shot(page, "app-document")


def test_edit_job_story(page, server) -> None:
    page.goto(server + "/jobs")
    story = page.locator("#story-1-1")
    story.locator("details.edit summary").click()
    story.locator("input[name=situation]").fill("an invoice is two weeks overdue")
    story.locator("button.primary").click()
    page.wait_for_url("**/jobs*")
    assert "an invoice is two weeks overdue" in page.locator("#story-1-1 .story").inner_text()
    assert page.locator("#story-1-1 .tag.accent").inner_text().startswith("edited by")
    shot(page, "app-jobs")


def test_landscape_forces_and_search(page, server) -> None:
    page.goto(server + "/survey")
    assert page.locator("#landscape svg.landscape .pt").count() == 5
    shot(page, "app-survey")
    page.goto(server + "/forces")
    assert page.locator("svg.forces").count() == 2
    shot(page, "app-forces")
    page.goto(server + "/job-map")
    assert page.locator(".step.breakdown").count() >= 2
    shot(page, "app-jobmap")
    page.goto(server + "/")
    page.keyboard.press("/")
    page.keyboard.type("late")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=late")
    assert page.locator(".hit").count() >= 3
    shot(page, "app-search")


def test_pdf_export(study_wb, tmp_path) -> None:
    """--pdf prints the report through Playwright and chromium (in its own thread: the sync API
    cannot nest inside the session's running Playwright)."""
    import threading

    from browser_helpers import CHROMIUM

    from jtbd.report import write_report

    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    result: dict[str, object] = {}
    t = threading.Thread(target=lambda: result.update(path=write_report(study_wb, tmp_path / "r.html", pdf=True)))
    t.start()
    t.join(60)
    pdf = result["path"]
    assert pdf.suffix == ".pdf" and pdf.read_bytes()[:5] == b"%PDF-"  # type: ignore[union-attr]
    assert pdf.stat().st_size > 20_000  # type: ignore[union-attr]
