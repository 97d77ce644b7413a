"""Feature extraction for the local coder: features of a sentence in its context.

Two parts that training (``scripts/train_coder.py``) and inference share exactly:

**Hashed sparse features** (:func:`vectorise`).

Features are strings hashed with CRC-32 into :data:`N_FEATURES` buckets (no vocabulary to
ship), so training (``scripts/train_coder.py``) and inference share exactly this code:

* the sentence: word unigrams and bigrams, character 3–5-grams inside words;
* the lexicon: ``cue:<code>`` and ``strong:<code>`` hits (see :mod:`jtbd.coding.lexicon`);
* the context: the type and words of the interviewer question the sentence answers, crossed
  with the answer's length (short answers take their meaning from the question), and the
  words and cues of the previous sentence in the same turn;
* the setting: review/ticket (no interviewer) or interview, quoted speech, negation.

**Dense embedding features** (:func:`dense_features`): static MiniLM-distilled sentence vectors
(:mod:`jtbd.coding.embeddings`) of the sentence, the interviewer question, the previous and the
next sentence of the turn, plus a copy of the sentence vector for its setting (review or
interview), so meaning carries over to phrasings the n-grams never saw.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from jtbd.coding import lexicon
from jtbd.coding.embeddings import StaticEmbeddings

#: Number of hash buckets (a power of two).
N_FEATURES = 1 << 18
_MASK = N_FEATURES - 1

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_QUOTE = re.compile(r"[\"“”]|(?:^|\s)'[A-Z]")
_NEG = re.compile(r"\b(not|no|never|n't|cannot|can't|won't|don't|didn't|doesn't|isn't|wasn't)\b")

# Relative weight of each feature family before the row is L2-normalised.
_W_WORD, _W_BIGRAM, _W_CHAR, _W_CUE, _W_CTX = 1.0, 0.8, 0.25, 1.5, 1.2


@dataclass(frozen=True)
class Context:
    """What surrounds a sentence: the question it answers, the previous and next sentence of
    the same turn, and whether it comes from a review-like text (no interviewer)."""

    question: str | None = None
    previous: str | None = None
    review: bool = False
    next: str | None = None


def tokens(text: str) -> list[str]:
    """Lower-case word tokens, with typographic apostrophes normalised."""
    return _TOKEN.findall(text.lower().replace("’", "'").replace("n't", " n't"))


def feature_strings(text: str, ctx: Context) -> dict[str, float]:
    """The named features of ``text`` in ``ctx`` with their weights."""
    f: dict[str, float] = {}
    toks = tokens(text)
    for t in toks:
        f["w:" + t] = _W_WORD
    for a, b in zip(toks, toks[1:]):
        f["b:" + a + " " + b] = _W_BIGRAM
    for t in toks:
        padded = f" {t} "
        for n in (3, 4, 5):
            for i in range(0, max(len(padded) - n + 1, 0)):
                f["c:" + padded[i:i + n]] = _W_CHAR
    if toks:
        f["first:" + toks[0]] = _W_WORD
    for code in lexicon.cue_codes(text):
        f["cue:" + code] = _W_CUE
    for code in lexicon.strong_codes(text):
        f["strong:" + code] = _W_CUE
    if _NEG.search(text.lower()):
        f["neg"] = _W_WORD
    if _QUOTE.search(text):
        f["quote"] = _W_WORD
        if "?" in text:
            f["quote&question"] = _W_CUE
    size = "short" if len(toks) <= 4 else ("medium" if len(toks) <= 10 else "long")
    f["len:" + size] = _W_WORD
    if ctx.review:
        f["setting:review"] = _W_CTX
    else:
        f["setting:interview"] = _W_CTX
        qtypes = lexicon.question_types(ctx.question)
        for qt in qtypes or ["none"]:
            f["qt:" + qt] = _W_CTX
            f[f"qt:{qt}&{size}"] = _W_CTX
        if ctx.question:
            for t in tokens(ctx.question):
                f["q:" + t] = _W_WORD * 0.5
    if ctx.previous:
        for t in tokens(ctx.previous):
            f["p:" + t] = _W_WORD * 0.3
        for code in lexicon.cue_codes(ctx.previous):
            f["pcue:" + code] = _W_WORD * 0.5
    else:
        f["p:none"] = _W_WORD * 0.5
    return f


@lru_cache(maxsize=1 << 17)  # n-gram names recur across sentences
def hash_feature(name: str) -> int:
    """The bucket of a named feature (stable across runs and platforms)."""
    return zlib.crc32(name.encode("utf-8")) & _MASK


def vectorise(texts: list[str], contexts: list[Context]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR parts ``(indptr, indices, values)`` of the L2-normalised feature rows."""
    indptr = [0]
    indices: list[int] = []
    values: list[float] = []
    for text, ctx in zip(texts, contexts):
        row: dict[int, float] = {}
        for name, w in feature_strings(text, ctx).items():
            h = hash_feature(name)
            row[h] = row.get(h, 0.0) + w
        vals = np.fromiter(row.values(), dtype=np.float64, count=len(row))
        norm = float(np.sqrt((vals * vals).sum())) or 1.0
        indices.extend(row.keys())
        values.extend((vals / norm).tolist())
        indptr.append(len(indices))
    return (np.asarray(indptr, dtype=np.int64), np.asarray(indices, dtype=np.int64),
            np.asarray(values, dtype=np.float32))


