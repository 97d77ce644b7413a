"""Every page renders from a real study, and pages without artifacts say what to run."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from jtbd.web import create_app

PAGES = ["/", "/documents", "/documents?kind=interview&page=1", "/jobs", "/outcomes", "/forces",
         "/timelines", "/alternatives", "/job-map", "/survey", "/search?q=late", "/search"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_render(client, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert "Tally switch study" in r.text


def test_dashboard_shows_counts_and_jobs(client, wb) -> None:
    html = client.get("/").text
    st = wb.status()
    assert f'<div class="num">{st["documents"]}</div>' in html
    assert "Get paid on time for finished client work" in html
    assert "opportunity 15.1" in html


def test_document_page_shows_turns_codes_and_dimmed_interviewer(client, wb) -> None:
    doc = wb.list_documents()[1]
    html = client.get(f"/documents/{doc.id}").text
    assert html.count('class="turn dim"') == 4
    assert "What else did you consider?" in html
    n_codes = sum(len(ex.codes) for ex in wb.excerpts(doc.id))
    assert html.count('class="chip c-') == n_codes
    assert html.count('action="/codes/') == 2 * n_codes  # accept + reject per suggestion


def test_document_list_paginates(tmp_path) -> None:
    from study_factory import build_study

    w = build_study(tmp_path / "big", n_docs=55, survey=False, synthesised=False)
    with TestClient(create_app(lambda: w)) as c:
        p1, p2 = c.get("/documents").text, c.get("/documents?page=2").text
        assert p1.count('href="/documents/') == 50 and p2.count('href="/documents/') == 5
        assert "Page 2 of 2" in p2 and 'rel="prev"' in p2 and 'rel="next"' not in p2
        assert c.get("/documents?page=99").status_code == 200  # clamps to the last page
        unknown = c.get("/documents?kind=review").text  # a kind with no documents: the filter is dropped
        assert unknown.count('href="/documents/') == 50 and "Page 1 of 2" in unknown
    w.close()


def test_missing_document_is_404(client) -> None:
    r = client.get("/documents/999999")
    assert r.status_code == 404 and "No document with id 999999" in r.text


def test_search_finds_excerpts_with_links(client) -> None:
    html = client.get("/search?q=last straw").text
    assert html.count('class="hit"') == 6
    assert "#ex-" in html


def test_pages_without_artifacts_say_what_to_run(bare_wb) -> None:
    with TestClient(create_app(lambda: bare_wb)) as c:
        for url in ("/jobs", "/outcomes", "/forces", "/job-map"):
            assert "jtbd synthesize" in c.get(url).text
        survey = c.get("/survey").text
        assert "jtbd survey import" in survey and "jtbd survey segment" in survey
        assert c.get("/").status_code == 200


def test_static_assets_served(client) -> None:
    assert "--push" in client.get("/static/jtbd.css").text
    assert "data-fetch" in client.get("/static/app.js").text
    assert client.get("/favicon.ico").status_code == 200
