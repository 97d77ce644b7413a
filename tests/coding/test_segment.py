"""Sentence segmentation keeps exact offsets and handles awkward text."""
from __future__ import annotations

from jtbd.coding.segment import MAX_CHARS, segment_document
from jtbd.model import ParsedDocument, Role

from .helpers import interview


def _texts(text: str) -> list[str]:
    doc = ParsedDocument("x.txt", "document", text, ())
    out = segment_document(doc)
    for e in out:
        assert doc.text[e.start:e.end] == e.text
    return [e.text for e in out]


def test_offsets_and_turn_fields() -> None:
    doc = interview(("Interviewer", "What happened? Tell me."), ("Ann", "It broke. I was angry!"))
    ex = segment_document(doc)
    assert [e.text for e in ex] == ["What happened?", "Tell me.", "It broke.", "I was angry!"]
    assert all(doc.text[e.start:e.end] == e.text for e in ex)
    assert [e.role for e in ex] == [Role.INTERVIEWER] * 2 + [Role.CUSTOMER] * 2
    assert [e.turn_index for e in ex] == [0, 0, 1, 1]
    assert ex[2].speaker == "Ann"


def test_abbreviations_decimals_and_ellipses() -> None:
    got = _texts("I saw Dr. Smith, e.g. on Mon. at 3.30 and paid $4.50... and left. Then what?")
    assert got == ["I saw Dr. Smith, e.g. on Mon. at 3.30 and paid $4.50... and left.", "Then what?"]


def test_quotes_bullets_and_newlines() -> None:
    got = _texts('He said "Do we need this?" Then we bought it.\n- cheaper\n- faster\nNew line here')
    assert got == ['He said "Do we need this?"', "Then we bought it.", "cheaper", "faster",
                   "New line here"]


def test_long_line_without_punctuation_is_chunked() -> None:
    got = _texts("word " * 300)
    assert len(got) >= 3
    assert all(len(t) <= MAX_CHARS for t in got)
    assert "".join(got).replace(" ", "") == "word" * 300


def test_empty_and_whitespace_text() -> None:
    assert _texts("") == []
    assert _texts("   \n\n  ") == []
    assert _texts("...") == []
