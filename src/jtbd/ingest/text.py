"""Speaker turns from plain text and Markdown transcripts (.txt, .md; also used for the text
extracted from .docx and .pdf, and for caption cue text).

A turn starts with a label at the beginning of a line::

    Interviewer: What happened then?
    [00:12:03] Anna-Lena O'Brien: We had no choice.
    00:12 Q: And then?
    **Bob:** Markdown bold labels work too.

Lines without a label continue the previous turn; ``# headings`` are the title. To avoid
taking ordinary sentences ("The problem was: nobody paid") for labels, a label must be short
(at most four words), capitalised (or a known role word such as "interviewer" or "q"), its
later words must be capitalised name parts (or particles like "de", "van"), and it must be
re-used or followed by other labelled lines (a lone label is accepted only if it is a role
word). A text with no labels is one customer turn without a speaker.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from jtbd.ingest.roles import CUSTOMER_NAMES, INTERVIEWER_NAMES, normalise_name
from jtbd.model import Turn

_TIMESTAMP = r"(?:\[\s*\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\s*\]|\(\s*\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\s*\)|\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?)"
_WORD = r"(?:[^\W\d_][\w'’.\-]*|\d+)"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,3}}"
_LABEL_RE = re.compile(
    rf"""^[ \t]*
    (?:{_TIMESTAMP}[ \t]*(?:[-–—|][ \t]*)?)?          # optional leading timestamp
    (?:
        \*\*(?P<bold>{_NAME})(?:[ \t]*{_TIMESTAMP})?[ \t]*(?::\*\*|\*\*[ \t]*:)   # **Name:** / **Name**:
      | (?P<plain>{_NAME})(?:[ \t]*{_TIMESTAMP})?[ \t]*:                            # Name:
    )
    (?=[ \t]|$)""",
    re.VERBOSE | re.MULTILINE,
)
_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?P<title>.*?)[ \t#]*$")
_PARTICLES = frozenset({
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin",
    "al", "el", "ten", "ter", "y", "e", "dos", "das", "do", "st.",
})
#: Capitalised words that start header lines in transcripts, not speaker labels.
_NOT_SPEAKERS = frozenset({
    "note", "notes", "date", "time", "location", "duration", "title", "subject", "topic",
    "tags", "project", "attendees", "participants", "summary", "transcript", "recording",
    "edit", "update", "ps", "p.s.", "re", "example", "e.g", "i.e", "nb", "n.b.", "tip",
    "warning", "important", "source", "link", "url", "email", "phone",
})


@dataclass(frozen=True)
class Label:
    """A candidate speaker label on one line: the name and where the spoken text begins."""

    name: str
    line_start: int
    content_start: int


def iter_lines(text: str, offset: int = 0) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of every line (end excludes the line break)."""
    pos = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        yield offset + pos, offset + pos + len(content)
        pos += len(line)


def match_label(line: str) -> tuple[str, int] | None:
    """If ``line`` starts with a plausible speaker label, return (name, index of its text)."""
    m = _LABEL_RE.match(line)
    if not m:
        return None
    name = (m.group("bold") or m.group("plain")).strip()
    if not _plausible_name(name):
        return None
    content = m.end()
    while content < len(line) and line[content] in " \t":
        content += 1
    return name, content


def _plausible_name(name: str) -> bool:
    norm = normalise_name(name)
    if norm in INTERVIEWER_NAMES or norm in CUSTOMER_NAMES or norm == "speaker":
        return True
    if name.lower() in _NOT_SPEAKERS:
        return False
    words = name.split(" ")
    if not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES for w in words[1:])


def is_role_word(name: str) -> bool:
    norm = normalise_name(name)
    return norm in INTERVIEWER_NAMES or norm in CUSTOMER_NAMES


def accept_labels(names: list[str]) -> set[str]:
    """Which candidate label names (one entry per labelled line) really are speakers: all of
    them when a role word is among them or at least two lines are labelled, else none."""
    if len(names) >= 2 or any(is_role_word(n) for n in names):
        return set(names)
    return set()


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def parse_transcript(text: str) -> tuple[tuple[Turn, ...], str | None]:
    """Split ``text`` into speaker turns (roles not yet set) and return them with the title
    (the first Markdown heading, if any)."""
    title: str | None = None
    lines: list[tuple[int, int, Label | None, bool]] = []  # start, end, label, is_heading
    for start, end in iter_lines(text):
        line = text[start:end]
        heading = _HEADING_RE.match(line)
        if heading:
            if title is None and heading.group("title").strip():
                title = heading.group("title").strip()
            lines.append((start, end, None, True))
            continue
        found = match_label(line)
        label = Label(found[0], start, start + found[1]) if found else None
        lines.append((start, end, label, False))
    accepted = accept_labels([ln[2].name for ln in lines if ln[2] is not None])

    turns: list[Turn] = []
    speaker: str | None = None
    seg_start: int | None = None
    seg_end = 0
    labelled = bool(accepted)

    def close() -> None:
        if seg_start is None:
            return
        s, e = _strip_span(text, seg_start, seg_end)
        if e > s and (speaker is not None or not labelled):
            turns.append(Turn(s, e, speaker))

    for start, end, label, is_heading in lines:
        if is_heading:
            close()
            seg_start = None
            continue
        if label is not None and label.name in accepted:
            close()
            speaker, seg_start, seg_end = label.name, label.content_start, end
            continue
        if seg_start is None:
            seg_start = start
        seg_end = end
    close()
    return tuple(turns), title
