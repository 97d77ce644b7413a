"""Tests for the held-out labelled development set (benchmarks/devset.py and its data)."""
from __future__ import annotations

import csv
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "devset.py"


def _load_devset():
    if "benchmarks.devset" in sys.modules:
        return sys.modules["benchmarks.devset"]
    spec = importlib.util.spec_from_file_location("benchmarks.devset", _PATH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmarks.devset"] = module
    spec.loader.exec_module(module)
    return module


devset = _load_devset()


@pytest.fixture(scope="module")
def transcripts():
    return devset.load_interviews()


@pytest.fixture(scope="module")
def reviews():
    return devset.load_reviews()


def test_parser_strips_annotations_and_one_space() -> None:
    t = devset.parse_transcript(
        "<!-- area: test area -->\n# Title\n"
        "Interviewer: Why?\n"
        "Ana: It broke. {push} Then I cried. {emotional, push} Sure. {}\n",
        "x",
    )
    assert t.area == "test area"
    assert t.plain_text == "# Title\nInterviewer: Why?\nAna: It broke. Then I cried. Sure.\n"
    assert [u.text for u in t.units] == ["It broke.", "Then I cried.", "Sure."]
    assert [u.codes for u in t.units] == [
        frozenset({"push"}), frozenset({"emotional", "push"}), frozenset()]
    assert all(t.plain_text[u.start:u.end] == u.text and u.speaker == "Ana" for u in t.units)


@pytest.mark.parametrize("text, message", [
    ("# no area\nAna: Hi. {}\n", "area"),
    ("<!-- area: a -->\nAna: Hi. {pushh}\n", "unknown code"),
    ("<!-- area: a -->\nAna: Hi. {} And then nothing.\n", "without gold codes"),
    ("<!-- area: a -->\nInterviewer: Hi? {}\n", "braces outside"),
])
def test_parser_rejects_malformed_annotations(text: str, message: str) -> None:
    with pytest.raises(devset.DevSetError, match=message):
        devset.parse_transcript(text, "bad")


def test_interview_units_round_trip(transcripts) -> None:
    for t in transcripts:
        assert "{" not in t.plain_text and "}" not in t.plain_text, t.name
        assert " ." not in t.plain_text.replace("...", ""), t.name
        for u in t.units:
            assert t.plain_text[u.start:u.end] == u.text, (t.name, u)
            assert u.text == u.text.strip() and u.speaker != devset.INTERVIEWER


def test_interview_size_and_spread(transcripts) -> None:
    units = [u for t in transcripts for u in t.units]
    assert len(transcripts) >= 12
    assert len(units) >= 450
    assert len({t.area for t in transcripts}) >= 6
    for t in transcripts:
        turns = [ln for ln in t.plain_text.splitlines() if devset._TURN_RE.match(ln)]
        assert 25 <= len(turns) <= 45, (t.name, len(turns))


def test_every_code_appears_often_in_interviews(transcripts) -> None:
    counts = Counter(c for t in transcripts for u in t.units for c in u.codes)
    for code in devset.CODES:
        assert counts[code] >= 15, (code, counts[code])
    uncoded = sum(1 for t in transcripts for u in t.units if not u.codes)
    assert uncoded >= 50  # realistic: many sentences carry no code


def test_reviews_size_sources_and_codes(reviews) -> None:
    assert len(reviews) >= 320
    products = {r.source.split(":", 1)[1] for r in reviews}
    assert len(products) >= 8
    assert len({r.id for r in reviews}) == len(reviews)
    counts = Counter(c for r in reviews for c in r.codes)
    assert set(counts) == set(devset.CODES)
    assert sum(1 for r in reviews if not r.codes) >= 20


def test_write_plain_hides_gold(tmp_path: Path, transcripts, reviews) -> None:
    paths = devset.write_plain(tmp_path)
    mds = [p for p in paths if p.suffix == ".md"]
    assert len(mds) == len(transcripts)
    by_name = {t.name: t for t in transcripts}
    for p in mds:
        assert p.read_text(encoding="utf-8") == by_name[p.stem].plain_text
    with open(tmp_path / "reviews.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["id", "source", "text"]
    assert [r["text"] for r in rows] == [r.text for r in reviews]


@pytest.mark.parametrize("name, files", [("dev2", 6), ("dev3", 5)])
def test_further_dev_sets_parse_with_offsets(name: str, files: int) -> None:
    """The further held-out interview sets (other authors) load; every unit is exact."""
    second = devset.load_interviews(devset.DATA_DIR.parent / name / "interviews")
    assert len(second) >= files and len({t.area for t in second}) >= files
    units = [u for t in second for u in t.units]
    assert len(units) >= 300
    for t in second:
        for u in t.units:
            assert t.plain_text[u.start:u.end] == u.text