#: Dense blocks per sentence, in order (each ``dim`` wide).
DENSE_BLOCKS: tuple[str, ...] = ("sentence", "question", "previous", "next", "sentence@setting",
                                 "sentence@other")


def dense_features(texts: list[str], contexts: list[Context],
                   emb: StaticEmbeddings) -> np.ndarray:
    """``(n, len(DENSE_BLOCKS) * emb.dim)`` float32: the blocks of :data:`DENSE_BLOCKS`.

    Missing context (no question in a review, first or last sentence of a turn) is a zero
    block. ``sentence@setting`` holds the sentence vector for interview sentences and
    ``sentence@other`` for review sentences, so each setting can weigh meaning differently.
    Each distinct string is embedded once.
    """
    d = emb.dim
    out = np.zeros((len(texts), len(DENSE_BLOCKS) * d), dtype=np.float32)
    if not texts:
        return out
    cache: dict[str, np.ndarray] = {}

    def vec(s: str) -> np.ndarray:
        v = cache.get(s)
        if v is None:
            v = cache[s] = emb.embed_one(s)
        return v

    for i, (text, ctx) in enumerate(zip(texts, contexts)):
        v = vec(text)
        out[i, 0:d] = v
        if ctx.question and not ctx.review:
            out[i, d:2 * d] = vec(ctx.question)
        if ctx.previous:
            out[i, 2 * d:3 * d] = vec(ctx.previous)
        if ctx.next:
            out[i, 3 * d:4 * d] = vec(ctx.next)
        k = 5 if ctx.review else 4
        out[i, k * d:(k + 1) * d] = v
    return out


def turn_ids(texts: list[str], contexts: list[Context]) -> np.ndarray:
    """A turn number per row: row ``i`` continues the turn of row ``i - 1`` when their
    contexts chain (``contexts[i].previous`` is the text of row ``i - 1`` and
    ``contexts[i - 1].next`` the text of row ``i``); a review row is one turn."""
    out = np.zeros(len(texts), dtype=np.int64)
    for i in range(1, len(texts)):
        chained = (contexts[i].previous == texts[i - 1] and contexts[i - 1].next == texts[i]
                   and contexts[i].previous is not None)
        out[i] = out[i - 1] + (0 if chained else 1)
    return out


def turn_features(probs: np.ndarray, turns: np.ndarray, review: np.ndarray) -> np.ndarray:
    """Second-stage ("story context") features of each row from first-stage probabilities.

    ``probs`` is ``(n, n_codes)``; ``turns`` numbers the turn of each row (rows of a turn
    consecutive); ``review`` flags review/ticket rows. Per row: its own probabilities, those
    of the previous and next sentence of the turn (zeros at turn edges), the maximum over the
    turn, then first/last/relative position in the turn, 1 / turn length and the setting
    flag: ``4 * n_codes + 5`` columns. Training and inference share this function.
    """
    n, k = probs.shape
    if n == 0:
        return np.zeros((0, 4 * k + 5))
    turns = np.asarray(turns)
    starts = np.flatnonzero(np.r_[True, turns[1:] != turns[:-1]])
    lengths = np.diff(np.r_[starts, n])
    first = np.zeros(n, dtype=bool)
    first[starts] = True
    last = np.r_[first[1:], True]
    prev = np.zeros_like(probs)
    prev[1:] = probs[:-1]
    prev[first] = 0.0
    nxt = np.zeros_like(probs)
    nxt[:-1] = probs[1:]
    nxt[last] = 0.0
    turn_max = np.repeat(np.maximum.reduceat(probs, starts, axis=0), lengths, axis=0)
    length = np.repeat(lengths, lengths).astype(np.float64)
    pos = np.arange(n) - np.repeat(starts, lengths)
    rel = np.where(length > 1, pos / np.maximum(length - 1, 1), 0.0)
    extra = np.column_stack([first, last, rel, 1.0 / length, np.asarray(review, dtype=bool)])
    return np.hstack([probs, prev, nxt, turn_max, extra.astype(np.float64)])
