"""The bundled sample study (src/jtbd/sample): files exist, parse, and match their ground truth."""
from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document

from jtbd.ingest import read_path
from jtbd.model import BUYING_ROLES, Role

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "jtbd" / "sample"
INTERVIEWS = SAMPLE / "interviews"
DOCX_SRC = SAMPLE / "_docx_src"
TIMING = re.compile(r"^(\d\d):(\d\d):(\d\d\.\d{3}) --> (\d\d):(\d\d):(\d\d\.\d{3})$")
VOICE = re.compile(r"^<v ([^>]+)>(.*?)(?:</v>)?$")
PREFIX = re.compile(r"^([^:]{1,40}): (.+)$")


def _seconds(h: str, m: str, s: str) -> float:
    return int(h) * 3600 + int(m) * 60 + float(s)


def _vtt_cues(path: Path) -> list[tuple[str, str]]:
    """(speaker, text) per cue, checking the header and that timings increase."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "WEBVTT", f"{path.name}: first line must be WEBVTT"
    cues: list[tuple[str, str]] = []
    last_end = 0.0
    for i, line in enumerate(lines):
        match = TIMING.match(line)
        if not match:
            continue
        start, end = _seconds(*match.groups()[:3]), _seconds(*match.groups()[3:])
        assert last_end <= start < end, f"{path.name} line {i + 1}: cue timings go backwards"
        last_end = end
        body = lines[i + 1]
        tagged = VOICE.match(body) or PREFIX.match(body)
        assert tagged, f"{path.name} line {i + 2}: cue text has no speaker"
        cues.append((tagged.group(1), tagged.group(2)))
    return cues


def _md_turns(path: Path) -> list[tuple[str, str]]:
    turns = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        match = PREFIX.match(line)
        assert match, f"{path.name}: line is not 'Name: text': {line[:60]!r}"
        turns.append((match.group(1), match.group(2)))
    return turns


def _docx_turns(path: Path) -> list[tuple[str, str]]:
    paragraphs = [p.text for p in Document(str(path)).paragraphs if p.text.strip()]
    # The first paragraph is the title; every other one is a turn.
    return [(m.group(1), m.group(2)) for m in map(PREFIX.match, paragraphs[1:]) if m]


def turns_of(path: Path) -> list[tuple[str, str]]:
    """Speaker turns of an interview, consecutive cues of one speaker merged."""
    raw = {".md": _md_turns, ".vtt": _vtt_cues, ".docx": _docx_turns}[path.suffix](path)
    merged: list[tuple[str, str]] = []
    for speaker, text in raw:
        if merged and merged[-1][0] == speaker:
            merged[-1] = (speaker, merged[-1][1] + " " + text)
        else:
            merged.append((speaker, text))
    return merged


@pytest.fixture(scope="module")
def participants() -> list[dict[str, str]]:
    with (SAMPLE / "participants.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads((SAMPLE / "truth.json").read_text(encoding="utf-8"))


def interview_files() -> list[Path]:
    return sorted(p for p in INTERVIEWS.iterdir() if p.suffix in {".md", ".vtt", ".docx"})


def test_interviews_come_in_three_formats() -> None:
    files = interview_files()
    by_ext = {ext: [p for p in files if p.suffix == ext] for ext in (".md", ".vtt", ".docx")}
    assert len(files) >= 10
    assert {ext: len(ps) for ext, ps in by_ext.items()} == {".md": 5, ".vtt": 4, ".docx": 3}
    vtt_styles = {p.name: "<v " in p.read_text(encoding="utf-8") for p in by_ext[".vtt"]}
    assert sorted(vtt_styles.values()) == [False, False, True, True], vtt_styles


@pytest.mark.parametrize("path", interview_files(), ids=lambda p: p.name)
def test_interview_is_a_full_two_person_conversation(path: Path) -> None:
    turns = turns_of(path)
    assert 35 <= len(turns) <= 60, f"{path.name}: {len(turns)} turns"
    assert len({speaker for speaker, _ in turns}) == 2
    words = sum(len(text.split()) for _, text in turns)
    assert 1200 <= words <= 2600, f"{path.name}: {words} words"


@pytest.mark.parametrize("source", sorted(DOCX_SRC.glob("*.txt")), ids=lambda p: p.name)
def test_docx_matches_its_source(source: Path) -> None:
    built = INTERVIEWS / f"{source.stem}.docx"
    assert built.exists(), f"run scripts/build_sample_docx.py to build {built.name}"
    expected = [p.strip() for p in source.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    paragraphs = [p.text for p in Document(str(built)).paragraphs][1:]
    assert paragraphs == expected


def test_participants_point_at_real_documents_and_speakers(participants) -> None:
    assert len(participants) == len(interview_files()) == 12
    assert len({p["participant_id"] for p in participants}) == len(participants)
    for p in participants:
        doc = INTERVIEWS / p["document"]
        assert doc.exists(), f"{p['participant_id']}: {p['document']} not found"
        speakers = {speaker for speaker, _ in turns_of(doc)}
        assert p["speaker"] in speakers, f"{p['participant_id']}: {p['speaker']!r} not in {speakers}"
        assert p["buying_role"] in BUYING_ROLES
        assert date.fromisoformat(p["bought_on"]).year == 2026
        assert 18 <= int(p["age"]) <= 90 and int(p["company_size"]) >= 1
        assert p["bought"] and p["bought_from"]


def test_the_jtbd_reader_finds_each_participant_as_the_customer(participants) -> None:
    for p in participants:
        doc = read_path(INTERVIEWS / p["document"])[0]
        roles = {t.speaker: t.role for t in doc.turns}
        assert roles.get(p["speaker"]) == Role.CUSTOMER, (p["document"], roles)
        assert Role.INTERVIEWER in roles.values()


def test_truth_names_two_jobs_over_existing_participants(truth, participants) -> None:
    ids = {p["participant_id"] for p in participants}
    jobs = truth["jobs"]
    assert [j["id"] for j in jobs] == ["J1", "J2"]
    members = [pid for job in jobs for pid in job["participants"]]
    assert sorted(members) == sorted(ids), "every participant has exactly one main job"
    assert set(truth["switched_to"]) == ids
    assert all(j["statement"] and len(j["keywords"]) >= 5 for j in jobs)


def test_jobs_cut_across_demographics(truth, participants) -> None:
    by_id = {p["participant_id"]: p for p in participants}
    for job in truth["jobs"]:
        people = [by_id[pid] for pid in job["participants"]]
        ages = [int(p["age"]) for p in people]
        assert max(ages) - min(ages) >= 25, f"{job['id']} ages {ages}"
        assert len({p["occupation"] for p in people}) == len(people)
        assert len({p["gender"] for p in people}) == 2
        sizes = {int(p["company_size"]) > 1 for p in people}
        assert sizes == {True, False}, f"{job['id']} needs solo and multi-person businesses"


def test_each_job_is_voiced_mostly_by_its_own_participants(truth, participants) -> None:
    """The keywords of a job are said more often by that job's customers than by the others."""
    by_id = {p["participant_id"]: p for p in participants}

    def rate(pids: list[str], keywords: list[str]) -> float:
        words = hits = 0
        for pid in pids:
            p = by_id[pid]
            said = " ".join(t for s, t in turns_of(INTERVIEWS / p["document"]) if s == p["speaker"])
            words += len(said.split())
            hits += sum(len(re.findall(rf"\b{re.escape(k.lower())}", said.lower()))
                        for k in keywords)
        return hits / words

    j1, j2 = truth["jobs"]
    assert rate(j1["participants"], j1["keywords"]) > 1.5 * rate(j2["participants"], j1["keywords"])
    assert rate(j2["participants"], j2["keywords"]) > 1.5 * rate(j1["participants"], j2["keywords"])


