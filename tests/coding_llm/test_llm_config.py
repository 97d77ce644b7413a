"""Option resolution, retry timing and Retry-After parsing."""
from __future__ import annotations

import email.utils
import random

import pytest

from jtbd.coding.llm import LLMCoder, make_llm_coder, make_provider, resolve_config
from jtbd.coding.llm.providers import parse_retry_after
from jtbd.errors import ProviderError


def test_defaults_and_env_precedence() -> None:
    env = {"OPENAI_API_KEY": "sk-env", "JTBD_LLM_API_KEY": "sk-generic",
           "JTBD_LLM_BASE_URL": "https://llm.example.com/v1/"}
    cfg = resolve_config(env=env)
    assert (cfg.base_url, cfg.api_key, cfg.model) == ("https://llm.example.com/v1", "sk-env", "gpt-4o-mini")
    assert "sk-env" not in repr(cfg)
    cfg = resolve_config(provider="anthropic", api_key="arg-key", base_url=None, env={})
    assert (cfg.base_url, cfg.api_key) == ("https://api.anthropic.com", "arg-key")
    assert resolve_config(provider="anthropic", env={"JTBD_LLM_API_KEY": "g"}).api_key == "g"


def test_local_servers_need_no_key() -> None:
    for url in ("http://localhost:11434/v1", "http://127.0.0.1:8000/v1", "http://[::1]:8080/v1"):
        assert resolve_config(base_url=url, env={}).api_key is None
    with pytest.raises(ProviderError, match="no API key for the openai endpoint https://gpu.example.org/v1"):
        resolve_config(base_url="https://gpu.example.org/v1", env={})


def test_bad_options() -> None:
    with pytest.raises(ProviderError, match="not an http"):
        resolve_config(base_url="localhost:11434", env={})
    with pytest.raises(ProviderError, match="timeout"):
        resolve_config(base_url="http://localhost/v1", timeout=0, env={})
    provider = make_provider(resolve_config(base_url="http://localhost/v1", env={}))
    with pytest.raises(ProviderError, match="batch_size"):
        LLMCoder(provider, batch_size=0)
    with pytest.raises(ProviderError, match=r"unknown LLM option\(s\) \['batchsize'\]"):
        make_llm_coder(base_url="http://localhost/v1", batchsize=3)
    coder = make_llm_coder(base_url="http://localhost/v1", batch_size=None, max_retries=None)
    assert (coder.batch_size, coder.max_retries) == (20, 5)


def test_backoff_is_exponential_with_jitter_and_capped() -> None:
    coder = LLMCoder(make_provider(resolve_config(base_url="http://localhost/v1", env={})),
                     backoff_base=1.0, backoff_max=10.0, rng=random.Random(1))
    for attempt, ceiling in enumerate([1, 2, 4, 8, 10, 10]):
        delays = {coder.backoff(attempt, None) for _ in range(20)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays) and len(delays) > 1
    assert coder.backoff(0, 30.0) == 30.0


def test_parse_retry_after() -> None:
    assert parse_retry_after("12") == 12.0 and parse_retry_after("0.5") == 0.5
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    date = email.utils.formatdate(1_000_030, usegmt=True)
    assert parse_retry_after(date, now=1_000_000) == pytest.approx(30.0)
