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
re-used or followed by other labelled lines (see :func:`accept_labels`). Transcripts that put
the speaker on a line of its own (Otter.ai's "Jane Doe  0:03", Zoom's "[Jane Doe] 10:02:13",
Fireflies' "Jane Doe - 00:01:02", screenplay-style "JANE", Markdown "### Jane") are read too
(:func:`_header_style_turns`, :func:`_heading_speakers`), as are Zoom chat lines
("10:02:13 From Jane Doe to Everyone : text"). Timestamp-only lines (Google Meet), tool
trailers ("Transcribed by https://otter.ai") and page footers end a turn and are not speech;
header lines such as "Interviewer: Jane Doe" name roles and are not turns. A text with no
labels is one customer turn without a speaker.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from jtbd.ingest.roles import CUSTOMER_NAMES, INTERVIEWER_NAMES, normalise_name
from jtbd.model import Turn

_TIMESTAMP = r"(?:\[\s*\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\s*\]|\(\s*\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\s*\)|\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?)"
_WORD = r"(?:[^\W\d_][\w'’.\-]*|\d+)"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,3}}(?:[ ]\([^():\n]{{1,40}}\))?"  # "Anna (customer)"
_LABEL_RE = re.compile(
    rf"""^[ \t]*
    (?:{_TIMESTAMP}[ \t]*(?:[-–—|][ \t]*)?)?          # optional leading timestamp
    (?:
        From[ ]+(?P<chat>{_NAME})[ \t]*:                                             # Zoom chat
      | \*\*(?P<bold>{_NAME})(?:[ \t]*{_TIMESTAMP})?[ \t]*(?::\*\*|\*\*[ \t]*:)   # **Name:** / **Name**:
      | (?P<plain>{_NAME})(?:[ \t]*{_TIMESTAMP})?[ \t]*:                            # Name:
    )
    (?=[ \t]|$)""",
    re.VERBOSE | re.MULTILINE,
)
_PAREN_RE = re.compile(r"[ ]\([^()]*\)$")
#: A speaker on a line of its own, as Otter.ai ("Jane Doe  0:03") or screenplay-style
#: ("INTERVIEWER") transcripts write it; the turn is the following lines.
_HEADER_RE = re.compile(
    rf"^[ \t]*(?:\[(?P<bracketed>{_NAME})\]|(?P<name>{_NAME}?))"
    rf"(?P<time>[ \t]*(?:[-–—|·•@][ \t]*)?{_TIMESTAMP})?[ \t]*:?[ \t]*$")
#: A line holding only a timestamp (Google Meet marks every five minutes so), or a tool's
#: trailer ("Transcribed by https://otter.ai") or a page footer ("Page 2 of 9"): none is
#: speech; each ends a turn.
_SEPARATOR_RE = re.compile(
    rf"^[ \t]*(?:{_TIMESTAMP}[ \t]*|(?:transcribed|transcription|transcript|powered)[ \t]+by\b.*"
    r"|page[ \t]+\d+(?:[ \t]+of[ \t]+\d+)?[ \t]*"
    r"|.*\botter\.ai\b.*)$", re.IGNORECASE)
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
    # words that open an ordinary sentence or a list item ("So: we moved.")
    "so", "well", "also", "and", "but", "or", "then", "now", "yes", "no", "ok", "okay",
    "plus", "basically", "honestly", "result", "problem", "reason", "first", "second",
    "third", "finally", "next", "step", "why", "because", "answer", "question",
    # header fields that transcription tools write
    "meeting id", "meeting", "passcode", "keywords", "summary keywords", "speakers",
    "language", "created", "uploaded", "recorded", "length", "file", "audio", "company",
    "interview date", "session", "study", "agenda", "action items", "outline", "from", "to",
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
    chat = m.group("chat")
    name = (re.sub(r"[ ]+to[ ]+.*$", "", chat) if chat else m.group("bold") or m.group("plain")).strip()
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
    words = _PAREN_RE.sub("", name).split(" ")
    if not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES for w in words[1:])


