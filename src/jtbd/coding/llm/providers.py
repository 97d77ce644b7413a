"""HTTP clients for chat models: one ``complete(system, user) -> str`` call per request.

``OpenAIChat`` speaks the OpenAI chat-completions protocol (OpenAI, Ollama, vLLM, llama.cpp
server, LM Studio, ...); ``AnthropicMessages`` speaks the Anthropic messages protocol.
Retryable failures (429, 5xx, timeouts) raise ``TransientError`` for the coder to retry;
everything else raises ``ProviderError`` with a message that says what to fix.
The API key is sent in a header and never appears in a message or a ``repr``.
"""
from __future__ import annotations

import email.utils
import time
from typing import Any, Protocol

import httpx

from jtbd.errors import ProviderError

#: HTTP statuses worth retrying (rate limits, overload, server errors).
RETRYABLE_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504, 529})


class TransientError(Exception):
    """A failure that may pass if the request is retried later."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ChatProvider(Protocol):
    """What the coder needs from a provider."""

    provider: str
    model: str

    def complete(self, system: str, user: str) -> str:
        """The model's text reply to one system + user message."""
        ...

    def close(self) -> None:
        """Release the HTTP connection pool."""
        ...


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class _HttpProvider:
    """Shared HTTP plumbing: posting JSON and turning failures into our errors."""

    provider = "http"

    def __init__(self, *, model: str, base_url: str, api_key: str | None, timeout: float,
                 key_hint: str, client: httpx.Client | None = None) -> None:
        self.model = model
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key
        self.key_hint = key_hint
        self._client = client or httpx.Client(timeout=timeout)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(model={self.model!r}, base_url={self.base_url!r})"

    def close(self) -> None:
        self._client.close()

    def _redact(self, text: str) -> str:
        return text.replace(self._api_key, "***") if self._api_key else text

    def _server_message(self, response: httpx.Response) -> str:
        try:
            body = response.json()
        except ValueError:
            return self._redact(" ".join(response.text.split())[:300])
        err = body.get("error", body) if isinstance(body, dict) else body
        msg = err.get("message") if isinstance(err, dict) else err
        return self._redact(" ".join(str(msg).split())[:300])

    def _post(self, url: str, headers: dict[str, str], payload: dict[str, Any]) -> dict[str, Any]:
        try:
            response = self._client.post(url, headers=headers, json=payload)
        except httpx.TimeoutException as exc:
            raise TransientError(f"request to {url} timed out ({type(exc).__name__})") from None
        except httpx.ConnectError:
            raise ProviderError(
                f"could not reach the {self.provider} endpoint {url}: is the server running and "
                f"is the URL right? Set JTBD_LLM_BASE_URL or pass --base-url "
                f"(e.g. http://localhost:11434/v1 for Ollama)") from None
        except httpx.TransportError as exc:
            raise TransientError(f"connection to {url} failed ({type(exc).__name__})") from None
        status = response.status_code
        if status in RETRYABLE_STATUSES:
            raise TransientError(
                f"HTTP {status} from {url}: {self._server_message(response)}",
                retry_after=parse_retry_after(response.headers.get("retry-after")))
        if status in (401, 403):
            raise ProviderError(
                f"the {self.provider} endpoint {url} rejected the API key (HTTP {status}: "
                f"{self._server_message(response)}); {self.key_hint}")
        if status == 404:
            raise ProviderError(
                f"HTTP 404 from {url}: model {self.model!r} or the endpoint was not found "
                f"({self._server_message(response)}); check --model (for Ollama: "
                f"`ollama pull {self.model}`) and --base-url")
        if status >= 400:
            raise ProviderError(f"HTTP {status} from {url}: {self._server_message(response)}")
        try:
            body = response.json()
        except ValueError:
            raise ProviderError(
                f"{url} answered HTTP {status} with non-JSON content; is --base-url an "
                f"{self.provider}-compatible API?") from None
        if not isinstance(body, dict):
            raise ProviderError(f"{url} answered with unexpected JSON (not an object)")
        return body


class OpenAIChat(_HttpProvider):
    """``POST {base_url}/chat/completions`` (OpenAI-compatible servers).

    Asks for ``response_format: json_object``; a server that rejects it with HTTP 400 is
    asked again without it, and not asked for it again.
    """

    provider = "openai"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.json_mode = True

    def complete(self, system: str, user: str) -> str:
        url = f"{self.base_url}/chat/completions"
        headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
        payload: dict[str, Any] = {
            "model": self.model, "temperature": 0,
            "messages": [{"role": "system", "content": system},
                         {"role": "user", "content": user}]}
        if self.json_mode:
            payload["response_format"] = {"type": "json_object"}
        try:
            body = self._post(url, headers, payload)
        except ProviderError as exc:
            if not (self.json_mode and "HTTP 400" in str(exc) and "response_format" in str(exc)):
                raise
            self.json_mode = False
            payload.pop("response_format")
            body = self._post(url, headers, payload)
        try:
            content = body["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise ProviderError(f"{url} answered without choices[0].message.content; is "
                                f"--base-url an OpenAI-compatible API?") from None
        return str(content or "")


class AnthropicMessages(_HttpProvider):
    """``POST {base_url}/v1/messages`` with ``x-api-key`` and ``anthropic-version``."""

    provider = "anthropic"
    api_version = "2023-06-01"
    max_tokens = 4096

    def complete(self, system: str, user: str) -> str:
        base = self.base_url if self.base_url.endswith("/v1") else f"{self.base_url}/v1"
        url = f"{base}/messages"
        headers = {"anthropic-version": self.api_version}
        if self._api_key:
            headers["x-api-key"] = self._api_key
        payload = {"model": self.model, "max_tokens": self.max_tokens, "temperature": 0,
                   "system": system, "messages": [{"role": "user", "content": user}]}
        body = self._post(url, headers, payload)
        blocks = body.get("content")
        if not isinstance(blocks, list):
            raise ProviderError(f"{url} answered without a content list; is --base-url the "
                                f"Anthropic API?")
        return "".join(str(b.get("text", "")) for b in blocks
                       if isinstance(b, dict) and b.get("type") == "text")
