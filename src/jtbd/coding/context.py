"""The interviewer question an excerpt answers.

One walk over a document's turns, shared by the study's stored excerpts (the full question,
see :meth:`jtbd.services.Workbench.code_pending`) and the local coder's features (the question's
last characters, see :func:`jtbd.coding.local.contexts_for`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from jtbd.model import Excerpt, ParsedDocument, Role

#: Words an interviewer says to keep the customer talking without asking anything new
#: ("Mm-hmm.", "Right, right.", "Okay, got it.", "Interesting.", "Go on.").
_ACK_WORDS = (
    r"mm+[- ]?hmm+|m+hm+|uh[- ]?huh|hmm+|mm+|ah+|oh+|aha|wow|yeah|yep|yes|yup|ok|okay|right|"
    r"sure|great|good|cool|nice|lovely|perfect|fine|totally|absolutely|exactly|interesting|"
    r"really|gotcha|got it|i see|i get it|makes sense|that makes sense|fair enough|of course|"
    r"go on|carry on|keep going|please go on|wow okay|no way|sorry|"
    r"that's interesting|how interesting|that's great|that's fair|sounds good|i hear you|"
    r"thank you|thanks|understood|definitely|indeed|fascinating|sure thing|ha|haha|laughs|"
    r"laughter|crosstalk|inaudible")
_BACKCHANNEL = re.compile(
    rf"^\W*(?:(?:{_ACK_WORDS})(?![\w'])[\s,.;:!…\-–—\[\]()]*)+[?]?$", re.IGNORECASE)
#: Longest interviewer turn (in characters) that can be a backchannel.
_MAX_BACKCHANNEL_CHARS = 60


def is_backchannel(text: str) -> bool:
    """Whether an interviewer turn only acknowledges (see ``_ACK_WORDS``), so the customer's
    next turn goes on answering the question before it. Real transcripts cut a customer's
    answer with such turns ("Mm-hmm.", "Right.") far more often than written ones."""
    t = text.strip()
    return bool(t) and len(t) <= _MAX_BACKCHANNEL_CHARS and _BACKCHANNEL.match(t) is not None


def _turn_text(doc: ParsedDocument, i: int) -> str:
    return doc.text[doc.turns[i].start:doc.turns[i].end]


def questions_by_turn(doc: ParsedDocument) -> list[str | None]:
    """For each turn of ``doc``, the text of the nearest interviewer turn *before* it that is
    not a backchannel (:func:`is_backchannel`; ``None`` where no interviewer has asked anything
    yet). An interviewer turn gets the interviewer turn before it, not itself."""
    out: list[str | None] = []
    current: str | None = None
    for i, turn in enumerate(doc.turns):
        out.append(current)
        if turn.role is Role.INTERVIEWER:
            text = _turn_text(doc, i)
            if not is_backchannel(text):
                current = text
    return out


def story_turns(doc: ParsedDocument) -> list[int]:
    """For each turn of ``doc``, the turn that starts the stretch of speech it belongs to:
    a customer turn that follows only backchannel interviewer turns since the same speaker's
    last turn continues that turn's story (its own index otherwise). Backchannel interviewer
    turns keep their own index."""
    out: list[int] = []
    last_customer: int | None = None
    for i, turn in enumerate(doc.turns):
        if turn.role is Role.INTERVIEWER:
            out.append(i)
            if not is_backchannel(_turn_text(doc, i)):
                last_customer = None
            continue
        if (last_customer is not None and doc.turns[last_customer].speaker == turn.speaker
                and turn.role is not None):
            out.append(out[last_customer])
        else:
            out.append(i)
        last_customer = i
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
