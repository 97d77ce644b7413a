"""Human edits to the synthesis: job stories and outcome statements.

Each function loads the ``synthesis`` artifact, changes one item, marks it ``edited_by``,
saves the artifact back and logs the edit (append-only edit log). The evidence of an edited
item is kept: an analyst rewords a claim, the quotes behind it stay.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from jtbd.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from jtbd.services import Workbench

SYNTHESIS = "synthesis"
MAX_CLAUSE = 500


def _clean(value: str, field: str) -> str:
    text = " ".join(str(value or "").split())
    if not text:
        raise InputError(f"{field} is empty; write a short clause")
    if len(text) > MAX_CLAUSE:
        raise InputError(f"{field} is {len(text)} characters long; keep it under {MAX_CLAUSE}")
    return text.rstrip(".")


def _load(wb: Workbench) -> dict[str, Any]:
    syn = wb.load_artifact(SYNTHESIS)
    if syn is None:
        raise InputError("the study has no synthesis yet; run `jtbd synthesize` first")
    return syn


def _find(items: Any, item_id: str, what: str) -> dict[str, Any]:
    for item in items or []:
        if isinstance(item, dict) and str(item.get("id")) == item_id:
            return item
    raise InputError(f"no {what} with id {item_id!r} in the synthesis; see `jtbd synthesize --json`")


def _mark(item: dict[str, Any], actor: str) -> None:
    item["edited_by"] = actor
    item["edited_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")


def update_job_story(wb: Workbench, story_id: str, *, situation: str, motivation: str,
                     expected_outcome: str, actor: str = "analyst") -> dict[str, Any]:
    """Reword a job story's three clauses; returns the updated story."""
    clauses = {"situation": _clean(situation, "situation"), "motivation": _clean(motivation, "motivation"),
               "expected_outcome": _clean(expected_outcome, "expected outcome")}
    syn = _load(wb)
    story = _find(syn.get("job_stories"), story_id, "job story")
    before = {k: story.get(k) for k in clauses}
    story.update(clauses)
    story["text"] = (f"When {clauses['situation']}, I want to {clauses['motivation']}, "
                     f"so I can {clauses['expected_outcome']}.")
    _mark(story, actor)
    wb.save_artifact(SYNTHESIS, syn, actor)
    wb.store.log_edit(actor, "job_story.edit", f"synthesis:{story_id}", {"before": before, "after": clauses})
    return story


def update_outcome(wb: Workbench, outcome_id: str, statement: str, actor: str = "analyst") -> dict[str, Any]:
    """Reword a desired-outcome statement; returns the updated outcome (with fresh lint warnings
    when the synthesis linter is available)."""
    text = _clean(statement, "outcome statement")
    syn = _load(wb)
    outcome = _find(syn.get("outcomes"), outcome_id, "outcome")
    before = outcome.get("statement")
    outcome["statement"] = text
    try:
        from jtbd.synthesis import lint_outcome_statement
    except ImportError:
        pass
    else:
        outcome["lint"] = list(lint_outcome_statement(text))
    _mark(outcome, actor)
    wb.save_artifact(SYNTHESIS, syn, actor)
    wb.store.log_edit(actor, "outcome.edit", f"synthesis:{outcome_id}", {"before": before, "after": text})
    return outcome
