"""Reviewing AI codes and adding human codes from the document page."""
from __future__ import annotations

from webhelpers import csrf_token
from study_factory import code_all, keyword_codes

from jtbd.coding.segment import segment_document


def _coded_excerpt(wb, min_codes: int = 2):
    return next(ex for ex in wb.excerpts() if len(ex.codes) >= min_codes)


def test_accept_reject_and_add_are_stored_as_human_decisions(client, wb) -> None:
    ex = _coded_excerpt(wb)
    accept, reject = ex.codes[0], ex.codes[1]
    token = csrf_token(client, f"/documents/{ex.document_id}")
    r1 = client.post(f"/codes/{accept.id}/review", data={"decision": "accept", "csrf": token}, follow_redirects=False)
    assert r1.status_code == 303 and r1.headers["location"] == f"/documents/{ex.document_id}#ex-{ex.id}"
    client.post(f"/codes/{reject.id}/review", data={"decision": "reject", "csrf": token})
    client.post(f"/excerpts/{ex.id}/codes", data={"code": "social", "csrf": token})
    codes = {c.id: c for e in wb.excerpts(ex.document_id) if e.id == ex.id for c in e.codes}
    assert codes[accept.id].status == "accepted" and codes[accept.id].reviewed_by == "analyst"
    assert codes[reject.id].status == "rejected"
    human = [c for c in codes.values() if c.origin == "human"]
    assert [(c.code, c.status, c.coder) for c in human] == [("social", "added", "analyst")]
    actions = [e["action"] for e in wb.store.edit_log()]
    assert {"code.accepted", "code.rejected", "code.add"} <= set(actions)


def test_decisions_survive_a_recode(client, wb) -> None:
    ex = _coded_excerpt(wb)
    accept, reject = ex.codes[0], ex.codes[1]
    token = csrf_token(client)
    client.post(f"/codes/{accept.id}/review", data={"decision": "accept", "csrf": token})
    client.post(f"/codes/{reject.id}/review", data={"decision": "reject", "csrf": token})
    client.post(f"/excerpts/{ex.id}/codes", data={"code": "social", "csrf": token})
    # re-code the document with the same AI coder
    doc = wb.parsed_document(wb.document(ex.document_id))
    exs = segment_document(doc)
    wb.store.save_coding(ex.document_id, exs, [keyword_codes(e.text) for e in exs], [None] * len(exs), [], "kw 2")
    after = next(e for e in wb.excerpts(ex.document_id) if e.id == ex.id)
    by_code = {c.code: c for c in after.codes}
    assert by_code[accept.code].status == "accepted"
    assert by_code[reject.code].status == "rejected"  # not suggested again
    assert sum(c.code == reject.code for c in after.codes) == 1
    assert by_code["social"].origin == "human" and by_code["social"].status == "added"
    assert reject.code not in after.active_codes and "social" in after.active_codes
    code_all(wb)  # nothing pending: a no-op


def test_fetch_request_gets_the_rerendered_sentence(client, wb) -> None:
    ex = _coded_excerpt(wb)
    token = csrf_token(client)
    r = client.post(f"/codes/{ex.codes[0].id}/review", data={"decision": "accept"},
                    headers={"X-Requested-With": "fetch", "X-CSRF-Token": token})
    assert r.status_code == 200
    assert r.text.startswith(f'<span class="ex coded" id="ex-{ex.id}">')
    assert f"chip c-{ex.codes[0].code} ai accepted" in r.text


def test_bad_review_input_is_a_clear_error(client, wb) -> None:
    ex = _coded_excerpt(wb)
    token = csrf_token(client)
    r = client.post(f"/codes/{ex.codes[0].id}/review", data={"decision": "maybe", "csrf": token})
    assert r.status_code == 400 and "accept or reject" in r.text
    r = client.post(f"/excerpts/{ex.id}/codes", data={"code": "nonsense", "csrf": token})
    assert r.status_code == 400 and "unknown code" in r.text
    r = client.post("/codes/987654/review", data={"decision": "accept", "csrf": token})
    assert r.status_code == 400 and "no code with id 987654" in r.text


def test_add_code_form_page_works_without_javascript(client, wb) -> None:
    ex = _coded_excerpt(wb)
    html = client.get(f"/excerpts/{ex.id}/codes").text
    assert f'action="/excerpts/{ex.id}/codes"' in html and "<option>social</option>" in html
    token = html.split('name="csrf" value="')[1].split('"')[0]
    r = client.post(f"/excerpts/{ex.id}/codes", data={"code": "habit", "csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    assert any(c.code == "habit" and c.origin == "human" for e in wb.excerpts(ex.document_id) if e.id == ex.id
               for c in e.codes)
    assert client.get("/excerpts/999999/codes").status_code == 404