def is_role_word(name: str) -> bool:
    norm = normalise_name(name)
    return norm in INTERVIEWER_NAMES or norm in CUSTOMER_NAMES


def accept_labels(candidates: list[tuple[str, bool]]) -> set[str]:
    """Which candidate labels really are speakers. ``candidates`` has one
    ``(name, at_boundary)`` per labelled line; ``at_boundary`` says the line starts a new
    block (first line, after a blank line, a heading or another labelled line, or a new cue).

    A name used twice or more, or a role word, is a speaker. When there are such names, a name
    used once is a speaker only at a boundary (not inside a running paragraph, where
    "Price: too high" is prose). When no name repeats, all are speakers if at least two lines
    are labelled ("followed by other labelled lines"), else none.
    """
    counts = Counter(name for name, _ in candidates)
    reused = {n for n, c in counts.items() if c >= 2 or is_role_word(n)}
    if not reused:
        return set(counts) if len(candidates) >= 2 else set()
    return reused | {n for n, boundary in candidates if boundary}


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_Line = tuple[int, int, "Label | None", bool]  # start, end, label, is_heading


def _candidates(text: str, lines: list[_Line]) -> list[tuple[str, bool]]:
    """``(name, at_boundary)`` for every labelled line. If the transcript separates turns by
    blank lines (most repeated labels follow one), a boundary is a blank line or heading;
    otherwise a labelled line counts as a boundary too."""
    after_blank: list[bool] = []
    after_label: list[bool] = []
    names: list[str] = []
    for i, (_, _, label, _) in enumerate(lines):
        if label is None:
            continue
        prev = lines[i - 1] if i else None
        names.append(label.name)
        after_blank.append(prev is None or prev[3] or not text[prev[0]:prev[1]].strip())
        after_label.append(prev is not None and prev[2] is not None)
    counts = Counter(names)
    repeated = [b for n, b in zip(names, after_blank) if counts[n] >= 2]
    blank_style = bool(repeated) and sum(repeated) >= 0.8 * len(repeated)
    return [(n, b or (not blank_style and lab))
            for n, b, lab in zip(names, after_blank, after_label)]


def parse_transcript(text: str) -> tuple[tuple[Turn, ...], str | None]:
    """Split ``text`` into speaker turns (roles not yet set) and return them with the title
    (the first Markdown heading, if any)."""
    lines: list[_Line] = []
    headings: list[str] = []
    for start, end in iter_lines(text):
        line = text[start:end]
        heading = _HEADING_RE.match(line)
        if heading or (line.strip() and _SEPARATOR_RE.match(line)):
            headings.append(heading.group("title").strip() if heading else "")
            lines.append((start, end, None, True))
            continue
        found = match_label(line)
        label = Label(found[0], start, start + found[1]) if found else None
        lines.append((start, end, label, False))
    lines, title = _heading_speakers(text, lines, headings)
    accepted = accept_labels(_candidates(text, lines))
    lines = _drop_header_roles(text, lines, accepted)
    if not accepted:
        header_turns = _header_style_turns(text, lines)
        if header_turns:
            return header_turns, title

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


_NAME_LIST_RE = re.compile(
    r"^(?:[A-Z][\w'’.\-]*(?:[ ][A-Z][\w'’.\-]*){0,3}(?:[ ]\([^()\n]*\))?(?:[ ]*(?:[,&;]|and)[ ]*|$))+$")


