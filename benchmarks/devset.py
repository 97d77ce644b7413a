"""Held-out labelled development set for the JTBD coder benchmark (stdlib only).

The gold data lives in ``benchmarks/data/dev/``:

* ``interviews/*.md`` -- hand-written switch interviews in an annotated Markdown format. Line 1
  is ``<!-- area: PRODUCT AREA -->`` (metadata, dropped from the plain text). Turns are
  ``Interviewer: ...`` or ``<Name>: ...``, one turn per line. Every customer sentence is
  followed by its gold codes in braces, e.g. ``It kept crashing. {push}`` or ``Sure. {}``.
* ``reviews.csv`` -- columns ``id,source,text,codes``; ``codes`` is ``;``-separated and may be
  empty. Gold codes are per review (the union over its sentences).

The coder under test only ever sees the *plain* text: annotations removed, together with
exactly one space before each brace. Gold units carry character offsets into that plain text.

Usage::

    python -m benchmarks.devset summary
    python -m benchmarks.devset write-plain OUT_DIR   # then: jtbd code OUT_DIR/x.md --jsonl
"""
from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

#: The JTBD codes (mirrors ``jtbd.model.CODES``; duplicated so this module stays stdlib only).
CODES: tuple[str, ...] = (
    "push", "pull", "anxiety", "habit", "trigger",
    "workaround", "alternative", "outcome", "emotional", "social",
)
DATA_DIR = Path(__file__).resolve().parent / "data" / "dev"
INTERVIEW_DIR = DATA_DIR / "interviews"
REVIEWS_CSV = DATA_DIR / "reviews.csv"
INTERVIEWER = "Interviewer"

_AREA_RE = re.compile(r"^<!--\s*area:\s*(?P<area>.+?)\s*-->\s*$")
_TURN_RE = re.compile(r"^(?P<speaker>[^\W\d_][\w .'-]{0,40}):\s")
_ANNOT_RE = re.compile(r" ?\{(?P<codes>[^{}]*)\}")


class DevSetError(ValueError):
    """The annotated development data is malformed; the message names file and line."""


@dataclass(frozen=True)
class GoldUnit:
    """One customer sentence: ``plain_text[start:end] == text``."""

    start: int
    end: int
    speaker: str
    text: str
    codes: frozenset[str]


@dataclass(frozen=True)
class DevTranscript:
    """One annotated interview, as the coder sees it (``plain_text``) plus its gold units."""

    name: str
    area: str
    plain_text: str
    units: list[GoldUnit]


@dataclass(frozen=True)
class GoldReview:
    """One review or support ticket with its gold codes (union over its sentences)."""

    id: str
    source: str
    text: str
    codes: frozenset[str]


def _parse_codes(raw: str, where: str) -> frozenset[str]:
    codes = frozenset(c.strip() for c in re.split(r"[,;]", raw) if c.strip())
    unknown = sorted(codes - set(CODES))
    if unknown:
        raise DevSetError(f"{where}: unknown code(s) {unknown}; use only {', '.join(CODES)}")
    return codes


def parse_transcript(annotated: str, name: str = "<string>") -> DevTranscript:
    """Parse one annotated transcript into plain text and gold units."""
    lines = annotated.splitlines(keepends=True)
    area = ""
    if lines and (m := _AREA_RE.match(lines[0].strip())):
        area = m.group("area")
        lines = lines[1:]
    if not area:
        raise DevSetError(f"{name}:1: first line must be '<!-- area: PRODUCT AREA -->'")
    plain: list[str] = []
    pos = 0
    units: list[GoldUnit] = []
    for lineno, line in enumerate(lines, start=2):
        turn = _TURN_RE.match(line)
        has_annot = "{" in line or "}" in line
        if not turn or turn.group("speaker") == INTERVIEWER:
            if has_annot:
                raise DevSetError(f"{name}:{lineno}: braces outside a customer turn")
            plain.append(line)
            pos += len(line)
            continue
        speaker = turn.group("speaker")
        head = line[: turn.end()]
        plain.append(head)
        pos += len(head)
        body = line[turn.end():]
        cursor = 0
        for m in _ANNOT_RE.finditer(body):
            chunk = body[cursor: m.start()]
            stripped = chunk.strip()
            if not stripped:
                raise DevSetError(f"{name}:{lineno}: annotation {m.group(0).strip()} has no sentence")
            lead = len(chunk) - len(chunk.lstrip())
            start = pos + lead
            units.append(GoldUnit(start, start + len(stripped), speaker, stripped,
                                  _parse_codes(m.group("codes"), f"{name}:{lineno}")))
            plain.append(chunk)
            pos += len(chunk)
            cursor = m.end()
        rest = body[cursor:]
        if rest.strip():
            raise DevSetError(f"{name}:{lineno}: customer text without gold codes: {rest.strip()!r}; "
                              "end every customer sentence with {codes} or {}")
        plain.append(rest)
        pos += len(rest)
    text = "".join(plain)
    if "{" in text or "}" in text:
        raise DevSetError(f"{name}: stray brace left in plain text")
    return DevTranscript(name=name, area=area, plain_text=text, units=units)


