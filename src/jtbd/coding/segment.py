"""Sentence segmentation: split each speaker turn into sentence-level excerpts.

Regex based and fast. Every :class:`~jtbd.model.Excerpt` points back into the document:
``doc.text[e.start:e.end] == e.text``. Handles abbreviations (e.g., Mr., Dr., etc.), decimals
(3.5), ellipses, closing quotes and brackets, bullets and line breaks; a very long run without
punctuation is chunked at about :data:`MAX_CHARS` characters on a word boundary.
"""
from __future__ import annotations

import re

from jtbd.model import Excerpt, ParsedDocument, Turn

#: Longest excerpt before a run without sentence punctuation is chunked.
MAX_CHARS = 400

#: Abbreviations after which a full stop does not end a sentence (lower case, no dot).
ABBREVIATIONS = frozenset(
    """
    e.g i.e etc vs mr mrs ms dr prof sr jr st no approx appt dept est inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun fig al
    cf ca min max avg p.s a.m p.m u.s u.k
    """.split()
)

# A sentence ends at ., !, ? or … (possibly repeated), followed by closing quotes/brackets.
_END = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"'”’)\]]*(?=\s|$)")
# Line breaks that separate sentences: blank lines, or a newline before a bullet/number/capital.
_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*•·–]|\d+[.)])\s)|\n(?=\s*[A-Z\"“'])")
_BULLET = re.compile(r"(?:[-*•·–]|\d+[.)])\s+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``text[dot]`` belongs to an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Single capital initial ("J. Smith") or dotted acronym ("U.S.").
    return len(word) == 1 and text[m.start(1)].isupper()


def _split_sentences(text: str, base: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) inside ``text`` that starts at ``base``."""
    cuts: set[int] = {0, len(text)}
    for m in _BREAK.finditer(text):
        cuts.add(m.start())
        cuts.add(m.end())
    for m in _END.finditer(text):
        punct = m.group(0).rstrip("\"'”’)]")
        if punct == "." and _is_abbreviation(text, m.start()):
            continue
        nxt = text[m.end():m.end() + 3].lstrip()
        # "... and then" / "etc. and" – a lower-case continuation after an ellipsis is one sentence.
        if punct in ("...", "…") and nxt[:1].islower():
            continue
        cuts.add(m.end())
    points = sorted(cuts)
    spans: list[tuple[int, int]] = []
    for a, b in zip(points, points[1:]):
        piece = text[a:b]
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        s = a + lead
        bullet = _BULLET.match(text, s, b)
        if bullet and bullet.end() < a + len(piece.rstrip()):
            s = bullet.end()
        e = a + len(piece.rstrip())
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            spans.extend(_chunk(text, s, e))
    return [(base + s, base + e) for s, e in spans]


def _chunk(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split ``text[s:e]`` into pieces of at most about MAX_CHARS on word boundaries."""
    out: list[tuple[int, int]] = []
    while e - s > MAX_CHARS:
        cut = text.rfind(" ", s + MAX_CHARS // 2, s + MAX_CHARS)
        if cut <= s:
            cut = s + MAX_CHARS
        piece_end = cut
        while piece_end > s and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append((s, piece_end))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))
    return out


def segment_turn(doc: ParsedDocument, turn: Turn, turn_index: int | None) -> list[Excerpt]:
    """The sentence excerpts of one turn."""
    text = doc.text[turn.start:turn.end]
    return [
        Excerpt(start=s, end=e, text=doc.text[s:e], speaker=turn.speaker, role=turn.role,
                turn_index=turn_index)
        for s, e in _split_sentences(text, turn.start)
    ]


def segment_document(doc: ParsedDocument) -> list[Excerpt]:
    """Split every turn of ``doc`` into sentence-level excerpts, in document order.

    A document without turns is treated as one turn covering the whole text.
    """
    if not doc.turns:
        return segment_turn(doc, Turn(0, len(doc.text)), None)
    out: list[Excerpt] = []
    for i, turn in enumerate(doc.turns):
        out.extend(segment_turn(doc, turn, i))
    return out
