"""The validated view of a :class:`SynthesisInput` that every synthesis step works on."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from jtbd.model import CodedExcerpt, Role
from jtbd.synthesis.inputs import DocumentInfo, SynthesisInput
from jtbd.synthesis.lexicon import CODE_CUES, STOPWORDS
from jtbd.synthesis.result import Evidence, Warning
from jtbd.synthesis.text import clean_clause, content_words, count_cues

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_START = re.compile(r"(?:[.!?:;\"“(\n]|^)\s*$")
_NOT_BRANDS = frozenset(
    "I I'm I'd I've January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def natural_key(s: str) -> tuple[object, ...]:
    """Sort key that orders "P2" before "P10"."""
    return tuple(int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", s))


def participant_key(ex: CodedExcerpt, doc: DocumentInfo) -> str:
    """Who an excerpt speaks for: its participant, the document's, or the document itself."""
    return str(ex.participant or doc.participant or f"doc-{doc.id}")


@dataclass
class Corpus:
    """Documents by id, valid customer excerpts in reading order, and input warnings."""

    docs: dict[str, DocumentInfo]
    excerpts: list[CodedExcerpt]
    units: list[str]  # participant key of each excerpt
    banned: frozenset[str]  # product/brand-like words (lower case)
    seed: int
    warnings: list[Warning] = field(default_factory=list)
    #: Units that are people (interview participants); the others are reviews, tickets, etc.
    people: frozenset[str] = frozenset()

    @classmethod
    def build(cls, inp: SynthesisInput) -> Corpus:
        docs = {str(d.id): d for d in inp.documents}
        order = {str(d.id): i for i, d in enumerate(inp.documents)}
        warnings: list[Warning] = []
        kept: list[CodedExcerpt] = []
        bad = drift = 0
        for ex in inp.excerpts:
            doc = docs.get(str(ex.document_id))
            if doc is None or not (0 <= ex.start < ex.end <= len(doc.text)):
                bad += 1
                if bad <= 5:
                    where = f"document {ex.document_id!r}" if doc is None else f"{doc.source} [{ex.start}:{ex.end}]"
                    warnings.append(Warning("input", None, f"excerpt skipped: {where} is not a span of a known "
                                            "document; re-run `jtbd code` so offsets match the stored text"))
                continue
            if ex.role == Role.INTERVIEWER:
                continue
            if ex.text != doc.text[ex.start:ex.end]:
                drift += 1
            kept.append(ex)
        if bad > 5:
            warnings.append(Warning("input", None, f"{bad} excerpts in all were skipped for bad offsets"))
        if drift:
            warnings.append(Warning("input", None, f"{drift} excerpts' text differs from their document at their "
                                    "offsets; quotes show the document text — re-run `jtbd code` to refresh"))
        kept.sort(key=lambda e: (order[str(e.document_id)], e.start, e.end))
        units = [participant_key(e, docs[str(e.document_id)]) for e in kept]
        named = {u for e, u in zip(kept, units) if e.participant or docs[str(e.document_id)].participant}
        interviewed = {u for e, u in zip(kept, units) if e.kind == "interview"}
        return cls(docs, kept, units, _brand_words(inp, kept, docs), inp.seed, warnings,
                   frozenset(interviewed or named))

    def doc(self, ex: CodedExcerpt) -> DocumentInfo:
        return self.docs[str(ex.document_id)]

    def evidence(self, ex: CodedExcerpt) -> Evidence:
        """The excerpt as evidence; the quote is read from the document text, never copied."""
        return self.span(ex.document_id, ex.start, ex.end, ex.participant)

    def span(self, doc_id: int | str, start: int, end: int, participant: str | None = None) -> Evidence:
        d = self.docs[str(doc_id)]
        return Evidence(d.id, d.source, participant or d.participant, start, end, d.text[start:end])

    def clause(self, text: str, max_words: int = 16) -> str:
        """A quote cleaned into a short clause (brand names keep their capitals)."""
        return clean_clause(text, max_words, self.banned)

    def quality(self, i: int, code: str | None = None, terms: dict[str, float] | None = None) -> float:
        """How good excerpt ``i`` is as a quote: the coder's confidence in ``code``, words
        typical of that code, a sentence of 6-35 words, and words the job uses (``terms``)."""
        ex = self.excerpts[i]
        n = len(ex.text.split())
        q = ex.scores.get(code, 0.5) if code else 0.5
        q += 0.4 if 6 <= n <= 35 else (0.1 if n > 35 else -0.3 if n < 4 else 0.0)
        if code in CODE_CUES:
            q += 0.25 * min(2, count_cues(ex.text.lower(), CODE_CUES[code]))
        if terms:
            ws = set(content_words(ex.text))
            q += min(0.5, sum(terms.get(w, 0.0) for w in ws))
        return q

    def best_quotes(self, idx: list[int], n: int, code: str | None = None,
                    terms: dict[str, float] | None = None) -> list[int]:
        """Up to ``n`` of the excerpts ``idx``, best first, one per participant."""
        ranked = sorted(idx, key=lambda i: (-self.quality(i, code, terms), i))
        out: list[int] = []
        seen: set[str] = set()
        for i in ranked:
            if self.units[i] not in seen:
                seen.add(self.units[i])
                out.append(i)
                if len(out) >= n:
                    break
        return out

    def split_units(self, units: set[str] | list[str]) -> tuple[list[str], list[str]]:
        """(people, other documents) among ``units``, each in natural order."""
        people = sorted((u for u in units if u in self.people), key=natural_key)
        return people, sorted((u for u in units if u not in self.people), key=natural_key)

    @property
    def participants(self) -> list[str]:
        return sorted(set(self.units), key=natural_key)


def _brand_words(inp: SynthesisInput, excerpts: list[CodedExcerpt], docs: dict[str, DocumentInfo]) -> frozenset[str]:
    """Lower-case words that look like product or brand names: the names of competitors, and
    words written capitalised mid-sentence at least twice and more often than in lower case."""
    out: set[str] = set()
    for _, m in inp.alternatives:
        if m.kind == "competitor" and len(m.name.split()) <= 3:
            out.update(w.lower() for w in _TOKEN.findall(m.name) if len(w) > 2 and w.lower() not in STOPWORDS)
    caps: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for ex in excerpts:
        text = docs[str(ex.document_id)].text[ex.start:ex.end]
        for tok in _TOKEN.finditer(text):
            w = tok.group(0)
            if w[0].islower():
                lower[w] += 1
            elif tok.start() > 0 and not _SENTENCE_START.search(text, 0, tok.start()) and w not in _NOT_BRANDS:
                caps[w.lower()] += 1
    out.update(w for w, n in caps.items() if n >= 2 and n > 2 * lower.get(w, 0) and w not in STOPWORDS)
    return frozenset(out)
