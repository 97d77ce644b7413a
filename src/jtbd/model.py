"""Domain types shared by every layer.

Evidence is immutable: a document keeps its original text, and everything derived from it
(turns, excerpts, codes, themes, job stories) points back to character offsets into that text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

#: The JTBD codes, in display order. Meanings are in the JTBD primer.
CODES: tuple[str, ...] = (
    "push",
    "pull",
    "anxiety",
    "habit",
    "trigger",
    "workaround",
    "alternative",
    "outcome",
    "emotional",
    "social",
)
FORCES: tuple[str, ...] = ("push", "pull", "anxiety", "habit")

#: Kinds of evidence document.
DOCUMENT_KINDS: tuple[str, ...] = ("interview", "review", "ticket", "survey-answer", "document")

#: Buying-centre roles (customer in context).
BUYING_ROLES: tuple[str, ...] = (
    "user",
    "influencer",
    "recommender",
    "decision maker",
    "economic buyer",
    "saboteur",
)


class Role(str, Enum):
    """Who is speaking in a turn."""

    CUSTOMER = "customer"
    INTERVIEWER = "interviewer"


@dataclass(frozen=True)
class Turn:
    """A speaker turn: ``text[start:end]`` of its document is what the speaker said
    (without the ``NAME:`` prefix or cue timing)."""

    start: int
    end: int
    speaker: str | None = None
    role: Role | None = None


@dataclass(frozen=True)
class ParsedDocument:
    """What a reader produces for one document (a transcript, or one row of a table).

    ``text`` is the decoded original text, never modified. For tabular input ``text`` is the
    row's text cell and ``row`` its 0-based data row; every other column is in ``metadata``.
    """

    source: str
    kind: str
    text: str
    turns: tuple[Turn, ...]
    row: int | None = None
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for t in self.turns:
            if t.speaker:
                seen.setdefault(t.speaker, None)
        return list(seen)


@dataclass(frozen=True)
class Excerpt:
    """A sentence-level span of a document: ``document.text[start:end] == text``."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    role: Role | None = None
    turn_index: int | None = None


@dataclass(frozen=True)
class CodeResult:
    """The codes a coder gives one excerpt. ``scores`` holds a confidence in [0, 1] for every
    code it considered; ``codes`` are the ones it asserts."""

    codes: tuple[str, ...]
    scores: dict[str, float]
    coder: str
    coder_version: str


@dataclass(frozen=True)
class CodedExcerpt:
    """An excerpt with its codes, as the synthesis and the report see it."""

    document_id: int | str
    source: str
    start: int
    end: int
    text: str
    speaker: str | None
    role: Role | None
    codes: tuple[str, ...]
    scores: dict[str, float]
    participant: str | None = None
    kind: str = "interview"
    turn_index: int | None = None
    #: The interviewer question this excerpt answers, when there is one.
    question: str | None = None


@dataclass(frozen=True)
class AlternativeMention:
    """An alternative a customer names: a product, brand, service, person, workaround or doing
    nothing, normalised across documents (``name`` is the canonical form)."""

    name: str
    kind: str  # competitor | substitute | workaround | non-consumption
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote that backs a claim: ``quote == document.text[start:end]``."""

    document: int | str
    source: str
    participant: str | None
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "source": self.source, "participant": self.participant,
                "start": self.start, "end": self.end, "quote": self.quote}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(document=d["document"], source=str(d.get("source", "")), participant=d.get("participant"),
                   start=int(d["start"]), end=int(d["end"]), quote=str(d["quote"]))

    @classmethod
    def from_excerpt(cls, ex: CodedExcerpt) -> Evidence:
        return cls(document=ex.document_id, source=ex.source, participant=ex.participant,
                   start=ex.start, end=ex.end, quote=ex.text)
