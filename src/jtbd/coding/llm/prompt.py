"""The prompt: a compact JTBD codebook and a numbered batch of excerpts with their context.

The model sees, for every excerpt it must code, the interviewer question it answers and the
sentences just before and after it, and is asked for strict JSON::

    {"items": [{"i": 1, "codes": ["push"], "confidence": {"push": 0.9}}]}
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from jtbd.coding.context import excerpt_questions
from jtbd.model import CODES, Excerpt, ParsedDocument, Role

#: Bump when the codebook or the prompt layout changes: it is part of every cache key.
PROMPT_VERSION = "p1"

#: Longest context snippet (characters) shown next to an excerpt.
CONTEXT_CHARS = 300

#: Definition and one example per code, in ``CODES`` order.
CODEBOOK: dict[str, tuple[str, str]] = {
    "push": ("pain or failure of the current way that pushes the customer to change",
             "The spreadsheet kept crashing and I lost a whole afternoon of work."),
    "pull": ("attraction of the new solution; the better life it promises",
             "I loved that it would sync everything automatically."),
    "anxiety": ("worry about the new solution: cost, risk, complexity, being let down",
                "I was worried it would take weeks to migrate our data."),
    "habit": ("inertia of the present way: familiarity, sunk cost, 'life gets in the way'",
              "We'd always done it in Excel, everyone knew how it worked."),
    "trigger": ("the event or moment that moved them to act or to the next phase",
                "When my boss asked for the report by Monday, I started looking."),
    "workaround": ("a hack that keeps the old way alive",
                   "I kept a sticky note on my monitor with the totals."),
    "alternative": ("another product, service, person or doing nothing that they considered",
                    "We also looked at Trello and at just hiring a temp."),
    "outcome": ("the desired outcome: what progress looks like, incl. capabilities wanted",
                "I just want to know the numbers are right without checking twice."),
    "emotional": ("how they want to feel or felt (emotional job)",
                  "I wanted to feel in control again."),
    "social": ("how they want to be perceived by others (social job)",
               "I didn't want to look unprepared in front of the board."),
}

SYSTEM_PROMPT = (
    "You are an expert Jobs-to-be-Done researcher coding customer evidence (switch "
    "interviews, reviews, tickets). Assign every code that applies to each excerpt "
    "(multi-label); use no code when none applies. Code only the EXCERPT text; the "
    "question and neighbouring sentences are context. Reply with strict JSON only.\n\n"
    "Codebook (code: definition. Example):\n"
    + "\n".join(f"- {c}: {CODEBOOK[c][0]}. Example: \"{CODEBOOK[c][1]}\"" for c in CODES)
)


@dataclass(frozen=True)
class PromptItem:
    """One excerpt to code with its context (all plain text)."""

    text: str
    question: str | None = None
    before: str | None = None
    after: str | None = None


def _clip(text: str, *, keep_end: bool = False) -> str:
    text = " ".join(text.split())
    if len(text) <= CONTEXT_CHARS:
        return text
    return "…" + text[-CONTEXT_CHARS:] if keep_end else text[:CONTEXT_CHARS] + "…"


def _questions(doc: ParsedDocument, excerpts: list[Excerpt]) -> list[str | None]:
    """The interviewer question before each excerpt (:func:`jtbd.coding.context.excerpt_questions`;
    an excerpt without a turn index is placed in the turn that holds its start), else the last
    interviewer excerpt before it; clipped to its end."""
    located = [ex if ex.turn_index is not None else replace(ex, turn_index=next(
        (i for i, t in enumerate(doc.turns) if t.start <= ex.start < t.end), None))
        for ex in excerpts]
    out: list[str | None] = []
    said: str | None = None
    for ex, question in zip(excerpts, excerpt_questions(doc, located)):
        question = question if question is not None else said
        out.append(None if question is None else _clip(question, keep_end=True))
        if ex.role == Role.INTERVIEWER:
            said = ex.text
    return out


def _neighbour(excerpts: list[Excerpt], k: int, step: int) -> str | None:
    j = k + step
    if 0 <= j < len(excerpts) and excerpts[j].role != Role.INTERVIEWER:
        same_turn = excerpts[j].turn_index == excerpts[k].turn_index
        if same_turn or excerpts[k].turn_index is None:
            return _clip(excerpts[j].text, keep_end=step < 0)
    return None


def build_items(doc: ParsedDocument, excerpts: list[Excerpt]) -> list[PromptItem | None]:
    """A ``PromptItem`` per excerpt (``None`` for interviewer excerpts, which are not sent)."""
    items: list[PromptItem | None] = []
    questions = _questions(doc, excerpts)
    for k, ex in enumerate(excerpts):
        if ex.role == Role.INTERVIEWER:
            items.append(None)
            continue
        items.append(PromptItem(text=" ".join(ex.text.split()), question=questions[k],
                                before=_neighbour(excerpts, k, -1),
                                after=_neighbour(excerpts, k, +1)))
    return items


def batch_prompt(items: list[PromptItem], kind: str = "interview") -> str:
    """The user message for one batch: numbered items (from 1) and the reply format."""
    lines = [f"Source: {kind}. Code each of the {len(items)} numbered excerpts below.", ""]
    for n, item in enumerate(items, start=1):
        lines.append(f"[{n}]")
        if item.question:
            lines.append(f"Question: {item.question}")
        if item.before:
            lines.append(f"Before: {item.before}")
        lines.append(f"EXCERPT: {item.text}")
        if item.after:
            lines.append(f"After: {item.after}")
        lines.append("")
    lines.append(
        "Reply with strict JSON only, one entry per numbered excerpt:\n"
        '{"items":[{"i":1,"codes":["push"],"confidence":{"push":0.9}}]}\n'
        f"where i is the excerpt number, codes is a list drawn only from: {', '.join(CODES)} "
        "(use [] when none applies), and confidence gives a number in [0, 1] per listed code."
    )
    return "\n".join(lines)
