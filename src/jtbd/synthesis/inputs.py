"""What the synthesis reads: documents with their participant attributes, coded excerpts and
alternative mentions. The service layer builds a :class:`SynthesisInput` from the store; tests
and benchmarks build one in code."""
from __future__ import annotations

from dataclasses import dataclass, field

from jtbd.model import AlternativeMention, CodedExcerpt


@dataclass(frozen=True)
class DocumentInfo:
    """One evidence document. ``text`` is the immutable original text that every evidence
    offset points into; ``attributes`` are the participant's (age, occupation, buying_role...)."""

    id: int | str
    source: str
    kind: str
    text: str
    participant: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SynthesisInput:
    """Everything :func:`jtbd.synthesis.synthesize` needs. ``alternatives`` pairs a document id
    with an alternative mentioned in it. ``seed`` fixes every random choice (clustering)."""

    documents: list[DocumentInfo]
    excerpts: list[CodedExcerpt]
    alternatives: list[tuple[int | str, AlternativeMention]] = field(default_factory=list)
    seed: int = 0
