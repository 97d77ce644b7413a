"""Alternatives hired for the job: competitors, substitutes, workarounds and doing nothing,
with their status (considered / used / chosen / rejected) and reasons for rejection."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from jtbd.model import AlternativeMention
from jtbd.synthesis.corpus import Corpus, natural_key
from jtbd.synthesis.lexicon import NON_CONSUMPTION_CUES, STATUS_CUES
from jtbd.synthesis.result import Alternative, Evidence, Reason
from jtbd.synthesis.text import count_cues

STATUS_ORDER = ("chosen", "rejected", "used", "considered")
NOTHING = "doing nothing"
MAX_QUOTES = 6


def normalise_name(name: str) -> str:
    """Canonical key of an alternative name: lower case, single spaces, no possessive;
    every way of saying "do nothing" becomes "doing nothing"."""
    key = " ".join(name.lower().replace("’", "'").split()).strip(" .,'\"")
    key = re.sub(r"'s$", "", key)
    if key in ("nothing", "do nothing", "doing nothing", "non-consumption", "nothing at all", "status quo"):
        return NOTHING
    return key


def status_of(sentence: str) -> str | None:
    """The status a sentence gives the alternative it names (first matching in priority order)."""
    low = sentence.lower().replace("’", "'")
    for status in STATUS_ORDER:
        if count_cues(low, tuple(c + " " if len(c) < 5 else c for c in STATUS_CUES[status])):
            return status
    return None


def build_alternatives(corpus: Corpus, mentions: list[tuple[int | str, AlternativeMention]],
                       job_of: dict[str, str]) -> list[Alternative]:
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, ex in enumerate(corpus.excerpts):
        by_doc[str(ex.document_id)].append(i)
    # (key) -> list of (excerpt index or None, evidence, status, unit, kind, display name)
    found: dict[str, list[tuple[int | None, Evidence, str | None, str, str, str]]] = defaultdict(list)
    for doc_id, m in mentions:
        doc = corpus.docs.get(str(doc_id))
        if doc is None or not (0 <= m.start < m.end <= len(doc.text)):
            continue
        holder = next((i for i in by_doc.get(str(doc_id), [])
                       if corpus.excerpts[i].start <= m.start and m.end <= corpus.excerpts[i].end), None)
        if holder is None and by_doc.get(str(doc_id)):
            continue  # said by the interviewer
        if holder is not None:
            ex = corpus.excerpts[holder]
            ev, status, unit = corpus.evidence(ex), status_of(ex.text), corpus.units[holder]
        else:
            ev, status, unit = corpus.span(doc_id, m.start, m.end), None, str(doc.participant or f"doc-{doc.id}")
        if len(m.name.split()) > 4 or re.match(r"(?i)(i|we|you|they)('d|'m|'ve)?\b", m.name):
            continue  # a sentence, not a name
        key = normalise_name(m.name)
        kind = "non-consumption" if key == NOTHING else m.kind
        found[key].append((holder, ev, status, unit, kind, NOTHING if key == NOTHING else m.name))
    # doing nothing, when the evidence shows it but no mention was extracted
    covered = {h for rows in found.values() for h, *_ in rows if h is not None}
    for i, ex in enumerate(corpus.excerpts):
        if i not in covered and any(c in ex.text.lower().replace("’", "'") for c in NON_CONSUMPTION_CUES):
            found[NOTHING].append((i, corpus.evidence(ex), "considered", corpus.units[i], "non-consumption", NOTHING))
    out: list[Alternative] = []
    for key in sorted(found, key=lambda k: (-len({r[3] for r in found[k]}), k)):
        rows = found[key]
        per_unit: dict[str, str] = {}
        for _, _, status, unit, _, _ in rows:
            if status is None:
                continue
            cur = per_unit.get(unit)
            if cur is None or STATUS_ORDER.index(status) < STATUS_ORDER.index(cur):
                per_unit[unit] = status
        counts = Counter(per_unit.values())
        status = min(counts, key=lambda s: (-counts[s], STATUS_ORDER.index(s))) if counts else "considered"
        if key == NOTHING and status == "chosen":
            status = "considered"
        reasons: list[Reason] = []
        for holder, ev, st, _, _, _ in rows:
            if holder is not None and (st == "rejected" or "anxiety" in corpus.excerpts[holder].codes):
                label = corpus.clause(corpus.excerpts[holder].text, 14)
                if all(r.label != label for r in reasons):
                    reasons.append(Reason(label, [ev]))
        units = sorted({r[3] for r in rows}, key=natural_key)
        kind = Counter(r[4] for r in rows).most_common(1)[0][0]
        name = Counter(r[5] for r in rows).most_common(1)[0][0]
        evidence = list(dict.fromkeys(r[1] for r in rows))[:MAX_QUOTES]
        out.append(Alternative(f"alt-{len(out) + 1}", name, kind, len(rows), units,
                               sorted({job_of[u] for u in units if u in job_of}), status,
                               dict(sorted(counts.items())), reasons[:5], evidence))
    return out
