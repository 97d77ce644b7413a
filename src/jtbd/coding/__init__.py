"""Segmenting and coding customer evidence.

* :func:`segment_document` splits a document's turns into sentence excerpts (with offsets);
* :func:`get_coder` returns a :class:`Coder`: ``"local"`` (default, offline
  :class:`~jtbd.coding.local.LocalCoder`: a linear model over a cue lexicon, hashed n-grams
  and static sentence embeddings distilled from all-MiniLM-L6-v2, averaged with
  all-MiniLM-L6-v2 fine-tuned on the same sentences as int8 ONNX; CPU only) or ``"llm"``
  (``jtbd.coding.llm.make_llm_coder``);
* :func:`extract_alternatives` finds the competitors, substitutes, workarounds and
  non-consumption a customer names.
"""
from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from jtbd.coding.alternatives import extract_alternatives, normalise_name
from jtbd.coding.segment import segment_document
from jtbd.errors import InputError
from jtbd.model import CodeResult, Excerpt, ParsedDocument

__all__ = ["Coder", "CODERS", "extract_alternatives", "get_coder", "normalise_name",
           "segment_document"]

#: Coder names :func:`get_coder` accepts.
CODERS: tuple[str, ...] = ("local", "llm")


@runtime_checkable
class Coder(Protocol):
    """Gives JTBD codes to the excerpts of a document."""

    name: str
    version: str

    def code_document(self, doc: ParsedDocument, excerpts: list[Excerpt]) -> list[CodeResult]:
        """One result per excerpt, in order; interviewer excerpts get empty codes."""
        ...


def get_coder(name: str = "local", **options: Any) -> Coder:
    """The coder called ``name`` ("local" or "llm"), built with ``options``."""
    key = (name or "local").strip().lower()
    if key in ("local", "jtbd-local", "default"):
        from jtbd.coding.local import LocalCoder

        return LocalCoder(**options)
    if key == "llm":
        from jtbd.coding.llm import make_llm_coder

        coder: Coder = make_llm_coder(**options)
        return coder
    raise InputError(f"unknown coder {name!r}; use one of: {', '.join(CODERS)}")
