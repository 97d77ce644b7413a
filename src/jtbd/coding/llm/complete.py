"""One free-text completion with retries: the reusable piece for callers other than the coder.

    from jtbd.coding.llm.complete import TextCompleter
    with TextCompleter.from_options(provider="openai", base_url="http://localhost:11434/v1") as llm:
        text = llm.complete(system, user)

It builds the provider from the same config resolution as the coder (arguments, then
environment, then defaults), asks for plain text (no JSON mode), and retries transient
failures (429, 5xx, timeouts) with exponential backoff and jitter, honouring ``Retry-After``.
When retries run out, or the failure is permanent (no key, unreachable server, unknown
model), it raises ``ProviderError`` with a message that says what to fix.
"""
from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable

import httpx

from jtbd.coding.llm.config import LLMConfig, resolve_config
from jtbd.coding.llm.providers import AnthropicMessages, ChatProvider, OpenAIChat, TransientError
from jtbd.errors import ProviderError

log = logging.getLogger("jtbd.coding.llm")


class RetriesExhausted(ProviderError):
    """Transient failures (rate limits, overload, timeouts) outlasted every retry."""

    def __init__(self, attempts: int, last: str) -> None:
        self.attempts = attempts
        self.last = last
        super().__init__(f"gave up after {attempts} attempts: {last}. Wait and retry.")


def text_provider(config: LLMConfig, *, client: httpx.Client | None = None) -> ChatProvider:
    """The HTTP provider for ``config``, asking for plain text rather than a JSON object."""
    if config.provider == "anthropic":
        return AnthropicMessages(model=config.model, base_url=config.base_url, api_key=config.api_key,
                                 timeout=config.timeout, key_hint=config.key_hint, client=client)
    chat = OpenAIChat(model=config.model, base_url=config.base_url, api_key=config.api_key,
                      timeout=config.timeout, key_hint=config.key_hint, client=client)
    chat.json_mode = False
    return chat


class TextCompleter:
    """``complete(system, user) -> str`` over a provider, with retries for transient failures."""

    def __init__(self, provider: ChatProvider, *, max_retries: int = 2, backoff_base: float = 1.0,
                 backoff_max: float = 30.0, sleep: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None) -> None:
        if max_retries < 0:
            raise ProviderError(f"max_retries must be 0 or more, got {max_retries}")
        self.provider = provider
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self._sleep = sleep
        self._rng = rng or random.Random()
        #: Counters for reporting: requests sent and retries made.
        self.requests = 0
        self.retries = 0

    @classmethod
    def from_options(cls, *, provider: str = "openai", model: str | None = None,
                     base_url: str | None = None, api_key: str | None = None,
                     timeout: float | None = None, max_retries: int = 2,
                     backoff_base: float = 1.0, backoff_max: float = 30.0,
                     sleep: Callable[[float], None] = time.sleep) -> TextCompleter:
        """Resolve the options like the coder does and build the completer.

        Raises ``ProviderError`` when the configuration cannot work (unknown provider,
        malformed URL, no API key for a remote endpoint)."""
        config = resolve_config(provider=provider, model=model, base_url=base_url,
                                api_key=api_key, timeout=timeout)
        return cls(text_provider(config), max_retries=max_retries, backoff_base=backoff_base,
                   backoff_max=backoff_max, sleep=sleep)

    def __repr__(self) -> str:
        return f"TextCompleter({self.provider!r}, max_retries={self.max_retries})"

    def close(self) -> None:
        """Close the provider's HTTP connections."""
        self.provider.close()

    def __enter__(self) -> TextCompleter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backoff(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before retry ``attempt`` (0-based)."""
        if retry_after is not None:
            return min(retry_after, self.backoff_max * 5)
        ceiling = min(self.backoff_max, self.backoff_base * 2.0 ** attempt)
        return ceiling * (0.5 + 0.5 * self._rng.random())

    def complete(self, system: str, user: str) -> str:
        """The model's reply. Raises ``RetriesExhausted`` when transient failures outlast the
        retries, ``ProviderError`` for a permanent failure."""
        last = ""
        for attempt in range(self.max_retries + 1):
            self.requests += 1
            try:
                return self.provider.complete(system, user)
            except TransientError as exc:
                last = str(exc)
                if attempt == self.max_retries:
                    break
                delay = self.backoff(attempt, exc.retry_after)
                self.retries += 1
                log.info("LLM request failed (%s); retry %d/%d in %.1fs", last, attempt + 1,
                         self.max_retries, delay)
                self._sleep(delay)
        raise RetriesExhausted(self.max_retries + 1, last)
