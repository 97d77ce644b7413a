"""Sentence segmentation: split each speaker turn into sentence-level excerpts.

Regex based and fast. Every :class:`~jtbd.model.Excerpt` points back into the document:
``doc.text[e.start:e.end] == e.text``. Handles abbreviations (e.g., Mr., Dr., U.S., a.m.),
decimals and prices ($4.99), ellipses, closing quotes and brackets, bullets, "> " quotes and
line breaks. Transcript markers such as "[laughs]", "[inaudible 00:12:03]" or "(crosstalk)"
are trimmed from the edges of an excerpt, and an excerpt that is only markers is dropped.
A run longer than :data:`MAX_WORDS` words or :data:`MAX_CHARS` characters (speech
recognition output often has no punctuation) is split at clause boundaries (", and",
", so", " but ", " because ", ...) or, failing those, on a word boundary.
"""
from __future__ import annotations

import re
from itertools import islice

from jtbd.model import Excerpt, ParsedDocument, Turn

#: Longest excerpt before a run without sentence punctuation is chunked.
MAX_CHARS = 400
#: Most words in one excerpt; longer runs are split at clause boundaries.
MAX_WORDS = 60
#: Fewest words in a piece cut from a long run, and the length a cut aims for.
_MIN_PIECE_WORDS = 12
_TARGET_WORDS = 35

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
_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:[-*•·–>]|\d+[.)])\s)|\n(?=\s*[A-Z\"“'])")
_BULLET = re.compile(r"(?:[-*•·–>]|\d+[.)])\s+")
#: Transcript markers: anything in square brackets, and the usual parenthesised notes.
_MARKER = re.compile(
    r"\[[^\[\]\n]{1,60}\]|\((?:crosstalk|cross-talk|cross talk|laughs?|laughing|laughter|"
    r"inaudible|unintelligible|indiscernible|pause[sd]?|silence|applause|coughs?|sighs?|"
    r"chuckles?|music|background noise|overlapping|audio cuts out)\b[^()\n]{0,40}\)",
    re.IGNORECASE)
#: Where a long unpunctuated run may be cut (before the match's end), best first.
_CLAUSE_CUTS: tuple[re.Pattern[str], ...] = (
    re.compile(r"[;:,]\s+(?=(?:and|so|but|because|then|which|or|cause|'cause)\b)", re.I),
    re.compile(r"[;,]\s+"),
    re.compile(r"\s+(?=(?:but|so|because|and then|and so|cause)\s)", re.I),
    re.compile(r"\s+(?=(?:and|or|then|when|which|until|like)\s)", re.I),
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_TOKEN = re.compile(r"\S+")


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
        s, e = _trim_markers(text, s, e)
        if e > s and any(ch.isalnum() for ch in _MARKER.sub("", text[s:e])):
            spans.extend(_chunk(text, s, e))
    return [(base + s, base + e) for s, e in spans]


def _trim_markers(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink ``text[s:e]`` past markers ("[laughs]", "(crosstalk)") at either edge."""
    while True:
        m = _MARKER.match(text, s, e)
        if m and m.end() < e:
            s = m.end()
            while s < e and text[s].isspace():
                s += 1
            continue
        tail = None
        for tail in _MARKER.finditer(text, s, e):
            pass
        if tail is not None and tail.end() == e and tail.start() > s:
            e = tail.start()
            while e > s and text[e - 1].isspace():
                e -= 1
            continue
        return s, e


def _chunk(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split ``text[s:e]`` into pieces of at most MAX_WORDS words and about MAX_CHARS
    characters, cutting at the best clause boundary near :data:`_TARGET_WORDS` words."""
    out: list[tuple[int, int]] = []
    while True:
        # word starts relative to s; only the next MAX_WORDS + 1 are needed (linear overall)
        words = [m.start() - s for m in islice(_TOKEN.finditer(text, s, e), MAX_WORDS + 1)]
        limit = min(len(words), MAX_WORDS)
        while limit > 1 and words[limit - 1] > MAX_CHARS:
            limit -= 1
        if len(words) <= MAX_WORDS and e - s <= MAX_CHARS:
            break
        cut = _best_cut(text, s, words, limit)
        piece_end = cut
        while piece_end > s and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append((s, piece_end))
        s = cut
        while s < e and text[s].isspace():
            s += 1
        if s >= e:
            return out
    if e > s:
        out.append((s, e))
    return out


def _best_cut(text: str, s: int, words: list[int], limit: int) -> int:
    """Absolute offset where the next piece starts: a word start between
    :data:`_MIN_PIECE_WORDS` and ``limit`` words in, at the best clause boundary."""
    lo = min(_MIN_PIECE_WORDS, limit - 1)
    window = {s + words[i]: i for i in range(max(lo, 1), limit)}
    if not window:
        return s + words[limit - 1] if limit > 1 else s + len(text[s:].split(None, 1)[0])
    hi = s + words[limit - 1]
    for pattern in _CLAUSE_CUTS:
        found = [m.end() for m in pattern.finditer(text, s, hi + 1) if m.end() in window]
        if found:
            return min(found, key=lambda pos: abs(window[pos] - _TARGET_WORDS))
    return s + words[limit - 1]


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
