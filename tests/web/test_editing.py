"""Editing job stories and outcome statements (service functions and the web forms)."""
from __future__ import annotations

import pytest
from webhelpers import csrf_token

from jtbd import editing
from jtbd.errors import InputError


def _story(wb, story_id: str) -> dict:
    return next(s for s in wb.load_artifact("synthesis")["job_stories"] if s["id"] == story_id)


def test_update_job_story_persists_marks_and_logs(wb) -> None:
    evidence_before = _story(wb, "story-1-1")["evidence"]
    editing.update_job_story(wb, "story-1-1", situation="  an invoice is two weeks overdue ",
                             motivation="nudge the client politely", expected_outcome="get paid this week.",
                             actor="dana")
    s = _story(wb, "story-1-1")
    assert (s["situation"], s["motivation"], s["expected_outcome"]) == (
        "an invoice is two weeks overdue", "nudge the client politely", "get paid this week")
    assert s["text"] == ("When an invoice is two weeks overdue, I want to nudge the client politely, "
                         "so I can get paid this week.")
    assert s["edited_by"] == "dana" and s["evidence"] == evidence_before
    log = wb.store.edit_log()
    entry = next(e for e in log if e["action"] == "job_story.edit")
    assert entry["actor"] == "dana" and entry["target"] == "synthesis:story-1-1"
    assert entry["detail"]["before"]["situation"] == "a client pays me months late"


def test_update_outcome(wb) -> None:
    editing.update_outcome(wb, "outcome-1", "Minimize the time it takes to spot an overdue invoice", actor="dana")
    o = next(o for o in wb.load_artifact("synthesis")["outcomes"] if o["id"] == "outcome-1")
    assert o["statement"] == "Minimize the time it takes to spot an overdue invoice" and o["edited_by"] == "dana"


@pytest.mark.parametrize("call, message", [
    (lambda wb: editing.update_job_story(wb, "story-9", situation="a", motivation="b", expected_outcome="c"),
     "no job story with id 'story-9'"),
    (lambda wb: editing.update_job_story(wb, "story-1-1", situation=" ", motivation="b", expected_outcome="c"),
     "situation is empty"),
    (lambda wb: editing.update_outcome(wb, "outcome-1", "x" * 600), "keep it under 500"),
    (lambda wb: editing.update_outcome(wb, "outcome-99", "Minimize it"), "no outcome with id 'outcome-99'"),
])
def test_edit_errors_say_what_to_do(wb, call, message) -> None:
    with pytest.raises(InputError, match=message):
        call(wb)


def test_edit_without_synthesis(bare_wb) -> None:
    with pytest.raises(InputError, match="run `jtbd synthesize` first"):
        editing.update_outcome(bare_wb, "outcome-1", "Minimize the time")


def test_story_form_edit_persisted(client, wb) -> None:
    token = csrf_token(client, "/jobs")
    r = client.post("/stories/story-2-1", data={"csrf": token, "situation": "the quarter ends",
                                                 "motivation": "see what I owe", "expected_outcome": "set money aside"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/jobs#story-2-1"
    assert _story(wb, "story-2-1")["situation"] == "the quarter ends"
    page = client.get("/jobs").text
    assert "<b>When</b> the quarter ends, <b>I want to</b> see what I owe" in page
    assert "edited by analyst" in page


def test_outcome_form_edit_and_error(client, wb) -> None:
    token = csrf_token(client, "/outcomes")
    client.post("/outcomes/outcome-2", data={"csrf": token, "statement": "Minimize the likelihood of a lost receipt"})
    assert "Minimize the likelihood of a lost receipt" in client.get("/outcomes").text
    r = client.post("/outcomes/outcome-404", data={"csrf": token, "statement": "Minimize it"})
    assert r.status_code == 400 and "no outcome with id" in r.text
