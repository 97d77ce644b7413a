"""Speaker turns from caption files: WebVTT (.vtt) and SubRip (.srt).

The document text is the decoded file, unchanged; each turn is a character span of it that
skips cue ids, timings, NOTE/STYLE/REGION blocks and markup, so ``text[start:end]`` is exactly
what was said. The speaker comes from a voice tag (``<v Anna>``, with or without ``</v>``) or
from a ``NAME:`` prefix in the cue text (accepted by the same rules as plain-text transcripts);
a cue without either keeps the previous cue's speaker. A subtitle dialogue dash ("- By how
much?") starts a new turn without the dash; an unnamed dash line after another in the same
cue goes to the other speaker when the file has exactly two. Each cue gives at least one turn; text
broken by inline markup in the middle (``I <i>really</i> did``) gives one turn per unbroken
run, because a span can only be contiguous.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from jtbd.ingest.text import accept_labels, iter_lines, match_label
from jtbd.model import Turn

#: Markup inside cue text: HTML-like tags and SubRip ASS overrides such as ``{\an8}``.
_TAG_RE = re.compile(r"<[^<>\n]*>|\{\\[^{}\n]*\}")
_VOICE_RE = re.compile(r"<v(?:\.[\w.-]+)*[ \t]+(?P<name>[^<>\n]+?)[ \t]*>")
_SKIP_BLOCKS = ("WEBVTT", "NOTE", "STYLE", "REGION")
#: A subtitle dialogue dash: "- Where were you?" / "- At home." are two speakers in one cue.
_DASH_RE = re.compile(r"(?:-{1,2}|–|—)[ \t]+")


@dataclass
class _Piece:
    start: int
    end: int
    cue: int
    voice: str | None
    label: str | None = None
    content_start: int = 0
    dash: bool = False


def cue_payloads(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of the text lines of every cue (after its timing line)."""
    block: list[tuple[int, int]] = []
    for start, end in [*iter_lines(text), (len(text), len(text))]:
        if text[start:end].strip():
            block.append((start, end))
            continue
        if block:
            payload = _payload(text, block)
            if payload:
                yield payload
        block = []


def _payload(text: str, block: list[tuple[int, int]]) -> tuple[int, int] | None:
    first = text[block[0][0]:block[0][1]].lstrip("\ufeff").strip()
    if first.split(" ", 1)[0].split("\t", 1)[0] in _SKIP_BLOCKS:
        return None
    for i, (start, end) in enumerate(block):
        if "-->" in text[start:end]:
            rest = block[i + 1:]
            return (rest[0][0], rest[-1][1]) if rest else None
    return None


def parse_captions(text: str) -> tuple[Turn, ...]:
    """Split a .vtt or .srt file's text into speaker turns (roles not yet set)."""
    pieces: list[_Piece] = []
    for cue, (p_start, p_end) in enumerate(cue_payloads(text)):
        voice: str | None = None
        for l_start, l_end in iter_lines(text[p_start:p_end], p_start):
            pos = l_start
            for tag in _TAG_RE.finditer(text, l_start, l_end):
                _add_run(text, pieces, pos, tag.start(), cue, voice)
                m = _VOICE_RE.fullmatch(tag.group())
                if m:
                    voice = m.group("name").strip()
                pos = tag.end()
            _add_run(text, pieces, pos, l_end, cue, voice)
    accepted = accept_labels([
        (p.label, i == 0 or pieces[i - 1].cue != p.cue or pieces[i - 1].label is not None
         or p.dash)
        for i, p in enumerate(pieces) if p.label])
    known = {p.label for p in pieces if p.label in accepted} | {p.voice for p in pieces if p.voice}
    turns: list[Turn] = []
    speaker: str | None = None
    last_cue = -1
    last_voice: str | None = None
    turn_cue = -1
    for p in pieces:
        start = p.start
        if p.voice and (p.cue != last_cue or p.voice != last_voice):
            speaker = p.voice
        if p.label in accepted:
            speaker, start = p.label, p.content_start
        elif p.dash and p.cue == turn_cue and speaker in known and len(known) == 2:
            speaker = next(k for k in known if k != speaker)  # the other one answers
        last_cue, last_voice = p.cue, p.voice
        if start >= p.end:
            continue
        if (turns and turns[-1].speaker == speaker and p.cue == turn_cue and not p.dash
                and not text[turns[-1].end:start].strip()):
            turns[-1] = Turn(turns[-1].start, p.end, speaker)
        else:
            turns.append(Turn(start, p.end, speaker))
        turn_cue = p.cue
    return tuple(turns)


def _add_run(text: str, pieces: list[_Piece], start: int, end: int, cue: int,
             voice: str | None) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    piece = _Piece(start, end, cue, voice)
    line_start = text.rfind("\n", 0, start) + 1
    at_line_start = not _TAG_RE.sub("", text[line_start:start]).strip()
    dash = _DASH_RE.match(text, start, end) if at_line_start else None
    if dash and dash.end() < end:
        piece.start = start = dash.end()
        piece.dash = True
    if at_line_start:
        found = match_label(text[start:end])
        if found:
            piece.label = found[0]
            piece.content_start = start + found[1]
    pieces.append(piece)
