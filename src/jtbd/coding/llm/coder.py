"""``LLMCoder``: codes a document's excerpts in batches through a chat provider.

Per document: interviewer excerpts get empty codes and are not sent; the other excerpts are
cut into batches of ``batch_size``; each batch is one request (skipped when the on-disk cache
already holds it). Transient failures are retried with exponential backoff and jitter,
honouring ``Retry-After`` (by :class:`jtbd.coding.llm.complete.TextCompleter`, which the
synthesis wording pass uses too); when retries run out a ``ProviderError`` says so.
"""
from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Callable

from jtbd.coding.llm.cache import BatchCache, batch_key
from jtbd.coding.llm.complete import RetriesExhausted, TextCompleter
from jtbd.coding.llm.parse import ItemCodes, parse_reply
from jtbd.coding.llm.prompt import PROMPT_VERSION, SYSTEM_PROMPT, batch_prompt, build_items
from jtbd.coding.llm.providers import ChatProvider
from jtbd.errors import ProviderError
from jtbd.model import CODES, CodeResult, Excerpt, ParsedDocument

log = logging.getLogger("jtbd.coding.llm")


class LLMCoder:
    """A coder (``name``, ``version``, ``code_document``) backed by a chat model."""

    def __init__(self, provider: ChatProvider, *, batch_size: int = 20, max_retries: int = 5,
                 cache_dir: str | os.PathLike[str] | None = None, backoff_base: float = 1.0,
                 backoff_max: float = 60.0, sleep: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None) -> None:
        if batch_size < 1:
            raise ProviderError(f"batch_size must be at least 1, got {batch_size}")
        if max_retries < 0:
            raise ProviderError(f"max_retries must be 0 or more, got {max_retries}")
        self.provider = provider
        self.batch_size = batch_size
        self.max_retries = max_retries
        self.cache = BatchCache(cache_dir) if cache_dir else None
        #: Sends each request, retrying transient failures with backoff (shared with other callers).
        self._completer = TextCompleter(provider, max_retries=max_retries, backoff_base=backoff_base,
                                        backoff_max=backoff_max, sleep=sleep, rng=rng)
        self.name = f"llm:{provider.provider}:{provider.model}"
        self.version = PROMPT_VERSION
        #: Counter for reporting: batches served from the cache (requests and retries below).
        self.cached_batches = 0
        #: Warnings about sloppy replies (also logged).
        self.warnings: list[str] = []

    def __repr__(self) -> str:
        return f"LLMCoder({self.provider!r}, batch_size={self.batch_size})"

    def close(self) -> None:
        """Close the provider's HTTP connections."""
        self.provider.close()

    def __enter__(self) -> LLMCoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def code_document(self, doc: ParsedDocument, excerpts: list[Excerpt]) -> list[CodeResult]:
        """One ``CodeResult`` per excerpt, in order."""
        items = build_items(doc, excerpts)
        answers: list[ItemCodes | None] = [None] * len(excerpts)
        todo = [k for k, it in enumerate(items) if it is not None]
        for lo in range(0, len(todo), self.batch_size):
            idx = todo[lo:lo + self.batch_size]
            batch = [items[k] for k in idx]
            user = batch_prompt([b for b in batch if b is not None], doc.kind)
            for k, ans in zip(idx, self._code_batch(user, len(idx), doc.source)):
                answers[k] = ans
        empty = {c: 0.0 for c in CODES}
        return [CodeResult(codes=a.codes if a else (), scores=dict(a.scores if a else empty),
                           coder=self.name, coder_version=self.version) for a in answers]

    def _code_batch(self, user: str, n: int, source: str) -> list[ItemCodes]:
        key = batch_key(self.provider.provider, self.provider.model, PROMPT_VERSION,
                        SYSTEM_PROMPT, user)
        if self.cache is not None:
            hit = self.cache.get(key, n)
            if hit is not None:
                self.cached_batches += 1
                return hit
        reply = parse_reply(self._complete(user), n)
        for w in reply.warnings:
            msg = f"{source}: {w}"
            self.warnings.append(msg)
            log.warning("%s", msg)
        if self.cache is not None and reply.complete:
            self.cache.put(key, reply.items)
        return reply.items

    @property
    def requests(self) -> int:
        """Requests sent so far (retries included)."""
        return self._completer.requests

    @property
    def retries(self) -> int:
        """Retries made after transient failures."""
        return self._completer.retries

    def backoff(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before retry ``attempt`` (0-based)."""
        return self._completer.backoff(attempt, retry_after)

    def _complete(self, user: str) -> str:
        try:
            return self._completer.complete(SYSTEM_PROMPT, user)
        except RetriesExhausted as exc:
            resume = (f" Finished batches are cached in {self.cache.root}; run again to resume."
                      if self.cache else "")
            raise ProviderError(f"gave up after {exc.attempts} attempts: {exc.last}. Wait and "
                                f"retry, or raise --max-retries.{resume}") from None
