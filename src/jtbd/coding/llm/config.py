"""Resolving LLM options (arguments first, then environment, then defaults) and checking them."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse

from jtbd.errors import ProviderError

PROVIDERS = ("openai", "anthropic")
DEFAULT_BASE_URLS = {"openai": "https://api.openai.com/v1", "anthropic": "https://api.anthropic.com"}
DEFAULT_MODELS = {"openai": "gpt-4o-mini", "anthropic": "claude-3-5-haiku-latest"}
KEY_ENV = {"openai": ("OPENAI_API_KEY", "JTBD_LLM_API_KEY"),
           "anthropic": ("ANTHROPIC_API_KEY", "JTBD_LLM_API_KEY")}
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0", "host.docker.internal"})


@dataclass(frozen=True)
class LLMConfig:
    """Everything needed to build a provider. ``api_key`` is hidden from ``repr``."""

    provider: str
    model: str
    base_url: str
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 120.0

    @property
    def key_hint(self) -> str:
        """What the user should set when the key is missing or rejected."""
        names = " or ".join(KEY_ENV[self.provider])
        hint = f"set {names} or pass --api-key"
        if self.provider == "openai":
            hint += "; for a local server use --base-url http://localhost:11434/v1"
        return hint


def is_local(url: str) -> bool:
    """Whether ``url`` points at this machine (a local server may need no key)."""
    host = (urlparse(url).hostname or "").lower()
    return host in LOCAL_HOSTS or host.endswith(".localhost")


def resolve_config(*, provider: str = "openai", model: str | None = None,
                   base_url: str | None = None, api_key: str | None = None,
                   timeout: float | None = None,
                   env: Mapping[str, str] | None = None) -> LLMConfig:
    """Fill in defaults from ``env`` (``os.environ``) and check the result.

    Raises ``ProviderError`` for an unknown provider, a malformed URL, or a missing key for a
    remote endpoint.
    """
    env = os.environ if env is None else env
    provider = (provider or "openai").strip().lower()
    if provider not in PROVIDERS:
        raise ProviderError(f"unknown LLM provider {provider!r}: use 'openai' (any "
                            f"OpenAI-compatible server: OpenAI, Ollama, vLLM, llama.cpp) "
                            f"or 'anthropic'")
    url = (base_url or env.get("JTBD_LLM_BASE_URL") or DEFAULT_BASE_URLS[provider]).strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ProviderError(f"base URL {url!r} is not an http(s) URL: pass e.g. "
                            f"--base-url http://localhost:11434/v1 or set JTBD_LLM_BASE_URL")
    key = api_key or next((env[n] for n in KEY_ENV[provider] if env.get(n)), None)
    config = LLMConfig(provider=provider, model=model or DEFAULT_MODELS[provider],
                       base_url=url.rstrip("/"), api_key=key or None,
                       timeout=120.0 if timeout is None else float(timeout))
    if config.timeout <= 0:
        raise ProviderError(f"timeout must be positive seconds, got {timeout}")
    if not config.api_key and not is_local(url):
        raise ProviderError(f"no API key for the {provider} endpoint {config.base_url}: "
                            f"{config.key_hint}")
    return config