def test_reviews_parse_and_vary() -> None:
    with (SAMPLE / "reviews.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 160
    assert list(rows[0])[:6] == ["review_id", "date", "platform", "rating", "title", "text"]
    assert len({r["review_id"] for r in rows}) == len(rows)
    assert {int(r["rating"]) for r in rows} == {1, 2, 3, 4, 5}
    lengths = [len(r["text"].split()) for r in rows]
    assert min(lengths) <= 5 and max(lengths) >= 40
    for r in rows:
        date.fromisoformat(r["date"])
    texts = [r["text"].lower() for r in rows]
    assert sum("please" in t or "wish" in t or "would love" in t for t in texts) >= 15
    assert len(set(texts)) == len(texts), "reviews are not repeated"


def test_tickets_parse() -> None:
    lines = (SAMPLE / "tickets.jsonl").read_text(encoding="utf-8").splitlines()
    tickets = [json.loads(line) for line in lines if line.strip()]
    assert len(tickets) >= 60
    with (SAMPLE / "reviews.csv").open(encoding="utf-8", newline="") as f:
        assert len(tickets) + sum(1 for _ in csv.DictReader(f)) >= 200
    for t in tickets:
        assert set(t) == {"ticket_id", "created", "channel", "subject", "body"}
        datetime.fromisoformat(t["created"])
        assert t["subject"] and len(t["body"].split()) >= 5
    assert len({t["ticket_id"] for t in tickets}) == len(tickets)
