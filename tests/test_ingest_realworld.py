"""Real-world transcript layouts (Zoom, Teams, Meet, Otter, Rev, Descript, Fireflies, SubRip,
Dovetail/Markdown, Word) parse into the right speakers, roles and clean sentence text.

Each fixture under ``tests/data/realworld/`` is a short hand-written transcript in the layout
one tool exports. ``EXPECTED`` gives, per file, the speakers (key -> name, role) and the order
of speaker runs (consecutive turns of one speaker count once).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from jtbd.coding.segment import segment_document
from jtbd.ingest import read_path
from jtbd.model import ParsedDocument, Role

DATA = Path(__file__).parent / "data" / "realworld"
I, C = Role.INTERVIEWER, Role.CUSTOMER

EXPECTED: dict[str, tuple[dict[str, tuple[str, Role]], str]] = {
    "zoom.vtt": ({"b": ("Bob Moesta", I), "p": ("Priya Shah", C)}, "bpbpbpbpb"),
    "zoom_cloud.txt": ({"b": ("Bob Moesta", I), "m": ("Marco Ruiz", C)}, "bmbmbmbm"),
    "zoom_chat.txt": ({"b": ("Bob Moesta", I), "n": ("Nadia Park", C)}, "bnbnbnbn"),
    "teams.vtt": ({"j": ("Jane Doe", I), "t": ("Tom Becker", C)}, "jtjtjt"),
    "google_meet.txt": ({"k": ("Kate Olsen", I), "s": ("Sofia Rossi", C)}, "ksksksksks"),
    "otter.txt": ({"1": ("Speaker 1", I), "2": ("Speaker 2", C)}, "12121212"),
    "rev.txt": ({"i": ("Interviewer", I), "t": ("Tom Baker", C)}, "itititit"),
    "rev_speakers.txt": ({"1": ("Speaker 1", I), "2": ("Speaker 2", C)}, "12121212"),
    "descript.txt": ({"j": ("Jane", I), "o": ("Omar", C)}, "jojojojo"),
    "fireflies.txt": ({"j": ("Jane Smith", I), "l": ("Luis Ortega", C)}, "jljljlj"),
    "subtitles.srt": ({"i": ("INTERVIEWER", I), "m": ("MARIA", C)}, "imimim"),
    "dovetail.md": ({"a": ("Alex Chen", I), "h": ("Hannah Kim", C)}, "ahahahah"),
    "headings.md": ({"s": ("Sam", I), "d": ("Daniel", C)}, "sdsdsd"),
    "qa.txt": ({"q": ("Q", I), "a": ("A", C)}, "qaqaqaqa"),
    "respondent.txt": ({"i": ("Interviewer", I), "r": ("Respondent", C)}, "iriririr"),
    "caps.txt": ({"b": ("BOB MOESTA", I), "l": ("LINDA PARK", C)}, "blblblblbl"),
    "titles.txt": ({"d": ("Dr. Smith", I), "o": ("Mrs. O'Neill", C)}, "dodododo"),
    "header.txt": ({"j": ("Jane Doe", I), "t": ("Tom Wright", C)}, "jtjtjtjtjt"),
    "two_interviewers.txt": ({"r": ("Rachel Green", I), "m": ("Mike Ross", I),
                              "e": ("Emma Stone", C)}, "rmeremeremere"),
    "couple.txt": ({"b": ("Ben Carter", I), "l": ("Lisa Moreno", C), "d": ("Dan Moreno", C)},
                   "bldbldbdlbl"),
    "asr_runon.txt": ({"i": ("Interviewer", I), "c": ("Customer", C)}, "icic"),
    "bold_speakers.docx": ({"e": ("Ella Novak", I), "g": ("Grace Liu", C)}, "egegegeg"),
}

_DIRT = re.compile(r"-->|\*\*|<v[ .]|^\s*[\[(]?\d{1,2}:\d{2}|^\s*[-–>]\s|\d{1,2}:\d{2}:\d{2}\s*$")


def _runs(doc: ParsedDocument) -> list[tuple[str | None, Role | None, str]]:
    """Consecutive turns of one speaker merged: (speaker, role, first turn's text)."""
    runs: list[tuple[str | None, Role | None, str]] = []
    for t in doc.turns:
        if runs and runs[-1][0] == t.speaker:
            continue
        runs.append((t.speaker, t.role, doc.text[t.start:t.end]))
    return runs


def score(name: str) -> tuple[int, int]:
    """(speaker runs with the right speaker, role and clean text, expected runs)."""
    speakers, order = EXPECTED[name]
    [doc] = read_path(DATA / name)
    got = _runs(doc)
    want = [speakers[k] for k in order]
    right = 0
    for (g_speaker, g_role, g_text), (w_speaker, w_role) in zip(got, want):
        clean = not _DIRT.search(g_text) and not g_text.startswith(w_speaker)
        right += g_speaker == w_speaker and g_role == w_role and clean
    return right, len(want)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_speakers_roles_and_clean_turns(name: str) -> None:
    speakers, order = EXPECTED[name]
    [doc] = read_path(DATA / name)
    got = [(s, r) for s, r, _ in _runs(doc)]
    assert got == [speakers[k] for k in order]
    for t in doc.turns:
        said = doc.text[t.start:t.end]
        assert not _DIRT.search(said), said
        assert not said.startswith(t.speaker or "\0"), said


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_excerpts_are_exact_clean_and_short(name: str) -> None:
    [doc] = read_path(DATA / name)
    excerpts = segment_document(doc)
    assert excerpts
    for ex in excerpts:
        assert doc.text[ex.start:ex.end] == ex.text
        assert len(ex.text.split()) <= 60, ex.text
        assert not re.fullmatch(r"[\[(][^\])]*[\])]", ex.text), ex.text
        assert not _DIRT.search(ex.text), ex.text


if __name__ == "__main__":  # python tests/test_ingest_realworld.py: the measurement
    total_right = total = 0
    for fixture in sorted(EXPECTED):
        r, n = score(fixture)
        total_right += r
        total += n
        print(f"{fixture:24} {r:3}/{n}")
    print(f"{'all':24} {total_right:3}/{total}")
