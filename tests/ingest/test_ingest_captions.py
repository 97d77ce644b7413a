"""WebVTT and SubRip captions: offsets into the original file text."""
from __future__ import annotations

from pathlib import Path

import pytest

from jtbd.errors import ImportFailed
from jtbd.ingest import read_path
from jtbd.model import Role

VTT = """WEBVTT
Kind: captions

NOTE recorded on Zoom,
two lines of note

STYLE
::cue { color: yellow }

intro-1
00:00:01.000 --> 00:00:04.000
<v Interviewer>What made you start looking?</v>

2
00:00:04.000 --> 00:00:08.000 align:start position:10%
<v.loud Anna Smith><i>Our old tool kept crashing.</i>
It was awful.

00:00:08.000 --> 00:00:10.000
<v Interviewer>And then?

00:00:10.000 --> 00:00:12.000
<v Anna Smith>I tried a <b>free</b> one
"""

VTT_PREFIX = """WEBVTT

1
00:00:01.000 --> 00:00:03.000
Moderator: What else did you try?

2
00:00:03.000 --> 00:00:05.000
Bo Li: Spreadsheets.

3
00:00:05.000 --> 00:00:07.000
Lots of spreadsheets.
"""

SRT = r"""1
00:00:01,000 --> 00:00:02,500
Interviewer: Why did you switch?

2
00:00:02,500 --> 00:00:05,000
{\an8}Kim: The price.
It doubled.

3
00:00:05,000 --> 00:00:06,000
<i>Interviewer: Really?</i>
"""


def _said(doc) -> list[tuple[str | None, Role | None, str]]:
    return [(t.speaker, t.role, doc.text[t.start:t.end]) for t in doc.turns]


def test_vtt_voice_tags(tmp_path: Path) -> None:
    f = tmp_path / "a.vtt"
    f.write_text(VTT, encoding="utf-8")
    [doc] = read_path(f)
    assert doc.text == VTT
    assert _said(doc) == [
        ("Interviewer", Role.INTERVIEWER, "What made you start looking?"),
        ("Anna Smith", Role.CUSTOMER, "Our old tool kept crashing."),
        ("Anna Smith", Role.CUSTOMER, "It was awful."),
        ("Interviewer", Role.INTERVIEWER, "And then?"),
        # inline markup splits the span: each turn is exactly the text between tags
        ("Anna Smith", Role.CUSTOMER, "I tried a"),
        ("Anna Smith", Role.CUSTOMER, "free"),
        ("Anna Smith", Role.CUSTOMER, "one"),
    ]


def test_vtt_name_prefix_and_carry_over(tmp_path: Path) -> None:
    f = tmp_path / "b.vtt"
    f.write_text(VTT_PREFIX, encoding="utf-8")
    [doc] = read_path(f)
    assert _said(doc) == [
        ("Moderator", Role.INTERVIEWER, "What else did you try?"),
        ("Bo Li", Role.CUSTOMER, "Spreadsheets."),
        ("Bo Li", Role.CUSTOMER, "Lots of spreadsheets."),
    ]


def test_srt(tmp_path: Path) -> None:
    f = tmp_path / "c.srt"
    f.write_text(SRT.replace("\n", "\r\n"), encoding="utf-8")
    [doc] = read_path(f)
    assert doc.text == SRT.replace("\n", "\r\n")
    assert _said(doc) == [
        ("Interviewer", Role.INTERVIEWER, "Why did you switch?"),
        ("Kim", Role.CUSTOMER, "The price.\r\nIt doubled."),
        ("Interviewer", Role.INTERVIEWER, "Really?"),
    ]


def test_captions_without_cues(tmp_path: Path) -> None:
    f = tmp_path / "d.vtt"
    f.write_text("WEBVTT\n\nNOTE nothing here\n")
    with pytest.raises(ImportFailed, match="no caption cues") as info:
        read_path(f)
    assert info.value.path == str(f)
