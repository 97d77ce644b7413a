"""Feature extraction for the local coder: hashed sparse features of a sentence in context.

Features are strings hashed with CRC-32 into :data:`N_FEATURES` buckets (no vocabulary to
ship), so training (``scripts/train_coder.py``) and inference share exactly this code:

* the sentence: word unigrams and bigrams, character 3–5-grams inside words;
* the lexicon: ``cue:<code>`` and ``strong:<code>`` hits (see :mod:`jtbd.coding.lexicon`);
* the context: the type and words of the interviewer question the sentence answers, crossed
  with the answer's length (short answers take their meaning from the question), and the
  words and cues of the previous sentence in the same turn;
* the setting: review/ticket (no interviewer) or interview, quoted speech, negation.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

from jtbd.coding import lexicon

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
    """What surrounds a sentence: the question it answers and the previous sentence."""

    question: str | None = None
    previous: str | None = None
    review: bool = False


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
