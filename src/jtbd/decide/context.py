"""What the decision aids read from a study, and the text similarity they share.

:func:`load_context` reads the stored artefacts once ("synthesis", and when present
"survey_scores" and "job_significance") plus the coded excerpts, and returns a
:class:`DecisionContext`. :class:`TextMatcher` is a TF-IDF cosine similarity over a light
stemmer; every aid matches text through it, so scores are deterministic and local.

Similarity formula: texts are lower-cased, split into words, stop words and the generic
words of outcome statements (``minimize``, ``time``, ``likelihood`` ...) dropped, each word
cut to a crude stem (plural ``s``, ``ing``, ``ed``); the TF-IDF (sublinear tf, smoothed idf)
is fitted on the study's excerpts and statements, so words every document uses (``invoice``
in an invoicing study) weigh little; similarity is the cosine of two TF-IDF vectors (0..1).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from jtbd.errors import InputError
from jtbd.model import CodedExcerpt, Evidence

#: Words that carry no topic: English stop words plus the scaffolding of outcome statements.
GENERIC_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | {
    "minimize", "minimise", "maximize", "maximise", "increase", "decrease", "reduce", "time", "takes",
    "likelihood", "effort", "required", "number", "uncertainty", "want", "wanted", "just", "really",
    "like", "need", "needs", "thing", "things", "lot", "get", "got", "able", "make", "use", "used",
    "im", "ive", "dont", "didnt", "youre", "it's", "don't", "i'm", "i've",
}

_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")


def read_text_file(path: str | Path, what: str, empty_hint: str) -> str:
    """The decoded text of the user's ``what`` (e.g. "the copy file"); an unreadable or empty
    file raises :class:`InputError` naming it (``empty_hint`` says what to give instead)."""
    from jtbd.ingest import decode_bytes

    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {what} ({exc.strerror or exc})", path=str(p)) from None
    text = decode_bytes(raw, str(p)) if raw else ""
    if not text.strip():
        raise InputError(f"{what} is empty; {empty_hint}", path=str(p))
    return text


def stem(word: str) -> str:
    """A crude, predictable stem: 'reminders' -> 'reminder', 'chasing' -> 'chas', 'paid' -> 'paid'."""
    w = word.lower().strip("'-")
    for suffix in ("ings", "ing", "ies", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w


def content_terms(text: str) -> list[str]:
    """The stems of the topic words of ``text``, in order."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in GENERIC_WORDS and len(w) > 1]


class TextMatcher:
    """TF-IDF cosine similarity fitted on a corpus (see the module docstring for the formula)."""

    def __init__(self, corpus: Iterable[str]) -> None:
        docs = [t for t in corpus if t and t.strip()] or ["empty"]
        self._vec = TfidfVectorizer(analyzer=content_terms, sublinear_tf=True, norm="l2")
        self._vec.fit(docs)

    def similarity(self, queries: Sequence[str], targets: Sequence[str], *,
                   min_shared: int = 0) -> np.ndarray:
        """Cosine similarity, shape (len(queries), len(targets)); zeros where either is empty,
        and where a query shares fewer than ``min_shared`` distinct content terms with a target
        (one shared word is often coincidence)."""
        if not queries or not targets:
            return np.zeros((len(queries), len(targets)))
        q = self._vec.transform(list(queries))
        t = self._vec.transform(list(targets))
        sims = np.asarray((q @ t.T).toarray())
        if min_shared > 1:
            shared = ((q > 0).astype(np.int32) @ (t > 0).astype(np.int32).T).toarray()
            sims[shared < min_shared] = 0.0
        return sims


@dataclass
class DecisionContext:
    """The artefacts of one study that the decision aids use."""

    synthesis: dict[str, Any]
    excerpts: list[CodedExcerpt]
    survey_outcomes: list[dict[str, Any]] = field(default_factory=list)
    significance: dict[str, float] = field(default_factory=dict)  # job id -> 0..100
    matcher: TextMatcher = field(init=False)

    def __post_init__(self) -> None:
        corpus = [e.text for e in self.excerpts]
        corpus += [str(o.get("statement", "")) for o in self.synthesis.get("outcomes", [])]
        corpus += [str(o.get("outcome", "")) for o in self.survey_outcomes]
        corpus += [str(j.get("statement", "")) for j in self.jobs]
        self.matcher = TextMatcher(corpus)

    @property
    def jobs(self) -> list[dict[str, Any]]:
        return list(self.synthesis.get("jobs", []))

    def job(self, job_id: str | None) -> dict[str, Any] | None:
        return next((j for j in self.jobs if str(j.get("id")) == str(job_id)), None)

    def job_documents(self) -> dict[str, set[Any]]:
        """job id -> the ids of the documents the synthesis placed in that job."""
        return {str(j.get("id")): {d for d in j.get("documents", [])} for j in self.jobs}

    def job_text(self, job: dict[str, Any]) -> str:
        """A job's own words: statement, top terms, stories, outcomes and quotes."""
        jid = job.get("id")
        parts = [str(job.get("statement", "")), " ".join(map(str, job.get("top_terms", [])))]
        parts += [str(e.get("quote", "")) for e in job.get("evidence", [])]
        for dim in (job.get("dimensions") or {}).values():
            if isinstance(dim, dict):
                parts += [str(dim.get("statement", ""))] + [str(e.get("quote", "")) for e in dim.get("evidence", [])]
        parts += [str(s.get("text", "")) for s in self.synthesis.get("job_stories", []) if s.get("job") == jid]
        parts += [str(o.get("statement", "")) for o in self.synthesis.get("outcomes", []) if o.get("job") == jid]
        return " ".join(parts)

    def survey_outcome_jobs(self) -> dict[str, str | None]:
        """Survey outcome -> the job whose words it shares most (None when it shares none)."""
        if not self.survey_outcomes or not self.jobs:
            return {}
        names = [str(o["outcome"]) for o in self.survey_outcomes]
        sims = self.matcher.similarity(names, [self.job_text(j) for j in self.jobs])
        return {n: (str(self.jobs[int(sims[i].argmax())].get("id")) if sims[i].max() > 0 else None)
                for i, n in enumerate(names)}


def load_context(wb: Any) -> DecisionContext:
    """Read the artefacts the decision aids need from an open :class:`jtbd.services.Workbench`.

    Raises :class:`InputError` when the study has no synthesis with jobs yet.
    """
    syn = wb.load_artifact("synthesis")
    if not syn or not syn.get("jobs"):
        raise InputError(f"the study in {wb.path} has no synthesised jobs yet; "
                         "run `jtbd code` and then `jtbd synthesize` first")
    scores = wb.load_artifact("survey_scores") or {}
    sig = wb.load_artifact("job_significance") or {}
    significance = {str(r.get("job_id")): float(r.get("significance") or 0.0) for r in sig.get("jobs", [])}
    return DecisionContext(synthesis=syn, excerpts=wb.coded_excerpts(),
                           survey_outcomes=[o for o in scores.get("outcomes", []) if o.get("outcome")],
                           significance=significance)