def _heading_speakers(text: str, lines: list[_Line], headings: list[str]
                      ) -> tuple[list[_Line], str | None]:
    """Markdown headings that name a speaker ("### Jane" before each of her turns; a name used
    as a heading at least twice) become labels whose turn is the lines below. Returns the
    lines and the title: the first heading that is not a speaker."""
    counts = Counter(h for h in headings if h)
    names = {h for h, n in counts.items()
             if n >= 2 and _HEADER_RE.fullmatch(h) and _plausible_name(h) and len(h.split()) <= 4}
    title = next((h for h in headings if h and h not in names), None)
    if not names:
        return lines, title
    out: list[_Line] = []
    for start, end, label, is_heading in lines:
        heading = _HEADING_RE.match(text[start:end]) if is_heading else None
        if heading and heading.group("title").strip() in names:
            out.append((start, end, Label(heading.group("title").strip(), start, end), False))
        else:
            out.append((start, end, label, is_heading))
    return out, title


def _drop_header_roles(text: str, lines: list[_Line], accepted: set[str]) -> list[_Line]:
    """Header lines such as "Interviewer: Jane Doe" or "Participant: Tom" before the first
    real turn name people, they are not speech: make them separators (their roles are read
    by :func:`jtbd.ingest.roles.header_roles`). The text after the role word must be a list
    of capitalised names, and either every name in it is (part of) a speaker label used
    elsewhere, or two or more such lines stand together ("Welcome Tom" alone stays a turn)."""
    speakers = [set(n.lower().split()) for n in accepted if not is_role_word(n)]
    found: list[tuple[int, bool]] = []  # (line index, names a speaker)
    for i, (_, end, label, _) in enumerate(lines):
        if label is None or label.name not in accepted:
            continue
        content = text[label.content_start:end].strip(" \t*_")
        if not is_role_word(label.name) or not _NAME_LIST_RE.match(content):
            break
        entries = [set(e.split()) for e in re.split(r",|;|&|\band\b",
                                                    re.sub(r"\([^()]*\)", "", content).lower())]
        known = all(e and any(e <= sp for sp in speakers) for e in entries)
        found.append((i, known))
    if len(found) < 2:
        found = [f for f in found if f[1]]
    out = list(lines)
    for i, _ in found:
        start, end, _, _ = lines[i]
        out[i] = (start, end, None, True)
    return out

def _header_style_turns(text: str, lines: list[_Line]) -> tuple[Turn, ...]:
    """Turns of a transcript whose speakers stand on lines of their own, each after a blank
    line (or at the start) and followed by what they said. Used only when no ``Name: text``
    labels were found, and only when at least one such name repeats and at least three
    header lines are found, so an ordinary short line is not taken for a speaker."""
    headers: list[tuple[int, str, bool]] = []  # (line index, name, has a timestamp)
    for i, (start, end, _, is_heading) in enumerate(lines):
        line = text[start:end]
        if is_heading or not line.strip():
            continue
        prev_blank = i == 0 or lines[i - 1][3] or not text[lines[i - 1][0]:lines[i - 1][1]].strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        m = _HEADER_RE.match(line)
        # text taken from a PDF or Word file may lose the blank line; a timestamp suffices
        if not (prev_blank or (m and m.group("time"))) or nxt is None or not text[nxt[0]:nxt[1]].strip():
            continue
        name = m and (m.group("bracketed") or m.group("name") or "").strip()
        if not m or not name or not _plausible_name(name):
            continue
        if line.rstrip().endswith((".", "?", "!", ",")):
            continue
        headers.append((i, name, bool(m.group("time"))))
    if sum(timed for _, _, timed in headers) * 2 >= len(headers):
        headers = [h for h in headers if h[2]]  # "SUMMARY KEYWORDS" is not a speaker
    counts = Counter(n for _, n, _ in headers)
    if len(headers) < 3 or max(counts.values(), default=0) < 2:
        return ()
    turns: list[Turn] = []
    bounds = [i for i, _, _ in headers] + [len(lines)]
    for (i, name, _), nxt_i in zip(headers, bounds[1:]):
        body = [ln for ln in lines[i + 1:nxt_i] if not ln[3]]
        if not body:
            continue
        s, e = _strip_span(text, body[0][0], body[-1][1])
        if e > s:
            turns.append(Turn(s, e, name))
    return tuple(turns)
