"""Untrusted customer text is escaped everywhere; CSRF and CSP are enforced."""
from __future__ import annotations

import re

import pytest

from jtbd.report import build_report

PAYLOADS_RAW = ["<script>window.__pwned", "<img src=x onerror=", "<img src=x"]


def _assert_inert(html: str) -> None:
    for raw in PAYLOADS_RAW:
        assert raw not in html
    assert "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;" in html
    assert 'href="javascript:' not in html and "href='javascript:" not in html


def test_hostile_document_page_escaped(client, wb) -> None:
    hostile = wb.list_documents()[0]
    html = client.get(f"/documents/{hostile.id}").text
    _assert_inert(html)
    assert "[x](javascript:alert(1))" in html  # shown as text, never a link


@pytest.mark.parametrize("url", ["/search?q=script", "/jobs", "/search?q=<script>"])
def test_hostile_text_escaped_in_search_and_evidence(client, url: str) -> None:
    html = client.get(url).text
    assert "<script>window" not in html and "<script>" not in html.replace('<script src="/static/app.js" defer></script>', "")


def test_report_escapes_hostile_text(wb) -> None:
    html = build_report(wb)
    _assert_inert(html)
    assert len(re.findall(r"<script\b", html)) == 1  # only the report's own print helper


def test_csp_and_headers_on_every_page(client) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    scripts = re.findall(r"<script[^>]*>", r.text)
    assert scripts and all('src="/static/' in s for s in scripts)  # no inline script
    assert " style=" not in r.text and "<style" not in r.text  # CSP-safe: no inline styles


def test_post_without_cookie_is_403(client, wb) -> None:
    code = next(c for ex in wb.excerpts() for c in ex.codes)
    client.cookies.clear()
    r = client.post(f"/codes/{code.id}/review", data={"decision": "accept", "csrf": "x"})
    assert r.status_code == 403
    assert next(c for ex in wb.excerpts() for c in ex.codes if c.id == code.id).status == "suggested"


@pytest.mark.parametrize("sent", [None, "", "forged-token"])
def test_post_with_missing_or_wrong_token_is_403(client, wb, sent) -> None:
    csrf_token_page = client.get("/")  # sets the signed cookie
    assert csrf_token_page.status_code == 200
    ex = wb.excerpts(wb.list_documents()[1].id)[0]
    data = {"code": "social"} if sent is None else {"code": "social", "csrf": sent}
    r = client.post(f"/excerpts/{ex.id}/codes", data=data)
    assert r.status_code == 403
    assert "social" not in [c.code for c in wb.excerpts(ex.document_id)[0].codes if c.origin == "human"]


def test_forged_cookie_is_403(client, wb) -> None:
    from webhelpers import csrf_token

    token = csrf_token(client, "/jobs")
    client.cookies.clear()
    client.cookies.set("jtbd_csrf", f"{token}.{'0' * 64}")
    r = client.post("/stories/story-1-1", data={"csrf": token, "situation": "a", "motivation": "b",
                                                 "expected_outcome": "c"})
    assert r.status_code == 403


def test_token_from_another_app_is_rejected(client, wb) -> None:
    from fastapi.testclient import TestClient

    from webhelpers import csrf_token
    from jtbd.web import create_app

    other = TestClient(create_app(lambda: wb))
    token = csrf_token(other, "/jobs")
    client.cookies.set("jtbd_csrf", other.cookies.get("jtbd_csrf"))
    r = client.post("/stories/story-1-1", data={"csrf": token, "situation": "a", "motivation": "b",
                                                 "expected_outcome": "c"})
    assert r.status_code == 403


def test_foreign_host_header_is_refused(client) -> None:
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the study."""
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "127.0.0.1:8765"}).status_code == 200
