"""A small pure-Python WordPiece tokenizer (BERT uncased rules), for the static embeddings.

It reproduces what the MiniLM tokenizer does to English text, without ``tokenizers`` or
``transformers``:

1. lower-case, strip accents (NFD, drop combining marks), drop control characters;
2. split on white space and punctuation (every non-alphanumeric character is its own token);
3. split each word greedily into the longest vocabulary pieces, continuations prefixed ``##``;
   a word that cannot be split (or is longer than :data:`MAX_WORD_CHARS`) becomes ``[UNK]``.

Word pieces are cached per word, so running text costs one dictionary look-up per word.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: Words longer than this become the unknown token (as in BERT).
MAX_WORD_CHARS = 100
#: The cache is cleared when it holds this many words.
CACHE_SIZE = 200_000

UNK = "[UNK]"

_SPLIT = re.compile(r"[^\W_]+|[^\s]", re.UNICODE)


def basic_tokens(text: str) -> list[str]:
    """Lower-cased, accent-free words and single punctuation characters of ``text``."""
    text = text.lower()
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFD", text)
                       if unicodedata.category(ch) not in ("Mn", "Cc", "Cf"))
    return _SPLIT.findall(text)


class WordPiece:
    """Greedy longest-match-first WordPiece over a fixed vocabulary.

    ``vocab`` lists the pieces (continuations start with ``##``); ids are positions in it.
    """

    def __init__(self, vocab: Sequence[str], unk: str = UNK) -> None:
        self.vocab: dict[str, int] = {piece: i for i, piece in enumerate(vocab)}
        if unk not in self.vocab:
            raise ValueError(f"the vocabulary has no unknown token {unk!r}")
        self.unk_id = self.vocab[unk]
        self._longest = max(len(p) for p in self.vocab)
        self._cache: dict[str, tuple[int, ...]] = {}

    def word_ids(self, word: str) -> tuple[int, ...]:
        """The piece ids of one basic token (cached)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        ids = self._split(word)
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        self._cache[word] = ids
        return ids

    def _split(self, word: str) -> tuple[int, ...]:
        if len(word) > MAX_WORD_CHARS:
            return (self.unk_id,)
        vocab = self.vocab
        out: list[int] = []
        start, n = 0, len(word)
        while start < n:
            end = min(n, start + self._longest)
            found = -1
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = vocab.get(piece, -1)
                if found >= 0:
                    break
                end -= 1
            if found < 0:
                return (self.unk_id,)
            out.append(found)
            start = end
        return tuple(out)

    def encode(self, text: str) -> list[int]:
        """The piece ids of ``text``."""
        out: list[int] = []
        for word in basic_tokens(text):
            out.extend(self.word_ids(word))
        return out

    def tokenize(self, text: str) -> list[str]:
        """The pieces of ``text`` as strings (for inspection and tests)."""
        inverse = {i: p for p, i in self.vocab.items()}
        return [inverse[i] for i in self.encode(text)]
