"""Small builders for coding tests."""
from __future__ import annotations

from jtbd.model import ParsedDocument, Role, Turn


def interview(*turns: tuple[str, str]) -> ParsedDocument:
    """A transcript from ``(speaker, text)`` pairs; the speaker "Interviewer" asks."""
    text, out = "", []
    for speaker, said in turns:
        prefix = f"{speaker}: "
        start = len(text) + len(prefix)
        text += prefix + said + "\n"
        role = Role.INTERVIEWER if speaker == "Interviewer" else Role.CUSTOMER
        out.append(Turn(start, start + len(said), speaker, role))
    return ParsedDocument(source="test.md", kind="interview", text=text, turns=tuple(out))


def review(text: str) -> ParsedDocument:
    return ParsedDocument(source="reviews.csv", kind="review", text=text,
                          turns=(Turn(0, len(text), None, Role.CUSTOMER),), row=0)