def load_interviews(directory: Path = INTERVIEW_DIR) -> list[DevTranscript]:
    """Load every annotated interview (``*.md``) in ``directory``, sorted by file name."""
    files = sorted(Path(directory).glob("*.md"))
    if not files:
        raise DevSetError(f"no annotated interviews (*.md) found in {directory}")
    return [parse_transcript(f.read_text(encoding="utf-8"), f.stem) for f in files]


def load_reviews(path: Path = REVIEWS_CSV) -> list[GoldReview]:
    """Load the gold reviews and tickets from ``reviews.csv``."""
    out: list[GoldReview] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"id", "source", "text", "codes"} - set(reader.fieldnames or [])
        if missing:
            raise DevSetError(f"{path}: missing column(s) {sorted(missing)}")
        for row_no, row in enumerate(reader, start=2):
            rid = row["id"].strip()
            if rid in seen:
                raise DevSetError(f"{path}:{row_no}: duplicate id {rid!r}")
            seen.add(rid)
            if not row["text"].strip():
                raise DevSetError(f"{path}:{row_no}: column 'text' is empty")
            out.append(GoldReview(rid, row["source"].strip(), row["text"].strip(),
                                  _parse_codes(row["codes"] or "", f"{path}:{row_no}")))
    return out


def write_plain(directory: Path) -> list[Path]:
    """Write plain transcripts (``NAME.md``) and ``reviews.csv`` (id,source,text) to ``directory``.

    These are the files to feed to ``jtbd code FILE --jsonl``; they contain no gold labels.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for t in load_interviews():
        p = directory / f"{t.name}.md"
        p.write_text(t.plain_text, encoding="utf-8")
        paths.append(p)
    p = directory / "reviews.csv"
    with open(p, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "source", "text"])
        for r in load_reviews():
            w.writerow([r.id, r.source, r.text])
    paths.append(p)
    return paths


def code_counts(codesets: list[frozenset[str]]) -> Counter[str]:
    """Count each code (and ``(none)``) over a list of gold code sets."""
    c: Counter[str] = Counter()
    for cs in codesets:
        c.update(cs) if cs else c.update(["(none)"])
    return c


def summary() -> None:
    """Print unit counts, areas and the number of units per code."""
    ts = load_interviews()
    rv = load_reviews()
    units = [u for t in ts for u in t.units]
    print(f"interviews: {len(ts)} transcripts, {len(units)} customer sentences, "
          f"{len({t.area for t in ts})} areas")
    for t in ts:
        print(f"  {t.name:<34} {t.area:<32} {len(t.units):>3} units")
    print(f"reviews: {len(rv)} rows from {len({r.source for r in rv})} sources")
    ic, rc = code_counts([u.codes for u in units]), code_counts([r.codes for r in rv])
    print(f"{'code':<12}{'interviews':>11}{'reviews':>9}")
    for code in (*CODES, "(none)"):
        print(f"{code:<12}{ic[code]:>11}{rc[code]:>9}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["write-plain"] and len(argv) == 2:
        for p in write_plain(Path(argv[1])):
            print(p)
        return 0
    if argv in ([], ["summary"]):
        summary()
        return 0
    print("usage: python -m benchmarks.devset [summary | write-plain OUT_DIR]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
