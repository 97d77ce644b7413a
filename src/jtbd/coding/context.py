"""The interviewer question an excerpt answers.

One walk over a document's turns, shared by the study's stored excerpts (the full question,
see :meth:`jtbd.services.Workbench.code_pending`) and the local coder's features (the question's
last characters, see :func:`jtbd.coding.local.contexts_for`).
"""
from __future__ import annotations

from collections.abc import Sequence

from jtbd.model import Excerpt, ParsedDocument, Role


def questions_by_turn(doc: ParsedDocument) -> list[str | None]:
    """For each turn of ``doc``, the text of the nearest interviewer turn *before* it
    (``None`` where no interviewer has spoken yet). An interviewer turn gets the interviewer
    turn before it, not itself."""
    out: list[str | None] = []
    current: str | None = None
    for turn in doc.turns:
        out.append(current)
        if turn.role is Role.INTERVIEWER:
            current = doc.text[turn.start:turn.end]
    return out


def excerpt_questions(doc: ParsedDocument, excerpts: Sequence[Excerpt], *,
                      max_chars: int | None = None) -> list[str | None]:
    """For each excerpt, the interviewer question its turn answers (see
    :func:`questions_by_turn`); ``None`` for an excerpt without a turn index, with one outside
    ``doc.turns``, or with no interviewer turn before it. ``max_chars`` keeps only the
    question's last ``max_chars`` characters (its end is where the question is asked)."""
    by_turn = questions_by_turn(doc)
    out: list[str | None] = []
    for ex in excerpts:
        ti = ex.turn_index
        question = by_turn[ti] if ti is not None and 0 <= ti < len(by_turn) else None
        if question is not None and max_chars is not None:
            question = question[max(len(question) - max_chars, 0):]
        out.append(question)
    return out
