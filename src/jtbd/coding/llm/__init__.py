"""Optional LLM coders: code excerpts with a remote or local chat model.

    from jtbd.coding.llm import make_llm_coder
    coder = make_llm_coder(provider="openai", model="llama3.1", base_url="http://localhost:11434/v1",
                           cache_dir="study/.jtbd/llm-cache")
    results = coder.code_document(doc, excerpts)   # one CodeResult per excerpt

Parts: ``config`` (options, env, checks), ``providers`` (HTTP protocols), ``prompt``
(codebook and batch prompt), ``parse`` (tolerant JSON), ``cache`` (resumable progress),
``coder`` (batching and retries).
"""
from __future__ import annotations

import os
from typing import Any

import httpx

from jtbd.coding.llm.coder import LLMCoder
from jtbd.coding.llm.config import LLMConfig, resolve_config
from jtbd.coding.llm.prompt import PROMPT_VERSION
from jtbd.coding.llm.providers import AnthropicMessages, ChatProvider, OpenAIChat
from jtbd.errors import ProviderError

__all__ = ["LLMCoder", "LLMConfig", "PROMPT_VERSION", "make_llm_coder", "make_provider",
           "resolve_config"]


def make_provider(config: LLMConfig, *, client: httpx.Client | None = None) -> ChatProvider:
    """The HTTP provider for a resolved config."""
    cls = AnthropicMessages if config.provider == "anthropic" else OpenAIChat
    return cls(model=config.model, base_url=config.base_url, api_key=config.api_key,
               timeout=config.timeout, key_hint=config.key_hint, client=client)


#: Extra options passed through to ``LLMCoder`` (mostly for tests and tuning).
CODER_OPTIONS = frozenset({"backoff_base", "backoff_max", "sleep", "rng"})


def make_llm_coder(*, provider: str = "openai", model: str | None = None,
                   base_url: str | None = None, api_key: str | None = None,
                   batch_size: int | None = None, max_retries: int | None = None,
                   timeout: float | None = None,
                   cache_dir: str | os.PathLike[str] | None = None,
                   **coder_options: Any) -> LLMCoder:
    """Build an ``LLMCoder`` from user options (arguments, then environment, then defaults).

    ``provider`` is "openai" (any OpenAI-compatible endpoint) or "anthropic". ``base_url``
    falls back to ``JTBD_LLM_BASE_URL``, ``api_key`` to ``OPENAI_API_KEY`` /
    ``ANTHROPIC_API_KEY`` / ``JTBD_LLM_API_KEY`` (optional for a server on localhost).
    ``None`` means the default (batch_size 20, max_retries 5, timeout 120 s, no cache).
    Extra options (``backoff_base``, ``backoff_max``, ``sleep``, ``rng``) go to ``LLMCoder``.
    Raises ``ProviderError`` when the configuration cannot work.
    """
    unknown = sorted(set(coder_options) - CODER_OPTIONS)
    if unknown:
        raise ProviderError(f"unknown LLM option(s) {unknown}: known options are provider, "
                            f"model, base_url, api_key, batch_size, max_retries, timeout, "
                            f"cache_dir, {', '.join(sorted(CODER_OPTIONS))}")
    config = resolve_config(provider=provider, model=model, base_url=base_url,
                            api_key=api_key, timeout=timeout)
    return LLMCoder(make_provider(config), batch_size=20 if batch_size is None else batch_size,
                    max_retries=5 if max_retries is None else max_retries,
                    cache_dir=cache_dir, **coder_options)
